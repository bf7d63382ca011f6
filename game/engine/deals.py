"""The rules of deals: which deal moves are legal, and the resolution step that settles them.

A side may make one deal move a turn beside its order: propose, or answer a
proposal made to it last turn (accept, reject, counter). The `deals` step of
resolution (docs/rules.md, "Deals") then, in order: settles the answers (an
accepted agreement's own effects apply), records the new proposals, checks
every deal in force against this turn's orders (a promised order given, a
restraint kept or broken, a deadline passed), and lets private deals leak when
their `leaks_when` holds. A broken promise costs the breaker the trust of every
party that kept its word (and, when the deal was public, its credibility); a
kept deal raises trust. Pure: no words are made here (deal_words.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from game.engine.conditions import all_hold, first_failing
from game.engine.deal_values import (
    ACCEPT,
    ACCEPTED,
    BROKEN,
    COUNTER,
    COUNTERED,
    KEPT,
    LAPSED,
    PENDING,
    PROPOSE,
    REJECT,
    REJECTED,
    Deal,
    DealEvent,
    DealMove,
)
from game.engine.effects import apply, prepare
from game.engine.index import memo
from game.engine.records import Cause, Fact
from game.engine.trust import nudge
from game.scenario.model import Effects, MeterChange, Scenario
from game.scenario.proposals import Proposal

if TYPE_CHECKING:
    from game.engine.draft import Draft
    from game.engine.state import GameState

CREDIBILITY_METERS = ("credibility", "prestige")  # the meter a public broken promise costs, if it has one
BROKEN_COST = 8  # points of that meter, for a public (or leaked) deal
BROKEN_TRUST = 0.5  # belief weight moved away from accommodating (doubled when public)
KEPT_TRUST = 0.3  # belief weight moved toward accommodating (doubled when public)


class IllegalDeal(ValueError):
    """A deal move the rules do not allow now; the message says why, for a player."""


# ----------------------------------------------------------------- reading
def pending_for(state: GameState, side: str, scenario: Scenario) -> list[Deal]:
    """Proposals made to `side` last turn, waiting for its answer this turn."""
    return [
        d
        for d in state.deals
        if d.status == PENDING and d.proposed == state.turn - 1 and side in d.bundle(scenario).to
    ]


def in_force_for(state: GameState, side: str, scenario: Scenario) -> list[Deal]:
    """Deals that bind `side` now."""
    return [d for d in state.deals if d.in_force and side in d.bundle(scenario).parties]


def can_propose(scenario: Scenario, state: GameState, side: str, proposal: Proposal) -> str:
    """Why `side` cannot propose it now ("" when it can)."""
    if state.outcome is not None:
        return "the game is over"
    if proposal.by != side:
        return f"it is {proposal.by}'s to propose"
    if not all_hold(proposal.requires, scenario, state):
        return first_failing(proposal.requires, scenario, state)
    for deal in state.deals:
        if deal.proposal_id and deal.proposal_id == proposal.id and deal.status in (PENDING, ACCEPTED, KEPT):
            return "it is already on the table" if deal.status == PENDING else "it is already agreed"
    return ""


def open_proposals(scenario: Scenario, state: GameState, side: str) -> list[Proposal]:
    """The ready-made proposals `side` may make now."""
    return [p for p in scenario.proposals if p.by == side and not can_propose(scenario, state, side, p)]


def check_move(scenario: Scenario, state: GameState, move: DealMove) -> None:
    """Raise IllegalDeal unless the move is legal now."""
    if move.kind in (ACCEPT, REJECT, COUNTER) and move.deal not in {
        d.number for d in pending_for(state, move.actor, scenario)
    }:
        raise IllegalDeal(f"there is no proposal {move.deal} waiting for {move.actor}'s answer")
    if move.kind in (PROPOSE, COUNTER):
        proposal = move.proposal
        if proposal is None:
            raise IllegalDeal("a proposal or counter-proposal needs its terms")
        if proposal.composed:
            _check_composed(scenario, move.actor, proposal)
        elif why := can_propose(scenario, state, move.actor, proposal):
            raise IllegalDeal(f"“{proposal.title}” cannot be proposed now: {why}")
        if move.kind == COUNTER:
            original = next(d for d in state.deals if d.number == move.deal).bundle(scenario)
            if original.by not in proposal.to:
                raise IllegalDeal("a counter-proposal goes back to the side that proposed")


def _check_composed(scenario: Scenario, side: str, proposal: Proposal) -> None:
    if proposal.by != side:
        raise IllegalDeal("a side composes proposals in its own name")
    for party in proposal.to:
        if party not in scenario.index.actors or not scenario.actor(party).gives_orders or party == side:
            raise IllegalDeal(f"'{party}' cannot be asked: only another side that gives orders")
    for term in proposal.terms:
        for issue, states in term.accepts:
            if issue not in scenario.deal_issues:
                raise IllegalDeal(f"'{issue}' is not open to deals in this scenario")
            if any(s not in {st.id for st in scenario.issue(issue).states} for s in states):
                raise IllegalDeal(f"'{issue}' has no such state")
    if not any(t.accepts for t in proposal.terms):
        raise IllegalDeal("a proposal needs at least one term")


def check_moves(scenario: Scenario, state: GameState, moves: Sequence[DealMove]) -> None:
    seen: set[str] = set()
    for move in moves:
        if move.actor in seen:
            raise IllegalDeal(f"{move.actor} may make one deal move a turn")
        seen.add(move.actor)
        check_move(scenario, state, move)


# -------------------------------------------------------- the resolution step
def settle(scenario: Scenario, draft: Draft, moves: Sequence[DealMove], facts: list[Fact]) -> list[DealEvent]:
    """The `deals` step: answers, new proposals, promises kept or broken, leaks."""
    events: list[DealEvent] = []
    if not draft.deals and not moves:
        return events
    _answers(scenario, draft, moves, facts, events)
    for move in moves:
        if move.kind == PROPOSE and move.proposal is not None:
            events.append(DealEvent("proposed", _add(draft, move.proposal), move.actor, why=move.why))
    _commitments(scenario, draft, facts, events)
    _leaks(scenario, draft, events)
    return events


def _add(draft: Draft, proposal: Proposal, counter_of: int = 0) -> Deal:
    deal = Deal(
        len(draft.deals) + 1,
        proposal.id,
        proposal if proposal.composed else None,
        draft.turn,
        counter_of=counter_of,
    )
    draft.deals.append(deal)
    return deal


def _store(draft: Draft, deal: Deal) -> Deal:
    draft.deals[deal.number - 1] = deal
    return deal


def _answers(
    scenario: Scenario, draft: Draft, moves: Sequence[DealMove], facts: list[Fact], events: list[DealEvent]
) -> None:
    by_deal: dict[int, list[DealMove]] = {}
    for move in moves:
        if move.kind != PROPOSE:
            by_deal.setdefault(move.deal, []).append(move)
    for deal in list(draft.deals):
        if deal.status != PENDING or deal.proposed >= draft.turn:
            continue
        answers = by_deal.get(deal.number, [])
        proposal = deal.bundle(scenario)
        counter = next((m for m in answers if m.kind == COUNTER), None)
        refusal = next((m for m in answers if m.kind == REJECT), None)
        accepted = {m.actor for m in answers if m.kind == ACCEPT} >= set(proposal.to)
        status = COUNTERED if counter else REJECTED if refusal else ACCEPTED if accepted else LAPSED
        answer = counter or refusal or (answers[-1] if answers else None)
        settled = _store(draft, replace(deal, status=status, answered=draft.turn))
        events.append(
            DealEvent(status, settled, answer.actor if answer else "", why=answer.why if answer else _none)
        )
        if status == ACCEPTED and proposal.effects is not None and not proposal.effects.is_empty():
            apply(draft, prepare(scenario, proposal.effects), Cause("deal_accepted", deal=proposal), facts)
        if counter is not None and counter.proposal is not None:
            events.append(
                DealEvent(
                    "proposed", _add(draft, counter.proposal, deal.number), counter.actor, why=counter.why
                )
            )


def _none() -> str:
    return ""


def breaches(proposal: Proposal, party: str, option_issues: Mapping[str, str]) -> bool:
    """Whether an order signalling or setting these (issue -> state) breaks the party's term."""
    term = proposal.term(party)
    return any(not term.allows(issue, state) for issue, state in option_issues.items())


