// The host's page: every game on this server with its links, and a new game for another class.
"use strict";

if (location.hash.length > 1) { localStorage.setItem("host", location.hash.slice(1)); history.replaceState(null, "", location.pathname); }
const key = localStorage.getItem("host") || "";

function show(data) {
  if (data.error) { $("#message").textContent = data.error; $("#message").classList.remove("hidden"); return; }
  fill("#scenario", data.scenarios.map((s) => el("option", { value: s }, s)));
  fill("#games", data.games.slice().reverse().map((g) => el("li", { class: "panel" },
    el("strong", {}, g.title), ` — code ${g.code}${g.ended ? " (ended)" : ""}`,
    el("div", {}, el("a", { href: g.projector, target: "_blank" }, "Projector"), " · ",
      el("a", { href: g.instructor, target: "_blank" }, "Instructor")))));
}

fetch(`/api/games?key=${encodeURIComponent(key)}`).then((r) => r.json()).then(show);
$("#new-game").addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await fetch("/api/games", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ key, scenario: $("#scenario").value }) });
  show(await answer.json());
});
