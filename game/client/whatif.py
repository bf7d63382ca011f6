"""What if, from the end screen (R): choose a turn, a side and another order; the game is replayed
(`game.lesson.whatif`) and both timelines are shown side by side: tension curves overlaid, the
orders of every turn, the outcomes. S saves the comparison as a printable page."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import GameScreen, draw_footer, draw_header, frame
from game.client.layout import columns, rows
from game.client.overlay import Line, Sheet
from game.client.panels import draw_tension_scale
from game.client.screen import Pop, Replace, Transition
from game.client.widgets import Button, ScrollPane, panel, title_height
from game.engine.game import IllegalOrder
from game.engine.resolve import option_status
from game.lesson.compare import outcome_text, whatif_page
from game.lesson.whatif import WhatIf, what_if

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session
    from game.client.text import Painter

SERIES = ((th.OKABE_ITO["orange"], 0), (th.OKABE_ITO["sky_blue"], 8))  # (colour, dash length; 0 = solid)


class WhatIfChooser(Sheet):
    """Turn, side and the other order, each a button that steps through its choices."""

    def __init__(self, app: App, session: Session) -> None:
        self.session = session
        self.game = session.game
        self.turn, self.side_index, self.choice = len(self.game.history), 0, 0
        # Number keys press a sheet's buttons: 1, 2 and 3 step through the turns, sides and orders.
        self.turn_button = Button("", self._next_turn, "1")
        self.side_button = Button("", self._next_side, "2")
        self.order_button = Button("", self._next_order, "3")
        buttons = [
            self.turn_button,
            self.side_button,
            self.order_button,
            Button("Replay and compare", self._replay, "Enter", primary=True),
            Button("Cancel", Pop, "Esc"),
        ]
        lines = [
            Line(
                "Everything before the chosen turn is replayed exactly; from it on, the teams' later "
                "orders are kept where still open and the computer chooses where not. 1, 2 and 3 step through the choices.",
                "small",
                th.MUTED,
            )
        ]
        super().__init__(app, "What if…", lines, buttons)
        self.focus = 3
        self._relabel()

    @property
    def sides(self) -> list[str]:
        return list(self.game.orders[self.turn - 1]) if self.game.history else []

    def alternatives(self) -> list[str]:
        """The side's orders open in that turn, other than the one it gave."""
        side = self.sides[self.side_index % len(self.sides)]
        state, sc = self.game.states[self.turn - 1], self.game.scenario
        given = self.game.orders[self.turn - 1][side]
        return [o.id for o in sc.options_of(side) if o.id != given and option_status(sc, state, o)[0]]

    def _relabel(self) -> None:
        sc = self.game.scenario
        if not self.sides:
            self.turn_button.label = "No turn was played"
            return
        side = self.sides[self.side_index % len(self.sides)]
        self.turn_button.label = f"Turn {self.turn} of {len(self.game.history)}"
        self.side_button.label = f"Side: {sc.actor(side).name}"
        options = self.alternatives()
        self.order_button.label = (
            f"Instead: {sc.option(options[self.choice % len(options)]).label}"
            if options
            else "No other order open"
        )
        self.app.dirty = True

    def _next_turn(self) -> None:
        self.turn = self.turn % len(self.game.history) + 1
        self.choice = 0
        self._relabel()

    def _next_side(self) -> None:
        self.side_index += 1
        self.choice = 0
        self._relabel()

    def _next_order(self) -> None:
        self.choice += 1
        self._relabel()

    def _replay(self) -> Transition | None:
        options = self.alternatives() if self.sides else []
        if not options:
            self.app.notify("Choose a turn and a side with another order open to it.", screens=1)
            return None
        side = self.sides[self.side_index % len(self.sides)]
        try:
            result = what_if(self.game, self.turn, side, options[self.choice % len(options)])
        except IllegalOrder as error:
            self.app.notify(str(error), screens=1)
            return None
        return Replace(WhatIfScreen(self.app, self.session, result))


