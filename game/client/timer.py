"""The turn timer: a team's discussion time, shown large; it warns at zero and never chooses for anyone.

A clock and its drawing, no rule: when time is up the team is told, and the
instructor decides what happens. Pausing the lesson freezes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.text import Painter

TIMER_CHOICES = (0, 1, 2, 3, 5, 8, 10, 15)  # minutes; 0 is off


@dataclass
class TurnTimer:
    limit: int = 0  # seconds per team turn; 0: no timer
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    started: float | None = None
    paused_at: float | None = None
    paused_for: float = 0.0

    @property
    def on(self) -> bool:
        return self.limit > 0

    def restart(self) -> None:
        """A team's turn begins: its full time again."""
        self.started, self.paused_at, self.paused_for = self.clock(), None, 0.0

    def pause(self) -> None:
        if self.paused_at is None:
            self.paused_at = self.clock()

    def resume(self) -> None:
        if self.paused_at is not None:
            self.paused_for += self.clock() - self.paused_at
            self.paused_at = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def remaining(self) -> int:
        """Whole seconds left (negative once time is up: how far over)."""
        if self.started is None:
            return self.limit
        now = self.paused_at if self.paused_at is not None else self.clock()
        return self.limit - int(now - self.started - self.paused_for)

    def label(self) -> str:
        left = self.remaining()
        minutes, seconds = divmod(abs(left), 60)
        if left > 0:
            return f"{minutes}:{seconds:02d}"
        return f"Time is up (+{minutes}:{seconds:02d})"


def draw_timer(p: Painter, timer: TurnTimer, right: int, top: int, left: int = 0) -> Rect:
    """The clock, large, its top-right corner at (right, top), never reaching left of `left`; the rect
    it took. Time up: bright, with words as well as colour."""
    if not timer.on:
        return Rect(right, top, 0, 0)
    text = timer.label() + (" (paused)" if timer.paused else "")
    late = timer.remaining() <= 0
    pad = p.theme.pad()
    # As large as the room allows: a long "Time is up (+1:05)" must still fit a small map.
    role = next(
        (
            r
            for r in ("huge", "title", "heading")
            if p.text_width(text, r, bold=True) + 2 * pad <= right - left
        ),
        "body",
    )
    width = p.text_width(text, role, bold=True) + 2 * pad
    box = Rect(right - width, top, width, p.line_height(role) + pad // 2)
    pygame.draw.rect(p.surface, th.DANGER if late else th.PANEL, box, border_radius=6)
    pygame.draw.rect(p.surface, th.FOCUS if late else th.TEXT, box, 3 if late else 1, border_radius=6)
    p.text(text, box.center, role, th.TEXT, bold=True, anchor="center")
    return box
