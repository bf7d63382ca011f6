"""Evaluating and explaining scenario conditions against a game state.

Each condition kind is a small dataclass in the model; here each has one small
typed `ConditionKind`: whether it holds, how a player reads it, and how a player
reads its opposite (for `not:`). Adding a kind is adding one class and one
entry in `KINDS`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from game.engine.records import mid_sentence
from game.engine.state import WorldView
from game.scenario import model as m
from game.scenario.model import Scenario
from game.wording import nice_date, possessive

C = TypeVar("C")
Check = Callable[[Scenario, WorldView], bool]


class ConditionKind(Generic[C]):
    """The engine's reading of one kind of condition."""

    def holds(self, c: C, sc: Scenario, st: WorldView) -> bool:
        raise NotImplementedError

    def bind(self, c: C) -> Check:
        """`holds` for this one condition, as a function of (scenario, state): a kind asked every turn
        reads its fields once here instead of at each question."""
        holds = self.holds
        return lambda sc, st: holds(c, sc, st)

    def says(self, c: C, sc: Scenario, st: WorldView) -> str:
        """The condition as a player reads it, e.g. 'needs tension below 60 (now 72)'."""
        raise NotImplementedError

    def says_negated(self, c: C, sc: Scenario, st: WorldView) -> str:
        """What `not: {...}` asks for, said the plain way round, never 'not possible while …: needs …'."""
        return f"not possible while any of these holds: {self.says(c, sc, st)}"


class _Opposed(ConditionKind[C]):
    """A kind whose negation is another kind with the same fields (at least ↔ below, set ↔ not set)."""

    opposite: type[Any]

    def says_negated(self, c: C, sc: Scenario, st: WorldView) -> str:
        return describe(self.opposite(*dataclasses.astuple(c)), sc, st)  # type: ignore[call-overload]


class FlagSet(_Opposed[m.FlagSet]):
    opposite = m.FlagNotSet

    def holds(self, c: m.FlagSet, sc: Scenario, st: WorldView) -> bool:
        return c.flag in st.flags

    def bind(self, c: m.FlagSet) -> Check:
        flag = c.flag
        return lambda sc, st: flag in st.flags

    def says(self, c: m.FlagSet, sc: Scenario, st: WorldView) -> str:
        return f"needs “{flag_words(sc, c.flag)}” to have happened"


class FlagNotSet(_Opposed[m.FlagNotSet]):
    opposite = m.FlagSet

    def holds(self, c: m.FlagNotSet, sc: Scenario, st: WorldView) -> bool:
        return c.flag not in st.flags

    def bind(self, c: m.FlagNotSet) -> Check:
        flag = c.flag
        return lambda sc, st: flag not in st.flags

    def says(self, c: m.FlagNotSet, sc: Scenario, st: WorldView) -> str:
        return f"not possible once “{flag_words(sc, c.flag)}” has happened"


class TensionAtLeast(_Opposed[m.TensionAtLeast]):
    opposite = m.TensionBelow

    def holds(self, c: m.TensionAtLeast, sc: Scenario, st: WorldView) -> bool:
        return st.tension >= c.value

    def bind(self, c: m.TensionAtLeast) -> Check:
        value = c.value
        return lambda sc, st: st.tension >= value

    def says(self, c: m.TensionAtLeast, sc: Scenario, st: WorldView) -> str:
        return f"needs tension of at least {c.value} (now {st.tension})"


class TensionBelow(_Opposed[m.TensionBelow]):
    opposite = m.TensionAtLeast

    def holds(self, c: m.TensionBelow, sc: Scenario, st: WorldView) -> bool:
        return st.tension < c.value

    def bind(self, c: m.TensionBelow) -> Check:
        value = c.value
        return lambda sc, st: st.tension < value

    def says(self, c: m.TensionBelow, sc: Scenario, st: WorldView) -> str:
        return f"needs tension below {c.value} (now {st.tension})"


def _rung_now(sc: Scenario, st: WorldView) -> int:
    return sc.index.rung_order[sc.rung_for(st.tension).id]


class RungAtLeast(_Opposed[m.RungAtLeast]):
    opposite = m.RungBelow

    def holds(self, c: m.RungAtLeast, sc: Scenario, st: WorldView) -> bool:
        return _rung_now(sc, st) >= sc.index.rung_order[c.rung]

    def says(self, c: m.RungAtLeast, sc: Scenario, st: WorldView) -> str:
        return f"needs the crisis to have reached “{sc.rung(c.rung).name}”"


