"""The game state: everything that changes during a game, as immutable JSON-able values.

A `GameState` cannot be changed: resolution works on a private `Draft`
(game/engine/draft.py) and freezes it into a new state at the end, so earlier
states stay valid for undo and "what if".
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

from game.engine.deal_values import Deal, deal_from_json
from game.scenario.model import Scenario

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class ForceState:
    place: str
    posture: str


class ChosenOption(NamedTuple):
    """One order given in an earlier turn (a tuple, so it reads and saves as before)."""

    turn: int
    actor: str
    option: str


class ForceMoved(NamedTuple):
    """A force that changed place during the last turn: (force, from, to)."""

    force: str
    origin: str
    to: str


def frozen_map(items: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of a fresh dict of these items."""
    return MappingProxyType(dict(items))


def _no_orders() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


def _none() -> Mapping[str, Any]:
    return MappingProxyType({})


Beliefs = Mapping[str, Mapping[str, Mapping[str, float]]]  # observer -> subject -> type -> share


class BeliefMove(NamedTuple):
    """What moved one side's belief about another last turn: an order seen, or a deal (its `cause`)."""

    observer: str
    subject: str
    cause: object  # a `Cause` for an order seen; whatever a caller of `nudge` gave
    factors: Mapping[str, float]  # type -> the factor its share was multiplied by


class ClaimMade(NamedTuple):
    """A claim ordered in some turn: whether it was true for its giver's type, and whether exposed."""

    turn: int
    actor: str
    option: str
    true: bool
    exposed: bool = False


class WorldView(Protocol):
    """What a condition reads: a frozen `GameState`, or the draft of the turn being resolved."""

    @property
    def turn(self) -> int: ...
    @property
    def date(self) -> str: ...
    @property
    def tension(self) -> int: ...
    @property
    def meters(self) -> Mapping[str, Mapping[str, int]]: ...
    @property
    def issues(self) -> Mapping[str, str]: ...
    @property
    def forces(self) -> Mapping[str, ForceState]: ...
    @property
    def flags(self) -> frozenset[str] | set[str]: ...
    @property
    def outcome(self) -> str | None: ...

    def was_chosen(self, option_id: str, actor_id: str | None = None) -> bool: ...


@dataclass(frozen=True, slots=True)
class GameState:
    turn: int  # the turn about to be played, from 1
    date: str  # ISO date of that turn
    tension: int  # 0–100
    meters: Mapping[str, Mapping[str, int]]  # actor -> meter -> value
    issues: Mapping[str, str]  # issue -> state id
    forces: Mapping[str, ForceState]
    flags: frozenset[str] = frozenset()
    chosen: tuple[ChosenOption, ...] = ()
    fired_injects: frozenset[str] = frozenset()
    moved_last_turn: tuple[ForceMoved, ...] = ()
    outcome: str | None = None
    types: Mapping[str, str] = field(default_factory=_none)  # actor -> the hidden type drawn for it
    beliefs: Beliefs = field(default_factory=_none)  # each acting side's belief about others' types
    claims: tuple[ClaimMade, ...] = ()  # the claims ordered so far (optional in the state's JSON)
    # What moved the beliefs last turn, for the read in words (replays rebuild it; not saved).
    belief_moves: tuple[BeliefMove, ...] = field(default=(), compare=False, repr=False)
    deals: tuple[Deal, ...] = ()  # every proposal made so far, and where it stands (engine/deals.py)
    # Each side's own orders in turn order, kept as they happen so no question about the
    # past scans every side's orders (derived from `chosen`; not part of the state's identity).
    chosen_by: Mapping[str, tuple[str, ...]] = field(default_factory=_no_orders, compare=False, repr=False)
    chosen_ids: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.chosen and not self.chosen_by:
            object.__setattr__(self, "chosen_by", orders_by_side(self.chosen))
            object.__setattr__(self, "chosen_ids", frozenset(c.option for c in self.chosen))

    def __hash__(self) -> int:  # consistent with ==: equal states agree on all of these
        return hash((self.turn, self.date, self.tension, self.chosen, self.outcome))

    @classmethod
    def initial(cls, scenario: Scenario, types: Mapping[str, str] | None = None) -> GameState:
        return cls(
            turn=1,
            date=scenario.start_date,
            tension=scenario.start_tension,
            meters=frozen_map({a.id: frozen_map({m.id: m.start for m in a.meters}) for a in scenario.actors}),
            issues=frozen_map({i.id: i.start for i in scenario.issues}),
            forces=frozen_map({f.id: ForceState(f.at, f.posture) for f in scenario.forces}),
            types=frozen_map(types or {}),
            beliefs=initial_beliefs(scenario),
        )

    def was_chosen(self, option_id: str, actor_id: str | None = None) -> bool:
        if actor_id is None or option_id not in self.chosen_ids:
            return option_id in self.chosen_ids
        return option_id in self.chosen_by.get(actor_id, ())

    def last_choice(self, actor_id: str) -> str | None:
        own = self.chosen_by.get(actor_id)
        return own[-1] if own else None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "turn": self.turn,
            "date": self.date,
            "tension": self.tension,
            "meters": {a: dict(m) for a, m in self.meters.items()},
            "issues": dict(self.issues),
            "forces": {k: {"place": v.place, "posture": v.posture} for k, v in sorted(self.forces.items())},
            "flags": sorted(self.flags),
            "chosen": [list(c) for c in self.chosen],
            "fired_injects": sorted(self.fired_injects),
            "moved_last_turn": [list(m) for m in self.moved_last_turn],
            "outcome": self.outcome,
        } | _hidden_json(self)


