"""An option's `intelligence:` and `claim:`, and an inject's `exposes:`, read and checked.

Intelligence sharpens a belief about another actor's hidden type; a claim
says something is so that is true only for some of its giver's types
(docs/scenario-format.md, *Intelligence and claims*).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario import model as m
from game.scenario.fields import Fields, Reader
from game.scenario.rules import effects
from game.scenario.yamlsafe import YMap, YNode

if TYPE_CHECKING:
    from game.scenario.loader import _Builder


def intelligence(b: _Builder, node: YNode | None, what: str) -> m.Intelligence | None:
    if node is None:
        return None
    where = f"'intelligence' of {what}"
    f = b.fields(node, "intelligence", where)
    if f is None:
        return None
    r = b.r
    return m.Intelligence(
        about=r.ref(f, "about", "actor", where),
        weight=r.number(f, "weight", where, 0.0, 10.0, 1.0),
        public=r.boolean(f, "public", where),
    )


def claim(b: _Builder, node: YNode | None, what: str) -> m.Claim | None:
    if node is None:
        return None
    where = f"'claim' of {what}"
    f = b.fields(node, "claim", where)
    if f is None:
        return None
    r = b.r
    says = []
    for key, value in r.entries(f.get("says"), f"'says' of the {where}"):
        issue = r.ref_value(key, "issue", "an issue")
        says.append((issue, r.ref_value(value, "state", f"the claim on '{issue}'", scope=issue)))
    if not says and "says" in f:
        r.error(f["says"], f"the {where} says nothing: name at least one ISSUE: STATE")
    return m.Claim(
        says=tuple(s for s in says if all(s)),
        true_for=tuple(
            r.text_value(n, f"a type in 'true_for' of the {where}")
            for n in r.items(f.get("true_for"), "'true_for'")
        ),
        exposed_after=r.integer(f, "exposed_after", where, 0, 50, 1),
        if_exposed=effects(r, f.get("if_exposed"), f"'if_exposed' of the {where}"),
    )


def exposes(b: _Builder, f: Fields, what: str) -> tuple[str, ...]:
    """An inject's `exposes`: the options whose false claims the news shows up."""
    r = b.r
    return tuple(
        r.ref_value(n, "option", f"an option in 'exposes' of {what}")
        for n in r.items(f.get("exposes"), "'exposes'")
    )


def check_claims(r: Reader, scenario: m.Scenario, f: Fields, tree: YMap) -> None:
    """A claim names types of its own giver; intelligence is about an actor whose type is hidden."""
    nodes = {o.id: n for o, n in zip(scenario.options, r.items(f.get("options"), "'options'"), strict=False)}
    for option in scenario.options:
        where = nodes.get(option.id, tree)
        actor = scenario.index.actors.get(option.actor)
        own = {t.id for t in actor.types} if actor is not None else set()
        if option.claim is not None:
            unknown = [t for t in option.claim.true_for if t not in own]
            if unknown:
                known = ", ".join(sorted(own)) or "none: give the actor types first"
                r.error(
                    where,
                    f"option '{option.id}' claims something true for type '{unknown[0]}', "
                    f"which '{option.actor}' does not have (its types: {known})",
                )
        about = option.intelligence.about if option.intelligence is not None else ""
        subject = scenario.index.actors.get(about)
        if subject is not None and len(subject.types) < 2:
            r.warning(
                where,
                f"option '{option.id}' gathers intelligence on '{about}', which has no hidden types to tell apart",
            )