class RungBelow(_Opposed[m.RungBelow]):
    opposite = m.RungAtLeast

    def holds(self, c: m.RungBelow, sc: Scenario, st: WorldView) -> bool:
        return _rung_now(sc, st) < sc.index.rung_order[c.rung]

    def says(self, c: m.RungBelow, sc: Scenario, st: WorldView) -> str:
        return f"not possible once the crisis reaches “{sc.rung(c.rung).name}”"


def _meter(st: WorldView, actor: str, meter: str) -> int:
    return st.meters.get(actor, {}).get(meter, 0)


def _meter_name(sc: Scenario, actor: str, meter: str) -> str:
    try:
        a = sc.actor(actor)
        return f"{possessive(a.short_name)} {mid_sentence(a.meter(meter).name)}"
    except KeyError:
        return f"{actor}.{meter}"


class MeterAtLeast(_Opposed[m.MeterAtLeast]):
    opposite = m.MeterBelow

    def holds(self, c: m.MeterAtLeast, sc: Scenario, st: WorldView) -> bool:
        return _meter(st, c.actor, c.meter) >= c.value

    def says(self, c: m.MeterAtLeast, sc: Scenario, st: WorldView) -> str:
        now = _meter(st, c.actor, c.meter)
        return f"needs {_meter_name(sc, c.actor, c.meter)} of at least {c.value} (now {now})"


class MeterBelow(_Opposed[m.MeterBelow]):
    opposite = m.MeterAtLeast

    def holds(self, c: m.MeterBelow, sc: Scenario, st: WorldView) -> bool:
        return _meter(st, c.actor, c.meter) < c.value

    def says(self, c: m.MeterBelow, sc: Scenario, st: WorldView) -> str:
        now = _meter(st, c.actor, c.meter)
        return f"needs {_meter_name(sc, c.actor, c.meter)} below {c.value} (now {now})"


def _state_names(sc: Scenario, issue: str, states: tuple[str, ...]) -> str:
    iss = sc.issue(issue)
    return " or ".join(f"“{iss.state(s).name}”" for s in states)


class IssueIs(ConditionKind[m.IssueIs]):
    def holds(self, c: m.IssueIs, sc: Scenario, st: WorldView) -> bool:
        return st.issues.get(c.issue) in c.states

    def bind(self, c: m.IssueIs) -> Check:
        issue, states = c.issue, c.states
        return lambda sc, st: st.issues.get(issue) in states

    def says(self, c: m.IssueIs, sc: Scenario, st: WorldView) -> str:
        return f"needs {sc.issue(c.issue).name} to be {_state_names(sc, c.issue, c.states)}"

    def says_negated(self, c: m.IssueIs, sc: Scenario, st: WorldView) -> str:
        return f"not possible while {sc.issue(c.issue).name} is {_state_names(sc, c.issue, c.states)}"


class TurnAtLeast(ConditionKind[m.TurnAtLeast]):
    def holds(self, c: m.TurnAtLeast, sc: Scenario, st: WorldView) -> bool:
        return st.turn >= c.value

    def says(self, c: m.TurnAtLeast, sc: Scenario, st: WorldView) -> str:
        return f"not before turn {c.value}"

    def says_negated(self, c: m.TurnAtLeast, sc: Scenario, st: WorldView) -> str:
        return f"only before turn {c.value}"


class DateAtLeast(ConditionKind[m.DateAtLeast]):
    def holds(self, c: m.DateAtLeast, sc: Scenario, st: WorldView) -> bool:
        return st.date >= c.date

    def says(self, c: m.DateAtLeast, sc: Scenario, st: WorldView) -> str:
        return f"not before {nice_date(c.date)} (now {nice_date(st.date)})"

    def says_negated(self, c: m.DateAtLeast, sc: Scenario, st: WorldView) -> str:
        return f"only before {nice_date(c.date)}"


class Chosen(ConditionKind[m.Chosen]):
    def holds(self, c: m.Chosen, sc: Scenario, st: WorldView) -> bool:
        return st.was_chosen(c.option)

    def bind(self, c: m.Chosen) -> Check:
        option = c.option
        return lambda sc, st: st.was_chosen(option)

    def says(self, c: m.Chosen, sc: Scenario, st: WorldView) -> str:
        return f"needs “{sc.option(c.option).label}” to have been ordered first"

    def says_negated(self, c: m.Chosen, sc: Scenario, st: WorldView) -> str:
        return f"not possible once “{sc.option(c.option).label}” has been ordered"


