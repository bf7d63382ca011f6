"""Shared by every test: a headless SDL, a home folder of its own, and a window on a tiny scenario.

SDL is told to draw into memory before any test imports pygame, so the tests
need no display, no sound card, and print no pygame banner.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saves, the autosave and debriefs go here, never into the user's own folder."""
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def app(tmp_path: Path, home: Path) -> Iterator[object]:
    """A window on the title screen of a scenarios folder holding only the tiny scenario."""
    import pygame

    from tests.window_fixtures import make_app, write_scenarios

    window = make_app(write_scenarios(tmp_path / "scenarios"))
    yield window
    pygame.display.quit()
