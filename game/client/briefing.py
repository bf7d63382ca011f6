"""The briefing: the situation, then every actor's stated positions with its speakers' words.

Each piece of evidence says its kind before its words (a quote, a source's
wording of a quote, a translation, our paraphrase), with speaker and source,
and only what had been said by the scenario's start date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import GameScreen, draw_footer, draw_header, frame
from game.client.layout import columns, rows
from game.client.screen import Transition
from game.client.text import Painter
from game.client.widgets import Button, ScrollPane, panel, title_height
from game.engine.positions import LEGEND, positions_table
from game.scenario.evidence import known_by, stated_later, words_first
from game.scenario.model import PARAPHRASE, QUOTE, REPORTED, TRANSLATION, Position
from game.wording import counted, nice_date

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session

STRENGTH = {1: "mild", 2: "firm", 3: "vital"}
# The bar beside each piece of evidence; the words before it say the kind too, so colour is never the only cue.
EVIDENCE_BARS = {
    QUOTE: th.FOCUS,
    TRANSLATION: th.FOCUS,
    REPORTED: th.OKABE_ITO["sky_blue"],
    PARAPHRASE: th.PANEL_EDGE,
}


class BriefingScreen(GameScreen):
    """The situation (left); the positions as one table of issues × states (right), with the
    speakers' own words one key (Q) away."""

    bindings: ClassVar[dict[str, str]] = GameScreen.bindings | {"q": "quotes"}

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app, session)
        self.begin = Button("Begin", self._begin, "Enter", primary=True)
        self.quotes_button = Button("Their own words", self.cmd_quotes, "Q")
        self.showing_quotes = False
        self.table = positions_table(self.scenario)
        self.situation_pane = ScrollPane()
        self.positions_pane = ScrollPane()

    def _begin(self) -> Transition:
        return self.move_on()

    def cmd_quotes(self) -> None:
        self.showing_quotes = not self.showing_quotes
        self.quotes_button.label = "The table" if self.showing_quotes else "Their own words"
        self.positions_pane.offset = 0
        self.app.dirty = True

    def layout(self, p: Painter) -> None:
        self.header, body, self.footer = frame(p)
        pad = p.theme.pad()
        bh = self.begin.height(p)
        main, bar = rows(body, [None, bh], pad)
        self.left, self.right = columns(main, [0.42, None], pad)
        for pane, rect in ((self.situation_pane, self.left), (self.positions_pane, self.right)):
            top = rect.top + pad // 2 + title_height(p)
            pane.rect = Rect(rect.left + pad, top, rect.width - 2 * pad, rect.bottom - pad // 2 - top)
        w, qw = self.begin.width(p), self.quotes_button.width(p)
        self.begin.rect = Rect(bar.right - w, bar.top, w, bh)
        self.quotes_button.rect = Rect(self.begin.rect.left - pad - qw, bar.top, qw, bh)
        self.controls = [self.begin, self.quotes_button]
        self.panes = [self.positions_pane, self.situation_pane]
        self.regions = {
            "header": self.header,
            "situation": self.left,
            "positions": self.right,
            "buttons": self.quotes_button.rect.union(self.begin.rect),
            "footer": self.footer,
        }

    def paint(self, p: Painter) -> None:
        draw_header(
            p,
            self.header,
            [f"Briefing — {self.scenario.title}", self.scenario.title, "Briefing"],
            nice_date(self.scenario.start_date),
        )
        panel(p, self.left, "The situation")
        self.situation_pane.draw(p, self._paint_situation)
        if self.showing_quotes:
            panel(p, self.right, "What each side has said, in its own words", "In their own words")
            self.positions_pane.draw(p, self._paint_positions)
        else:
            panel(p, self.right, "Where each side stands", "Positions")
            self.positions_pane.draw(p, self._paint_table)
        for button in self.controls:
            button.draw(p, self.is_focused(button), button is self.hover)
        draw_footer(
            p,
            self.footer,
            "Enter: begin   Q: their own words   PgUp / PgDn: scroll   Esc: leave   F2: large text",
        )

    def _paint_table(self, p: Painter, x: int, y: int, width: int) -> int:
        """Each issue, now where; then each state someone has a view on: who wants it, accepts it,
        or has made it a red line (marks and words, never colour alone)."""
        top, pad = y, p.theme.pad()
        y += p.paragraph(LEGEND + ". Q: the speakers' own words.", x, y, width, "small", th.MUTED)
        for table in self.table:
            y += pad // 2
            y += p.paragraph(f"{table.name} — now “{table.now}”", x, y, width, "body", bold=True)
            for row in table.rows:
                y += p.paragraph(
                    f"{row.name}: " + " · ".join(row.cells(worded=True)), x + 12, y, width - 12, "small"
                )
        return y - top

    def _paint_situation(self, p: Painter, x: int, y: int, width: int) -> int:
        top, pad = y, p.theme.pad()
        y += p.paragraph(self.scenario.briefing.strip(), x, y, width, "body") + pad
        names = [self.scenario.actor(h).name for h in self.game.humans]
        playing = ", ".join(names) if names else "nobody (the computer plays every side)"
        y += p.paragraph(f"Played by people: {playing}.", x, y, width, "body", th.FOCUS, bold=True)
        computer = [self.scenario.actor(a).name for a in self.game.computer_sides]
        if computer:
            y += p.paragraph(
                f"Played by the computer, each by its own stated positions: {', '.join(computer)}.",
                x,
                y,
                width,
                "body",
                th.MUTED,
            )
        y += pad
        y += p.paragraph(
            f"Each turn stands for {counted(self.scenario.turn_days, 'day')}; the game lasts at most "
            f"{counted(self.scenario.turn_limit, 'turn')}. Every side chooses one order per turn; all orders are "
            "revealed together. When an order honours or crosses what an actor has said it wants or will not "
            "accept, that actor reacts — and the game tells you why, quoting it.",
            x,
            y,
            width,
            "small",
            th.MUTED,
        )
        return y - top

    def _paint_positions(self, p: Painter, x: int, y: int, width: int) -> int:
        top, pad, lh = y, p.theme.pad(), p.line_height("body")
        for actor in self.scenario.actors:
            positions = self.scenario.positions_of(actor.id)
            if not positions:
                continue
            swatch = Rect(x, y + 4, lh - 8, lh - 8)
            pygame.draw.rect(p.surface, self.colours[actor.id], swatch)
            pygame.draw.rect(p.surface, th.TEXT, swatch, 1)
            y += p.paragraph(actor.name, swatch.right + 8, y, width - swatch.width - 8, "heading", bold=True)
            for position in positions:
                y += self._paint_position(p, position, x + 8, y, width - 8)
            y += pad
        return y - top

    def _paint_position(self, p: Painter, position: Position, x: int, y: int, width: int) -> int:
        top, pad = y, p.theme.pad()
        issue = self.scenario.issue(position.issue)
        y += p.paragraph(
            f"On {issue.name} ({STRENGTH.get(position.strength, '')}):", x, y, width, "body", bold=True
        )
        known = known_by(position, self.scenario.start_date)
        if position.evidence and not known:
            # Said only after the start: the summary and stances would give the story away.
            y += p.paragraph(stated_later(position), x + 12, y, width - 12, "small", th.MUTED)
            return y - top + pad // 2
        if position.summary:
            y += p.paragraph(position.summary, x, y, width, "body")

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(issue.state(i).name for i in ids)

        stance = [
            f"Wants: {names(position.preferred)}" if position.preferred else "",
            f"Accepts: {names(position.acceptable)}" if position.acceptable else "",
            f"Red line: {names(position.red_lines)}" if position.red_lines else "",
        ]
        y += p.paragraph(" · ".join(s for s in stance if s), x, y, width, "small", th.MUTED)
        for evidence in known:
            text = words_first(evidence) + self._source_title(evidence.source)
            colour = th.MUTED if evidence.form == PARAPHRASE else th.TEXT
            bar = Rect(x, y + 2, 3, p.paragraph_height(text, width - 12, "small") - 4)
            pygame.draw.rect(p.surface, EVIDENCE_BARS.get(evidence.form, th.PANEL_EDGE), bar)
            y += p.paragraph(text, x + 12, y, width - 12, "small", colour)
        return y - top + pad // 2

    def _source_title(self, source_id: str) -> str:
        try:
            source = self.scenario.source(source_id)
        except KeyError:
            return ""
        return f" ({source.publisher}, {source.date})" if source.publisher else ""
