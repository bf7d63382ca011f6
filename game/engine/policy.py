"""Fixed policies for `simulate --as SIDE --policy firm|conciliatory`: how a student's approach fares.

An option's **firmness** toward the side's rivals is read from the stated
positions (what every player sees), never from hidden types:

    firmness = Σ over its readings against rivals' stated positions of
               +strength (a red line crossed), −strength (a wish met), −strength/2 (acceptable)
             + 1 for a military or economic order
             + ½ when it raises tension, −½ when it lowers it

A **firm** policy orders only options with firmness above 0, a
**conciliatory** one only options below 0; among those the side chooses as
its computer player would (positions, beliefs, the seeded random term). When
none of its kind is open, it orders the open option nearest to it (the
firmest, or the least firm).
"""

from __future__ import annotations

from game.engine.ai import decide, relation
from game.engine.deal_values import ACCEPT, REJECT, DealMove
from game.engine.deals import pending_for
from game.engine.index import memo
from game.engine.readings import read_option
from game.engine.records import PREFERRED, RED_LINE, Decision
from game.engine.resolve import option_available
from game.engine.state import GameState
from game.scenario.model import Option, Scenario

POLICIES = ("firm", "conciliatory")


def firmness(scenario: Scenario, option: Option) -> float:
    """How firm the option reads toward its giver's rivals (above 0 firm, below 0 conciliatory)."""
    return memo(scenario, ("firmness", option.id), lambda: _firmness(scenario, option))


def _firmness(scenario: Scenario, option: Option) -> float:
    total = 0.0
    for reading in read_option(scenario, option):
        if relation(scenario, option.actor, reading.actor_id):
            continue  # an ally or partner: not what firmness is about
        if reading.verdict == RED_LINE:
            total += reading.strength
        else:
            total -= reading.strength * (1.0 if reading.verdict == PREFERRED else 0.5)
    total += 1.0 if option.category in ("military", "economic") else 0.0
    tension = option.effects.tension
    return total + (0.5 if tension > 0 else -0.5 if tension < 0 else 0.0)


def policy_choice(
    scenario: Scenario, state: GameState, side: str, policy: str, temperament: str, seed: int
) -> Decision:
    """The side's order under a fixed policy."""
    sign = 1.0 if policy == "firm" else -1.0
    open_options = [o for o in scenario.options_of(side) if option_available(scenario, state, o)]
    allowed = frozenset(o.id for o in open_options if sign * firmness(scenario, o) > 0)
    if not allowed:
        nearest = max(open_options, key=lambda o: sign * firmness(scenario, o))
        allowed = frozenset({nearest.id})
    return decide(scenario, state, side, temperament, seed, allowed)


def policy_deal_move(scenario: Scenario, state: GameState, side: str, policy: str) -> DealMove | None:
    """A fixed policy's answer to a proposal waiting for it: a conciliatory side accepts, a firm one
    rejects; neither proposes (a student's approach is measured by its answers to the others' offers)."""
    waiting = pending_for(state, side, scenario)
    if not waiting:
        return None
    return DealMove(side, ACCEPT if policy == "conciliatory" else REJECT, waiting[0].number)
