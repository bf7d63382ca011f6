"""The turn screen: map, ladder, meters, and the active side's options as cards.

Focusing or hovering a card shows what the order signals on each issue and
whose stated positions it honours or crosses (from `Game.readings`). The first
activation of a card selects it; activating it again, or "Send order", sends it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import GameScreen, draw_footer, draw_header, frame
from game.client.deals import deals_sheet, strip_text
from game.client.layout import columns, rows
from game.client.mapview import MapView
from game.client.panels import draw_ladder, draw_meters, ladder_risk_height
from game.client.private import private_sheet
from game.client.reads import read_button, reads_sheet
from game.client.screen import Pop, Push, Transition, key_name
from game.client.text import Backdrop, Painter
from game.client.textfield import TextField, feed
from game.client.timer import draw_timer
from game.client.widgets import Button, ScrollPane, focus_ring, panel, title_height
from game.engine.game import IllegalOrder, OptionStatus
from game.engine.readings import issue_moves
from game.scenario.evidence import cite
from game.scenario.model import Option

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session

VERDICT_MARKS = {
    "preferred": ("✔ wished by", th.GOOD),
    "acceptable": ("≈ acceptable to", th.OKABE_ITO["sky_blue"]),
    "red_line": ("✖ across the red line of", th.DANGER),
}
HINT = "{keys}: pick an option   W: why?   B: your briefing{deals}   Enter: choose, again to send   F1: help   Esc: leave"
TWO_DIGITS_MS = 1000  # a second digit typed within this time makes a two-digit option number


@dataclass(eq=False)
class OptionCard:
    """One option as a card; greyed with the reason when it is not available."""

    number: int
    status: OptionStatus
    on_activate: Any
    pane: ScrollPane | None = None
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))

    @property
    def option_id(self) -> str:
        return self.status.option.id

    def activate(self) -> Any:
        return self.on_activate(self)


class TurnScreen(GameScreen):
    fills_window = True  # through self.backdrop
    bindings: ClassVar[dict[str, str]] = GameScreen.bindings | {
        "s": "send",
        "w": "why",
        "b": "private",
        "r": "reads",
        "d": "deals",
    }

    def __init__(self, app: App, session: Session, side: str) -> None:
        super().__init__(app, session)
        self.side = side
        self.actor = self.scenario.actor(side)
        self.map = MapView(self.scenario, self.styles, self.shapes)
        self.statuses = self.game.options_for(side)
        self.cards = [OptionCard(i + 1, s, self._card_chosen) for i, s in enumerate(self.statuses)]
        first = next((i for i, s in enumerate(self.statuses) if s.available), 0)
        self.focus = first
        self.selected: str | None = None
        self.error = ""
        self.send = Button("Send order", self.cmd_send, "S", primary=True)
        self.why = TextField(
            "Why? One line for your team's record (optional)",
            "Press W, or click here, to type your reason",
            on_enter=self.cmd_send,
        )
        self.read = read_button(self.game, side, self.cmd_reads)  # this side's own read, never another's
        session.timer.restart()  # this team's discussion time starts now
        # Deals (a scenario with proposals): one line above the cards, the sheet on D or a click.
        has_deals = bool(self.scenario.proposals or self.scenario.deal_issues)
        self.deals = Button(strip_text(session, side), self.cmd_deals, "D") if has_deals else None
        self.card_pane = ScrollPane()
        self.detail_pane = ScrollPane()
        self.backdrop = Backdrop()
        self.cards_layer = Backdrop()  # the cards, kept until a card, the selection, hover or focus changes
        self.details_layer = Backdrop()  # the shown order's details, kept likewise
        self.spans: list[tuple[int, int]] = []
        self._readings: dict[str, list] = {}
        self._typed: tuple[int, int] | None = None  # the last digit typed and when, for two-digit numbers

    # ------------------------------------------------------------ commands
    def _card_chosen(self, card: OptionCard) -> Transition | None:
        if not card.status.available:
            self.error = f"Not available: {card.status.reason}"
            return None
        if self.selected == card.option_id:
            return self.cmd_send()
        self.selected, self.error = card.option_id, ""
        return None

    def on_number(self, n: int) -> Transition | None:
        """Digits pick a card; with ten or more cards, a second digit typed quickly makes "1", "0" option 10."""
        now = pygame.time.get_ticks()
        earlier, self._typed = self._typed, (n, now)
        if earlier and now - earlier[1] <= TWO_DIGITS_MS and 10 <= earlier[0] * 10 + n <= len(self.cards):
            n = earlier[0] * 10 + n
            self._typed = None
        if 1 <= n <= len(self.cards):
            self.focus = n - 1
            self.on_focus_changed()
            self.app.dirty = True
            return self._card_chosen(self.cards[n - 1])
        return None

    def cmd_send(self) -> Transition | None:
        self.app.dirty = True
        if self.selected is None:
            self.error = "Choose an option first: click a card or press its number."
            return None
        self.session.order(self.side, self.selected, self.why.text)
        try:
            return self.move_on()
        except IllegalOrder as error:
            # The engine refused (a rule the card could not know): say why, keep the turn.
            self.session.withdraw(self.side)
            self.error = str(error)
            return None

    def cmd_why(self) -> Transition | None:
        self.focus = self.controls.index(self.why) if self.why in self.controls else self.focus
        self.app.dirty = True
        return None

    def cmd_deals(self) -> Transition | None:
        """D: the deals sheet (proposals to answer, promises that bind this side, what it may propose)."""
        if self.deals is None:
            return None
        return Push(deals_sheet(self.app, self.session, self.side, self._deal_chosen))

    def _deal_chosen(self, message: str) -> None:
        assert self.deals is not None, "only a screen with deals opens the sheet"
        self.deals.label = strip_text(self.session, self.side)
        self.error = message
        self.app.dirty = True

    def cmd_private(self) -> Transition | None:
        """B: this team's private briefing again (it covers the screen; Enter comes back)."""
        sheet = private_sheet(self.app, self.actor, Pop, "Back to your orders")
        if sheet is None:
            self.error = "Your scenario gives this side no private briefing."
            self.app.dirty = True
            return None
        return Push(sheet)

    def cmd_reads(self) -> Transition | None:
        """R: this side's read of the others' hidden aims in full (only its own)."""
        if self.read is None:
            return None
        team = len(self.game.humans) > 1 or self.game.classroom
        return Push(reads_sheet(self.app, self.game, self.side, team))

    @property
    def typing(self) -> bool:
        """The reason field has the keys: shortcuts wait (App asks before opening help on '?')."""
        return self.focused is self.why

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.typing and feed(self.why, event, key_name(event) if event.type == pygame.KEYDOWN else ""):
            self.app.dirty = True
            return None
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.control_at(event.pos) is self.why
        ):
            return self.cmd_why()  # a click in the field starts typing; only Enter there sends
        if event.type == pygame.TEXTINPUT:
            return None  # typed while the field is not focused: its KEYDOWN already did its work
        return super().handle(event)

    def tick(self) -> bool:
        """Redraw when the clock's shown second changes."""
        label = self.session.timer.label() if self.session.timer.on else ""
        changed, self._clock = label != getattr(self, "_clock", ""), label
        return changed

    def on_focus_changed(self) -> None:
        if self.focus < len(self.spans):
            self.card_pane.reveal(*self.spans[self.focus])
        self.detail_pane.offset = 0

    def on_hover(self, control: Any) -> None:
        if isinstance(control, OptionCard):
            self.detail_pane.offset = 0

    def shown_card(self) -> OptionCard | None:
        """The card whose details are shown: hovered first, then focused, then the selected one."""
        for candidate in (self.hover, self.focused):
            if isinstance(candidate, OptionCard):
                return candidate
        return next((c for c in self.cards if c.option_id == self.selected), None)

    def readings(self, option_id: str) -> list:
        if option_id not in self._readings:
            self._readings[option_id] = self.game.readings(option_id)
        return self._readings[option_id]

    # -------------------------------------------------------------- layout
    def layout(self, p: Painter) -> None:
        self.header, body, self.footer = frame(p)
        pad = p.theme.pad()
        wide = body.width >= 1000
        side_w = (0.22 if wide else 0.24) + (0.03 if p.theme.large else 0.0)
        self.left, self.map_rect, self.right = columns(body, [side_w, None, 0.38 if wide else 0.40], pad)
        ladder_h = min(
            self.left.height // 2,
            title_height(p)
            + len(self.scenario.ladder) * (p.line_height("body") + pad)
            + pad
            + ladder_risk_height(p, self.scenario, self.left.width - 3 * pad),
        )
        self.ladder_rect, self.meter_rect = rows(self.left, [ladder_h, None], pad)
        if self.read is not None:  # the side's own read, one line over the map
            self.read.rect, self.map_rect = rows(self.map_rect, [self.read.height(p), None], pad // 2)
        detail_h = max(self.right.height // 2, p.line_height("body") * 6)
        self.cards_rect, self.detail_rect = rows(self.right, [None, detail_h], pad)
        if self.deals is not None:  # the deals line takes the top of the orders column
            strip, self.cards_rect = rows(self.cards_rect, [self.deals.height(p), None], pad // 2)
            self.deals.rect = strip
        self.regions = {
            "header": self.header,
            "ladder": self.ladder_rect,
            "meters": self.meter_rect,
            "map": self.map_rect,
            "cards": self.cards_rect,
            "details": self.detail_rect,
            "footer": self.footer,
            **({"reads": self.read.rect} if self.read is not None else {}),
        }
        self._layout_cards(p, pad)
        dinner = self._inner(p, self.detail_rect, True)
        bh = self.send.height(p)
        fh = self.why.height(p)
        self.detail_pane.rect = Rect(dinner.left, dinner.top, dinner.width, dinner.height - bh - fh - pad)
        self.why.rect = Rect(dinner.left, dinner.bottom - bh - fh - pad // 2, dinner.width, fh)
        self.send.label = "Send order" if self.selected else "Send order (choose first)"
        self.send.enabled = self.selected is not None
        self.send.rect = Rect(dinner.right - self.send.width(p), dinner.bottom - bh, self.send.width(p), bh)
        self.controls = [*self.cards, self.why, self.send, *([self.read] if self.read else [])]
        self.controls += [self.deals] if self.deals else []
        if self.deals is not None:
            self.regions["deals"] = self.deals.rect
        self.panes = [self.card_pane, self.detail_pane]

    def _layout_cards(self, p: Painter, pad: int) -> None:
        """The cards, in content coordinates of their scroll pane."""
        inner = self._inner(p, self.cards_rect, True)
        self.card_pane.rect = inner
        y, self.spans = 0, []
        text_w = inner.width - self._badge_w(p) - 3 * pad - 10
        for card in self.cards:
            h = self._card_height(p, card, text_w)
            self.spans.append((y, y + h))
            card.rect = Rect(inner.left, inner.top + y - self.card_pane.offset, inner.width - 10, h)
            card.pane = self.card_pane
            y += h + pad // 2
        self.card_pane.content_height = y

    def _inner(self, p: Painter, rect: Rect, titled: bool) -> Rect:
        pad = p.theme.pad()
        top = rect.top + pad // 2 + (title_height(p) if titled else 0)
        return Rect(rect.left + pad, top, rect.width - 2 * pad, rect.bottom - pad // 2 - top)

    def _badge_w(self, p: Painter) -> int:
        return p.text_width(str(len(self.cards)), "body", bold=True) + 12

    def _card_height(self, p: Painter, card: OptionCard, width: int) -> int:
        pad = p.theme.pad()
        label = p.paragraph_height(card.status.option.label, width, "body", bold=True)
        extra = p.paragraph_height(self._card_note(card), width, "small")
        return label + extra + pad

    def _card_note(self, card: OptionCard) -> str:
        option = card.status.option
        if not card.status.available:
            return f"Not available: {card.status.reason}"
        note = f"{option.category}" + (" · once only" if option.once else "")
        if card.option_id == self.selected:
            note = "✓ Your order — Enter or S sends it · " + note
        return note

    # ------------------------------------------------------------ painting
    def paint(self, p: Painter) -> None:
        state = self.game.state
        n = len(self.cards)
        keys = f"1–{n}" if n < 10 else f"1–{n} (two digits quickly)"
        hint = HINT.format(keys=keys, deals="   D: deals" if self.deals else "")
        still = (state, tuple(self.turn_headings()), self.status(), hint)
        panes = (self.card_pane.rect, self.detail_pane.rect)
        self.backdrop.draw(p, still, lambda layer: self._paint_still(layer, hint), covered=panes)
        under = self.backdrop.surface
        self.cards_layer.draw(p, self._cards_key(), self._paint_card_pane, self.card_pane.rect, under)
        self.details_layer.draw(p, self._details_key(), self._paint_detail_pane, self.detail_pane.rect, under)
        self.why.draw(p, self.is_focused(self.why), self.why is self.hover)
        self.send.draw(p, self.is_focused(self.send), self.send is self.hover)
        if self.read is not None:
            self.read.draw(p, self.is_focused(self.read), self.read is self.hover)
        if self.deals is not None:
            self.deals.draw(p, self.is_focused(self.deals), self.deals is self.hover)
        pad = p.theme.pad()
        draw_timer(
            p,
            self.session.timer,
            self.map_rect.right - pad,
            self.map_rect.top + pad,
            self.map_rect.left + pad,
        )
        if self.error:
            p.text(
                self.error,
                (self.detail_rect.left + p.theme.pad(), self.send.rect.centery),
                "small",
                th.FOCUS,
                anchor="midleft",
                max_width=self.send.rect.left - self.detail_rect.left - 20,
            )

    def _cards_key(self) -> tuple:
        """All the card pane shows depends on (with the backdrop under it, which names the state)."""
        cards = tuple((c.option_id, c.status.available, c.status.reason, tuple(c.rect)) for c in self.cards)
        hover = self.cards.index(self.hover) if self.hover in self.cards else -1
        focus = self.cards.index(self.focused) if self.focused in self.cards else -1
        return (self.backdrop.key, self.card_pane.offset, cards, self.selected, hover, focus)

    def _details_key(self) -> tuple:
        card = self.shown_card()
        shown = None if card is None else (card.option_id, card.status.available, card.status.reason)
        return (self.backdrop.key, self.detail_pane.offset, shown)

    def _paint_card_pane(self, p: Painter) -> None:
        self.card_pane.draw(p, self._paint_cards)

    def _paint_detail_pane(self, p: Painter) -> None:
        with p.on(th.PANEL, self.detail_pane.rect):
            self.detail_pane.draw(p, self._paint_details)

    def _paint_still(self, p: Painter, hint: str) -> None:
        """What changes only with the turn, the window or the text size (kept in `self.backdrop`):
        the header, the ladder, the meters, the map, the panels and their headings, the footer."""
        draw_header(p, self.header, self.turn_headings(), self.status())
        state = self.game.state
        inner = panel(p, self.ladder_rect, "Escalation ladder", "Ladder")
        draw_ladder(p, inner, self.scenario, state.tension)
        inner = panel(p, self.meter_rect, "Meters")
        clip = p.surface.get_clip()
        p.surface.set_clip(inner)
        draw_meters(p, inner, self.scenario, state.meters, self.colours)
        p.surface.set_clip(clip)
        self.map.draw(p, self.map_rect, state.forces, list(getattr(state, "moved_last_turn", [])))
        panel(p, self.cards_rect, f"Orders for {self.actor.name}", f"Orders: {self.actor.short_name}")
        panel(p, self.detail_rect, "What this order would say")
        draw_footer(p, self.footer, hint)

    def _paint_cards(self, p: Painter, x: int, y: int, width: int) -> int:
        pad = p.theme.pad()
        badge_w = self._badge_w(p)
        clip = p.surface.get_clip()
        for card in self.cards:
            r = card.rect
            if not r.inflate(2 * pad, 2 * pad).colliderect(clip):
                continue  # scrolled out of the pane: nothing of it would show
            available = card.status.available
            chosen = card.option_id == self.selected
            fill = th.BUTTON if available else th.BACKGROUND
            if card is self.hover and available:
                fill = th.lighter(fill, 20)
            edge = 4 if chosen else 1
            pygame.draw.rect(p.surface, fill, r, border_radius=6)
            pygame.draw.rect(p.surface, th.TEXT if chosen else th.PANEL_EDGE, r, edge, border_radius=6)
            badge = Rect(r.left + pad // 2, r.top + pad // 2, badge_w, p.line_height("body"))
            badge_fill = th.TEXT if available else th.DISABLED
            pygame.draw.rect(p.surface, badge_fill, badge, border_radius=4)
            with p.on(badge_fill, badge.inflate(-8, 0)):
                p.text(str(card.number), badge.center, "body", th.BACKGROUND, bold=True, anchor="center")
            tx, tw = badge.right + pad, r.right - badge.right - 2 * pad
            colour = th.TEXT if available else th.DISABLED
            # Inside the border and clear of the rounded corners, the card is its fill alone.
            with p.on(fill, Rect(r.left + 6, r.top + edge, r.width - 12, r.height - 2 * edge)):
                label = card.status.option.label
                used = p.paragraph(label, tx, r.top + pad // 2, tw, "body", colour, bold=True)
                note = self._card_note(card)
                p.paragraph(note, tx, r.top + pad // 2 + used, tw, "small", th.FOCUS if chosen else th.MUTED)
            if self.is_focused(card):
                focus_ring(p, r)
        return self.card_pane.content_height

    def _paint_acts(self, p: Painter, option: Option, x: int, y: int, width: int) -> int:
        """What the order really changes on the issues (a fact), apart from what it signals (words)."""
        moves = issue_moves(option, self.game.state.issues)
        if not moves:
            return 0
        top = y
        y += p.paragraph("It changes:", x, y, width, "small", th.MUTED, bold=True)
        for issue_id, state_id in moves:
            issue = self.scenario.issue(issue_id)
            y += p.paragraph(f"• {issue.name} → {issue.state(state_id).name}", x + 8, y, width - 8, "small")
        return y - top

    def _paint_details(self, p: Painter, x: int, y: int, width: int) -> int:
        card = self.shown_card()
        if card is None:
            return p.paragraph(
                "Move to an option to see how the others will read it.", x, y, width, "body", th.MUTED
            )
        option = card.status.option
        top = y
        lh = p.line_height("small")
        y += p.paragraph(option.label, x, y, width, "body", bold=True)
        if option.description:
            y += p.paragraph(option.description, x, y, width, "small", th.TEXT)
        y += lh // 3
        if not card.status.available:
            y += p.paragraph(f"Not available now: {card.status.reason}", x, y, width, "small", th.FOCUS)
        if option.stances:
            y += p.paragraph("It signals:", x, y, width, "small", th.MUTED, bold=True)
            for issue_id, state_id in option.stances:
                issue = self.scenario.issue(issue_id)
                y += p.paragraph(
                    f"• {issue.name}: {issue.state(state_id).name}", x + 8, y, width - 8, "small"
                )
        y += self._paint_acts(p, option, x, y, width)
        readings = self.readings(option.id)
        if readings:
            y += lh // 3
            y += p.paragraph("Against stated positions:", x, y, width, "small", th.MUTED, bold=True)
        for reading in readings:
            mark, colour = VERDICT_MARKS.get(reading.verdict, ("•", th.TEXT))
            who = self.scenario.actor(reading.actor_id).short_name
            p.text(f"{mark} {who}", (x + 8, y), "small", colour, bold=True, max_width=width - 8)
            y += lh
            y += p.paragraph(reading.sentence, x + 16, y, width - 16, "small")
            said = cite(reading.position, self.game.state.date)
            if said:
                y += p.paragraph(said, x + 16, y, width - 16, "small", th.MUTED)
        if not option.stances and not readings:
            y += p.paragraph(
                "This order takes no stance on any issue: no one's stated position is "
                "honoured or crossed by it.",
                x,
                y,
                width,
                "small",
                th.MUTED,
            )
        return y - top
