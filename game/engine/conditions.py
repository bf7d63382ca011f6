"""Evaluating and explaining scenario conditions against a game state.

Each condition kind is a small dataclass in the model; here each has one rule
for "does it hold?" and one for "say it to a player", kept side by side so
adding a kind means adding one entry to each table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from game.engine.records import mid_sentence
from game.engine.state import GameState
from game.scenario import model as m
from game.scenario.model import Scenario
from game.wording import nice_date, possessive


def _date(condition: object) -> str:
    """The day of a `date_at_least` (typed, for the tables below that take any condition)."""
    assert isinstance(condition, m.DateAtLeast)
    return condition.date


def _meter(state: GameState, actor: str, meter: str) -> int:
    return state.meters.get(actor, {}).get(meter, 0)


def _rung_index(scenario: Scenario, rung_id: str) -> int:
    return next(i for i, r in enumerate(scenario.ladder) if r.id == rung_id)


def _current_rung_index(scenario: Scenario, state: GameState) -> int:
    return _rung_index(scenario, scenario.rung_for(state.tension).id)


_HOLDS: dict[type, Callable[[object, Scenario, GameState], bool]] = {
    m.FlagSet: lambda c, sc, st: c.flag in st.flags,
    m.FlagNotSet: lambda c, sc, st: c.flag not in st.flags,
    m.TensionAtLeast: lambda c, sc, st: st.tension >= c.value,
    m.TensionBelow: lambda c, sc, st: st.tension < c.value,
    m.RungAtLeast: lambda c, sc, st: _current_rung_index(sc, st) >= _rung_index(sc, c.rung),
    m.RungBelow: lambda c, sc, st: _current_rung_index(sc, st) < _rung_index(sc, c.rung),
    m.MeterAtLeast: lambda c, sc, st: _meter(st, c.actor, c.meter) >= c.value,
    m.MeterBelow: lambda c, sc, st: _meter(st, c.actor, c.meter) < c.value,
    m.IssueIs: lambda c, sc, st: st.issues.get(c.issue) in c.states,
    m.TurnAtLeast: lambda c, sc, st: st.turn >= c.value,
    m.DateAtLeast: lambda c, sc, st: st.date >= _date(c),
    m.Chosen: lambda c, sc, st: st.was_chosen(c.option),
    m.ForceAt: lambda c, sc, st: st.forces[c.force].place == c.place if c.force in st.forces else False,
    m.AnyOf: lambda c, sc, st: any(holds(x, sc, st) for x in c.conditions),
    m.Not: lambda c, sc, st: not holds(c.condition, sc, st),
}


def holds(condition: m.Condition, scenario: Scenario, state: GameState) -> bool:
    return _HOLDS[type(condition)](condition, scenario, state)


def all_hold(conditions: Iterable[m.Condition], scenario: Scenario, state: GameState) -> bool:
    return all(holds(c, scenario, state) for c in conditions)


def flag_words(scenario: Scenario, flag: str) -> str:
    """A flag as words: 'us_troops_sent' → 'US troops sent' (actor ids become their short names)."""
    names = {a.id: a.short_name for a in scenario.actors}
    return " ".join(names.get(word, word) for word in flag.split("_"))


def _meter_name(sc: Scenario, actor: str, meter: str) -> str:
    try:
        a = sc.actor(actor)
        return f"{possessive(a.short_name)} {mid_sentence(a.meter(meter).name)}"
    except KeyError:
        return f"{actor}.{meter}"


def _state_names(sc: Scenario, issue: str, states: tuple[str, ...]) -> str:
    iss = sc.issue(issue)
    return " or ".join(f"“{iss.state(s).name}”" for s in states)


_DESCRIBE: dict[type, Callable[[object, Scenario, GameState], str]] = {
    m.FlagSet: lambda c, sc, st: f"needs “{flag_words(sc, c.flag)}” to have happened",
    m.FlagNotSet: lambda c, sc, st: f"not possible once “{flag_words(sc, c.flag)}” has happened",
    m.TensionAtLeast: lambda c, sc, st: f"needs tension of at least {c.value} (now {st.tension})",
    m.TensionBelow: lambda c, sc, st: f"needs tension below {c.value} (now {st.tension})",
    m.RungAtLeast: lambda c, sc, st: f"needs the crisis to have reached “{sc.rung(c.rung).name}”",
    m.RungBelow: lambda c, sc, st: f"not possible once the crisis reaches “{sc.rung(c.rung).name}”",
    m.MeterAtLeast: lambda c, sc, st: (
        f"needs {_meter_name(sc, c.actor, c.meter)} of at least {c.value} "
        f"(now {_meter(st, c.actor, c.meter)})"
    ),
    m.MeterBelow: lambda c, sc, st: (
        f"needs {_meter_name(sc, c.actor, c.meter)} below {c.value} (now {_meter(st, c.actor, c.meter)})"
    ),
    m.IssueIs: lambda c, sc, st: (
        f"needs {sc.issue(c.issue).name} to be {_state_names(sc, c.issue, c.states)}"
    ),
    m.TurnAtLeast: lambda c, sc, st: f"not before turn {c.value}",
    m.DateAtLeast: lambda c, sc, st: f"not before {nice_date(_date(c))} (now {nice_date(st.date)})",
    m.Chosen: lambda c, sc, st: f"needs “{sc.option(c.option).label}” to have been ordered first",
    m.ForceAt: lambda c, sc, st: f"needs {sc.force(c.force).name} at {sc.place(c.place).name}",
    m.AnyOf: lambda c, sc, st: "; or ".join(describe(x, sc, st) for x in c.conditions),
    m.Not: lambda c, sc, st: _describe_negated(c.condition, sc, st),
}

# What `not: {...}` asks for, said the plain way round: 'not possible while Diplomacy is “Talks broken off”',
# never 'not possible while this holds: needs Diplomacy to be …'. Conditions with an opposite kind are
# described as that opposite; the others have their own words.
_OPPOSITE: dict[type, type] = {
    m.FlagSet: m.FlagNotSet,
    m.FlagNotSet: m.FlagSet,
    m.TensionAtLeast: m.TensionBelow,
    m.TensionBelow: m.TensionAtLeast,
    m.RungAtLeast: m.RungBelow,
    m.RungBelow: m.RungAtLeast,
    m.MeterAtLeast: m.MeterBelow,
    m.MeterBelow: m.MeterAtLeast,
}
_NEGATED: dict[type, Callable[[object, Scenario, GameState], str]] = {
    m.IssueIs: lambda c, sc, st: (
        f"not possible while {sc.issue(c.issue).name} is {_state_names(sc, c.issue, c.states)}"
    ),
    m.TurnAtLeast: lambda c, sc, st: f"only before turn {c.value}",
    m.DateAtLeast: lambda c, sc, st: f"only before {nice_date(_date(c))}",
    m.Chosen: lambda c, sc, st: f"not possible once “{sc.option(c.option).label}” has been ordered",
    m.ForceAt: lambda c, sc, st: (
        f"not possible while {sc.force(c.force).name} is at {sc.place(c.place).name}"
    ),
    m.Not: lambda c, sc, st: describe(c.condition, sc, st),
}


def _describe_negated(condition: m.Condition, scenario: Scenario, state: GameState) -> str:
    opposite = _OPPOSITE.get(type(condition))
    if opposite is not None:  # same fields, the other way round
        return describe(opposite(*dataclasses.astuple(condition)), scenario, state)
    say = _NEGATED.get(type(condition))
    if say is not None:
        return say(condition, scenario, state)
    return f"not possible while any of these holds: {describe(condition, scenario, state)}"


def describe(condition: m.Condition, scenario: Scenario, state: GameState) -> str:
    """The condition as a player reads it, e.g. 'needs tension below 60 (now 72)'."""
    return _DESCRIBE[type(condition)](condition, scenario, state)


def first_failing(conditions: Iterable[m.Condition], scenario: Scenario, state: GameState) -> str:
    """Why a list of conditions does not hold, in words; empty when it holds."""
    for condition in conditions:
        if not holds(condition, scenario, state):
            return describe(condition, scenario, state)
    return ""