class ForceAt(ConditionKind[m.ForceAt]):
    def holds(self, c: m.ForceAt, sc: Scenario, st: WorldView) -> bool:
        force = st.forces.get(c.force)
        return force is not None and force.place == c.place

    def says(self, c: m.ForceAt, sc: Scenario, st: WorldView) -> str:
        return f"needs {sc.force(c.force).name} at {sc.place(c.place).name}"

    def says_negated(self, c: m.ForceAt, sc: Scenario, st: WorldView) -> str:
        return f"not possible while {sc.force(c.force).name} is at {sc.place(c.place).name}"


class AnyOf(ConditionKind[m.AnyOf]):
    def holds(self, c: m.AnyOf, sc: Scenario, st: WorldView) -> bool:
        return any(holds(x, sc, st) for x in c.conditions)

    def bind(self, c: m.AnyOf) -> Check:
        checks = tuple(KINDS[type(x)].bind(x) for x in c.conditions)

        def any_holds(sc: Scenario, st: WorldView) -> bool:
            for check in checks:  # noqa: SIM110 (a loop, not any(...): no generator per question)
                if check(sc, st):
                    return True
            return False

        return any_holds

    def says(self, c: m.AnyOf, sc: Scenario, st: WorldView) -> str:
        return "; or ".join(describe(x, sc, st) for x in c.conditions)


class Not(ConditionKind[m.Not]):
    def holds(self, c: m.Not, sc: Scenario, st: WorldView) -> bool:
        return not holds(c.condition, sc, st)

    def bind(self, c: m.Not) -> Check:
        check = KINDS[type(c.condition)].bind(c.condition)
        return lambda sc, st: not check(sc, st)

    def says(self, c: m.Not, sc: Scenario, st: WorldView) -> str:
        return KINDS[type(c.condition)].says_negated(c.condition, sc, st)

    def says_negated(self, c: m.Not, sc: Scenario, st: WorldView) -> str:
        return describe(c.condition, sc, st)


KINDS: dict[type[Any], ConditionKind[Any]] = {
    m.FlagSet: FlagSet(),
    m.FlagNotSet: FlagNotSet(),
    m.TensionAtLeast: TensionAtLeast(),
    m.TensionBelow: TensionBelow(),
    m.RungAtLeast: RungAtLeast(),
    m.RungBelow: RungBelow(),
    m.MeterAtLeast: MeterAtLeast(),
    m.MeterBelow: MeterBelow(),
    m.IssueIs: IssueIs(),
    m.TurnAtLeast: TurnAtLeast(),
    m.DateAtLeast: DateAtLeast(),
    m.Chosen: Chosen(),
    m.ForceAt: ForceAt(),
    m.AnyOf: AnyOf(),
    m.Not: Not(),
}


def holds(condition: m.Condition, scenario: Scenario, state: WorldView) -> bool:
    return KINDS[type(condition)].holds(condition, scenario, state)


def all_hold(conditions: Iterable[m.Condition], scenario: Scenario, state: WorldView) -> bool:
    # A loop, not all(...): resolution asks this of every inject and outcome each turn.
    for condition in conditions:  # noqa: SIM110
        if not KINDS[type(condition)].holds(condition, scenario, state):
            return False
    return True


def all_of(conditions: tuple[m.Condition, ...]) -> Check:
    """`all_hold` for these conditions as one function, for conditions asked every turn (an option's
    requirements, an outcome's or an inject's `when`): bound once, they are read faster."""
    checks = tuple(KINDS[type(c)].bind(c) for c in conditions)
    if len(checks) == 1:
        return checks[0]

    def every(sc: Scenario, st: WorldView) -> bool:
        for check in checks:  # noqa: SIM110
            if not check(sc, st):
                return False
        return True

    return every


def describe(condition: m.Condition, scenario: Scenario, state: WorldView) -> str:
    """The condition as a player reads it, e.g. 'needs tension below 60 (now 72)'."""
    return KINDS[type(condition)].says(condition, scenario, state)


def first_failing(conditions: Iterable[m.Condition], scenario: Scenario, state: WorldView) -> str:
    """Why a list of conditions does not hold, in words; empty when it holds."""
    for condition in conditions:
        if not holds(condition, scenario, state):
            return describe(condition, scenario, state)
    return ""


def flag_words(scenario: Scenario, flag: str) -> str:
    """A flag as words: 'us_troops_sent' → 'US troops sent' (actor ids become their short names)."""
    names = {a.id: a.short_name for a in scenario.actors}
    return " ".join(names.get(word, word) for word in flag.split("_"))
