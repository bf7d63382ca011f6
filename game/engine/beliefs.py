"""Beliefs about hidden types: every acting side's share per type of each other actor with types.

A belief starts at the author's priors and moves after each turn on the
orders seen (the `beliefs` step of docs/rules.md): each order is weighed by how
well it fits each type's true positions, and by how costly it is — words move
a belief little, acts more (the scenario's `beliefs:` rule). Deals move it too
(`nudge`). The likelihood of an order under each type is worked out once per
option and scenario (`index.memo`), so a turn's update is a few multiplications.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple, Protocol

from game.engine.changing import in_force
from game.engine.dispositions import override_of, true_position, typed
from game.engine.draft import Draft
from game.engine.index import memo
from game.engine.records import Cause
from game.engine.state import BeliefMove, GameState
from game.scenario.model import Option, Position, Scenario

VERDICT_FIT = {"preferred": 1.0, "acceptable": 0.5, "red_line": -1.0}
_NONE: Mapping[str, float] = MappingProxyType({})


class _HasState(Protocol):
    @property
    def state(self) -> GameState: ...


# ------------------------------------------------------------ the API
def belief(state: GameState, observer_id: str, subject_id: str) -> Mapping[str, float]:
    """The observer's share per type of the subject (sums to 1); empty when the subject has no types."""
    about = state.beliefs.get(observer_id)
    return _NONE if about is None else about.get(subject_id, _NONE)


def nudge(
    draft: Draft, observer_id: str, subject_id: str, toward_accommodating: bool, weight: float, cause: object
) -> None:
    """Move the observer's belief about the subject toward (or away from) its accommodating types.

    `weight` is on the scale of the `beliefs:` rule: the accommodating types' shares are
    multiplied by e^weight (e^-weight away), then normalised. Nothing happens when the
    observer holds no belief about the subject.
    """
    current = draft.beliefs.get(observer_id, {}).get(subject_id)
    if current is None:
        return
    accommodating = draft.accommodating.get(subject_id, frozenset())
    factor = math.exp(weight if toward_accommodating else -weight)
    factors = {t: factor if t in accommodating else 1.0 for t in current}
    _move(draft, observer_id, subject_id, factors, cause, floor=0.0)


def true_positions(
    scenario: Scenario, state_or_game: GameState | _HasState, actor_id: str
) -> tuple[Position, ...]:
    """The positions the actor really holds in this state: its drawn type's, dated changes read."""
    state = state_or_game if isinstance(state_or_game, GameState) else state_or_game.state
    return as_held_by(scenario, state, actor_id).positions_of(actor_id)


def as_held_by(scenario: Scenario, state: GameState, actor_id: str) -> Scenario:
    """The scenario with the actor's positions as it really holds them in this state (a kept variant,
    so what is worked out from it once can be memoised on it)."""
    current = in_force(scenario, state)
    type_id = state.types.get(actor_id)
    return current if type_id is None else typed(current, {actor_id: type_id})


# ---------------------------------------------------------- the update
def likelihood(scenario: Scenario, option: Option) -> Mapping[str, float] | None:
    """type -> the factor an order of this option multiplies its giver's type by; None: no type told apart."""
    return memo(scenario, ("belief likelihood", option.id), lambda: _likelihood(scenario, option))


def _tables(scenario: Scenario) -> Mapping[str, Mapping[str, float]]:
    """option -> its likelihood factors, for every option that tells its giver's types apart."""

    def tables() -> Mapping[str, Mapping[str, float]]:
        found = {o.id: likelihood(scenario, o) for o in scenario.options}
        return {k: v for k, v in found.items() if v is not None}

    return memo(scenario, ("belief likelihoods",), tables)


def _likelihood(scenario: Scenario, option: Option) -> Mapping[str, float] | None:
    actor = scenario.index.actors.get(option.actor)
    if actor is None or len(actor.types) < 2:
        return None
    rule = scenario.beliefs
    weight = rule.acts if option.costly else rule.words
    fits = {t.id: fit(scenario, option, t.id) for t in actor.types}
    if weight == 0 or max(fits.values()) == min(fits.values()):
        return None
    top = max(fits.values())
    return MappingProxyType({t: math.exp(weight * (f - top)) for t, f in fits.items()})


def fit(scenario: Scenario, option: Option, type_id: str) -> float:
    """How well the option fits one type of its giver: Σ verdict × strength over what it signals or does."""
    stances = dict.fromkeys((*option.stances, *option.effects.issues))
    total = 0.0
    for issue_id, state_id in stances:
        for stated in scenario.positions_on(issue_id):
            if stated.actor != option.actor:
                continue
            position = true_position(stated, override_of(scenario, option.actor, type_id, issue_id))
            verdict = _verdict(position, state_id)
            total += VERDICT_FIT.get(verdict, 0.0) * position.strength
    return total


