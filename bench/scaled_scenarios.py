"""Bigger scenarios made from a shipped one, for measuring how the engine's cost grows with size.

`copies(scenario, k)`: k disjoint copies of the crisis in one scenario (every
actor, issue, position, force, option, inject and flag renamed per copy; the
ladder, places and outcomes are shared, the outcomes reading copy 0), so a
turn has k times as many sides, orders and readings.
`with_extra_sides(scenario, n)`: n more playable sides with one option each
that touches nothing, as in a model UN committee.
Only `dataclasses.replace` on the model is used, so the same code runs against
older engines in a reference worktree.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from game.scenario import model as m

# Fields that name something copied, by the kind of thing they name.
_REFS = {"actor": "actor", "owner": "actor", "issue": "issue", "option": "option", "force": "force"}
_REFS |= {"flag": "flag", "set_flags": "flags", "clear_flags": "flags", "stances": "pairs"}
_OWN_ID = {m.Actor: "actor", m.Issue: "issue", m.Option: "option", m.Force: "force", m.Inject: "inject"}


def _renamed(value: Any, suffix: str) -> Any:
    if isinstance(value, tuple):
        return tuple(_renamed(v, suffix) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        if not f.init:
            continue
        v = getattr(value, f.name)
        kind = "own" if f.name == "id" and type(value) in _OWN_ID else _REFS.get(f.name)
        if isinstance(value, m.Effects) and f.name == "issues":
            kind = "pairs"
        if kind in ("own", "actor", "issue", "option", "force", "flag") and isinstance(v, str):
            changes[f.name] = v + suffix
        elif kind in ("flags",):
            changes[f.name] = tuple(x + suffix for x in v)
        elif kind == "pairs":
            changes[f.name] = tuple((a + suffix, b) for a, b in v)
        else:
            changes[f.name] = _renamed(v, suffix)
    return dataclasses.replace(value, **changes)


def copies(scenario: m.Scenario, k: int) -> m.Scenario:
    parts: dict[str, tuple[Any, ...]] = {}
    for name in ("actors", "issues", "positions", "forces", "options", "injects"):
        items: tuple[Any, ...] = ()
        for i in range(k):
            items += _renamed(getattr(scenario, name), f"_{i}" if i else "")
        parts[name] = items
    return dataclasses.replace(scenario, **parts)


def with_extra_sides(scenario: m.Scenario, n: int) -> m.Scenario:
    actors = tuple(
        m.Actor(f"delegate_{i}", f"Delegate {i}", f"D{i}", "#888888", True, f"bloc_{i}") for i in range(n)
    )
    options = tuple(
        m.Option(f"delegate_{i}_abstain", f"delegate_{i}", "Abstain", "Says nothing.", "diplomatic")
        for i in range(n)
    )
    return dataclasses.replace(scenario, actors=scenario.actors + actors, options=scenario.options + options)
