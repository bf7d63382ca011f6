"""Shared by every test: a headless SDL, a home folder of its own, and a window on a tiny scenario.

SDL is told to draw into memory before any test imports pygame, so the tests
need no display, no sound card, and print no pygame banner.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# The `python main.py` processes the tests start compile the game once, into a cache of this run's
# own (nothing is written into the project), and read it from then on, as an installed game does.
# A shell with PYTHONDONTWRITEBYTECODE would otherwise have every one compile all it imports anew.
_BYTECODE = tempfile.TemporaryDirectory(prefix="brinkmanship-test-pycache-")
os.environ["PYTHONPYCACHEPREFIX"] = _BYTECODE.name
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


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
