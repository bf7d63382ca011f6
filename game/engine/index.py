"""Per-scenario lookups computed once: the scenario model is immutable, so they never go stale.

Batch simulation reads the same option against the same positions tens of
thousands of times; this keeps that to one reading per option per scenario.
"""

from __future__ import annotations

from collections import OrderedDict

from game.scenario.model import Scenario

_KEEP = 8  # distinct scenarios kept (live reload may load a few versions)
_indexes: OrderedDict[int, tuple[Scenario, dict]] = OrderedDict()


def memo(scenario: Scenario, key: tuple, compute):
    """The value for `key` in this scenario's memo, computing it on first use."""
    entry = _indexes.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        entry = (scenario, {})
        _indexes[id(scenario)] = entry
        while len(_indexes) > _KEEP:
            _indexes.popitem(last=False)
    values = entry[1]
    if key not in values:
        values[key] = compute()
    return values[key]
