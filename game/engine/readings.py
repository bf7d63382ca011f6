"""Reading an order against the actors' stated positions.

An option "reads as" a stance on one or more issues: it signals a state of
each. Every actor with a position on that issue sees the signalled state as
preferred, acceptable, a red line crossed, or none of these.
"""

from __future__ import annotations

from game.engine.index import memo
from game.engine.records import ACCEPTABLE, PREFERRED, RED_LINE, Reading
from game.scenario.model import Option, Position, Scenario
from game.wording import possessive

STRENGTH_WORDS = {1: "mild", 2: "firm", 3: "vital"}


def verdict_of(position: Position, state_id: str) -> str | None:
    if state_id in position.preferred:
        return PREFERRED
    if state_id in position.acceptable:
        return ACCEPTABLE
    if state_id in position.red_lines:
        return RED_LINE
    return None


def describe_reading(scenario: Scenario, position: Position, state_id: str, verdict: str) -> str:
    actor = scenario.actor(position.actor)
    issue = scenario.issue(position.issue)
    state = issue.state(state_id).name
    strength = STRENGTH_WORDS.get(position.strength, "")
    if verdict == RED_LINE:
        head = f"crosses {possessive(actor.short_name)} red line on {issue.name} (“{state}”; {strength} to {actor.short_name})"
    elif verdict == PREFERRED:
        head = f"honours {possessive(actor.short_name)} wish on {issue.name} (“{state}”; {strength} to {actor.short_name})"
    else:
        head = f"is acceptable to {actor.short_name} on {issue.name} (“{state}”)"
    return head


def read_option(scenario: Scenario, option: Option, exclude_actor: str | None = None) -> tuple[Reading, ...]:
    """Every position the option touches, in scenario order; the ordering actor's own are left out."""
    return memo(
        scenario,
        ("readings", option.id, exclude_actor),
        lambda: tuple(_read_option(scenario, option, exclude_actor)),
    )


def _read_option(scenario: Scenario, option: Option, exclude_actor: str | None) -> list[Reading]:
    readings: list[Reading] = []
    for issue_id, state_id in option.stances:
        for position in scenario.positions_on(issue_id):
            if position.actor == (exclude_actor or option.actor):
                continue
            verdict = verdict_of(position, state_id)
            if verdict is None:
                continue
            sentence = describe_reading(scenario, position, state_id, verdict)
            readings.append(
                Reading(
                    position.actor,
                    issue_id,
                    state_id,
                    verdict,
                    position.strength,
                    position,
                    sentence[:1].upper() + sentence[1:] + ".",
                )
            )
    return readings
