"""The hot-seat hand-off: a blank screen between teams, so no team sees another's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import GameScreen, draw_footer, draw_header, frame
from game.client.screen import Replace, Transition
from game.client.text import Painter
from game.client.widgets import Button

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session


class HandOffScreen(GameScreen):
    def __init__(self, app: App, session: Session, side: str) -> None:
        super().__init__(app, session)
        self.side = side
        self.actor = self.scenario.actor(side)
        self.ready = Button(f"Team {self.actor.short_name} is ready", self._ready, "Enter", primary=True)

    def _ready(self) -> Transition:
        from game.client.private import private_sheet

        # In the first turn the team reads its private briefing first, now that only it can see.
        sheet = private_sheet(self.app, self.actor, self._to_turn, "On to your orders")
        if sheet is not None and self.game.state.turn == 1 and not self.game.history:
            return Replace(sheet)
        return self._to_turn()

    def _to_turn(self) -> Transition:
        from game.client.turn import TurnScreen

        return Replace(TurnScreen(self.app, self.session, self.side))

    def layout(self, p: Painter) -> None:
        self.header, self.body, self.footer = frame(p)
        w, h = self.ready.width(p), self.ready.height(p)
        self.ready.rect = Rect(self.body.centerx - w // 2, self.body.bottom - h - 3 * p.theme.pad(), w, h)
        self.controls = [self.ready]
        self.regions = {"header": self.header, "body": self.body, "footer": self.footer}

    def paint(self, p: Painter) -> None:
        draw_header(p, self.header, self.turn_headings())
        done = [self.scenario.actor(s).short_name for s in self.session.humans if s in self.session.pending]
        pad = p.theme.pad()
        width = min(self.body.width - 4 * pad, p.px("body") * 40)
        x = self.body.centerx - width // 2
        y = self.body.top + self.body.height // 8
        colour = self.colours[self.side]
        swatch = Rect(x, y, width, max(8, pad))
        pygame.draw.rect(p.surface, colour, swatch)
        y += swatch.height + pad
        # Everything stops above the Ready button: a long team name shortens the text, never hides the button.
        bottom = self.ready.rect.top - pad

        name = self.actor.name
        if len(p.wrap(f"Pass the keyboard to Team {name}", width, "huge", True)) > 2:
            name = self.actor.short_name
        y += (
            p.paragraph_above(f"Pass the keyboard to Team {name}", x, y, width, bottom, "huge", bold=True)
            + pad
        )
        look_away = (
            f"Everyone else, please look away from the screen. Team {self.actor.short_name}: press "
            f"Enter or click the button when only your team can see it. You will choose your order in "
            f"secret; all orders are revealed together when the turn is resolved."
        )
        y += p.paragraph_above(look_away, x, y, width, bottom, "heading") + pad
        p.paragraph_above(
            f"Orders already given this turn: {', '.join(done)} (kept hidden)."
            if done
            else "No team has given its order yet this turn.",
            x,
            y,
            width,
            bottom,
            "body",
            th.MUTED,
        )
        self.ready.draw(p, self.is_focused(self.ready), self.ready is self.hover)
        draw_footer(p, self.footer)
