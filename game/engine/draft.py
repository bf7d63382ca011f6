"""The private working copy of one resolution, frozen into a new `GameState` at the end.

Only resolution holds a `Draft`. It copies what a turn may change, and an
actor's meters only when one of them changes, so a scenario with many sides
does not pay for copying every side each turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from game.engine.state import (
    BeliefMove,
    Beliefs,
    ChosenOption,
    ClaimMade,
    ForceMoved,
    ForceState,
    GameState,
    advance_date,
    frozen_map,
)
from game.scenario.model import Scenario


class Draft:
    """A `GameState` being changed by one resolution; reads like one (see `WorldView`)."""

    __slots__ = (
        "_chosen_by",
        "_own_meters",
        "accommodating",
        "base",
        "belief_moves",
        "beliefs",
        "chosen",
        "chosen_ids",
        "claims",
        "date",
        "deals",
        "fired_injects",
        "flags",
        "forces",
        "issues",
        "meters",
        "moved_last_turn",
        "outcome",
        "tension",
        "turn",
        "types",
    )

    def __init__(self, state: GameState) -> None:
        self.base = state
        self.turn = state.turn
        self.date = state.date
        self.tension = state.tension
        self.meters: dict[str, Mapping[str, int]] = dict(state.meters)
        self._own_meters: dict[str, dict[str, int]] = {}  # the actors' meters this draft has copied
        self.issues = dict(state.issues)
        self.forces = dict(state.forces)
        self.flags = set(state.flags)
        self.chosen = list(state.chosen)
        self.chosen_ids = set(state.chosen_ids)
        self._chosen_by = dict(state.chosen_by)
        self.fired_injects = set(state.fired_injects)
        self.moved_last_turn: list[ForceMoved] = []  # only this turn's moves are kept
        self.outcome = state.outcome
        self.types = state.types  # drawn once per game: a turn never changes them
        # observer -> subject -> type -> share; copied per pair only when a belief moves (beliefs.py)
        self.beliefs: dict[str, dict[str, Mapping[str, float]]] = {
            o: dict(a) for o, a in state.beliefs.items()
        }
        self.belief_moves: list[BeliefMove] = []  # only this turn's are kept
        self.claims: list[ClaimMade] = list(state.claims)  # claims made so far (game/engine/claims.py)
        self.accommodating: Mapping[str, frozenset[str]] = {}  # actor -> accommodating types (set by resolve)
        self.deals = list(state.deals)  # replaced, never changed in place: deals are frozen values

    # ------------------------------------------------------------ reading
    def was_chosen(self, option_id: str, actor_id: str | None = None) -> bool:
        if actor_id is None or option_id not in self.chosen_ids:
            return option_id in self.chosen_ids
        return option_id in self._chosen_by.get(actor_id, ())

    # ----------------------------------------------------------- changing
    def writable_meters(self, actor_id: str) -> dict[str, int]:
        """The actor's meters, to change in place: copied on the first change this turn."""
        own = self._own_meters.get(actor_id)
        if own is None:
            own = self._own_meters[actor_id] = dict(self.meters[actor_id])
            self.meters[actor_id] = own
        return own

    def move_force(self, force_id: str, place: str) -> None:
        force = self.forces[force_id]
        self.moved_last_turn.append(ForceMoved(force_id, force.place, place))
        self.forces[force_id] = ForceState(place, force.posture)

    def set_posture(self, force_id: str, posture: str) -> None:
        self.forces[force_id] = ForceState(self.forces[force_id].place, posture)

    def record_order(self, actor_id: str, option_id: str) -> None:
        self.chosen.append(ChosenOption(self.turn, actor_id, option_id))
        self.chosen_ids.add(option_id)
        self._chosen_by[actor_id] = (*self._chosen_by.get(actor_id, ()), option_id)

    def next_turn(self, scenario: Scenario) -> None:
        self.turn += 1
        # Turns of uneven length take their date from the file; otherwise each is turn_days after the last.
        if scenario.turn_dates:
            self.date = scenario.date_of_turn(self.turn)
        else:
            self.date = advance_date(self.date, scenario.turn_days)

    # ----------------------------------------------------------- freezing
    def freeze(self) -> GameState:
        """The new state; the draft must not be used after this."""
        meters = dict(self.meters)
        for actor_id, own in self._own_meters.items():
            meters[actor_id] = MappingProxyType(own)
        return GameState(
            turn=self.turn,
            date=self.date,
            tension=self.tension,
            meters=MappingProxyType(meters),
            issues=frozen_map(self.issues),
            forces=frozen_map(self.forces),
            flags=frozenset(self.flags),
            chosen=tuple(self.chosen),
            fired_injects=frozenset(self.fired_injects),
            moved_last_turn=tuple(self.moved_last_turn),
            outcome=self.outcome,
            types=self.types,
            beliefs=self.base.beliefs if not self.belief_moves else _frozen_beliefs(self.beliefs),
            belief_moves=tuple(self.belief_moves),
            claims=tuple(self.claims),
            deals=tuple(self.deals),
            chosen_by=MappingProxyType(self._chosen_by),
            chosen_ids=frozenset(self.chosen_ids),
        )


def _frozen_beliefs(beliefs: dict[str, dict[str, Mapping[str, float]]]) -> Beliefs:
    return MappingProxyType({o: MappingProxyType(about) for o, about in beliefs.items()})
