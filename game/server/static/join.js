// Join: find the game by its code (from the QR code's address or typed), pick a free side, keep the seat token.
"use strict";

function say(text) {
  const node = $("#message");
  node.textContent = text;
  node.classList.toggle("hidden", !text);
}

async function lookUp(code) {
  say("");
  const answer = await fetch(`/api/join/${encodeURIComponent(code)}`);
  const data = await answer.json();
  if (!answer.ok) { say(data.error); return; }
  const kept = localStorage.getItem(`seat:${data.game}`);
  if (kept) { location.href = `/team/${data.game}`; return; }
  $("#game-title").textContent = data.title;
  fill("#side-buttons", data.sides.map((side) => el("button", {
    type: "button", "data-side": side.id, disabled: side.taken,
    onclick: () => take(code, side.id),
  }, side.taken ? `${side.name} (taken)` : side.name)));
  $("#sides").classList.remove("hidden");
  const first = document.querySelector("#side-buttons button:not([disabled])");
  if (first) first.focus();
}

async function take(code, side) {
  const answer = await fetch("/api/join", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code, side }),
  });
  const data = await answer.json();
  if (!answer.ok) { say(data.error); lookUp(code); return; }
  localStorage.setItem(`seat:${data.game}`, data.token);
  location.href = `/team/${data.game}`;
}

$("#code-form").addEventListener("submit", (event) => { event.preventDefault(); lookUp($("#code").value.trim()); });
const fromAddress = location.pathname.match(/^\/join\/([^/]+)$/);
if (fromAddress) { $("#code").value = decodeURIComponent(fromAddress[1]); lookUp($("#code").value); }
else $("#code").focus();
