"""Checks of meaning, once every id in a file is known: names that point nowhere, and what can never happen.

Two parts. `_check_refs` resolves every name the reader wrote down (an actor,
an issue state, a meter) with a did-you-mean hint. `_Reachability` decides,
where it can, that a condition can never hold: a flag nothing sets, a
threshold outside its range, an issue state nothing produces. An outcome
that can never happen is an error (the author meant it to); an option or
inject that never can is a warning (the game still plays).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from game.scenario import model as m
from game.scenario.fields import Reader
from game.scenario.problems import did_you_mean
from game.scenario.yamlsafe import YMap, YNode


@dataclass(frozen=True, slots=True)
class Site:
    """A list of conditions and where each was written, for reachability messages."""

    kind: str  # "outcome" | "option" | "inject"
    id: str
    conditions: tuple[m.Condition, ...]
    where: tuple[tuple[int, int], ...]
    node: YNode | None = None


def crosscheck(
    r: Reader,
    sc: m.Scenario,
    ids: dict[str, dict[str, YNode]],
    states: dict[str, set[str]],
    meters: dict[str, dict[str, m.Meter]],
    sites: list[Site],
    tree: YMap,
) -> None:
    """Report every broken name and every decidably unreachable condition in the built scenario."""
    _check_refs(r, ids, states, meters)
    _check_actors(r, sc, ids, tree)
    _check_outcomes(r, sc, tree)
    _Reachability(r, sc, meters).check(sites)


def _check_refs(
    r: Reader,
    ids: dict[str, dict[str, YNode]],
    states: dict[str, set[str]],
    meters: dict[str, dict[str, m.Meter]],
) -> None:
    # Names that only mean something within their scope: an issue's states, an actor's meters.
    scoped: dict[str, tuple[str, Mapping[str, Collection[str]]]] = {
        "state": ("issue", states),
        "meter": ("actor", meters),
    }
    for ref in r.refs:
        if ref.kind == "flag":
            continue  # flags are named by being set: see _Reachability
        if ref.kind in scoped:
            owner, names = scoped[ref.kind]
            if ref.scope in names and ref.name not in names[ref.scope]:
                r.error(
                    ref,
                    f"{owner} '{ref.scope}' has no {ref.kind} '{ref.name}'"
                    f"{did_you_mean(ref.name, names[ref.scope])}",
                )
        else:
            known = ids.get(ref.kind, {})
            if ref.name not in known:
                r.error(ref, f"unknown {ref.kind} '{ref.name}'{did_you_mean(ref.name, known)}")


def _check_actors(r: Reader, sc: m.Scenario, ids: dict[str, dict[str, YNode]], tree: YMap) -> None:
    actor_nodes = ids.get("actor", {})
    with_options = {o.actor for o in sc.options}
    for actor in sc.actors:
        if actor.gives_orders and actor.id not in with_options and actor.id in actor_nodes:
            what = "is playable" if actor.playable else "acts each turn"
            r.error(actor_nodes[actor.id], f"actor '{actor.id}' {what} but has no options")
        elif (
            actor.gives_orders
            and actor.id in actor_nodes
            and not any(not o.requires and not o.once for o in sc.options if o.actor == actor.id)
        ):
            # Otherwise a side can run out of legal orders mid-game, and a turn could not be played.
            r.error(
                actor_nodes[actor.id],
                f"actor '{actor.id}' needs at least one option that is always open "
                f"(no 'requires', not 'once'), so it can always give an order",
            )
    if sc.actors and not sc.playable_actors:
        r.error(tree.entries["actors"][0], "no actor is playable: mark at least one with 'playable: true'")
    for actor in sc.actors:
        held = [p for p in sc.positions if p.actor == actor.id]
        if (
            held
            and actor.id in actor_nodes
            and actor.reactions.honoured.is_empty()
            and actor.reactions.crossed.is_empty()
            and all(p.if_crossed.is_empty() and p.if_honoured.is_empty() for p in held)
        ):
            # Positions with no consequence make a scenario that cannot explain anything: say so.
            r.warning(
                actor_nodes[actor.id],
                f"actor '{actor.id}' states positions, but neither its 'reactions' "
                f"nor any 'if_crossed'/'if_honoured' change anything, so honouring "
                f"or crossing them has no effect in play; give it e.g. "
                f"'reactions: {{crossed: {{tension: 2}}}}'",
            )
    playable = {a.id for a in sc.acting_actors}
    option_nodes = ids.get("option", {})
    for option in sc.options:
        if option.actor in actor_nodes and option.actor not in playable and option.id in option_nodes:
            r.warning(
                option_nodes[option.id],
                f"option '{option.id}' belongs to '{option.actor}', "
                f"which is not playable and does not act, so it is never ordered "
                f"(give '{option.actor}' 'acts: true' to have the computer order for it)",
            )


def _check_outcomes(r: Reader, sc: m.Scenario, tree: YMap) -> None:
    if "outcomes" not in tree.entries or not sc.outcomes:
        return
    defaults = [o for o in sc.outcomes if o.default]
    key = tree.entries["outcomes"][0]
    if not defaults:
        r.error(
            key, "no outcome has 'default: true'; exactly one must say how the game ends at the turn limit"
        )
    elif len(defaults) > 1:
        r.error(
            key,
            f"{len(defaults)} outcomes have 'default: true' "
            f"({', '.join(repr(o.id) for o in defaults)}); exactly one may",
        )


class _Reachability:
    """Decides, where it can from the file alone, that a condition can never hold."""

    def __init__(self, r: Reader, sc: m.Scenario, meters: dict[str, dict[str, m.Meter]]) -> None:
        self.r, self.sc, self.meters = r, sc, meters
        all_effects = [o.effects for o in sc.options] + [i.effects for i in sc.injects]
        all_effects += [e for a in sc.actors for e in (a.reactions.honoured, a.reactions.crossed)]
        all_effects += [e for p in sc.positions for e in (p.if_crossed, p.if_honoured)]
        self.flags = {f for e in all_effects for f in e.set_flags}
        self.produced = {(i.id, i.start) for i in sc.issues} | {
            pair for e in all_effects for pair in e.issues
        }
        self.places = {(f.id, f.at) for f in sc.forces} | {
            (mv.force, mv.to) for e in all_effects for mv in e.moves
        }
        self.forces = {f.id for f in sc.forces}
        self.place_ids = {p.id for p in sc.places}
        self.states = {i.id: {s.id for s in i.states} for i in sc.issues}
        self.options = {o.id: o for o in sc.options}
        self.visiting: set[str] = set()

    def check(self, sites: list[Site]) -> None:
        explained: set[str] = set()  # flags whose absence an error already explains
        for site in sites:
            for cond, (line, column), reason in self._never_items(site):
                if isinstance(cond, m.FlagSet):
                    explained.add(cond.flag)
                problem = self._say(site, reason)
                report = self.r.error if site.kind == "outcome" else self.r.warning
                report(_At(line, column), problem)
        for ref in self.r.refs:
            if ref.kind == "flag" and ref.name not in self.flags and ref.name not in explained:
                self.r.warning(ref, f"no effect sets flag '{ref.name}'{did_you_mean(ref.name, self.flags)}")

    @staticmethod
    def _say(site: Site, reason: str) -> str:
        if site.kind == "outcome":
            return f"outcome '{site.id}' can never happen: {reason}"
        if site.kind == "option":
            return f"option '{site.id}' can never be ordered: {reason}"
        return f"inject '{site.id}' can never fire: {reason}"

    def _never_items(self, site: Site) -> list[tuple[m.Condition, tuple[int, int], str]]:
        found: list[tuple[m.Condition, tuple[int, int], str]] = []
        for cond, where in zip(site.conditions, site.where, strict=True):
            reason = self.never(cond)
            if reason:
                found.append((cond, where, reason))
        if not found:
            clash = self._contradiction(site.conditions)
            if clash:
                found.append((clash[0], site.where[clash[1]], clash[2]))
        return found

    def _contradiction(self, conds: tuple[m.Condition, ...]) -> tuple[m.Condition, int, str] | None:
        """`tension_at_least: 80` with `tension_below: 50` (or the same for one meter) in one list."""
        low: dict[str, tuple[int, int]] = {}
        high: dict[str, tuple[int, int]] = {}
        for index, c in enumerate(conds):
            if isinstance(c, m.TensionAtLeast | m.MeterAtLeast):
                name = "tension" if isinstance(c, m.TensionAtLeast) else f"{c.actor}.{c.meter}"
                low[name] = max(low.get(name, (c.value, index)), (c.value, index))
            elif isinstance(c, m.TensionBelow | m.MeterBelow):
                name = "tension" if isinstance(c, m.TensionBelow) else f"{c.actor}.{c.meter}"
                high[name] = min(high.get(name, (c.value, index)), (c.value, index))
        for name, (at_least, i) in low.items():
            if name in high and high[name][0] <= at_least:
                index = max(i, high[name][1])
                return conds[index], index, f"{name} cannot be at least {at_least} and below {high[name][0]}"
        return None

    def meter(self, actor: str, meter: str) -> m.Meter | None:
        return self.meters.get(actor, {}).get(meter)

    def never(self, c: m.Condition) -> str:
        """Why the condition can never hold, or "" if it may (or we cannot tell)."""
        return self._never_in_range(c) or self._never_reached(c)

    def _never_in_range(self, c: m.Condition) -> str:
        """A flag nothing sets, or a number its range, the turn limit or the ladder rules out."""
        if isinstance(c, m.FlagSet) and c.flag not in self.flags:
            return f"no effect sets flag '{c.flag}'{did_you_mean(c.flag, self.flags)}"
        if isinstance(c, m.TensionAtLeast) and c.value > 100:
            return f"tension never reaches {c.value} (it stays within 0–100)"
        if isinstance(c, m.TensionBelow) and c.value <= 0:
            return f"tension is never below {c.value} (it stays within 0–100)"
        if isinstance(c, m.MeterAtLeast | m.MeterBelow):
            meter = self.meter(c.actor, c.meter)
            if meter and isinstance(c, m.MeterAtLeast) and c.value > meter.max:
                return f"{c.actor}.{c.meter} never reaches {c.value} (its range is {meter.min}–{meter.max})"
            if meter and isinstance(c, m.MeterBelow) and c.value <= meter.min:
                return f"{c.actor}.{c.meter} is never below {c.value} (its range is {meter.min}–{meter.max})"
        if isinstance(c, m.TurnAtLeast) and c.value > self.sc.turn_limit:
            return f"turn {c.value} never comes (the turn limit is {self.sc.turn_limit})"
        if isinstance(c, m.DateAtLeast) and c.date > (last := self.sc.date_of_turn(self.sc.turn_limit)):
            return f"{c.date} never comes (the last turn is on {last})"
        if isinstance(c, m.RungBelow) and self.sc.ladder and c.rung == self.sc.ladder[0].id:
            return f"no rung is below the lowest rung '{c.rung}'"
        return ""

    def _never_reached(self, c: m.Condition) -> str:
        """An issue state, a place or an order nothing leads to; 'any' of what never holds, 'not' of what always does."""
        # Names that point nowhere are already errors of their own; judge only what exists.
        known_states = (
            [s for s in c.states if s in self.states.get(c.issue, ())] if isinstance(c, m.IssueIs) else []
        )
        if (
            isinstance(c, m.IssueIs)
            and known_states
            and not any((c.issue, s) in self.produced for s in known_states)
        ):
            shown = " or ".join(f"'{s}'" for s in known_states)
            return f"issue '{c.issue}' never becomes {shown}: it does not start there and no effect sets it"
        if (
            isinstance(c, m.ForceAt)
            and c.force in self.forces
            and c.place in self.place_ids
            and (c.force, c.place) not in self.places
        ):
            return f"force '{c.force}' never is at '{c.place}': it does not start there and nothing moves it there"
        if isinstance(c, m.Chosen) and c.option in self.options and c.option not in self.visiting:
            self.visiting.add(c.option)  # options may require each other; do not loop
            try:
                reasons = [self.never(x) for x in self.options[c.option].requires]
            finally:
                self.visiting.discard(c.option)
            if any(reasons):
                return f"option '{c.option}' can never be ordered"
        if isinstance(c, m.AnyOf) and c.conditions and all(self.never(x) for x in c.conditions):
            return "none of the 'any' conditions can ever hold"
        if isinstance(c, m.Not) and self.always(c.condition):
            return "the condition under 'not' always holds"
        return ""

    def always(self, c: m.Condition) -> bool:
        """True when the condition holds in every game state (only the plain cases)."""
        if isinstance(c, m.FlagNotSet):
            return c.flag not in self.flags
        if isinstance(c, m.TensionAtLeast):
            return c.value <= 0
        if isinstance(c, m.TensionBelow):
            return c.value > 100
        if isinstance(c, m.TurnAtLeast):
            return c.value <= 1
        if isinstance(c, m.DateAtLeast):
            return bool(c.date) and c.date <= self.sc.start_date
        if isinstance(c, m.Not):
            return bool(self.never(c.condition))
        return False


@dataclass(frozen=True, slots=True)
class _At:
    line: int
    column: int