def touched(scenario: Scenario, option_id: str) -> Mapping[str, str]:
    """The issue states an option signals or sets (what a restraint is checked against)."""
    return memo(scenario, ("deal touched", option_id), lambda: _touched(scenario, option_id))


def _touched(scenario: Scenario, option_id: str) -> Mapping[str, str]:
    option = scenario.option(option_id)
    found = dict(option.stances)
    found.update(dict(option.effects.issues))
    return MappingProxyType(found)


def _commitments(scenario: Scenario, draft: Draft, facts: list[Fact], events: list[DealEvent]) -> None:
    this_turn = {c.actor: c.option for c in draft.chosen if c.turn == draft.turn}
    for deal in list(draft.deals):
        if not deal.in_force:
            continue
        proposal = deal.bundle(scenario)
        broken: list[tuple[str, str]] = []
        if deal.answered < draft.turn:  # restraints bind from the turn after acceptance
            for party in proposal.parties:
                option = this_turn.get(party)
                if option and breaches(proposal, party, touched(scenario, option)):
                    broken.append((party, option))
        done = tuple(p for p in proposal.parties if _promised_given(proposal, deal, draft, p))
        if not broken and deal.status == ACCEPTED and draft.turn >= deal.due(proposal):
            broken = [(p, "") for p in proposal.parties if p not in done]
        if broken:
            _break(scenario, draft, deal, proposal, broken, facts, events)
        elif deal.status == ACCEPTED and set(done) == set(proposal.parties):
            kept = _store(draft, replace(deal, status=KEPT, done=done))
            events.append(DealEvent(KEPT, kept))
            _trust_all(draft, proposal, kept, True)
        elif done != deal.done:
            _store(draft, replace(deal, done=done))


