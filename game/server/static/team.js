// A team's page: its options with how each reads to the others, a one-line reason, Send; then the resolution.
"use strict";

const gameId = location.pathname.split("/").pop();
const token = localStorage.getItem(`seat:${gameId}`);
let welcome = null, shownOptions = "", ladder = [];

function say(text, node = "#message") {
  const box = $(node);
  box.textContent = text || "";
  box.classList.toggle("hidden", !text);
}

function optionCard(now, chosen) {
  // What never changes about an option came in the welcome; the view says whether it is open this turn.
  const option = { ...welcome.options[now.id], ...now };
  const id = `opt-${option.id}`;
  return el("div", { class: "panel option" },
    el("label", { for: id },
      el("input", { type: "radio", name: "option", id, value: option.id, disabled: !option.available, checked: option.id === chosen }),
      el("strong", {}, option.label), el("span", { class: "dim" }, `(${option.category})`)),
    option.available ? null : el("p", { class: "dim" }, "Not available: " + option.reason),
    el("details", {}, el("summary", {}, "How it reads to the others"),
      option.description ? el("p", {}, option.description) : null,
      option.signals.length ? el("p", {}, "Signals — " + option.signals.join("; ")) : null,
      option.reads.length ? el("ul", { class: "reads" }, option.reads.map((r) => el("li", { class: `verdict-${r.verdict}` },
        r.sentence, r.words ? el("div", { class: "words" }, r.words) : null)))
        : el("p", { class: "dim" }, "No other actor has a stated position this order touches.")));
}

function showOptions(view) {
  const chosen = view.my_order ? view.my_order.option : (document.querySelector("input[name=option]:checked") || {}).value;
  const signature = view.turn + ":" + view.options.map((o) => o.id + o.available).join(",");
  if (signature !== shownOptions) {
    fill("#options", el("legend", { class: "hidden" }, "Options"), view.options.map((o) => optionCard(o, chosen)));
    shownOptions = signature;
    if (!view.my_order) $("#rationale").value = "";
  }
  if (view.my_order && document.activeElement !== $("#rationale")) $("#rationale").value = view.my_order.rationale;
  $("#order-form").classList.toggle("hidden", view.over);
  $("#send").disabled = view.paused;
  $("#send").textContent = view.my_order ? "Change our order" : "Send our order";
}

function banner(view) {
  if (view.over) return "";
  if (view.paused) return "The instructor has paused the game.";
  if (view.my_order) {
    const waiting = view.teams.length - view.ordered;
    return `Your order is in: “${view.my_order.label}”. Waiting for ${waiting} more team${waiting === 1 ? "" : "s"}; you can change it until then.`;
  }
  return `Choose your order. ${view.ordered} of ${view.teams.length} teams have ordered.`;
}

let shown = null;  // the last view, which a "progress" message updates

function showView(view) {
  shown = view;
  const me = view.teams.find((t) => t.id === view.side);
  $("#side-name").textContent = me ? me.name : "Your team";
  document.title = `${me ? me.short : "Team"} — Brinkmanship`;
  $("#turn").textContent = headerLine(view);
  say(banner(view), "#banner");
  say((view.reads || []).join(" · "), "#reads");  // this team's own read of hidden aims, never another's
  showOptions(view);
  setTimer(view, $("#timer"));
  fill("#last", resultPanel(view.last) || el("p", { class: "dim" }, "Nothing has happened yet."));
  fill("#outcome-box", outcomePanel(view, gameId));
  fill("#revealed-box", revealedPanel(view));
  fill("#issues", issuesPanel(view));
  fill("#meters", meterPanel(view));
  fill("#ladder", ladderPanel(ladder, view));
  $("#map").src = `/api/map/${gameId}.svg?turn=${view.turn}`;
  if (welcome) showBriefing(view.side);
  paintSwatches();
}

function showBriefing(side) {
  const own = welcome.actors.filter((a) => a.id === side);
  const others = welcome.actors.filter((a) => a.id !== side);
  fill("#briefing",
    el("p", {}, el("strong", {}, welcome.title)), el("p", {}, welcome.summary), el("p", {}, welcome.briefing),
    [...own, ...others].map((actor) => el("details", { open: actor.id === side },
      el("summary", {}, actor.id === side ? `Your side: ${actor.name}` : `${actor.name}: stated positions`),
      actor.description ? el("p", {}, actor.description) : null,
      el("ul", {}, actor.positions.map((p) => el("li", {}, el("strong", {}, p.issue + ": "), p.summary,
        el("div", { class: "dim" }, `Wants ${p.wants.join(", ") || "—"}; accepts ${p.accepts.join(", ") || "—"}; red line ${p.red_lines.join(", ") || "—"} (${p.strength})`),
        p.words ? el("div", { class: "words" }, p.words) : null))))));
}

function onMessage(message) {
  if (message.type === "welcome") { welcome = message; ladder = message.ladder; shownOptions = ""; }
  else if (message.type === "view") { say(""); showView(message); }
  else if (message.type === "progress" && shown) showView({ ...shown, ...message });
  else if (message.type === "ack") say("");
  else if (message.type === "refused") say(message.message);
  if (message.type === "unseated" || (message.type === "refused" && /seat/.test(message.message))) {
    localStorage.removeItem(`seat:${gameId}`);
    live.stop();
    say("This seat has been freed by the instructor. Join again with the code on the projector.");
  }
}

$("#order-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const chosen = document.querySelector("input[name=option]:checked");
  if (!chosen) { say("Choose an option first."); return; }
  if (!live.send({ type: "order", option: chosen.value, rationale: $("#rationale").value })) say("Not connected just now: your order goes as soon as the connection is back.");
});

if (!token) location.replace("/");
const live = connect(() => ({ type: "hello", token }), onMessage);
