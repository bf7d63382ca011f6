// The projector: the world, the clock, how many teams have ordered (never what), the resolution once all are in.
"use strict";

const code = decodeURIComponent(location.pathname.split("/").pop());
let ladder = [], gameId = "";

let shown = null;  // the last view, which a "progress" message updates

function showView(view) {
  shown = view;
  $("#turn").textContent = headerLine(view);
  $("#paused").classList.toggle("hidden", !view.paused);
  setTimer(view, $("#timer"));
  fill("#teams", view.over ? null : teamsLine(view));
  $("#join-url").textContent = view.join.url.replace(/\/join\/.*$/, "/");
  $("#join-code").textContent = view.join.code;
  fill("#outcome-box", outcomePanel(view, gameId));
  fill("#ladder", ladderPanel(ladder, view));
  fill("#issues", issuesPanel(view));
  fill("#meters", meterPanel(view));
  fill("#last", resultPanel(view.last));
  fill("#revealed-box", revealedPanel(view));
  $("#map").src = `/api/map/${gameId}.svg?turn=${view.turn}`;
  paintSwatches();
}

function onMessage(message) {
  if (message.type === "welcome") {
    ladder = message.ladder; gameId = message.game;
    $("#title").textContent = message.title;
  } else if (message.type === "view") showView(message);
  else if (message.type === "progress" && shown) showView({ ...shown, ...message });
  else if (message.type === "refused") { $("#connection").textContent = message.message; live.stop(); }
}

$("#qr").src = `/api/qr/${encodeURIComponent(code)}.svg`;
const live = connect(() => ({ type: "hello", code }), onMessage);