def _promised_given(proposal: Proposal, deal: Deal, draft: Draft, party: str) -> bool:
    promised = proposal.term(party).orders
    if not promised:
        return True
    return any(c.actor == party and c.option in promised and c.turn >= deal.proposed for c in draft.chosen)


def _break(
    scenario: Scenario,
    draft: Draft,
    deal: Deal,
    proposal: Proposal,
    broken: list[tuple[str, str]],
    facts: list[Fact],
    events: list[DealEvent],
) -> None:
    breakers = tuple(dict.fromkeys(p for p, _ in broken))
    after = _store(draft, replace(deal, status=BROKEN, broken_by=breakers))
    public = after.known_to_all(proposal)
    weight = BROKEN_TRUST * (2 if public else 1)
    for breaker, option in broken:
        events.append(DealEvent(BROKEN, after, breaker, option))
        cause = Cause("deal_broken", breaker, option, deal=proposal)
        for honest in proposal.parties:
            if honest not in breakers:
                nudge(draft, honest, breaker, False, weight, cause)
        meter = _credibility_meter(scenario, breaker)
        if public and meter:
            change = Effects(meters=(MeterChange(breaker, meter, -BROKEN_COST),))
            apply(draft, prepare(scenario, change), cause, facts)


def _credibility_meter(scenario: Scenario, actor_id: str) -> str:
    ids = {m.id for m in scenario.actor(actor_id).meters}
    return next((m for m in CREDIBILITY_METERS if m in ids), "")


def _trust_all(draft: Draft, proposal: Proposal, deal: Deal, kept: bool) -> None:
    weight = KEPT_TRUST * (2 if deal.known_to_all(proposal) else 1)
    cause = Cause("deal_kept", deal=proposal)
    for observer in proposal.parties:
        for subject in proposal.parties:
            if observer != subject and (proposal.term(subject).orders or proposal.term(subject).accepts):
                nudge(draft, observer, subject, kept, weight, cause)


def _leaks(scenario: Scenario, draft: Draft, events: list[DealEvent]) -> None:
    for deal in list(draft.deals):
        if deal.leaked or deal.status not in (ACCEPTED, KEPT, BROKEN):
            continue
        proposal = deal.bundle(scenario)
        if not proposal.public and proposal.leaks_when and all_hold(proposal.leaks_when, scenario, draft):
            events.append(DealEvent("leaked", _store(draft, replace(deal, leaked=True))))