class WhatIfScreen(GameScreen):
    bindings: ClassVar[dict[str, str]] = GameScreen.bindings | {"s": "save_page", "escape": "back"}

    def __init__(self, app: App, session: Session, result: WhatIf) -> None:
        super().__init__(app, session)
        self.result = result
        self.back = Button("Back to the debrief", self.cmd_back, "Enter", primary=True)
        self.save = Button("Save as a page", self.cmd_save_page, "S")
        self.pane = ScrollPane()

    def cmd_back(self) -> Transition:
        from game.client.end import EndScreen

        return Replace(EndScreen(self.app, self.session))

    def cmd_save_page(self) -> None:
        import time

        from game.paths import saves_dir
        from game.savefiles import write_text_atomically

        path = saves_dir() / f"whatif-{self.scenario.id}-{time.strftime('%Y%m%d-%H%M%S')}.html"
        try:
            write_text_atomically(path, whatif_page(self.result))
        except OSError as error:
            self.app.notify(f"Could not save the page ({error}).", screens=1)
            return
        self.app.notify(f"Saved: {path}", screens=1)

    def layout(self, p: Painter) -> None:
        self.header, body, self.footer = frame(p)
        pad = p.theme.pad()
        main, bar = rows(body, [None, self.back.height(p)], pad)
        self.left, self.right = columns(main, [0.42, None], pad)
        top = self.right.top + pad // 2 + title_height(p)
        self.pane.rect = Rect(
            self.right.left + pad, top, self.right.width - 2 * pad, self.right.bottom - pad // 2 - top
        )
        x = bar.right
        for button in (self.back, self.save):
            w = button.width(p)
            x -= w
            button.rect = Rect(x, bar.top, w, bar.height)
            x -= pad
        self.controls, self.panes = [self.back, self.save], [self.pane]
        self.regions = {
            "header": self.header,
            "chart": self.left,
            "orders": self.right,
            "footer": self.footer,
            "buttons": Rect(
                self.save.rect.left, bar.top, self.back.rect.right - self.save.rect.left, bar.height
            ),
        }

    def paint(self, p: Painter) -> None:
        draw_header(p, self.header, "What if…", f"from turn {self.result.turn}")
        inner = panel(p, self.left, "Tension, both timelines")
        self._paint_chart(p, inner)
        panel(p, self.right, "Orders per turn")
        self.pane.draw(p, self._paint_orders)
        for button in self.controls:
            button.draw(p, self.is_focused(button), button is self.hover)
        draw_footer(
            p, self.footer, "Enter: back to the debrief   S: save as a page   Page Up / Page Down: scroll"
        )

    def _paint_chart(self, p: Painter, rect: Rect) -> None:
        """Both curves on one plot, solid and dashed (never colour alone), with their outcomes."""
        pad, lh = p.theme.pad(), p.line_height("small")
        y = rect.top + p.paragraph(self.result.question, rect.left, rect.top, rect.width, "small", th.TEXT)
        legend = [("As played", self.result.original), ("What if", self.result.branch)]
        for (name, game), (colour, dash) in zip(legend, SERIES, strict=True):
            _polyline(p, [(rect.left, y + lh // 2), (rect.left + 30, y + lh // 2)], colour, dash)
            y += p.paragraph(
                f"{name} ({'solid' if not dash else 'dashed'}): {outcome_text(game)}",
                rect.left + 38,
                y,
                rect.width - 38,
                "small",
            )
        left = rect.left + p.text_width("100", "small") + 8
        plot = Rect(left, y + pad, rect.right - left - pad, rect.bottom - y - 2 * pad)
        pygame.draw.rect(p.surface, th.BACKGROUND, plot)
        pygame.draw.rect(p.surface, th.TEXT, plot, 1)
        longest = max(len(g.tension_history) for _, g in legend)
        for (_, game), (colour, dash) in zip(legend, SERIES, strict=True):
            pts = [
                (plot.left + plot.width * i // max(1, longest - 1), plot.bottom - plot.height * v // 100)
                for i, v in enumerate(game.tension_history)
            ]
            _polyline(p, pts, colour, dash)
        draw_tension_scale(p, plot, gap=4)

    def _paint_orders(self, p: Painter, x: int, y: int, width: int) -> int:
        top, sc = y, self.scenario
        original, branch = self.result.original, self.result.branch
        for k in range(max(len(original.history), len(branch.history))):
            y += p.paragraph(f"Turn {k + 1}", x, y, width, "body", th.FOCUS, bold=True)
            for side in (a.id for a in sc.playable_actors):
                was = original.history[k].orders.get(side) if k < len(original.history) else None
                now = branch.history[k].orders.get(side) if k < len(branch.history) else None
                mark = "≠ " if was != now else ""
                text = (
                    f"{mark}{sc.actor(side).short_name}: {sc.option(was).label if was else '—'}  →  "
                    f"{sc.option(now).label if now else '—'}"
                    if mark
                    else f"{sc.actor(side).short_name}: {sc.option(was).label if was else '—'} (both)"
                )
                y += p.paragraph(
                    text, x + 8, y, width - 8, "small", th.TEXT if mark else th.MUTED, bool(mark)
                )
        for note in self.result.notes:
            y += p.paragraph(note, x, y, width, "small", th.MUTED)
        return y - top


def _polyline(p: Painter, points: list[tuple[int, int]], colour: tuple[int, int, int], dash: int) -> None:
    if len(points) < 2:
        return
    if not dash:
        pygame.draw.lines(p.surface, colour, False, points, 3)
        return
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = max(1, int(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5))
        for s in range(0, length, dash * 2):
            e = min(length, s + dash)
            pygame.draw.line(
                p.surface,
                colour,
                (x1 + (x2 - x1) * s // length, y1 + (y2 - y1) * s // length),
                (x1 + (x2 - x1) * e // length, y1 + (y2 - y1) * e // length),
                3,
            )
