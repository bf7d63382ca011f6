"""`validate --strict`: warnings about a scenario that plays, but not as its author meant.

Each check is one function over the built scenario that returns
(node to point at, message) pairs; the command adds them to the file's
problems. Two checks need a batch of computer-vs-computer games, which the
command plays (this package stays below the engine) and passes in as counts.
A shipped scenario either passes clean or answers each warning with a
`# justified: why` comment (see `justify`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from game.scenario import model as m
from game.scenario.located import Locator, at, field
from game.scenario.yamlsafe import YMap, YNode, YSeq

MAP_FILE = Path(__file__).resolve().parents[2] / "assets" / "map" / "countries.json"
Finding = tuple[YNode, str]


@dataclass(frozen=True, slots=True)
class Batch:
    """What a batch of computer games did: how often each outcome and option happened."""

    games: int
    seed: int
    outcomes: Mapping[str, int]
    options: Mapping[str, int]


@lru_cache(maxsize=1)
def map_countries(path: Path = MAP_FILE) -> frozenset[str]:
    """The ISO alpha-3 codes the map can colour."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(c["iso_a3"] for c in data["countries"])


def strict_findings(scenario: m.Scenario, tree: YMap, batch: Batch | None) -> list[Finding]:
    """Every strict warning, in no particular order (the caller sorts by line)."""
    where = Locator(tree)
    found = [
        *unreachable_wishes(scenario, where),
        *requirement_cycles(scenario, where),
        *unknown_countries(scenario, where),
        *unvisited_places(scenario, where),
    ]
    if batch is not None:
        found += list(batch_findings(scenario, where, batch))
    return found


def batch_findings(scenario: m.Scenario, where: Locator, batch: Batch) -> Iterator[Finding]:
    played = f"in {batch.games} computer-vs-computer games (seed {batch.seed})"
    for option in scenario.options:
        if option.actor in {a.id for a in scenario.acting_actors} and not batch.options.get(option.id):
            yield (
                where.item("options", option.id),
                (
                    f"option '{option.id}' was never chosen {played}: players may still choose it, but check "
                    f"its 'requires' and whether any computer temperament has a reason to want it"
                ),
            )
    for outcome in scenario.outcomes:
        if not batch.outcomes.get(outcome.id):
            yield (
                where.item("outcomes", outcome.id),
                (
                    f"outcome '{outcome.id}' was never reached {played}: check its 'when' against what "
                    f"the options and injects actually do"
                ),
            )


def _brought_about(scenario: m.Scenario) -> dict[tuple[str, str], set[str]]:
    """(issue, state) -> who can bring it about: option ids and 'inject'/'reaction' for other effects."""
    found: dict[tuple[str, str], set[str]] = {}
    for option in scenario.options:
        for pair in option.effects.issues:
            found.setdefault(pair, set()).add(option.id)
    others = [i.effects for i in scenario.injects] + [
        e for a in scenario.actors for e in (a.reactions.honoured, a.reactions.crossed)
    ]
    others += [e for p in scenario.positions for e in (p.if_crossed, p.if_honoured)]
    for effects in others:
        for pair in effects.issues:
            found.setdefault(pair, set()).add("event")
    return found


def unreachable_wishes(scenario: m.Scenario, where: Locator) -> Iterator[Finding]:
    """An actor that wants or accepts a state nothing can bring about, or that its own side never asks for."""
    made = _brought_about(scenario)
    playable = {a.id for a in scenario.playable_actors}
    for position in scenario.positions:
        issue = scenario.issue(position.issue)
        node = where.position(position.actor, position.issue)
        for key, states in (("preferred", position.preferred), ("acceptable", position.acceptable)):
            for state in states:
                if state == issue.start:
                    continue
                verb = "wants" if key == "preferred" else "accepts"
                if (issue.id, state) not in made:
                    yield (
                        at(node, key, node),
                        (
                            f"'{position.actor}' {verb} '{state}' on '{issue.id}', but no option or event "
                            f"brings it about, so it can never be honoured by what happens"
                        ),
                    )
                elif position.actor in playable and not _asks_for(scenario, position.actor, issue.id, state):
                    yield (
                        at(node, key, node),
                        (
                            f"'{position.actor}' {verb} '{state}' on '{issue.id}', but none of its own options "
                            f"signals or brings it about, so its players can never ask for it"
                        ),
                    )


def _asks_for(scenario: m.Scenario, actor: str, issue: str, state: str) -> bool:
    return any(
        (issue, state) in o.stances or (issue, state) in o.effects.issues for o in scenario.options_of(actor)
    )


def _chosen_required(option: m.Option) -> set[str]:
    """Options that must have been chosen before this one (top-level `chosen:` conditions)."""
    return {c.option for c in option.requires if isinstance(c, m.Chosen)}


def requirement_cycles(scenario: m.Scenario, where: Locator) -> Iterator[Finding]:
    """Options that require each other, directly or round a loop: none of them can ever be ordered first."""
    needs = {o.id: _chosen_required(o) for o in scenario.options}
    reported: set[str] = set()
    for start in needs:
        path = _cycle_from(start, needs)
        if path and start not in reported:
            reported.update(path)
            loop = " → ".join([*path, path[0]])
            for option_id in path:
                yield (
                    at(where.item("options", option_id), "requires", where.item("options", option_id)),
                    (
                        f"option '{option_id}' can never be ordered: its 'chosen' requirements go round in a "
                        f"circle ({loop})"
                    ),
                )


def _cycle_from(start: str, needs: dict[str, set[str]]) -> list[str]:
    """The loop of requirements through `start`, or [] when there is none."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(needs.get(node, ())):
            if nxt == start:
                return path
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return []


def unknown_countries(scenario: m.Scenario, where: Locator) -> Iterator[Finding]:
    known = map_countries()
    for actor in scenario.actors:
        node = field(where.item("actors", actor.id), "countries")
        items = node.items if isinstance(node, YSeq) else []
        for code, item in zip(actor.countries, items, strict=False):
            if code not in known:
                yield (
                    item,
                    (
                        f"country '{code}' of actor '{actor.id}' is not on the map, so it is never coloured "
                        f"(the map has Natural Earth's ISO alpha-3 codes, e.g. TWN for Taiwan)"
                    ),
                )
    for place in scenario.places:
        if place.country and place.country not in known:
            node = where.item("places", place.id)
            yield (
                at(node, "country", node),
                f"country '{place.country}' of place '{place.id}' is not on the map",
            )


def unvisited_places(scenario: m.Scenario, where: Locator) -> Iterator[Finding]:
    visited = {f.at for f in scenario.forces} | {f.home for f in scenario.forces}
    for effects in [o.effects for o in scenario.options] + [i.effects for i in scenario.injects]:
        visited.update(move.to for move in effects.moves)
    for place in scenario.places:
        if place.id not in visited:
            yield (
                where.item("places", place.id),
                (
                    f"no force is ever at place '{place.id}': it is only a label on the map; "
                    f"if that is meant, say so with a '# justified:' comment"
                ),
            )
