"""Applying a scenario's `Effects` to the draft of a turn, one small rule per kind of effect.

`EFFECT_KINDS` maps each field of `Effects` to its `EffectKind`, in the order
they apply. A kind has two parts: `prepare` works out once, per effects and
scale, what applying means (scaled deltas, a meter's range), and `apply`
changes the draft and records a `Fact` for every value that really changed (a
change cut at a meter's edge records only what happened). Adding a kind of
effect is adding a field to the model's `Effects` and one entry here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

from game.engine.draft import Draft
from game.engine.index import memo
from game.engine.records import Cause, Fact
from game.scenario.model import Effects, Option, Scenario


class EffectKind(NamedTuple):
    prepare: Callable[[Scenario, Effects, float], Any]  # a falsy result: nothing to do
    apply: Callable[[Draft, Any, Cause, list[Fact]], None]


# What applying some effects at some scale comes to: (apply rule, its prepared part) per kind.
Prepared = tuple[tuple[Callable[[Draft, Any, Cause, list[Fact]], None], Any], ...]


def scaled(value: int, factor: float) -> int:
    """Round half away from zero, so a small reaction never silently vanishes in one direction only."""
    x = value * factor
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def _clamped(value: int, low: int, high: int) -> int:
    return high if value > high else max(value, low)


def _tension(draft: Draft, delta: int, cause: Cause, facts: list[Fact]) -> None:
    before = draft.tension
    draft.tension = after = _clamped(before + delta, 0, 100)
    if after != before:
        facts.append(Fact("tension", "", before, after, cause))


MeterStep = tuple[str, str, int, int, int]  # (actor, meter, scaled delta, min, max)


def _meters_prepared(sc: Scenario, fx: Effects, factor: float) -> tuple[MeterStep, ...]:
    steps = []
    for change in fx.meters:
        meter = sc.index.meters[change.actor, change.meter]
        delta = scaled(change.delta, factor)
        if delta:  # a zero step never changes anything
            steps.append((change.actor, change.meter, delta, meter.min, meter.max))
    return tuple(steps)


def _meters(draft: Draft, steps: tuple[MeterStep, ...], cause: Cause, facts: list[Fact]) -> None:
    meters = draft.meters
    for actor, meter, delta, low, high in steps:
        before = meters[actor][meter]
        after = before + delta
        after = high if after > high else max(after, low)
        if after != before:
            draft.writable_meters(actor)[meter] = after
            facts.append(Fact("meter", actor, before, after, cause, meter))


def _issues(draft: Draft, issues: tuple[tuple[str, str], ...], cause: Cause, facts: list[Fact]) -> None:
    for issue_id, state_id in issues:
        before = draft.issues[issue_id]
        if before != state_id:
            draft.issues[issue_id] = state_id
            facts.append(Fact("issue", issue_id, before, state_id, cause))


def _moves(draft: Draft, moves: Effects, cause: Cause, facts: list[Fact]) -> None:
    for move in moves.moves:
        force = draft.forces[move.force]
        if force.place != move.to:
            facts.append(Fact("force", move.force, force.place, move.to, cause))
            draft.move_force(move.force, move.to)
        if move.posture and move.posture != force.posture:
            facts.append(Fact("posture", move.force, force.posture, move.posture, cause))
            draft.set_posture(move.force, move.posture)


def _set_flags(draft: Draft, flags: tuple[str, ...], cause: Cause, facts: list[Fact]) -> None:
    for flag in flags:
        if flag not in draft.flags:
            draft.flags.add(flag)
            facts.append(Fact("flag", flag, False, True, cause))


def _clear_flags(draft: Draft, flags: tuple[str, ...], cause: Cause, facts: list[Fact]) -> None:
    for flag in flags:
        if flag in draft.flags:
            draft.flags.discard(flag)
            facts.append(Fact("flag", flag, True, False, cause))


EFFECT_KINDS: dict[str, EffectKind] = {
    "tension": EffectKind(lambda sc, fx, factor: scaled(fx.tension, factor), _tension),
    "meters": EffectKind(_meters_prepared, _meters),
    "issues": EffectKind(lambda sc, fx, factor: fx.issues, _issues),
    "moves": EffectKind(lambda sc, fx, factor: fx if fx.moves else None, _moves),
    "set_flags": EffectKind(lambda sc, fx, factor: fx.set_flags, _set_flags),
    "clear_flags": EffectKind(lambda sc, fx, factor: fx.clear_flags, _clear_flags),
}


def prepare(sc: Scenario, effects: Effects, factor: float = 1.0) -> Prepared:
    """Effects at a scale (only tension and meters scale), ready to apply to any draft."""
    found = []
    for kind in EFFECT_KINDS.values():
        if part := kind.prepare(sc, effects, factor):
            found.append((kind.apply, part))
    return tuple(found)


def own_prepared(sc: Scenario, option: Option) -> Prepared:
    """An order's own effects, prepared once per scenario (resolution and the grave check apply them)."""
    return memo(sc, ("own effects", option.id), lambda: prepare(sc, option.effects))


def apply(draft: Draft, prepared: Prepared, cause: Cause, facts: list[Fact]) -> None:
    """Apply prepared effects, kind by kind in the order of `EFFECT_KINDS`."""
    for rule, part in prepared:
        rule(draft, part, cause, facts)
