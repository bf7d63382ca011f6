// Shared by every page: building elements (text only: nothing a player typed is ever read as HTML),
// the WebSocket that reconnects by itself, the turn timer, and the panels every page shows.
"use strict";

const $ = (selector) => document.querySelector(selector);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fill(selector, ...children) {
  const node = typeof selector === "string" ? $(selector) : selector;
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// A live connection: says hello on every (re)connect, retries after a drop until told the page is done.
// What is sent while the connection is down waits, and goes as soon as it is back (after the hello).
function connect(hello, onMessage) {
  let socket = null, stopped = false, delay = 300, waiting = [];
  const status = $("#connection");
  const show = (text, offline) => {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("offline", offline);
  };
  function open() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.onopen = () => {
      delay = 300; show("Connected", false);
      socket.send(JSON.stringify(hello()));
      for (const message of waiting.splice(0)) socket.send(JSON.stringify(message));
    };
    socket.onmessage = (event) => onMessage(JSON.parse(event.data));
    socket.onclose = () => {
      if (stopped) return;
      show("Connection lost — reconnecting…", true);
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 3000);
    };
  }
  open();
  return {
    send: (message) => {
      if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); return true; }
      waiting = [message];  // only the latest: an order changed while offline replaces the earlier one
      return false;
    },
    stop: () => { stopped = true; if (socket) socket.close(); },
  };
}

// The turn timer: the server says how many seconds were left when it sent the view; the page counts down.
const timer = { deadline: null, frozen: null, node: null };
function setTimer(view, node) {
  timer.node = node;
  timer.frozen = null; timer.deadline = null;
  if (view.seconds_left === null || view.over) { node.textContent = ""; return; }
  if (view.paused) timer.frozen = view.seconds_left;
  else timer.deadline = Date.now() + view.seconds_left * 1000;
  tick();
}
function tick() {
  const node = timer.node;
  if (!node) return;
  const left = timer.frozen !== null ? timer.frozen : timer.deadline !== null ? (timer.deadline - Date.now()) / 1000 : null;
  if (left === null) { node.textContent = ""; return; }
  const s = Math.max(0, Math.ceil(left));
  node.textContent = s > 0 ? `Time left ${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` : "Time's up — decide now";
  node.classList.toggle("up", s === 0);
}
setInterval(tick, 500);

function headerLine(view) {
  return `Turn ${view.turn} of ${view.turn_limit} · ${view.date} · tension ${view.tension}/100: ${view.rung}`;
}

function meterPanel(view) {
  return el("div", { class: "meters" }, view.meters.map((actor) =>
    el("div", { class: "panel" },
      el("h3", {}, el("span", { class: "swatch", "data-colour": actor.colour }), actor.actor),
      actor.meters.map((m) => {
        const bar = el("span");
        bar.style.width = `${(100 * (m.value - m.min)) / Math.max(1, m.max - m.min)}%`;
        return el("div", { class: "meter" }, el("span", {}, m.name), el("strong", {}, m.value), el("div", { class: "bar" }, bar));
      }))));
}

function ladderPanel(ladder, view) {
  return el("ol", { class: "ladder", "aria-label": "Escalation ladder" },
    ladder.slice().reverse().map((r) => el("li", { class: r.name === view.rung ? "now" : "" },
      (r.name === view.rung ? "▶ " : "") + `${r.name} (from ${r.at})` + (r.risk ? `: ${r.risk}` : ""))));
}

function issuesPanel(view) {
  return el("ul", {}, view.issues.map((i) => el("li", {}, `${i.name}: `, el("strong", {}, i.state))));
}

function teamsLine(view) {
  return el("p", { id: "ordered" }, `${view.ordered} of ${view.teams.length} teams have ordered `,
    view.teams.map((t) => el("span", { class: "chip" + (t.ordered ? " done" : "") }, (t.ordered ? "✔ " : "… ") + t.short)));
}

// A resolved turn: each order with its team's one-line reason, the news, the turn in sum, then every cause.
function resultPanel(last) {
  if (!last) return null;
  return el("section", { class: "panel", id: "result" },
    el("h3", { id: "headline" }, last.headline),
    el("ul", {}, last.orders.map((o) => el("li", {}, el("strong", {}, o.name + ": "), o.order,
      o.rationale ? el("div", { class: "words" }, `Why: “${o.rationale}”`) : null,
      o.computer ? el("div", { class: "words" }, `(ordered by the computer) ${o.computer}`) : null))),
    last.injects.map((n) => el("p", {}, el("strong", {}, "News flash — " + n.title + ": "), n.text)),
    last.net.length ? el("p", {}, el("strong", {}, "In sum: "), last.net.join("; ") + ".") : null,
    el("details", {}, el("summary", {}, "Why each change followed"),
      el("ul", {}, last.causes.map((c) => el("li", {}, c.cause, el("div", { class: "dim" }, "→ " + c.changes.join("; ")))))));
}

function outcomePanel(view, gameId) {
  if (!view.outcome) return null;
  return el("section", { class: "banner good", id: "outcome" },
    el("div", {}, "Outcome: " + view.outcome.title),
    el("p", {}, view.outcome.debrief),
    el("p", {}, el("a", { href: `/api/debrief/${gameId}.html`, target: "_blank" }, "Open the debrief (prints well)"),
      " · ", el("a", { href: `/api/debrief/${gameId}.md`, target: "_blank" }, "Markdown")));
}

function revealedPanel(view) {
  if (!view.revealed) return null;
  const r = view.revealed;
  return el("section", { class: "panel", id: "revealed" }, el("h3", {}, "Revealed"),
    ...(r.types || []).map((line) => el("p", {}, line)),
    r.temperaments.length ? el("p", {}, "The computer sides were: " + r.temperaments.map((t) => `${t.name} ${t.temperament}`).join(", ") + ".")
      : el("p", {}, "Every side was played by a team."),
    el("ul", {}, r.reasons.map((x) => el("li", {}, `Turn ${x.turn}, ${x.name}: “${x.text}”`))));
}

// Side colours come from the scenario: applied through the DOM (the pages allow no inline styles).
function paintSwatches(root) {
  for (const node of (root || document).querySelectorAll("[data-colour]")) node.style.background = node.dataset.colour;
}
