"""The end screen: the outcome and its debrief, tension over time, the timeline of orders,
what really happened, and questions for discussion."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import GameScreen, draw_footer, draw_header, frame
from game.client.layout import columns, rows
from game.client.panels import draw_chart
from game.client.screen import Push, Quit, Reset, Transition
from game.client.text import Painter
from game.client.widgets import Button, ScrollPane, panel, title_height
from game.engine.summary import chains, summarise
from game.lesson.review import review_rows
from game.wording import counted, nice_date

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session


class EndScreen(GameScreen):
    bindings: ClassVar[dict[str, str]] = GameScreen.bindings | {
        "q": "quit",
        "d": "export",
        "w": "appendix",
        "r": "what_if",
    }

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app, session)
        self.title_button = Button("Title screen", self._to_title, "Enter", primary=True)
        self.export_button = Button("Save the debrief", self.cmd_export, "D")
        self.quit_button = Button("Quit", self.cmd_quit, "Q")
        self.whatif_button = Button("What if…", self.cmd_what_if, "R")
        self.debrief_pane = ScrollPane()
        self.timeline_pane = ScrollPane()
        self.summary = summarise(self.game)
        self.showing_appendix = False

    def _to_title(self) -> Transition:
        from game.client.title import TitleScreen

        return Reset(TitleScreen(self.app))

    def cmd_what_if(self) -> Transition | None:
        """Replay from a turn with another order for one side, and compare (game.client.whatif)."""
        from game.client.whatif import WhatIfChooser

        if not self.game.history:
            self.app.notify("No turn was played: there is nothing to replay.", screens=1)
            return None
        return Push(WhatIfChooser(self.app, self.session))

    def cmd_quit(self) -> Transition:
        return Quit()

    def cmd_export(self) -> None:
        """The debrief as HTML (prints well) and Markdown (for a course page), in the saves folder."""
        from game.paths import saves_dir
        from game.savefiles import write_debriefs

        try:
            page, notes = write_debriefs(self.game, saves_dir())
        except OSError as error:
            self.app.notify(f"Could not save the debrief ({error}).", screens=1)
            return
        self.app.notify(f"Debrief saved: {page} (and {notes.name} beside it).", screens=1)

    def cmd_leave(self) -> Transition | None:
        # The game is over and saved: leaving loses nothing, so no question.
        return self._to_title()

    def layout(self, p: Painter) -> None:
        self.header, body, self.footer = frame(p)
        pad = p.theme.pad()
        bh = self.title_button.height(p)
        main, bar = rows(body, [None, bh], pad)
        self.left, self.right = columns(main, [0.46, None], pad)
        self.chart_rect, self.timeline_rect = rows(self.left, [0.5, None], pad)
        for pane, rect in ((self.debrief_pane, self.right), (self.timeline_pane, self.timeline_rect)):
            top = rect.top + pad // 2 + title_height(p)
            pane.rect = Rect(rect.left + pad, top, rect.width - 2 * pad, rect.bottom - pad // 2 - top)
        buttons = [self.title_button, self.whatif_button, self.export_button, self.quit_button]
        widths = [b.width(p) for b in buttons]
        x = bar.right - sum(widths) - pad * (len(buttons) - 1)
        for button, width in zip(buttons, widths, strict=True):
            button.rect = Rect(x, bar.top, width, bh)
            x += width + pad
        x = self.title_button.rect.left
        self.controls = buttons
        self.panes = [self.debrief_pane, self.timeline_pane]
        self.regions = {
            "header": self.header,
            "chart": self.chart_rect,
            "timeline": self.timeline_rect,
            "debrief": self.right,
            "buttons": Rect(x, bar.top, self.quit_button.rect.right - x, bh),
            "footer": self.footer,
        }

    def paint(self, p: Painter) -> None:
        outcome = self.game.outcome
        title = (
            outcome.title
            if outcome
            else "ended by the instructor"
            if self.game.ended_by_instructor
            else "Game over"
        )
        draw_header(
            p,
            self.header,
            f"Outcome: {title}",
            f"{counted(len(self.game.history), 'turn')} · tension {self.game.state.tension}/100",
        )
        inner = panel(p, self.chart_rect, "Tension over time")
        draw_chart(p, inner, self.scenario, self.game.tension_history)
        panel(p, self.timeline_rect, "Timeline of orders")
        self.timeline_pane.draw(p, self._paint_timeline)
        panel(p, self.right, "Every change, and why" if self.showing_appendix else "Debrief")
        self.debrief_pane.draw(p, self._paint_debrief)
        for button in self.controls:
            button.draw(p, self.is_focused(button), button is self.hover)
        draw_footer(
            p,
            self.footer,
            "PgUp / PgDn: scroll   W: every change   R: what if…   Enter: title   D: save the debrief   Q: quit",
        )

    def _paint_timeline(self, p: Painter, x: int, y: int, width: int) -> int:
        top, lh = y, p.line_height("small")
        for record in self.game.history:
            p.text(
                f"Turn {record.turn} · {nice_date(record.date)} · tension {record.tension_before} → "
                f"{record.tension_after}",
                (x, y),
                "small",
                th.TEXT,
                bold=True,
                max_width=width,
            )
            y += lh
            for actor in self.scenario.actors:
                option_id = record.orders.get(actor.id)
                if option_id:
                    swatch = Rect(x + 6, y + 4, lh - 8, lh - 8)
                    pygame.draw.rect(p.surface, self.colours[actor.id], swatch)
                    y += p.paragraph(
                        f"{actor.short_name}: {self.scenario.option(option_id).label}",
                        swatch.right + 6,
                        y,
                        width - swatch.right + x - 6,
                        "small",
                        th.MUTED,
                    )
                    why = record.rationales.get(actor.id)
                    if why:
                        y += p.paragraph(
                            f"“{why}”", swatch.right + 18, y, width - swatch.right + x - 18, "small", th.TEXT
                        )
            y += lh // 3
        return y - top

    def cmd_appendix(self) -> None:
        self.showing_appendix = not self.showing_appendix
        self.debrief_pane.offset = 0
        self.app.dirty = True

    def _paint_sources(self, p: Painter, x: int, y: int, width: int) -> int:
        """What the scenario is built from, as the exports end with it."""
        top = y
        y += p.paragraph("Sources", x, y, width, "heading", th.FOCUS, bold=True)
        for source in self.scenario.sources:
            made = ", ".join(part for part in (source.publisher, source.date) if part)
            y += p.paragraph(
                f"{source.title}" + (f" ({made})" if made else ""), x, y, width, "small", th.MUTED
            )
        return y - top

    def _paint_review(self, p: Painter, x: int, y: int, width: int) -> int:
        """The after-action review: each team's order beside what the real actor did then."""
        rows = review_rows(self.game)
        if not rows:
            return 0
        top, pad = y, p.theme.pad()
        y += p.paragraph("Your orders and what really happened", x, y, width, "heading", th.FOCUS, bold=True)
        for row in rows:
            y += p.paragraph(
                f"Turn {row.turn}, {row.team}: you ordered “{row.ordered}”.", x, y, width, "small", bold=True
            )
            y += p.paragraph(f"Really: {row.did} ({row.verdict})", x + 8, y, width - 8, "small") + pad // 3
        return y - top + pad

    def _paint_debrief(self, p: Painter, x: int, y: int, width: int) -> int:
        """The one-page summary the exports also lead with; W swaps in the appendix."""
        if self.showing_appendix:
            return self._paint_appendix(p, x, y, width)
        top, pad = y, p.theme.pad()
        page = self.summary
        if page.outcome:
            y += p.paragraph(page.outcome, x, y, width, "title", bold=True)
            y += p.paragraph(page.outcome_text, x, y, width, "body") + pad // 2
            y += p.paragraph(f"Why: {page.why}", x, y, width, "body", th.MUTED) + pad
        if page.turning_points:
            y += p.paragraph("The turning points", x, y, width, "heading", th.FOCUS, bold=True)
            for point in page.turning_points:
                y += (
                    p.paragraph(f"Turn {point.turn}: {point.headline.sentence}", x, y, width, "body")
                    + pad // 2
                )
        y += self._paint_revealed(p, x, y, width)
        y += self._paint_review(p, x, y, width)
        sections = (
            ("The deals", page.deals, "body"),
            ("What really happened", page.history, "body"),
            ("Questions for discussion", tuple(f"{i}. {q}" for i, q in enumerate(page.questions, 1)), "body"),
            ("Notes for the instructor", page.notes, "small"),
        )
        for heading, items, role in sections:
            if items:
                y += pad // 2 + p.paragraph(heading, x, y + pad // 2, width, "heading", th.FOCUS, bold=True)
                for item in items:
                    y += (
                        p.paragraph(item, x, y, width, role, th.TEXT if role == "body" else th.MUTED)
                        + pad // 2
                    )
        y += self._paint_sources(p, x, y + pad, width) + pad
        return y - top

    def _paint_revealed(self, p: Painter, x: int, y: int, width: int) -> int:
        """Each hidden type, told at last, and what every side believed of it (game/engine/reads.py)."""
        if not self.summary.revealed:
            return 0
        top, pad = y, p.theme.pad()
        y += p.paragraph("Hidden aims, revealed", x, y, width, "heading", th.FOCUS, bold=True)
        for item in self.summary.revealed:
            y += p.paragraph(item, x, y, width, "body") + pad // 2
        return y - top

    def _paint_appendix(self, p: Painter, x: int, y: int, width: int) -> int:
        """Every change of every turn under its cause, as the exports' appendix."""
        top, pad = y, p.theme.pad()
        for record in self.game.history:
            y += p.paragraph(
                f"Turn {record.turn} · {nice_date(record.date)}", x, y, width, "heading", th.FOCUS, bold=True
            )
            for depth, text in chains(self.game, record):
                indent = 16 * depth
                role = "body" if depth == 0 else "small"
                y += p.paragraph(text, x + indent, y, width - indent, role, bold=depth == 0)
            y += pad
        return y - top
