"""What every in-game screen shares: the session, side colours, a header band and a key-hint footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.layout import rows
from game.client.screen import Replace, Screen, Transition
from game.client.text import Painter
from game.client.theme import actor_shapes, side_styles
from game.wording import nice_date, short_date

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session

HINT = "Tab / arrows: move   Enter: choose   Esc: leave   F2: large text   F11: full screen"


def header_height(p: Painter) -> int:
    return p.line_height("heading") + p.theme.pad()


def footer_height(p: Painter) -> int:
    return p.line_height("small") + p.theme.pad() // 2


def frame(p: Painter) -> tuple[Rect, Rect, Rect]:
    """Split the window into header, body and footer."""
    w, h = p.size
    pad = p.theme.pad()
    header, body, footer = rows(Rect(0, 0, w, h), [header_height(p), None, footer_height(p)])
    return header, Rect(pad, body.top + pad // 2, w - 2 * pad, body.height - pad), footer


def draw_header(p: Painter, rect: Rect, left: str | list[str], right: str = "") -> None:
    """The header band. `left` may be a list of ever shorter wordings: the first that fits is
    shown whole (so a date keeps its year), the last is cut at its right end with '…'. The right
    part (tension, rung) takes at most 40 % and is cut at its right end."""
    pygame.draw.rect(p.surface, th.PANEL, rect)
    pygame.draw.line(p.surface, th.PANEL_EDGE, (rect.left, rect.bottom - 1), (rect.right, rect.bottom - 1), 2)
    pad = p.theme.pad()
    right_w = min(p.text_width(right, "body", bold=True), rect.width * 2 // 5) if right else 0
    if right:
        p.text(
            right,
            (rect.right - pad - right_w, rect.centery),
            "body",
            th.TEXT,
            True,
            "midleft",
            max_width=right_w,
        )
    room = rect.width - right_w - 3 * pad
    choices = [left] if isinstance(left, str) else left
    text = next((c for c in choices if p.text_width(c, "heading", bold=True) <= room), choices[-1])
    p.text(
        text, (rect.left + pad, rect.centery), "heading", th.TEXT, bold=True, anchor="midleft", max_width=room
    )


def draw_footer(p: Painter, rect: Rect, hint: str = HINT) -> None:
    p.text(
        hint,
        (rect.left + p.theme.pad(), rect.centery),
        "small",
        th.MUTED,
        anchor="midleft",
        max_width=rect.width - 2 * p.theme.pad(),
    )


class GameScreen(Screen):
    """A screen of a game in progress: knows the session and how each actor is drawn."""

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.game = session.game
        self.scenario = session.game.scenario
        self.styles = side_styles(self.scenario)
        self.shapes = actor_shapes(self.scenario)
        self.colours = {a.id: self.styles[a.side].colour for a in self.scenario.actors}

    def move_on(self) -> Transition:
        """This screen's part is done: once every human side has ordered, the session resolves the
        turn and its resolution is shown; otherwise whoever must act next is asked."""
        from game.client.flow import next_screen
        from game.client.resolution import ResolutionScreen

        if not self.game.is_over and self.session.waiting_for() is None:
            return Replace(ResolutionScreen(self.app, self.session, self.session.resolve()))
        return Replace(next_screen(self.app, self.session))

    def side_label(self, actor_id: str) -> str:
        """'Team US' in a classroom; 'United States of America (your team)' only in solo play."""
        actor = self.scenario.actor(actor_id)
        if actor_id not in self.game.humans:
            return f"{actor.name} (computer)"
        if len(self.game.humans) > 1 or self.game.classroom:
            return f"Team {actor.short_name}"
        return f"{actor.name} (your team)"

    def status(self) -> str:
        state = self.game.state
        return f"Tension {state.tension}/100 · {self.game.rung.name}"

    def turn_label(self) -> str:
        state = self.game.state
        return f"Turn {min(state.turn, self.scenario.turn_limit)} of {self.scenario.turn_limit} · {nice_date(state.date)}"

    def turn_headings(self) -> list[str]:
        """The header's wordings, longest first: the scenario's title goes before the date's year does."""
        state = self.game.state
        turn = min(state.turn, self.scenario.turn_limit)
        return [
            f"{self.scenario.title} — {self.turn_label()}",
            self.turn_label(),
            f"Turn {turn}/{self.scenario.turn_limit} · {short_date(state.date)}",
        ]
