"""What players see of hidden types: their own side's read of the others, reactions worded without
giving a type away, and the types and beliefs revealed once the game is over.

During play a side sees only its own belief (`own_reads`, `read_line`, `read_details`); the true
type shows in nothing a player reads before the debrief. A reaction by an actor with types is
reported against the position it *stated* (`as_stated`): as usual when its true position reads the
order the same way, else as a reaction without verdict, strength or quote ("Russia reacts sharply
to “Informal pause” on Ukraine's path to NATO"). The debrief (`revealed_lines`) then says each
actor's true type, what every side believed of it from start to end, and which reactions came from
positions it held but had not stated. See docs/rules.md, "What players see of hidden types".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from game.engine.beliefs import BeliefRead, belief, read, read_words
from game.engine.readings import STRENGTH_WORDS, read_option
from game.engine.records import PREFERRED, RED_LINE, Cause, Reading, Reason, TurnRecord
from game.engine.state import GameState
from game.scenario.model import Scenario
from game.wording import possessive

REACTED = "reacted"  # the verdict of a reaction worded without its true verdict (see `as_stated`)
_REACTIONS = ("reaction_honoured", "reaction_crossed", "red_line_response", "demand_met")


# ------------------------------------------------------------ during play
def subjects(scenario: Scenario, state: GameState, observer_id: str) -> list[str]:
    """The other actors the observer holds a belief about (those with two types or more), in scenario order."""
    return [
        a.id
        for a in scenario.actors
        if a.id != observer_id and len(a.types) > 1 and belief(state, observer_id, a.id)
    ]


def own_reads(scenario: Scenario, state: GameState, observer_id: str) -> list[BeliefRead]:
    """The observer's read of every other actor with types: only its own, never another side's."""
    found = (read(scenario, state, observer_id, s) for s in subjects(scenario, state, observer_id))
    return [r for r in found if r is not None]


def read_line(scenario: Scenario, belief_read: BeliefRead) -> str:
    """The read in one sentence: 'NATO now reads Russia as revisionist, about 80 %: it ordered “…”'."""
    return read_words(scenario, belief_read)


def own_aims(scenario: Scenario, state: GameState, side: str, full: bool = False) -> str:
    """What the side knows of itself and no one else does: its own hidden type ('' when it has none to hide).
    Shown only to that side, as its private briefing is."""
    actor = scenario.index.actors.get(side)
    type_id = state.types.get(side)
    if actor is None or type_id is None or len(actor.types) < 2:
        return ""
    drawn = actor.actor_type(type_id)
    text = f"Your own aims, known only to your side: {drawn.name}"
    return f"{text}. {drawn.description.strip()}" if full and drawn.description else text


def short_read(scenario: Scenario, belief_read: BeliefRead) -> str:
    """The read in a few words: 'Your read of Russia: revisionist, about 80 %'."""
    subject = scenario.actor(belief_read.subject).short_name
    return f"Your read of {subject}: {belief_read.type_name}, about {share_words(belief_read.share)}"


def hidden_aims(scenario: Scenario, subject_id: str) -> str:
    """Before anything is seen: 'Russia's aims are hidden: security-seeking or revisionist?'."""
    actor = scenario.actor(subject_id)
    return (
        f"{possessive(actor.short_name)} aims are hidden: " + " or ".join(t.name for t in actor.types) + "?"
    )


def share_words(share: float) -> str:
    """A share as a read says it: rounded to 5 %, never 0 % or 100 %."""
    return f"{min(95, max(5, 5 * round(share * 20)))} %"


def read_details(scenario: Scenario, states: Sequence[GameState], observer_id: str) -> list[str]:
    """The observer's reads in full: each type's share now, the likeliest by turn, and what moved it
    last turn. `states` are the game's states, first to now."""
    state = states[-1]
    lines: list[str] = []
    for subject_id in subjects(scenario, state, observer_id):
        subject = scenario.actor(subject_id)
        shares = belief(state, observer_id, subject_id)
        order = sorted(subject.types, key=lambda t: -shares.get(t.id, 0.0))
        lines.append(
            f"{subject.short_name}: "
            + " · ".join(f"{t.name} {share_words(shares.get(t.id, 0.0))}" for t in order)
        )
        top = order[0]
        by_turn = [share_words(belief(s, observer_id, subject_id).get(top.id, 0.0)) for s in states]
        lines.append(f"{top.name[:1].upper()}{top.name[1:]}, by turn: " + " → ".join(by_turn))
        lines += _last_moves(scenario, state, observer_id, subject_id, top.id, top.name)
    return lines


