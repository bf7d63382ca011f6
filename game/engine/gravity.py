"""Whether ordering an option would end the game: its own effects applied to a copy of the state,
then the outcomes checked as the `outcome` step checks them.

Computer players ask this before a grave step (docs/rules.md, *Computer players*):
a side never ends the game without a reason of its own.
"""

from __future__ import annotations

from game.engine.conditions import all_hold
from game.engine.draft import Draft
from game.engine.effects import apply, prepare
from game.engine.index import memo
from game.engine.records import Cause
from game.engine.state import GameState
from game.scenario.model import Option, Scenario


def ends_game(scenario: Scenario, state: GameState, option: Option) -> bool:
    """True when the option's own effects (and its being chosen) meet a non-default outcome's `when`."""
    endings = memo(
        scenario, ("endings",), lambda: tuple(o for o in scenario.outcomes if not o.default and o.when)
    )
    if not endings or state.outcome is not None:
        return False
    draft = Draft(state)
    draft.record_order(option.actor, option.id)
    own = memo(scenario, ("own effects", option.id), lambda: prepare(scenario, option.effects))
    apply(draft, own, Cause("order", option.actor, option.id), [])
    met = [o for o in endings if all_hold(o.when, scenario, draft)]
    # An ending that holds whatever is ordered is not this option's doing.
    return bool(met) and not all(all_hold(o.when, scenario, state) for o in met)
