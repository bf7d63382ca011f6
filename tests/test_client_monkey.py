"""Random input survival: thousands of random keys, clicks, scrolls and resizes never crash the window.

Each run starts on the title screen of the shipped scenarios and plays on
whatever the random input leads to (games started, orders sent, dialogs
opened, windows resized); when the input quits the game a new window opens.
"""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from game.client.app import App
from game.client.title import TitleScreen

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_SPACE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_s,
    pygame.K_y,
    pygame.K_n,
    pygame.K_c,
    pygame.K_q,
    pygame.K_F2,
    *range(pygame.K_0, pygame.K_9 + 1),
]


def _new_app(rng: random.Random) -> App:
    pygame.display.quit()
    pygame.display.init()
    app = App((rng.randint(1024, 1920), rng.randint(600, 1080)), rng.random() < 0.3, SCENARIOS)
    app.stack = [TitleScreen(app)]
    app.pump()
    return app


def _random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    roll = rng.random()
    if roll < 0.55:
        shift = pygame.KMOD_SHIFT if rng.random() < 0.15 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=shift, unicode="")
    if roll < 0.75:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    if roll < 0.85:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.95:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 3]), flipped=False)
    w, h = rng.randint(1024, 1920), rng.randint(600, 1080)
    return pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_random_input_never_crashes_the_window(tmp_path, monkeypatch, seed):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path))
    rng = random.Random(seed)
    app = _new_app(rng)
    screens_seen = set()
    try:
        for _ in range(1500):
            pygame.event.post(_random_event(rng, app.window.get_size()))
            if not app.pump():
                app = _new_app(rng)
            screens_seen.add(type(app.top).__name__)
        # The input really wandered through games, not only around the title screen.
        assert {"TurnScreen", "ResolutionScreen"} <= screens_seen, screens_seen
    finally:
        pygame.display.quit()
