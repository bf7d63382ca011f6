"""Hidden types of an actor (`actors[].types`) and the top-level `beliefs:` rule, read and checked.

Read by the loader like any other entity; checked once every position is
known (a type may only override a position the actor states).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario import model as m
from game.scenario.fields import Fields, Reader
from game.scenario.rules import effects
from game.scenario.yamlsafe import YMap, YNode

if TYPE_CHECKING:
    from game.scenario.loader import _Builder


def actor_types(b: _Builder, f: Fields, actor: str) -> tuple[m.ActorType, ...]:
    """The `types` of one actor; ids are the actor's own (two actors may both have a 'hawk')."""
    ids: dict[str, YNode] = {}
    return b.listed(f, "types", lambda n: _actor_type(b, n, actor, ids))


def _actor_type(b: _Builder, node: YNode, actor: str, ids: dict[str, YNode]) -> m.ActorType | None:
    what = f"a type of '{actor}'"
    f = b.fields(node, "actor_type", what)
    if f is None:
        return None
    r = b.r
    ident = b.register("type", f, what, ids)
    prior = r.number(f, "prior", f"type '{ident}' of '{actor}'", 0.0, 1000.0)
    if "prior" in f and prior <= 0:
        r.error(f["prior"], f"the prior of type '{ident}' of '{actor}' must be above 0 (it is never drawn)")
    issues: dict[str, YNode] = {}
    positions = b.listed(
        f, "positions", lambda n: _type_position(b, n, f"type '{ident}' of '{actor}'", issues)
    )
    return m.ActorType(
        id=ident,
        name=r.text(f, "name", what),
        prior=prior,
        description=r.text(f, "description", what),
        accommodating=r.boolean(f, "accommodating", what),
        positions=positions,
        reactions=_reactions(b, f, f"type '{ident}' of '{actor}'"),
    )


def _reactions(b: _Builder, f: Fields, what: str) -> m.Reactions | None:
    """A type's own `reactions` (how it truly answers a position honoured or crossed), if it gives them."""
    if "reactions" not in f:
        return None
    rf = b.fields(f["reactions"], "reactions", f"the reactions of {what}") or Fields()
    return m.Reactions(
        effects(b.r, rf.get("honoured"), "'honoured'"), effects(b.r, rf.get("crossed"), "'crossed'")
    )


def _type_position(b: _Builder, node: YNode, what: str, issues: dict[str, YNode]) -> m.TypePosition | None:
    f = b.fields(node, "type_position", f"a position of {what}")
    if f is None:
        return None
    r = b.r
    issue = r.ref(f, "issue", "issue", f"a position of {what}")
    if issue in issues:
        r.error(node, f"{what} already overrides its position on '{issue}' (line {issues[issue].line})")
    issues.setdefault(issue, node)
    where = f"the position of {what} on '{issue}'"
    lists = b.stance_lists(f, issue, where)
    return m.TypePosition(
        issue=issue,
        strength=r.integer(f, "strength", where, 1, 3) if "strength" in f else None,
        preferred=lists["preferred"],
        acceptable=lists["acceptable"],
        red_lines=lists["red_lines"],
        summary=r.text(f, "summary", where),
    )


def belief_rule(b: _Builder, node: YNode | None) -> m.BeliefRule:
    if node is None:
        return m.BeliefRule()
    f = b.fields(node, "beliefs", "'beliefs'")
    if f is None:
        return m.BeliefRule()
    r, default = b.r, m.BeliefRule()
    return m.BeliefRule(
        words=r.number(f, "words", "'beliefs'", 0.0, 10.0, default.words),
        acts=r.number(f, "acts", "'beliefs'", 0.0, 10.0, default.acts),
        floor=r.number(f, "floor", "'beliefs'", 0.0, 0.2, default.floor),
        exposed=r.number(f, "exposed", "'beliefs'", 0.0, 10.0, default.exposed),
    )


def check_types(r: Reader, scenario: m.Scenario, f: Fields, tree: YMap) -> None:
    """A type overrides only what its actor states; one type alone hides nothing."""
    nodes = {a.id: n for a, n in zip(scenario.actors, r.items(f.get("actors"), "'actors'"), strict=False)}
    for actor in scenario.actors:
        if not actor.types:
            continue
        node = nodes.get(actor.id)
        where = node if node is not None else tree
        if len(actor.types) == 1:
            r.warning(where, f"'{actor.id}' has one type only: a hidden type needs another to be told from")
        stated = {p.issue for p in scenario.positions_of(actor.id)}
        for actor_type in actor.types:
            for position in actor_type.positions:
                if (
                    position.issue
                    and position.issue in scenario.index.issues
                    and position.issue not in stated
                ):
                    r.error(
                        where,
                        f"type '{actor_type.id}' of '{actor.id}' overrides its position on "
                        f"'{position.issue}', but '{actor.id}' states none there: add a stated position first",
                    )
