"""The window hosts the network game: S on the title starts the server and shows where to join."""

from __future__ import annotations

import re
import time
import urllib.request

import pygame

from game.client.hosting import HostingScreen
from game.client.title import TitleScreen
from tests.window_fixtures import press


def fetch(url: str, wait: float = 20) -> bytes:
    """The page at `url`, once the server (announced a moment before it listens) answers."""
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return answer.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_s_on_the_title_serves_the_chosen_scenario_and_shows_the_join_address_and_code(app, monkeypatch):
    monkeypatch.setattr(HostingScreen, "lan", False)  # tests stay on 127.0.0.1
    press(app, pygame.K_s)
    hosting = app.top
    assert isinstance(hosting, HostingScreen)
    try:
        deadline = time.monotonic() + 30
        while "Code" not in app.shown_text() and time.monotonic() < deadline:
            app.dirty = True
            app.pump()
            time.sleep(0.1)
        shown = app.shown_text()
        code = re.search(r"\b([2-9A-Z]{4}-[2-9A-Z]{4})\b", shown)
        assert code and "http://127.0.0.1:" in shown, shown
        assert "#" not in shown, "the instructor's key stays off the screen until asked for"
        # The server really serves the game shown.
        assert b"Tiny Crisis" in fetch(f"{hosting.lines['join']}api/join/{code.group(1)}")
        press(app, pygame.K_i)
        assert hosting.lines["instructor"] in "".join(app.shown_text().split())  # wrapped, but all there
    finally:
        press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen) and hosting.process.poll() is not None
