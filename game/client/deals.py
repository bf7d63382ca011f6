"""Deals in the window: the one-line strip on the turn screen, the deals sheet (D), the composer,
and the deal events of a resolution.

The strip leads with what matters (a proposal waiting, a promise owed, this
turn's deal move); the sheet, one key away, holds the terms and the buttons. A
deal move is a command kept in the game with the team's order, never shown to
another team; a back-channel deal is shown only on its parties' screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.client import theme as th
from game.client.overlay import Line, Sheet
from game.client.screen import Pop, Replace, Transition
from game.client.text import Painter
from game.client.widgets import Button
from game.engine.deal_values import ACCEPT, ACCEPTED, COUNTER, PROPOSE, REJECT, DealMove
from game.engine.deal_words import event_sentence, heading, term_lines, title, visible_events
from game.engine.deals import in_force_for, open_proposals, pending_for
from game.engine.game import Game, IllegalOrder
from game.engine.records import TurnRecord
from game.scenario.proposals import Proposal, composed_proposal

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session


def viewer(session: Session) -> str:
    """Whose eyes a resolution is for: the one human side in solo play, else the whole class."""
    humans = session.humans
    return humans[0] if len(humans) == 1 and not session.hotseat else ""


def strip_text(session: Session, side: str) -> str:
    """The turn screen's one line on deals, the most pressing first."""
    game, sc = session.game, session.game.scenario
    move = game.pending_deal_moves.get(side)
    if move is not None:
        return f"Your deal move: {_move_words(session, move)}"
    waiting = pending_for(game.state, side, sc)
    if waiting:
        who = ", ".join(sc.actor(d.bundle(sc).by).short_name for d in waiting)
        return f"Deals: {len(waiting)} proposal{'s' if len(waiting) > 1 else ''} from {who} await your answer"
    for deal in in_force_for(game.state, side, sc):
        proposal = deal.bundle(sc)
        if deal.status == ACCEPTED and side not in deal.done and proposal.term(side).orders:
            label = sc.option(proposal.term(side).orders[0]).label
            return f"Your word: order “{label}” by turn {deal.due(proposal)}"
    bound = in_force_for(game.state, side, sc)
    return f"Deals: your word binds you in {len(bound)}" if bound else "Deals: propose or compose one"


def _move_words(session: Session, move: DealMove) -> str:
    sc = session.game.scenario
    if move.proposal is not None:
        verb = "propose" if move.kind == PROPOSE else f"counter {move.deal} with"
        return f"{verb} “{title(sc, move.proposal)}”"
    return f"{move.kind} proposal {move.deal}"


def deals_sheet(app: App, session: Session, side: str, done: Callable[[str], None]) -> Sheet:
    """D on the turn screen: the proposals waiting, the deals that bind the side, what it may propose."""
    game, sc = session.game, session.game.scenario
    lines: list[Line] = [Line("One deal move a turn, sent with your order.", "small", th.MUTED)]
    buttons: list[Button] = []

    def choose(move: DealMove) -> Callable[[], Transition | None]:
        def act() -> Transition | None:
            try:
                game.deal(move)
            except IllegalOrder as error:
                done(f"Not possible: {error}")
                return Pop()
            done("")  # the strip says what the move is
            return Pop()

        return act

    offers = open_proposals(sc, game.state, side)
    for deal in pending_for(game.state, side, sc):
        lines.append(Line(f"[{deal.number}] {heading(sc, deal)}", "body", th.FOCUS, True))
        lines += [Line(f"• {t}", "small") for t in term_lines(sc, deal.bundle(sc), deal)]
        buttons.append(Button(f"Accept {deal.number}", choose(DealMove(side, ACCEPT, deal.number))))
        buttons.append(Button(f"Reject {deal.number}", choose(DealMove(side, REJECT, deal.number))))
        buttons += [
            Button(f"Counter {deal.number}: “{p.title}”", choose(DealMove(side, COUNTER, deal.number, p)))
            for p in offers
            if deal.bundle(sc).by in p.to
        ][:2]
    lines += _known_lines(session, side)
    for proposal in offers:
        to = ", ".join(sc.actor(a).short_name for a in proposal.to)
        lines.append(Line(f"You may propose to {to}: “{proposal.title}”", "body", th.TEXT, True))
        lines += [Line(f"• {t}", "small") for t in term_lines(sc, proposal)]
        buttons.append(Button(f"Propose “{proposal.title}”", choose(DealMove(side, PROPOSE, 0, proposal))))
    if sc.deal_issues:
        buttons.append(Button("Compose a proposal…", lambda: Replace(_composer(app, session, side, done))))
    if side in game.pending_deal_moves:
        buttons.append(Button("No deal move this turn", lambda: _withdraw(game, side, done)))
    buttons.append(Button("Back to your orders", Pop, "Esc", primary=True))
    return Sheet(app, f"Deals for {sc.actor(side).name}", lines, buttons)


