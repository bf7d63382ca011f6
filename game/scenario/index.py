"""Lookups of one scenario, built once when its model is made: ids to objects, and who holds what.

The model is immutable, so these never go stale. They keep the engine's cost
per turn independent of how many actors, positions and options a scenario has
(a model UN committee may have hundreds of sides).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from game.scenario.model import Actor, Meter, Option, Position, Scenario


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)
U = TypeVar("U")


def by_id(items: Iterable[T]) -> dict[str, T]:
    """id -> item; when an id repeats (a broken file still being checked) the first one wins."""
    found: dict[str, T] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def grouped(items: Iterable[U], key: str) -> dict[str, tuple[U, ...]]:
    """Items grouped by the value of one attribute, each group in the scenario's order."""
    groups: dict[str, list[U]] = {}
    for item in items:
        groups.setdefault(getattr(item, key), []).append(item)
    return {k: tuple(v) for k, v in groups.items()}


class ScenarioIndex:
    """Every lookup the engine and the clients make often, computed in one pass over the model."""

    __slots__ = (
        "acting",
        "actors",
        "changing",
        "derived",
        "forces",
        "injects",
        "issues",
        "meters",
        "options",
        "options_of",
        "outcomes",
        "places",
        "playable",
        "positions_of",
        "positions_on",
        "rung_order",
        "rungs",
        "sources",
    )

    def __init__(self, scenario: Scenario) -> None:
        self.actors = by_id(scenario.actors)
        self.issues = by_id(scenario.issues)
        self.places = by_id(scenario.places)
        self.forces = by_id(scenario.forces)
        self.options = by_id(scenario.options)
        self.outcomes = by_id(scenario.outcomes)
        self.sources = by_id(scenario.sources)
        self.rungs = by_id(scenario.ladder)
        self.rung_order = {r.id: i for i, r in reversed(list(enumerate(scenario.ladder)))}
        self.injects = by_id(scenario.injects)
        self.meters: dict[tuple[str, str], Meter] = {}
        for actor in scenario.actors:
            for meter in actor.meters:
                self.meters.setdefault((actor.id, meter.id), meter)
        self.playable: tuple[Actor, ...] = tuple(a for a in scenario.actors if a.playable)
        self.acting: tuple[Actor, ...] = tuple(a for a in scenario.actors if a.gives_orders)
        self.options_of: dict[str, tuple[Option, ...]] = grouped(scenario.options, "actor")
        self.positions_of: dict[str, tuple[Position, ...]] = grouped(scenario.positions, "actor")
        self.positions_on: dict[str, tuple[Position, ...]] = grouped(scenario.positions, "issue")
        self.changing = any(p.changes for p in scenario.positions)  # any position that changes in play
        self.derived: dict[
            tuple[Hashable, ...], object
        ] = {}  # what the engine works out once (engine/index.py)
