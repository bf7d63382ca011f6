"""A team's own read of the other sides' hidden aims, in the window: one compact button at the top of
the map on its turn screen, and the details one click (or R) away.

Only the side whose turn screen it is: in a classroom game no team ever sees another team's read.
The words come from `game.engine.reads`, as the terminal's do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.client import theme as th
from game.client.overlay import Line, Sheet
from game.client.screen import Pop, Transition
from game.client.text import Painter
from game.client.widgets import Button, focus_ring
from game.engine.reads import hidden_aims, own_aims, own_reads, read_details, read_line, short_read, subjects

if TYPE_CHECKING:
    from game.client.app import App
    from game.engine.game import Game


def read_caption(game: Game, side: str) -> str:
    """The compact line: 'Your read of Russia: revisionist, about 80 %' ('' when no side's aims are hidden)."""
    sc = game.scenario
    if not game.history:
        found = [hidden_aims(sc, s) for s in subjects(sc, game.state, side)]
    else:
        found = [short_read(sc, r) for r in own_reads(sc, game.state, side)]
    own = own_aims(sc, game.state, side)
    return " · ".join(found or [own])


@dataclass(eq=False)
class ReadLine(Button):
    """The compact read as a quiet, clickable line: small text on the panel colour, left-aligned, shortened
    from the front ('Your read of') before the share is ever cut."""

    def height(self, p: Painter) -> int:
        return p.line_height("small") + p.theme.pad() // 2

    def fitted_caption(self, p: Painter, width: int) -> str:
        tail = f"  [{self.key_hint}]"
        short = self.label.replace("Your read of ", "").replace(", known only to your side", "")
        for text in (self.label, short, short.replace("about ", "")):
            if p.text_width(text + tail, "small") <= width:
                return text + tail
        return p.fit_keeping(short, tail, width, "small")

    def draw(self, p: Painter, focused: bool, hovered: bool) -> None:
        fill = th.lighter(th.PANEL, 24) if hovered else th.PANEL
        pygame.draw.rect(p.surface, fill, self.rect, border_radius=6)
        pygame.draw.rect(p.surface, th.PANEL_EDGE, self.rect, 1, border_radius=6)
        pad = p.theme.pad()
        caption = self.fitted_caption(p, self.rect.width - pad)
        p.text(caption, (self.rect.left + pad // 2, self.rect.centery), "small", th.TEXT, anchor="midleft")
        if focused:
            focus_ring(p, self.rect)


def read_button(game: Game, side: str, on_activate: Callable[[], Transition | None]) -> Button | None:
    """The compact line (R or a click opens the details), or None when there is nothing to read."""
    caption = read_caption(game, side)
    return ReadLine(caption, on_activate, "R") if caption else None


def reads_sheet(app: App, game: Game, side: str, team: bool) -> Sheet:
    """The side's reads in full: the sentence with what moved it, each type's share, the likeliest by turn."""
    sc = game.scenario
    who = f"Team {sc.actor(side).short_name}" if team else sc.actor(side).short_name
    lines = [
        Line(
            "What your side believes of the others' hidden aims, from what they did: words move a read "
            "little, costly acts (deployments, sanctions, concessions) more. The truth is told in the debrief."
            + (" For your team only." if team else ""),
            "small",
            th.MUTED,
        )
    ]
    own = own_aims(sc, game.state, side, full=True)
    if own:
        lines.append(Line(own, "body", th.FOCUS))
    for found in own_reads(sc, game.state, side):
        lines.append(Line(read_line(sc, found) + ".", "body", th.TEXT, True))
    lines += [Line(text, "body") for text in read_details(sc, game.states, side)]
    return Sheet(
        app, f"{who}: your read of the others", lines, [Button("Back", Pop, "Enter", primary=True)], Pop
    )