def _last_moves(
    scenario: Scenario, state: GameState, observer_id: str, subject_id: str, type_id: str, name: str
) -> list[str]:
    out = []
    for move in state.belief_moves:
        if (move.observer, move.subject) != (observer_id, subject_id):
            continue
        shift = _shift(move.factors, type_id)
        if abs(shift) < 0.01:
            continue
        out.append(
            f"Last turn {_cause_words(scenario, move.cause)} moved it {'toward' if shift > 0 else 'away from'} {name}."
        )
    return out


def _shift(factors: Mapping[str, float], type_id: str) -> float:
    """How far a move pushed one type's log-odds against the average type (0 when it did not touch it)."""
    logs = {t: math.log(f) for t, f in factors.items() if f > 0}
    if type_id not in logs:
        return 0.0
    return logs[type_id] - sum(logs.values()) / len(logs)


def _cause_words(scenario: Scenario, cause: object) -> str:
    if isinstance(cause, Cause) and cause.option_id in scenario.index.options:
        who = possessive(scenario.actor(cause.actor_id).short_name)
        return f"{who} “{scenario.option(cause.option_id).label}”"
    return str(cause) if isinstance(cause, str) and cause else "a deal"


# ---------------------------------------------------- reactions, as stated
def as_stated(scenario: Scenario, cause: Cause) -> Cause:
    """A reaction's cause as players read it during play. `scenario` holds the stated positions in force.

    The same cause when the reactor has no types, or its true position reads the order as its stated one
    does (same verdict and strength); the stated reading when both are crossed, or both honoured; else a
    reading with the verdict `REACTED`, worded without verdict, strength or quote (`masked_reason`).
    """
    reading = cause.reading
    if reading is None or cause.rule not in _REACTIONS or not scenario.actor(reading.actor_id).types:
        return cause
    stated = next(
        (
            r
            for r in read_option(scenario, scenario.option(cause.option_id))
            if (r.actor_id, r.issue_id, r.state_id) == (reading.actor_id, reading.issue_id, reading.state_id)
        ),
        None,
    )
    if stated is not None and (stated.verdict == RED_LINE) == (reading.verdict == RED_LINE):
        return cause._replace(reading=stated)
    crossed = reading.verdict == RED_LINE
    # act=False: a masked reading is never reworded as a signal or a fact from its (hidden) verdict.
    return cause._replace(
        reading=replace(
            reading, verdict=REACTED, strength=0, sentence=_reacts(scenario, reading, crossed), act=False
        )
    )


def _reacts(scenario: Scenario, reading: Reading, crossed: bool) -> str:
    """'Russia reacts sharply to “Informal pause” on Ukraine's path to NATO.' (or 'welcomes')."""
    actor = scenario.actor(reading.actor_id).short_name
    issue = scenario.issue(reading.issue_id)
    how = "reacts sharply to" if crossed else "welcomes"
    return f"{actor} {how} “{issue.state(reading.state_id).name}” on {issue.name}."


def masked_reason(scenario: Scenario, cause: Cause) -> Reason:
    """The reason for a reaction whose true verdict stays hidden: who reacted, to which order, on what."""
    reading = cause.reading
    assert reading is not None and reading.verdict == REACTED
    by, option = scenario.actor(cause.actor_id), scenario.option(cause.option_id)
    order = f"{possessive(by.short_name)} order “{option.label}”"
    if cause.rule in ("red_line_response", "demand_met"):
        reactor = scenario.actor(reading.actor_id)
        issue = scenario.issue(reading.issue_id).name
        text = f"{reactor.name} responded in its own way to {order} on {issue}."
        return Reason(
            cause.rule,
            text,
            cause.actor_id,
            cause.option_id,
            reading=f"{reactor.short_name} answers in its own way.",
        )
    text = f"{order}: {reading.sentence[:1].lower()}{reading.sentence[1:]}"
    return Reason(cause.rule, text, cause.actor_id, cause.option_id, reading=reading.sentence)