def _withdraw(game: Game, side: str, done: Callable[[str], None]) -> Transition:
    game.pending_deal_moves.pop(side, None)
    done("No deal move this turn.")
    return Pop()


def _known_lines(session: Session, side: str) -> list[Line]:
    """The deals the side is bound by or may see, latest first (old refusals are in the debrief)."""
    game, sc = session.game, session.game.scenario
    waiting = {d.number for d in pending_for(game.state, side, sc)}
    lines: list[Line] = []
    for deal in [d for d in game.state.deals if d.visible_to(d.bundle(sc), side) and d.number not in waiting][
        -5:
    ]:
        lines.append(Line(f"[{deal.number}] {heading(sc, deal)}", "body", th.TEXT, deal.in_force))
        if deal.in_force:
            lines += [Line(f"• {t}", "small") for t in term_lines(sc, deal.bundle(sc), deal)]
    return lines


def _composer(app: App, session: Session, side: str, done: Callable[[str], None]) -> Sheet:
    """Compose, step one: to whom; then each party's issue state, then public or private."""
    sc = session.game.scenario
    others = [a for a in sc.acting_actors if a.id != side]
    buttons = [Button(a.short_name, _Composing(app, session, side, a.id, done).first_step) for a in others]
    buttons.append(Button("Cancel", Pop, "Esc"))
    return Sheet(
        app,
        "Compose a proposal: to whom?",
        [Line("Each party binds itself to one issue state.", "small")],
        buttons,
    )


@dataclass(frozen=True)
class _Composing:
    """One proposal being composed in the window: who proposes, to whom, and where to report."""

    app: App
    session: Session
    side: str
    to: str
    done: Callable[[str], None]

    def first_step(self) -> Transition:
        return Replace(self.state_step(()))

    def state_step(self, pairs: tuple[tuple[str, str, str], ...]) -> Sheet:
        """The proposer's issue state first, then the other party's."""
        sc = self.session.game.scenario
        party = self.side if not pairs else self.to
        who = "you" if party == self.side else sc.actor(self.to).short_name
        buttons = [
            Button(f"{issue.name}: {state.name}", self.next_step((*pairs, (party, issue.id, state.id))))
            for issue in map(sc.issue, sc.deal_issues)
            for state in issue.states
        ]
        buttons.append(Button("Cancel", Pop, "Esc"))
        return Sheet(
            self.app,
            f"Compose: what would {who} accept?",
            [Line("Choose one issue state.", "small")],
            buttons,
        )

    def next_step(self, chosen: tuple[tuple[str, str, str], ...]) -> Callable[[], Transition | None]:
        step = self.state_step if len(chosen) == 1 else self.channel_step
        return lambda: Replace(step(chosen))

    def channel_step(self, pairs: tuple[tuple[str, str, str], ...]) -> Sheet:
        sc = self.session.game.scenario
        lines = [Line(t, "body") for t in term_lines(sc, composed_proposal(self.side, (self.to,), pairs))]
        buttons = [
            Button("In public", lambda: self.send(pairs, True)),
            Button("Through a back channel", lambda: self.send(pairs, False)),
            Button("Cancel", Pop, "Esc"),
        ]
        return Sheet(self.app, "Compose: in public or through a back channel?", lines, buttons)

    def send(self, pairs: tuple[tuple[str, str, str], ...], public: bool) -> Transition:
        """Propose it, or counter with it when the other party's proposal waits for an answer."""
        game = self.session.game
        proposal: Proposal = composed_proposal(self.side, (self.to,), pairs, public)
        waiting = [
            d
            for d in pending_for(game.state, self.side, game.scenario)
            if d.bundle(game.scenario).by == self.to
        ]
        move = (
            DealMove(self.side, COUNTER, waiting[0].number, proposal)
            if waiting
            else DealMove(self.side, PROPOSE, 0, proposal)
        )
        try:
            game.deal(move)
        except IllegalOrder as error:
            self.done(f"Not possible: {error}")
            return Pop()
        self.done("")
        return Pop()


def paint_events(
    p: Painter, session: Session, record: TurnRecord, x: int, y: int, width: int, said: set[str]
) -> int:
    """The resolution's deal events that its reader may see, but for those a headline `said`
    already; returns the height used."""
    sc, top = session.game.scenario, y
    for event in visible_events(sc, record, viewer(session)):
        text = event_sentence(sc, event)
        if text in said or event.kind in ("proposed", "lapsed"):  # those wait on the turn screen (D)
            continue
        colour = th.DANGER if event.kind == "broken" else th.TEXT
        y += p.paragraph(f"Deal: {text}", x, y, width, "small", colour)
    return y - top
