// The instructor's console: pause, timer, news flashes, undo, resolve now, end, reveal, free a seat.
"use strict";

const gameId = location.pathname.split("/").pop();
if (location.hash.length > 1) { localStorage.setItem(`instructor:${gameId}`, location.hash.slice(1)); history.replaceState(null, "", location.pathname); }
const key = localStorage.getItem(`instructor:${gameId}`) || "";
let current = null;

function act(type, extra = {}) { live.send({ type, ...extra }); }
function confirmAct(question, type) { if (window.confirm(question)) act(type); }

let shown = null;  // the last view, which a "progress" message updates

function showView(view) {
  shown = view;
  current = view;
  $("#turn").textContent = headerLine(view);
  setTimer(view, $("#timer"));
  fill("#teams", teamsLine(view));
  $("#pause").textContent = view.paused ? "Resume" : "Pause";
  if (document.activeElement !== $("#minutes")) $("#minutes").value = Math.round(view.timer_seconds / 60);
  $("#undo").disabled = !view.can_undo;
  for (const id of ["#resolve-now", "#end", "#pause", "#set-timer"]) $(id).disabled = view.over;
  fill("#injects", view.injects.map((i) => el("li", { class: "row" },
    el("button", { type: "button", class: "quiet", disabled: i.done || i.queued || view.over, "data-inject": i.id, onclick: () => act("inject", { inject: i.id }) },
      i.done ? "Happened" : i.queued ? "Queued for this turn" : "Fire"),
    i.title + (i.instructor_only ? " (only when you fire it)" : ""))));
  fill("#seats", view.teams.map((t) => el("li", { class: "row" }, `${t.name}: ${t.seated ? "taken" : "free"}`,
    t.seated ? el("button", { type: "button", class: "quiet", onclick: () => window.confirm(`Free ${t.name}'s seat? Their page will have to join again.`) && act("free_seat", { side: t.id }) }, "Free the seat") : null)));
  fill("#links", el("a", { href: `/projector/${view.join.code}`, target: "_blank" }, "Open the projector page"), ` · join code ${view.join.code}`);
  fill("#outcome-box", outcomePanel(view, gameId));
  fill("#last", resultPanel(view.last));
  fill("#revealed-box", revealedPanel(view));
}

function onMessage(message) {
  if (message.type === "welcome") $("#title").textContent = "Instructor: " + message.title;
  else if (message.type === "view") { $("#message").classList.add("hidden"); showView(message); }
  else if (message.type === "progress" && shown) showView({ ...shown, ...message });
  else if (message.type === "refused") { $("#message").textContent = message.message; $("#message").classList.remove("hidden"); }
}

$("#pause").addEventListener("click", () => act(current && current.paused ? "resume" : "pause"));
$("#set-timer").addEventListener("click", () => act("timer", { minutes: Number($("#minutes").value) }));
$("#resolve-now").addEventListener("click", () => confirmAct("Resolve the turn now? The computer orders for every team that has not.", "resolve_now"));
$("#undo").addEventListener("click", () => confirmAct("Take back the last turn?", "undo"));
$("#end").addEventListener("click", () => confirmAct("End the game now and open the debrief?", "end"));
$("#reveal").addEventListener("click", () => act("reveal"));
const live = connect(() => ({ type: "hello", game: gameId, key }), onMessage);