def hidden_reactions(
    scenario: Scenario, history: Sequence[TurnRecord], actor_id: str
) -> list[tuple[int, str]]:
    """After the game: each reaction of the actor that its stated positions did not show, in its true words."""
    out: list[tuple[int, str]] = []
    for record in history:
        stated_scenario = record.scenario or scenario
        seen: set[Cause] = set()
        for fact in record.facts:
            cause, reading = fact.cause, fact.cause.reading
            if reading is None or reading.actor_id != actor_id or cause.rule not in _REACTIONS[:2]:
                continue
            if cause in seen or not _differs(stated_scenario, cause):
                continue
            seen.add(cause)
            out.append((record.turn, _true_words(scenario, cause.actor_id, cause.option_id, reading)))
    return out


def _differs(stated_scenario: Scenario, cause: Cause) -> bool:
    """Whether players read the reaction otherwise than it truly was (another verdict or strength)."""
    shown, true = as_stated(stated_scenario, cause).reading, cause.reading
    return (
        shown is not None
        and true is not None
        and (shown.verdict, shown.strength) != (true.verdict, true.strength)
    )


def _true_words(scenario: Scenario, by_id: str, option_id: str, reading: Reading) -> str:
    order = f"{possessive(scenario.actor(by_id).short_name)} “{scenario.option(option_id).label}”"
    issue = scenario.issue(reading.issue_id)
    state = issue.state(reading.state_id).name
    strength = STRENGTH_WORDS.get(reading.strength, "")
    if reading.verdict == RED_LINE:
        return f"{order} crossed its true red line on {issue.name} (“{state}”; {strength})"
    if reading.verdict == PREFERRED:
        return f"{order} met its true wish on {issue.name} (“{state}”; {strength})"
    return f"{order} was truly acceptable to it on {issue.name} (“{state}”)"


# ------------------------------------------------------------ the debrief
def revealed_lines(
    scenario: Scenario,
    states: Sequence[GameState],
    history: Sequence[TurnRecord],
    fixed: frozenset[str] = frozenset(),
) -> list[str]:
    """Each actor's true type, what every other side believed of it (start → end, and the order that
    moved that most), and the reactions its stated positions did not show. `fixed`: types the
    instructor set."""
    lines: list[str] = []
    end = states[-1]
    for actor in scenario.actors:
        type_id = end.types.get(actor.id)
        if type_id is None or len(actor.types) < 2:
            continue
        drawn = actor.actor_type(type_id)
        how = "set by the instructor" if actor.id in fixed else "drawn by chance"
        lines.append(f"{actor.short_name} was {drawn.name} ({how}): {drawn.description.strip()}")
        believed: dict[
            str, list[str]
        ] = {}  # what was believed -> who believed it (sides that saw alike agree)
        for observer in scenario.actors:
            if belief(end, observer.id, actor.id):
                words = _believed(scenario, states, history, observer.id, actor.id, type_id)
                believed.setdefault(words, []).append(observer.short_name)
        lines += [f"{_and(who)} believed it {words}" for words, who in believed.items()]
        hidden = hidden_reactions(scenario, history, actor.id)
        if hidden:
            count = f"{len(hidden)} reactions" if len(hidden) > 1 else "a reaction"
            turn, words = hidden[0]
            lines.append(
                f"{possessive(actor.short_name)} true positions showed in {count} its stated ones did not show, "
                f"first on turn {turn}: {words}."
            )
    return lines


def _believed(
    scenario: Scenario,
    states: Sequence[GameState],
    history: Sequence[TurnRecord],
    observer_id: str,
    subject_id: str,
    type_id: str,
) -> str:
    """'revisionist: 50 % at the start, 90 % at the end; Russia's “…” (turn 2) raised it most.'"""
    name = scenario.actor(subject_id).actor_type(type_id).name
    start = share_words(belief(states[0], observer_id, subject_id).get(type_id, 0.0))
    now = share_words(belief(states[-1], observer_id, subject_id).get(type_id, 0.0))
    best, most = "", 0.01
    for record, state in zip(history, states[1:], strict=False):
        for move in state.belief_moves:
            if (move.observer, move.subject) != (observer_id, subject_id):
                continue
            shift = _shift(move.factors, type_id)
            if abs(shift) > most:
                verb = "raised" if shift > 0 else "lowered"
                best, most = (
                    f"; {_cause_words(scenario, move.cause)} (turn {record.turn}) {verb} it most",
                    abs(shift),
                )
    return f"{name}: {start} at the start, {now} at the end{best}."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
