"""Reading an order against the actors' stated positions.

An option "reads as" a stance on one or more issues: it signals a state of
each. Every actor with a position on that issue sees the signalled state as
preferred, acceptable, a red line crossed, or none of these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

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


def describe_reading(
    scenario: Scenario, position: Position, state_id: str, verdict: str, act: bool = False
) -> str:
    """How an order reads to one actor, worded as what it is: a signal ('signals “Pulled back” on …')
    unless the order itself moves the issue to that state ('moves … to “Pulled back”')."""
    actor = scenario.actor(position.actor)
    issue = scenario.issue(position.issue)
    state = issue.state(state_id).name
    strength = STRENGTH_WORDS.get(position.strength, "")
    head = f"moves {issue.name} to “{state}”" if act else f"signals “{state}” on {issue.name}"
    if verdict == RED_LINE:
        return f"{head}, across {possessive(actor.short_name)} red line ({strength} to {actor.short_name})"
    if verdict == PREFERRED:
        if act:
            return f"{head}, as {actor.short_name} wishes ({strength} to {actor.short_name})"
        return f"{head} — {actor.short_name} welcomes the words (its wish; {strength} to {actor.short_name})"
    return f"{head} — acceptable to {actor.short_name}"


def as_words(scenario: Scenario, reading: Reading) -> Reading:
    """The same reading worded as a signal: for an order whose own effect changed nothing (the issue
    already stood there), or a report of a turn in which it did not move the issue."""
    if not reading.act:
        return reading
    sentence = describe_reading(scenario, reading.position, reading.state_id, reading.verdict)
    return replace(reading, sentence=sentence[:1].upper() + sentence[1:] + ".", act=False)


def as_things_stand(
    scenario: Scenario, readings: tuple[Reading, ...], issues: Mapping[str, str]
) -> list[Reading]:
    """Readings for a player about to order: an order 'moves' an issue only where it is elsewhere now."""
    return [as_words(scenario, r) if issues.get(r.issue_id) == r.state_id else r for r in readings]


def issue_moves(option: Option, issues: Mapping[str, str]) -> list[tuple[str, str]]:
    """(issue, state) the order's own effects would really move, the issues standing as they do now."""
    return [(issue, state) for issue, state in option.effects.issues if issues.get(issue) != state]


def acts_on(option: Option, issue_id: str, state_id: str) -> bool:
    """Whether the order itself moves the issue to the state it signals (a fact, not only words)."""
    return (issue_id, state_id) in option.effects.issues


def readers_of(scenario: Scenario, option: Option) -> frozenset[str]:
    """The actors holding a position on an issue the option signals: only they read it."""
    return memo(
        scenario,
        ("signal readers", option.id),
        lambda: frozenset(p.actor for issue, _ in option.stances for p in scenario.positions_on(issue)),
    )


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
            act = acts_on(option, issue_id, state_id)
            sentence = describe_reading(scenario, position, state_id, verdict, act)
            readings.append(
                Reading(
                    position.actor,
                    issue_id,
                    state_id,
                    verdict,
                    position.strength,
                    position,
                    sentence[:1].upper() + sentence[1:] + ".",
                    act,
                )
            )
    return readings
