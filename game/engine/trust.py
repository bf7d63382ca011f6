"""What deals need from beliefs: how far one side trusts another to keep its word, and moving that trust.

STAND-IN: the types branch provides `game.engine.beliefs` (`belief`, `nudge`,
`true_positions`); until it is on main these stand-ins have the same
signatures: every side is read as 50 % accommodating, a nudge changes nothing,
and an actor's true positions are its stated ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.scenario.model import Position, Scenario

UNKNOWN = "unknown"


def belief(state: Any, observer_id: str, subject_id: str) -> Mapping[str, float]:
    """Stand-in: one unknown type, held for certain."""
    return {UNKNOWN: 1.0}


def nudge(
    draft: Any, observer_id: str, subject_id: str, toward_accommodating: bool, weight: float, cause: object
) -> None:
    """Stand-in: beliefs do not move until the types branch lands."""


def true_positions(scenario: Scenario, state_or_game: Any, actor_id: str) -> tuple[Position, ...]:
    """Stand-in: the positions the actor states are the ones it holds."""
    return scenario.positions_of(actor_id)


def trust(scenario: Scenario, state: Any, observer_id: str, subject_id: str) -> float:
    """The share of `observer`'s belief that `subject` is of an accommodating type (0.5 when unknown)."""
    read = belief(state, observer_id, subject_id)
    accommodating = _accommodating_types(scenario, subject_id)
    if not accommodating:
        return 0.5
    return sum(share for type_id, share in read.items() if type_id in accommodating)


def _accommodating_types(scenario: Scenario, actor_id: str) -> frozenset[str]:
    types = getattr(scenario.actor(actor_id), "types", ())
    return frozenset(t.id for t in types if getattr(t, "accommodating", False))


def own_type_accommodating(scenario: Scenario, state: Any, actor_id: str) -> bool | None:
    """Whether the actor's own drawn type is accommodating; None when it has no types."""
    types = getattr(state, "types", None) or {}
    drawn = types.get(actor_id) if isinstance(types, Mapping) else None
    if drawn is None:
        return None
    return drawn in _accommodating_types(scenario, actor_id)
