"""Whether ordering an option would end the game: its own effects applied to a copy of the state,
then the outcomes checked as the `outcome` step checks them.

Computer players ask this before a grave step (docs/rules.md, *Computer players*):
a side never ends the game without a reason of its own. What each option can
touch of the endings is worked out once (`_reach`), so most options never
need the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.conditions import all_hold
from game.engine.draft import Draft
from game.engine.effects import apply, own_prepared
from game.engine.index import memo
from game.engine.records import Cause
from game.engine.state import GameState
from game.scenario import model as m
from game.scenario.model import Option, Scenario

_ATOM: dict[type, Callable[[Any], tuple[str, str]]] = {
    m.FlagSet: lambda c: ("flag", c.flag),
    m.FlagNotSet: lambda c: ("flag", c.flag),
    m.IssueIs: lambda c: ("issue", c.issue),
    m.Chosen: lambda c: ("chosen", c.option),
    m.MeterAtLeast: lambda c: ("meter", f"{c.actor}.{c.meter}"),
    m.MeterBelow: lambda c: ("meter", f"{c.actor}.{c.meter}"),
    m.ForceAt: lambda c: ("force", c.force),
    m.TensionAtLeast: lambda c: ("tension", ""),
    m.RungAtLeast: lambda c: ("rung", ""),
    m.RungBelow: lambda c: ("rung", ""),
}


def _atoms(conditions: tuple[m.Condition, ...]) -> set[tuple[str, str]]:
    """What the conditions read, as (kind, name): ("flag", f), ("issue", i), ("rung", "") ..."""
    found: set[tuple[str, str]] = set()
    for c in conditions:
        if isinstance(c, m.AnyOf):
            found |= _atoms(c.conditions)
        elif isinstance(c, m.Not):
            found |= _atoms((c.condition,))
        elif type(c) in _ATOM:
            found.add(_ATOM[type(c)](c))
    return found


def _reach(scenario: Scenario, option: Option) -> str:
    """What of the endings the option's own effects can touch: 'all' (check fully), 'rung' (only
    through a change of rung), or '' (nothing: it can never end the game by itself)."""
    read: set[tuple[str, str]] = set()
    for outcome in scenario.outcomes:
        if not outcome.default:
            read |= _atoms(outcome.when)
    fx = option.effects
    touched = {("flag", f) for f in (*fx.set_flags, *fx.clear_flags)} | {("issue", i) for i, _ in fx.issues}
    touched |= {("chosen", option.id)} | {("meter", f"{c.actor}.{c.meter}") for c in fx.meters}
    touched |= {("force", move.force) for move in fx.moves}
    if fx.tension:
        touched.add(("tension", ""))
    if touched & read:
        return "all"
    return "rung" if fx.tension and ("rung", "") in read else ""


def ends_game(scenario: Scenario, state: GameState, option: Option) -> bool:
    """True when the option's own effects (and its being chosen) meet a non-default outcome's `when`."""
    endings = memo(
        scenario, ("endings",), lambda: tuple(o for o in scenario.outcomes if not o.default and o.when)
    )
    if not endings or state.outcome is not None:
        return False
    reach = memo(scenario, ("ending reach", option.id), lambda: _reach(scenario, option))
    if not reach:
        return False
    if reach == "rung":
        after = max(0, min(100, state.tension + option.effects.tension))
        if scenario.rung_for(after).id == scenario.rung_for(state.tension).id:
            return False
    draft = Draft(state)
    draft.record_order(option.actor, option.id)
    apply(draft, own_prepared(scenario, option), Cause("order", option.actor, option.id), [])
    met = [o for o in endings if all_hold(o.when, scenario, draft)]
    # An ending that holds whatever is ordered is not this option's doing.
    return bool(met) and not all(all_hold(o.when, scenario, state) for o in met)
