"""Shared by every test: a headless SDL, a home folder of its own, and a window on a tiny scenario.

SDL is told to draw into memory before any test imports pygame, so the tests
need no display, no sound card, and print no pygame banner.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# Compiled bytecode is kept between runs in a cache folder of the user's own, outside the project
# (`$XDG_CACHE_HOME/brinkmanship/test-bytecode`), for this process (the test modules, with pytest's
# rewritten asserts, and the game) and for the `python main.py` processes the tests start. A shell with
# PYTHONDONTWRITEBYTECODE would otherwise have every run, and every one of those processes, compile all
# it imports anew: seconds of each fast run. Python checks each cached file against its source's time
# and size, as it does in __pycache__, so an edit is never run stale.
_BYTECODE = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "brinkmanship" / "test-bytecode"
)
try:
    _BYTECODE.mkdir(mode=0o700, parents=True, exist_ok=True)
except OSError:  # no writable cache folder: a folder of this run's own, gone at its end
    _RUN_ONLY = tempfile.TemporaryDirectory(prefix="brinkmanship-test-pycache-")
    _BYTECODE = Path(_RUN_ONLY.name)
sys.pycache_prefix = str(_BYTECODE)
sys.dont_write_bytecode = False
os.environ["PYTHONPYCACHEPREFIX"] = str(_BYTECODE)
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def pytest_configure(config: pytest.Config) -> None:
    """A run that leaves the slow tests out (`-m "not slow"`) gives property tests their fast count."""
    from tests import property_fixtures

    property_fixtures.FULL = "not slow" not in " ".join(str(config.getoption("markexpr") or "").split())


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
