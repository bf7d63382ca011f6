"""Helpers for the window tests: a tiny scenario of their own, a fresh window on it, and keys pressed
as a player presses them."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.client.app import App
from game.client.briefing import BriefingScreen
from game.client.title import TitleScreen
from game.client.widgets import Button, Toggle

TINY = """\
format: 1
id: tiny_crisis
title: "Tiny Crisis"
summary: "Blue and Red argue over a harbour; Grey watches."
briefing: "Two sides argue over Kogălniceanu harbour. Błaszczak watches."
start_date: "2022-02-02"
turn_days: 7
turn_limit: 3
start_tension: 40
map: {west: 10, east: 40, south: 40, north: 58}
sources:
  - {id: article, title: "A test article", publisher: "test", date: "2022-02-03", covers: "everything"}
ladder:
  - {id: calm, name: Calm, at: 0}
  - {id: crisis, name: Crisis, at: 50}
  - {id: war, name: War, at: 90}
actors:
  - id: blue
    name: Blue Republic
    short_name: Blue
    colour: "#0072b2"
    playable: true
    side: west
    countries: [POL, ROU]
    meters:
      - {id: resolve, name: Resolve, min: 0, max: 100, start: 50}
    reactions:
      honoured: {tension: -1}
      crossed: {tension: 2}
  - id: red
    name: Red Federation
    short_name: Red
    colour: "#d55e00"
    playable: true
    side: east
    countries: [RUS]
    meters:
      - {id: resolve, name: Resolve, min: 0, max: 100, start: 50}
    reactions:
      honoured: {tension: -2, meters: {red.resolve: -1}}
      crossed: {tension: 3, meters: {red.resolve: 2}}
issues:
  - id: harbour
    name: the harbour question
    description: "Who uses the harbour."
    start: open
    states:
      - {id: open, name: "Open to all"}
      - {id: closed, name: "Closed"}
positions:
  - actor: red
    issue: harbour
    strength: 3
    summary: "Red wants the harbour closed."
    preferred: [closed]
    red_lines: [open]
    evidence:
      - {speaker: Red Leader, source: article, quote: "Our concerns were overlooked."}
  - actor: blue
    issue: harbour
    strength: 2
    summary: "Blue keeps the harbour open."
    preferred: [open]
    red_lines: [closed]
    evidence:
      - {speaker: Blue Spokesman, source: article, paraphrase: "The harbour stays open."}
places:
  - {id: harbour, name: "Mihail Kogălniceanu, Romania", lat: 44.36, lon: 28.49, country: ROU}
  - {id: base, name: "Vilseck, Germany", lat: 49.61, lon: 11.80, country: DEU}
  - {id: border, name: "Belgorod, Russia", lat: 50.6, lon: 36.6, country: RUS}
forces:
  - {id: blue_brigade, owner: blue, name: Blue brigade, type: mechanised, size: 1700, home: base, at: base}
  - {id: red_army, owner: red, name: Red army, type: ground, size: 100000, home: border, at: border}
options:
  - id: reinforce
    actor: blue
    label: Send the brigade to the harbour
    description: "The brigade moves east."
    category: military
    once: true
    stances: {harbour: open}
    effects:
      tension: 3
      move: {blue_brigade: {to: harbour, posture: deployed}}
  - id: wait
    actor: blue
    label: Wait and see
    description: "Nothing happens."
    category: diplomatic
  - id: demand
    actor: red
    label: Demand the harbour closes
    description: "A loud demand."
    category: signalling
    stances: {harbour: closed}
    effects: {tension: 2}
  - id: talk
    actor: red
    label: Talk
    description: "Talks."
    category: diplomatic
    effects: {tension: -1}
injects: []
outcomes:
  - id: war
    title: War
    when: [{rung_at_least: war}]
    debrief: "It came to war."
    historical: true
    historical_note: "In the real crisis it came to war."
  - id: standoff
    title: Standoff
    default: true
    debrief: "Nobody moved."
questions:
  - "Why did Red react?"
"""


def write_scenarios(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tiny.yaml").write_text(TINY, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_app(scenario_dir: Path, size: tuple[int, int] = (1280, 720), large: bool = False) -> App:
    """A fresh window (a new display each time, as pygame on the dummy driver needs) on the title screen."""
    pygame.display.quit()
    pygame.display.init()
    app = App(size, large, scenario_dir)
    app.stack = [TitleScreen(app)]
    app.pump()
    return app


def press(app: App, key: int, mod: int = 0, times: int = 1) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
        app.pump()


def tab_to(app: App, wanted) -> None:
    """Tab until the focused control satisfies `wanted`, as a keyboard user would."""
    for _ in range(60):
        if wanted(app.top.focused):
            return
        press(app, pygame.K_TAB)
    raise AssertionError("no such control to focus")


def button(label: str):
    return lambda c: isinstance(c, Button) and c.label.startswith(label)


def start_game(app: App, classroom: bool = False) -> None:
    if classroom:
        tab_to(app, lambda c: isinstance(c, Toggle) and c.label == "Classroom")
        press(app, pygame.K_RETURN)
    tab_to(app, button("Start"))
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, BriefingScreen)
    press(app, pygame.K_RETURN)
