"""Hidden types: one drawn per actor from the seed, and the scenario as each type truly holds it.

An actor with `types` states its positions in public; the type the seed drew
holds its own. `typed(scenario, types)` is the scenario with those true
positions in place of the stated ones, for the actors named. It composes with
`in_force` (dated changes) in one fixed order: first the stated positions as
they stand on the date, then each type's overrides replace the fields they
give (a field a type leaves out follows the stated position, dates and all).
Each variant is built once per scenario and set of types (`index.memo`), so
its own memo of readings and reactions is reused turn after turn.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace

from game.engine.index import memo
from game.scenario.model import Actor, Position, Scenario, TypePosition


def draw_types(scenario: Scenario, seed: int) -> dict[str, str]:
    """One type per actor with types, drawn by the priors from `{seed}:type:{actor}`."""
    return {
        actor.id: draw_one(actor, random.Random(f"{seed}:type:{actor.id}"))
        for actor in scenario.actors
        if actor.types
    }


def draw_one(actor: Actor, rng: random.Random) -> str:
    total = sum(t.prior for t in actor.types)
    point = rng.random() * total
    for actor_type in actor.types:
        point -= actor_type.prior
        if point < 0:
            return actor_type.id
    return actor.types[-1].id


def priors(actor: Actor) -> dict[str, float]:
    """The author's priors of an actor's types, normalised to sum to 1."""
    total = sum(t.prior for t in actor.types) or 1.0
    return {t.id: t.prior / total for t in actor.types}


def check_types(scenario: Scenario, types: Mapping[str, str]) -> str:
    """Why these fixed types do not fit the scenario ("" when they do)."""
    for actor_id, type_id in types.items():
        actor = scenario.index.actors.get(actor_id)
        if actor is None or not actor.types:
            return f"'{actor_id}' has no hidden types in this scenario"
        if type_id not in {t.id for t in actor.types}:
            known = ", ".join(t.id for t in actor.types)
            return f"unknown type '{type_id}' for {actor_id} (known: {known})"
    return ""


def true_position(position: Position, override: TypePosition | None) -> Position:
    """The position as a type truly holds it: the fields the type gives replace the stated ones."""
    if override is None:
        return position
    return replace(
        position,
        strength=position.strength if override.strength is None else override.strength,
        preferred=position.preferred if override.preferred is None else override.preferred,
        acceptable=position.acceptable if override.acceptable is None else override.acceptable,
        red_lines=position.red_lines if override.red_lines is None else override.red_lines,
        summary=override.summary or position.summary,
        changes=(),  # the dates have been read already (typed variants are made from `in_force`)
    )


def override_of(scenario: Scenario, actor_id: str, type_id: str, issue_id: str) -> TypePosition | None:
    actor_type = scenario.actor(actor_id).actor_type(type_id)
    return next((p for p in actor_type.positions if p.issue == issue_id), None)


def typed(scenario: Scenario, types: Mapping[str, str]) -> Scenario:
    """The scenario with the true positions of these actors' types (the same object when none differ)."""
    if not types:
        return scenario
    found: Scenario = memo(scenario, ("typed", tuple(types.items())), lambda: _typed(scenario, types))
    return found


def typed_one(scenario: Scenario, actor_id: str, type_id: str) -> Scenario:
    """`typed` for one actor (a computer side reading its own true positions), without a dict per call."""
    found: Scenario = memo(
        scenario, ("typed", ((actor_id, type_id),)), lambda: _typed(scenario, {actor_id: type_id})
    )
    return found


def _typed(scenario: Scenario, types: Mapping[str, str]) -> Scenario:
    key = tuple(sorted((a, t) for a, t in types.items() if _overrides(scenario, a, t)))
    if not key:
        return scenario
    variant: Scenario = memo(scenario, ("typed variant", key), lambda: _variant(scenario, dict(key)))
    return variant


def _overrides(scenario: Scenario, actor_id: str, type_id: str) -> bool:
    actor = scenario.index.actors.get(actor_id)
    return actor is not None and any(
        t.id == type_id and (t.positions or t.reactions is not None) for t in actor.types
    )


def _variant(scenario: Scenario, types: dict[str, str]) -> Scenario:
    positions = tuple(
        true_position(p, override_of(scenario, p.actor, types[p.actor], p.issue)) if p.actor in types else p
        for p in scenario.positions
    )
    actors = tuple(_true_actor(a, types.get(a.id)) for a in scenario.actors)
    return replace(scenario, positions=positions, actors=actors)


def _true_actor(actor: Actor, type_id: str | None) -> Actor:
    """The actor with its drawn type's own `reactions`, when the type gives them."""
    if type_id is None:
        return actor
    actor_type = actor.actor_type(type_id)
    return actor if actor_type.reactions is None else replace(actor, reactions=actor_type.reactions)
