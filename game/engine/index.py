"""Per-scenario values the engine derives once: the scenario model is immutable, so they never go stale.

Batch simulation reads the same option against the same positions tens of
thousands of times; this keeps that to one reading per option per scenario.
The values live in the scenario's own index, and go when the scenario goes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from game.scenario.model import Scenario

T = TypeVar("T")


def memo(scenario: Scenario, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """The value for `key` in this scenario's memo, computing it on first use."""
    values = scenario.index.derived
    if key not in values:
        values[key] = compute()
    return cast(T, values[key])
