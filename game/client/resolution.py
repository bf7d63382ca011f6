"""The resolution screen: what mattered most (the engine's headline measure), each side's order by
its weight, and — one key away — every change with its reason and quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import GameScreen, draw_footer, draw_header, frame
from game.client.deals import paint_events
from game.client.layout import columns, rows
from game.client.screen import Transition
from game.client.text import Painter
from game.client.widgets import Button, ScrollPane, panel, title_height
from game.engine.headline import as_last_turn, short_reading, sides_by_weight, turn_headlines
from game.engine.records import TurnRecord, by_order, net_changes
from game.wording import nice_date, short_date

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session

KIND_MARKS = {
    "tension": "Tension",
    "rung": "Ladder",
    "meter": "Meter",
    "issue": "Issue",
    "force": "Forces",
    "posture": "Forces",
    "flag": "Event",
}


class ResolutionScreen(GameScreen):
    """What mattered most first (left), each side's order by its weight (right); the full causal
    chains replace the sides' list on W or a click, and come back the same way."""

    bindings: ClassVar[dict[str, str]] = GameScreen.bindings | {"w": "chains"}

    def __init__(self, app: App, session: Session, record: TurnRecord) -> None:
        super().__init__(app, session)
        self.record = record
        label = "See how it ended" if self.game.is_over else "Next turn"
        self.next = Button(label, self._continue, "Enter", primary=True)
        self.chains_button = Button("Why, in full", self.cmd_chains, "W")
        self.showing_chains = False
        self.main_pane = ScrollPane()
        self.reports, self.rest = by_order(record)
        self.side_pane = ScrollPane()
        turn = record.turn
        earlier = [r for r in self.game.history if r.turn == turn - 1]
        self.previous = earlier[0] if earlier else None
        self.headlines = turn_headlines(self.scenario, record)
        self.sides = sides_by_weight(self.scenario, record)

    def _continue(self) -> Transition:
        return self.move_on()

    def cmd_chains(self) -> None:
        self.showing_chains = not self.showing_chains
        self.chains_button.label = "Back to the sides" if self.showing_chains else "Why, in full"
        self.side_pane.offset = 0
        self.app.dirty = True

    def layout(self, p: Painter) -> None:
        self.header, body, self.footer = frame(p)
        pad = p.theme.pad()
        bh = self.next.height(p)
        main, bar = rows(body, [None, bh], pad)
        narrow = main.width < 900
        self.left, self.right = columns(main, [0.44 if not narrow else 0.47, None], pad)
        for pane, rect in ((self.main_pane, self.left), (self.side_pane, self.right)):
            top = rect.top + pad // 2 + title_height(p)
            pane.rect = Rect(rect.left + pad, top, rect.width - 2 * pad, rect.bottom - pad // 2 - top)
        w, cw = self.next.width(p), self.chains_button.width(p)
        self.next.rect = Rect(bar.right - w, bar.top, w, bh)
        self.chains_button.rect = Rect(self.next.rect.left - pad - cw, bar.top, cw, bh)
        self.controls = [self.next, self.chains_button]
        self.panes = [self.side_pane, self.main_pane]
        self.regions = {
            "header": self.header,
            "mattered": self.left,
            "sides": self.right,
            "buttons": self.chains_button.rect.union(self.next.rect),
            "footer": self.footer,
        }

    def paint(self, p: Painter) -> None:
        r = self.record
        draw_header(
            p,
            self.header,
            [f"Turn {r.turn} resolved — {nice_date(r.date)}", f"Turn {r.turn} — {short_date(r.date)}"],
            f"Tension {r.tension_before} → {r.tension_after} · {self.game.rung.name}",
        )
        panel(p, self.left, "What mattered most")
        self.main_pane.draw(p, self._paint_mattered)
        if self.showing_chains:
            panel(p, self.right, "What followed, and why")
            self.side_pane.draw(p, self._paint_why)
        else:
            panel(p, self.right, "What each side did")
            self.side_pane.draw(p, self._paint_sides)
        for button in self.controls:
            button.draw(p, self.is_focused(button), button is self.hover)
        draw_footer(p, self.footer, "Enter: continue   W: why, in full   PgUp / PgDn: scroll   Esc: leave")

    def _paint_mattered(self, p: Painter, x: int, y: int, width: int) -> int:
        """The one to three headlines, then news, then the turn in sum."""
        top, pad = y, p.theme.pad()
        for headline in self.headlines:
            colour = th.FOCUS if headline.kind in ("outcome", "rung") else th.TEXT
            mark = (
                "▶ "
                if headline.kind in ("outcome", "rung", "red_line", "tension", "broken_promise")
                else "• "
            )
            y += p.paragraph(
                mark + headline.sentence, x, y, width, "body", colour, bold=headline.kind == "outcome"
            )
            y += pad // 2
        # The deals come before the news: an answer to a side's own proposal is what it waits for.
        y += paint_events(p, self.session, self.record, x, y, width, {h.sentence for h in self.headlines})
        for inject_id in self.record.injects:
            inject = next(i for i in self.scenario.injects if i.id == inject_id)
            y += p.paragraph(f"News flash: {inject.title}", x, y, width, "body", th.FOCUS, bold=True)
            text = inject.text.strip()
            y += p.paragraph(text[:1].upper() + text[1:], x + 8, y, width - 8, "small") + pad // 2
        y += self._paint_sum(p, x, y + pad // 2, width) + pad // 2
        return y - top

    def _paint_sides(self, p: Painter, x: int, y: int, width: int) -> int:
        """Each side's order, the weightiest first: what it was, how it read, and the computer's why."""
        top, lh, pad = y, p.line_height("small"), p.theme.pad()
        for actor_id in self.sides:
            actor = self.scenario.actor(actor_id)
            swatch = Rect(x, y + 4, lh - 4, lh - 4)
            pygame.draw.rect(p.surface, self.colours[actor.id], swatch)
            pygame.draw.rect(p.surface, th.TEXT, swatch, 1)
            y += p.paragraph(
                self.side_label(actor_id), swatch.right + 6, y, width - swatch.width - 6, "body", bold=True
            )
            label = self.scenario.option(self.record.orders[actor_id]).label
            y += p.paragraph(f"“{label}”", x + 8, y, width - 8, "body")
            reading = short_reading(self.scenario, self.record, actor_id)
            if as_last_turn(self.previous, self.record, actor_id):
                reading = f"as last turn: {reading}"
            y += p.paragraph(reading[:1].upper() + reading[1:] + ".", x + 8, y, width - 8, "small", th.MUTED)
            decision = self.record.decisions.get(actor_id)
            if decision and decision.explanation and not as_last_turn(self.previous, self.record, actor_id):
                y += p.paragraph(f"Why: {decision.explanation}", x + 8, y, width - 8, "small", th.MUTED)
            y += self._paint_rationale(p, actor_id, x + 8, y, width - 8)
            y += pad
        return y - top

    def _paint_rationale(self, p: Painter, side: str, x: int, y: int, width: int) -> int:
        """The team's own one line, in its words, revealed with its order."""
        why = self.record.rationales.get(side)
        if not why:
            return 0
        return p.paragraph(f"Team's reason: “{why}”", x, y, width, "small", th.TEXT)

    def _paint_sum(self, p: Painter, x: int, y: int, width: int) -> int:
        """The balance of the turn: what ended where."""
        net = net_changes(self.record)
        if not net:
            return 0
        top = y
        y += p.paragraph("The turn in sum", x, y, width, "body", bold=True)
        for change in net:
            # Arrows as well as colour: rises and falls must read without colour vision.
            mark = "• " if change.delta is None else ("▲ " if change.delta > 0 else "▼ ")
            y += p.paragraph(mark + change.short, x + 8, y, width - 8, "small", th.TEXT)
        return y - top

    def _paint_why(self, p: Painter, x: int, y: int, width: int) -> int:
        """Order by order: what it did itself, then each actor it touched, how it read to them (quoting
        them the first time) and what their reaction changed; then news and the ladder."""
        top, pad = y, p.theme.pad()
        if not self.record.changes:
            return p.paragraph("Nothing changed this turn.", x, y, width, "body", th.MUTED)
        tag_w = max(p.text_width(t, "small", bold=True) for t in KIND_MARKS.values()) + pad
        lh = p.line_height("small")
        for report in self.reports:
            if not report.own and not report.reactions:
                continue
            actor = self.scenario.actor(report.actor_id)
            swatch = Rect(x, y + 4, lh - 4, lh - 4)
            pygame.draw.rect(p.surface, self.colours[actor.id], swatch)
            pygame.draw.rect(p.surface, th.TEXT, swatch, 1)
            label = self.scenario.option(report.option_id).label
            y += p.paragraph(
                f"{actor.name}: “{label}”", swatch.right + 6, y, width - swatch.width - 6, "body", bold=True
            )
            y = self._rows(p, report.own, x + 12, y, width - 12, tag_w)
            for how, changes in report.reactions:
                height = p.paragraph_height(how, width - 24, "small")
                pygame.draw.rect(p.surface, th.FOCUS, Rect(x + 12, y + 2, 4, height - 4))
                y += p.paragraph(how, x + 24, y, width - 24, "small")
                y = self._rows(p, changes, x + 24, y, width - 24, tag_w)
            y += pad
        for cause, changes in self.rest:
            height = p.paragraph_height(cause, width - 12, "body")
            pygame.draw.rect(p.surface, th.PANEL_EDGE, Rect(x, y + 2, 4, height - 4))
            y += p.paragraph(cause, x + 12, y, width - 12, "body")
            y = self._rows(p, changes, x + 12, y, width - 12, tag_w) + pad
        return y - top

    @staticmethod
    def _rows(p: Painter, changes: list, x: int, y: int, width: int, tag_w: int) -> int:
        """One row per change, tagged by kind (never colour alone); numbers as steps (+2), since
        grouped by order they are no longer in time order."""
        for change in changes:
            p.text(KIND_MARKS.get(change.kind, change.kind.title()), (x, y + 1), "small", th.MUTED, bold=True)
            # The tag already says "Tension": the row needs only the step.
            step = f"{change.after - change.before:+d}" if change.kind == "tension" else change.step
            y += p.paragraph(step[:1].upper() + step[1:] + ".", x + tag_w, y, width - tag_w, "small")
        return y