def _verdict(position: Position, state_id: str) -> str:
    if state_id in position.preferred:
        return "preferred"
    if state_id in position.acceptable:
        return "acceptable"
    return "red_line" if state_id in position.red_lines else ""


def update(draft: Draft, scenario: Scenario, options: tuple[Option, ...]) -> None:
    """Every side's beliefs, moved by the orders of this turn (its own order never moves its own)."""
    if not draft.beliefs:
        return
    tables = _tables(scenario)
    for option in options:
        factors = tables.get(option.id)
        if factors is None:
            continue
        cause = Cause("belief", option.actor, option.id)
        # Observers who held the same belief hold the same one after: it is worked out once, so a
        # crisis with many sides pays per side, not per pair (keyed by identity; the pair kept in
        # `moved` keeps the old belief alive, so its id is not reused within this loop).
        moved: dict[int, tuple[Mapping[str, float], Mapping[str, float]]] = {}
        for observer_id, about in draft.beliefs.items():
            current = about.get(option.actor)
            if current is None:
                continue
            if id(current) not in moved:
                moved[id(current)] = (current, _moved(current, factors, scenario.beliefs.floor))
            about[option.actor] = moved[id(current)][1]
            draft.belief_moves.append(BeliefMove(observer_id, option.actor, cause, factors))


def _moved(current: Mapping[str, float], factors: Mapping[str, float], floor: float) -> Mapping[str, float]:
    moved = {t: p * factors.get(t, 1.0) for t, p in current.items()}
    total = sum(moved.values()) or 1.0
    moved = {t: max(p / total, floor) for t, p in moved.items()}
    total = sum(moved.values())
    return MappingProxyType({t: p / total for t, p in moved.items()})


def _move(
    draft: Draft, observer_id: str, subject_id: str, factors: Mapping[str, float], cause: object, floor: float
) -> None:
    draft.beliefs[observer_id][subject_id] = _moved(draft.beliefs[observer_id][subject_id], factors, floor)
    draft.belief_moves.append(BeliefMove(observer_id, subject_id, cause, factors))


def accommodating_types(scenario: Scenario) -> Mapping[str, frozenset[str]]:
    """actor -> its types marked `accommodating`, for `nudge` (which reads a draft, not the scenario)."""
    return memo(
        scenario,
        ("accommodating",),
        lambda: MappingProxyType(
            {a.id: frozenset(t.id for t in a.types if t.accommodating) for a in scenario.actors if a.types}
        ),
    )


# ------------------------------------------------------------ in words
class BeliefRead(NamedTuple):
    """A side's read of another: the type it finds likeliest, its share, and what moved it most last turn."""

    observer: str
    subject: str
    type_id: str
    type_name: str
    share: float  # 0–1
    cause: object  # the order (a `Cause`) or deal that moved that share most last turn; None
    toward: bool  # whether that cause moved the share up (False: down, despite it)


def read(scenario: Scenario, state: GameState, observer_id: str, subject_id: str) -> BeliefRead | None:
    """The observer's read of the subject's type, or None when the subject has no types to read."""
    shares = belief(state, observer_id, subject_id)
    if not shares:
        return None
    type_id = max(shares, key=lambda t: shares[t])  # the first of equal shares, in the scenario's order
    name = scenario.actor(subject_id).actor_type(type_id).name
    cause, toward, most = None, True, 1e-9
    for move in state.belief_moves:
        if (move.observer, move.subject) != (observer_id, subject_id):
            continue
        logs = {t: math.log(f) for t, f in move.factors.items() if f > 0}
        if type_id not in logs:
            continue
        shift = logs[type_id] - sum(logs.values()) / len(logs)
        if abs(shift) > most:
            cause, toward, most = move.cause, shift > 0, abs(shift)
    return BeliefRead(observer_id, subject_id, type_id, name, shares[type_id], cause, toward)


def read_words(scenario: Scenario, belief_read: BeliefRead) -> str:
    """E.g. "NATO now reads Russia as revisionist, about 60 %: it ordered “Mass more troops”"."""
    observer = scenario.actor(belief_read.observer).short_name
    subject = scenario.actor(belief_read.subject).short_name
    share = min(95, max(5, 5 * round(belief_read.share * 20)))  # nobody is ever quite sure
    text = f"{observer} now reads {subject} as {belief_read.type_name}, about {share} %"
    why = _cause_words(scenario, belief_read.cause)
    if why:
        text += f": {why}" if belief_read.toward else f", even though {why}"
    return text


def _cause_words(scenario: Scenario, cause: object) -> str:
    if isinstance(cause, Cause) and cause.option_id in scenario.index.options:
        label = scenario.option(cause.option_id).label
        if cause.rule == "intelligence":
            by = scenario.actor(cause.actor_id).short_name
            return f"intelligence came in (“{label}”, by {by})"
        if cause.rule == "claim_exposed":
            return f"its claim “{label}” was exposed as false"
        return f"it ordered “{label}”"
    return cause if isinstance(cause, str) else ""
