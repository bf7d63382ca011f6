"""What deals need from beliefs (game/engine/beliefs.py): how far one side trusts another to keep its
word, and whether a side's own drawn type is accommodating.

Trust is the share of the observer's belief that the subject is of an
accommodating type; an actor without types (or a belief nobody holds) is
trusted at an even 0.5. `nudge` and `true_positions` are the beliefs module's.
"""

from __future__ import annotations

from game.engine.beliefs import accommodating_types, belief, nudge, true_positions
from game.engine.state import GameState
from game.scenario.model import Scenario

__all__ = ["nudge", "own_type_accommodating", "true_positions", "trust"]

EVEN = 0.5


def trust(scenario: Scenario, state: GameState, observer_id: str, subject_id: str) -> float:
    """The share of `observer`'s belief that `subject` is of an accommodating type (0.5 when unknown)."""
    read = belief(state, observer_id, subject_id)
    accommodating = accommodating_types(scenario).get(subject_id, frozenset())
    if not read or not accommodating:
        return EVEN
    return sum(share for type_id, share in read.items() if type_id in accommodating)


def own_type_accommodating(scenario: Scenario, state: GameState, actor_id: str) -> bool | None:
    """Whether the actor's own drawn type is accommodating; None when it has no types."""
    drawn = state.types.get(actor_id)
    if drawn is None:
        return None
    return drawn in accommodating_types(scenario).get(actor_id, frozenset())