def initial_beliefs(scenario: Scenario) -> Beliefs:
    """Every acting side's belief about each other actor with types: the author's priors, normalised."""
    subjects = [a for a in scenario.actors if a.types]
    if not subjects:
        return _none()
    # One prior per subject, shared by every observer: beliefs that move alike stay one object
    # (game/engine/beliefs.py works out a shared belief's move once).
    priors = {}
    for subject in subjects:
        total = sum(t.prior for t in subject.types) or 1.0
        priors[subject.id] = frozen_map({t.id: t.prior / total for t in subject.types})
    beliefs = {}
    for observer in scenario.acting_actors:
        about = {s.id: priors[s.id] for s in subjects if s.id != observer.id}
        if about:
            beliefs[observer.id] = frozen_map(about)
    return frozen_map(beliefs)


def _hidden_json(state: GameState) -> dict[str, Any]:
    """The optional keys of types and beliefs: absent for a scenario without types, as before."""
    out: dict[str, Any] = {}
    if state.types:
        out["types"] = dict(sorted(state.types.items()))
    if state.beliefs:
        out["beliefs"] = {o: {s: dict(b) for s, b in about.items()} for o, about in state.beliefs.items()}
    if state.claims:
        out["claims"] = [list(c) for c in state.claims]
    if state.deals:  # optional too: older saves lack it
        out["deals"] = [d.to_json() for d in state.deals]
    return out


def _beliefs_from_json(data: object) -> Beliefs:
    if not data:
        return _none()
    return frozen_map(
        {
            str(o): frozen_map(
                {
                    str(s): frozen_map({str(t): float(p) for t, p in dict(b).items()})
                    for s, b in dict(about).items()
                }
            )
            for o, about in dict(data).items()  # type: ignore[call-overload]
        }
    )


def orders_by_side(chosen: tuple[ChosenOption, ...]) -> Mapping[str, tuple[str, ...]]:
    """Each side's orders, in the order they were given."""
    by_side: dict[str, list[str]] = {}
    for _, actor, option in chosen:
        by_side.setdefault(actor, []).append(option)
    return MappingProxyType({actor: tuple(options) for actor, options in by_side.items()})


def state_from_json(data: dict[str, Any]) -> GameState:
    """The inverse of `GameState.to_json`; raises KeyError/TypeError/ValueError on a damaged record."""
    return GameState(
        turn=int(data["turn"]),
        date=str(data["date"]),
        tension=int(data["tension"]),
        meters=frozen_map(
            {
                str(a): frozen_map({str(m): int(v) for m, v in dict(ms).items()})
                for a, ms in dict(data["meters"]).items()
            }
        ),
        issues=frozen_map({str(k): str(v) for k, v in dict(data["issues"]).items()}),
        forces=frozen_map(
            {str(k): ForceState(str(v["place"]), str(v["posture"])) for k, v in dict(data["forces"]).items()}
        ),
        flags=frozenset(str(f) for f in data["flags"]),
        chosen=tuple(ChosenOption(int(t), str(a), str(o)) for t, a, o in data["chosen"]),
        fired_injects=frozenset(str(i) for i in data["fired_injects"]),
        moved_last_turn=tuple(ForceMoved(str(f), str(a), str(b)) for f, a, b in data["moved_last_turn"]),
        outcome=None if data["outcome"] is None else str(data["outcome"]),
        types=frozen_map({str(a): str(t) for a, t in dict(data.get("types") or {}).items()}),
        beliefs=_beliefs_from_json(data.get("beliefs")),
        claims=tuple(
            ClaimMade(int(t), str(a), str(o), bool(true), bool(x))
            for t, a, o, true, x in data.get("claims") or ()
        ),
        deals=tuple(deal_from_json(dict(d)) for d in data.get("deals", ())),
    )


@functools.lru_cache(maxsize=1024)  # the same few dates come round in every game of a batch
def advance_date(iso_date: str, days: int) -> str:
    try:
        return (date.fromisoformat(iso_date) + timedelta(days=days)).isoformat()
    except ValueError:  # a scenario date the loader let through as text: keep it readable
        return iso_date
