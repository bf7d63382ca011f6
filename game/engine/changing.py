"""Positions that change at a date or on an event: the scenario as it stands in a given state.

A position's `changes` say from when (a `date_at_least`, a flag…) its lists
become others. Rather than teach every rule about it, the engine reads the
game through `in_force(scenario, state)`: the same scenario, with each
position replaced by its latest change whose conditions hold. A scenario
without changes is returned as it is, so nothing else pays for the feature.
"""

from __future__ import annotations

from dataclasses import replace

from game.engine.conditions import all_hold
from game.engine.index import memo
from game.engine.state import GameState
from game.scenario.model import Position, Scenario


def in_force(scenario: Scenario, state: GameState) -> Scenario:
    """The scenario with every position as it stands in this state (the same object when none changed)."""
    if not scenario.index.changing:  # looked up once per scenario: this runs for every side each turn
        return scenario
    # Every side asks about the same state in a turn: the last answer is kept (states are immutable).
    last = scenario.index.derived.get(_LAST)
    if isinstance(last, tuple) and last[0] is state:
        found: Scenario = last[1]
        return found
    active = tuple(_latest(p, scenario, state) for p in scenario.positions)
    if not any(i >= 0 for i in active):
        found = scenario
    else:  # one variant per set of active changes, kept, so each variant's own memo of readings is reused
        found = memo(scenario, ("in_force", active), lambda: _variant(scenario, active))
    if isinstance(state, GameState):
        scenario.index.derived[_LAST] = (state, found)
    return found


_LAST = ("in_force, last state",)


def _latest(position: Position, scenario: Scenario, state: GameState) -> int:
    """The index of the last change in force, or -1."""
    held = [i for i, change in enumerate(position.changes) if all_hold(change.when, scenario, state)]
    return held[-1] if held else -1


def _variant(scenario: Scenario, active: tuple[int, ...]) -> Scenario:
    positions = []
    for position, index in zip(scenario.positions, active, strict=True):
        if index < 0:
            positions.append(position)
            continue
        change = position.changes[index]
        positions.append(
            replace(
                position,
                preferred=position.preferred if change.preferred is None else change.preferred,
                acceptable=position.acceptable if change.acceptable is None else change.acceptable,
                red_lines=position.red_lines if change.red_lines is None else change.red_lines,
                summary=change.summary or position.summary,
            )
        )
    return replace(scenario, positions=tuple(positions))
