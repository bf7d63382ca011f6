"""Claims that can be false, and intelligence that sharpens a belief and exposes them.

A claim (an option's `claim:`) says something is so — "units return to
base" — that is true only for some of its giver's types. Made by a type for
which it is false, the fact does not happen (the claimed issues do not move,
no force moves), while the others react to the words by how far they
believe them (`truth_share`). A false claim is exposed by intelligence about
its giver, by news that `exposes` it, or by itself once `exposed_after`
turns have shown the issue did not move; then everyone who holds a belief
about the giver reads it as less accommodating, and the claim's
`if_exposed` effects apply (docs/rules.md, *Claims and intelligence*).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace

from game.engine.beliefs import _move, belief, nudge
from game.engine.dispositions import priors
from game.engine.draft import Draft
from game.engine.effects import Prepared, prepare
from game.engine.index import memo
from game.engine.records import Cause
from game.engine.state import ClaimMade, GameState
from game.scenario.model import Effects, Option, Scenario


def is_true(option: Option, types: Mapping[str, str]) -> bool:
    """Whether the option's claim holds for its giver's drawn type (an actor without types tells the truth)."""
    claim = option.claim
    type_id = types.get(option.actor)
    return claim is None or type_id is None or type_id in claim.true_for


def own_effects(scenario: Scenario, option: Option) -> Prepared:
    """A false claim's own effects: all but the claimed issues and the force moves."""

    def compute() -> Prepared:
        claim = option.claim
        said = {issue for issue, _ in claim.says} if claim is not None else set()
        kept = tuple((i, s) for i, s in option.effects.issues if i not in said)
        return prepare(scenario, replace(option.effects, issues=kept, moves=()))

    return memo(scenario, ("false claim effects", option.id), compute)


def claimed(option: Option) -> frozenset[tuple[str, str]]:
    return frozenset(option.claim.says) if option.claim is not None else _NOTHING


_NOTHING: frozenset[tuple[str, str]] = frozenset()


def truth_share(scenario: Scenario, state: GameState | Draft, observer: str, option: Option) -> float:
    """How far the observer believes the claim: its share of the types the claim is true for."""
    claim = option.claim
    if claim is None:
        return 1.0
    shares = state.beliefs.get(observer, {}).get(option.actor) if isinstance(state, Draft) else None
    if shares is None:
        shares = belief(state, observer, option.actor) if isinstance(state, GameState) else None
    if not shares:
        shares = memo(scenario, ("priors", option.actor), lambda: priors(scenario.actor(option.actor)))
    return sum(shares.get(t, 0.0) for t in claim.true_for)


def record(draft: Draft, option: Option) -> None:
    if option.claim is not None:
        draft.claims.append(ClaimMade(draft.turn, option.actor, option.id, is_true(option, draft.types)))


def intelligence(draft: Draft, scenario: Scenario, options: tuple[Option, ...]) -> None:
    """Each intelligence order moves its giver's (and, if public, its allies') belief toward the truth."""
    for option in options:
        intel = option.intelligence
        if intel is None or intel.about not in draft.types:
            continue
        side = scenario.actor(option.actor).side
        observers = [
            a.id
            for a in scenario.acting_actors
            if a.id == option.actor or (intel.public and a.side == side and a.id != intel.about)
        ]
        truth = draft.types[intel.about]
        factors = {
            t.id: math.exp(intel.weight) if t.id == truth else 1.0 for t in scenario.actor(intel.about).types
        }
        cause = Cause("intelligence", option.actor, option.id)
        for observer in observers:
            if intel.about in draft.beliefs.get(observer, {}):
                _move(draft, observer, intel.about, factors, cause, scenario.beliefs.floor)


def expose(
    draft: Draft,
    scenario: Scenario,
    options: tuple[Option, ...],
    fired: list[str],
    apply: Callable[[Prepared, Cause], None],
) -> None:
    """Expose the false claims that intelligence, news or time show up this turn."""
    spied = {o.intelligence.about for o in options if o.intelligence is not None}
    shown = {x for i in fired for x in scenario.index.injects[i].exposes}
    for n, made in enumerate(draft.claims):
        if made.true or made.exposed:
            continue
        claim = scenario.option(made.option).claim
        after = claim.exposed_after if claim is not None else 0
        aged = after > 0 and draft.turn - made.turn >= after
        if made.actor in spied or made.option in shown or aged:
            draft.claims[n] = made._replace(exposed=True)
            _cost(draft, scenario, made, apply)


def _cost(
    draft: Draft, scenario: Scenario, made: ClaimMade, apply: Callable[[Prepared, Cause], None]
) -> None:
    cause = Cause("claim_exposed", made.actor, made.option)
    for observer, about in draft.beliefs.items():
        if made.actor in about:
            nudge(draft, observer, made.actor, False, scenario.beliefs.exposed, cause)
    claim = scenario.option(made.option).claim
    effects = claim.if_exposed if claim is not None else Effects()
    if not effects.is_empty():
        apply(memo(scenario, ("exposed effects", made.option), lambda: prepare(scenario, effects)), cause)
