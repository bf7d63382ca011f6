"""What mattered most in a turn: the headline measure.

A turn can change a dozen numbers for a dozen reasons; a class reads the first
two lines. This module ranks what happened by one documented measure (see
docs/rules.md, "What mattered most") so the window, the text mode and the
debrief all lead with the same one to three things, each in one sentence with
its why, and list the sides by the weight of what they did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from game.engine.readings import STRENGTH_WORDS
from game.engine.records import PREFERRED, RED_LINE, Change, TurnRecord
from game.scenario.model import Scenario
from game.wording import possessive

# The measure. An ending outweighs everything; a new rung outweighs any single reaction; a red line
# crossed weighs by how strongly it is held; otherwise the size of the tension change decides.
OUTCOME_WEIGHT = 1000
RUNG_WEIGHT = 400
RED_LINE_WEIGHT = 100  # + RED_LINE_PER_STRENGTH × the position's strength (1–3)
RED_LINE_PER_STRENGTH = 50
WISH_WEIGHT = 20  # a vital wish met: + WISH_PER_STRENGTH × strength
WISH_PER_STRENGTH = 20
TENSION_PER_POINT = 12  # a tension change of n points weighs 12·n (only from 5 points up)
TENSION_THRESHOLD = 5
BROKEN_PROMISE_WEIGHT = RED_LINE_WEIGHT + RED_LINE_PER_STRENGTH * 3  # ranks like a vital red line crossed


@dataclass(frozen=True, slots=True)
class Headline:
    """One thing that mattered, said in one sentence with its why."""

    kind: str  # outcome | rung | red_line | tension | wish | quiet
    weight: int
    sentence: str
    actor_id: str = ""  # whose order caused it, when an order did
    option_id: str = ""


def turn_headlines(scenario: Scenario, record: TurnRecord, limit: int = 3) -> list[Headline]:
    """The one to `limit` things that mattered most this turn, heaviest first; never empty."""
    found = _outcome(scenario, record) + _rung(scenario, record) + _positions(scenario, record)
    found += _exposed(record)
    found += _deals(scenario, record)
    if not any(h.kind == "rung" for h in found):
        found += _tension(scenario, record)
    found.sort(key=lambda h: -h.weight)
    # A vital wish met is news on a quiet turn; beside two weightier things it is only noise.
    if len([h for h in found if h.kind != "wish"]) >= 2:
        found = [h for h in found if h.kind != "wish"]
    if not found:
        found = [_quiet(scenario, record)]
    return found[:limit]


def order_weight(scenario: Scenario, record: TurnRecord, actor_id: str) -> int:
    """How much one side's order weighed this turn: tension it caused, red lines it crossed, wishes it met."""
    option_id = record.orders.get(actor_id)
    weight = 0
    for change in record.changes:
        reason = change.reason
        if reason.actor_id != actor_id or reason.option_id != option_id:
            continue
        if change.kind == "tension":
            weight += TENSION_PER_POINT * abs(_delta(change))
        elif change.kind == "meter":
            weight += abs(_delta(change))
        elif change.kind in ("force", "issue"):
            weight += 10
    for headline in _positions(scenario, record):
        if headline.actor_id == actor_id:
            weight += headline.weight
    return weight


def sides_by_weight(scenario: Scenario, record: TurnRecord) -> list[str]:
    """The sides that gave orders, heaviest order first; ties keep the scenario's order."""
    sides = [a.id for a in scenario.actors if a.id in record.orders]
    return sorted(sides, key=lambda side: -order_weight(scenario, record, side))


def _words_only(record: TurnRecord, actor_id: str) -> frozenset[tuple[str, str]]:
    """(whose position, issue) of the wishes one side's order met only in words this turn."""
    option_id = record.orders.get(actor_id)
    return frozenset(
        (c.reason.position.actor, c.reason.position.issue)
        for c in record.changes
        if c.reason.actor_id == actor_id
        and c.reason.option_id == option_id
        and c.reason.position is not None
        and c.reason.verdict == PREFERRED
        and not c.reason.act
    )


def readings_of(record: TurnRecord, actor_id: str) -> frozenset[tuple[str, str, str]]:
    """(whose position, issue, verdict) of every reaction one side's order drew this turn."""
    option_id = record.orders.get(actor_id)
    return frozenset(
        (c.reason.position.actor, c.reason.position.issue, c.reason.verdict)
        for c in record.changes
        if c.reason.actor_id == actor_id
        and c.reason.option_id == option_id
        and c.reason.position is not None
        and c.reason.rule in ("reaction_crossed", "reaction_honoured")
    )


def as_last_turn(previous: TurnRecord | None, record: TurnRecord, actor_id: str) -> bool:
    """True when a side repeated last turn's order and it read to everyone exactly as before:
    the report then folds it into one line instead of repeating its quotes."""
    if previous is None or previous.orders.get(actor_id) != record.orders.get(actor_id):
        return False
    return readings_of(previous, actor_id) == readings_of(record, actor_id)


def short_reading(scenario: Scenario, record: TurnRecord, actor_id: str) -> str:
    """The reactions to one side's order in a few words, red lines first: "crosses Russia's red line
    on X; meets the wish of Poland and UK on X; signals Ukraine's wish on Y, in words only"."""
    words = _words_only(record, actor_id)
    by_kind: dict[tuple[str, str], list[str]] = {}
    for reactor, issue_id, verdict in readings_of(record, actor_id):
        by_kind.setdefault((verdict, issue_id), []).append(reactor)
    rank = {RED_LINE: 0, PREFERRED: 1}  # the weightiest reading first, then the scenario's order of issues
    issues = [i.id for i in scenario.issues]
    actors = [a.id for a in scenario.actors]
    parts = []
    for verdict, issue_id in sorted(by_kind, key=lambda k: (rank.get(k[0], 2), issues.index(k[1]))):
        names = [scenario.actor(a).short_name for a in sorted(by_kind[(verdict, issue_id)], key=actors.index)]
        who, issue = _and(names), scenario.issue(issue_id).name
        one = len(names) == 1
        if verdict == RED_LINE:
            whose = f"{possessive(who)} red line" if one else f"the red lines of {who}"
            parts.append(f"crosses {whose} on {issue}")
        elif verdict == PREFERRED:
            whose = f"{possessive(who)} wish" if one else f"the wishes of {who}"
            said = all((a, issue_id) in words for a in by_kind[(verdict, issue_id)])
            parts.append(
                f"signals {whose} on {issue}, in words only" if said else f"meets {whose} on {issue}"
            )
        else:
            parts.append(f"acceptable to {who} on {issue}")
    return "; ".join(parts) if parts else "touches no one's stated position"


def brief_reading(scenario: Scenario, record: TurnRecord, actor_id: str) -> str:
    """The reactions in the fewest words, for a list of every side's order: whose red lines it
    crossed, by name (they matter most), and how many wishes it honoured."""
    readings = readings_of(record, actor_id)
    crossed = sorted({r for r, _i, v in readings if v == RED_LINE}, key=[a.id for a in scenario.actors].index)
    honoured = len({(r, i) for r, i, v in readings if v == PREFERRED})
    in_words = len(_words_only(record, actor_id))
    parts = []
    if crossed:
        names = _and([scenario.actor(a).short_name for a in crossed])
        parts.append(
            f"crosses {possessive(names)} red line"
            if len(crossed) == 1
            else f"crosses the red lines of {names}"
        )
    done = honoured - in_words
    if done:
        parts.append(f"meets {done} wish{'es' if done > 1 else ''}")
    if in_words:
        parts.append(f"signals {in_words} wish{'es' if in_words > 1 else ''} in words")
    return "; ".join(parts) if parts else "crosses no red line and meets no wish"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------- the kinds


def _order_words(scenario: Scenario, actor_id: str, option_id: str) -> str:
    return f"{possessive(scenario.actor(actor_id).short_name)} order “{scenario.option(option_id).label}”"


def _tension_by_order(record: TurnRecord) -> dict[tuple[str, str], int]:
    """Tension points each order caused, its reactions included."""
    caused: dict[tuple[str, str], int] = {}
    for change in record.changes:
        if change.kind == "tension" and change.reason.option_id:
            key = (change.reason.actor_id, change.reason.option_id)
            caused[key] = caused.get(key, 0) + _delta(change)
    return caused


def _chief_cause(scenario: Scenario, record: TurnRecord, rising: bool) -> str:
    """', chiefly through US's order “…” (+6)': the order that moved tension most in the turn's direction."""
    caused = {k: v for k, v in _tension_by_order(record).items() if (v > 0) == rising and v}
    if not caused:
        return ""
    (actor_id, option_id), points = max(caused.items(), key=lambda kv: abs(kv[1]))
    return f", chiefly through {_order_words(scenario, actor_id, option_id)} ({points:+d})"


def _outcome(scenario: Scenario, record: TurnRecord) -> list[Headline]:
    if not record.outcome:
        return []
    outcome = scenario.outcome(record.outcome)
    if record.chance is not None:
        change = next(c for c in record.changes if c.kind == "chance")
        why = f"an incident decided it: {change.reason.text.rstrip('.')}"
    elif outcome.default:
        why = f"the last of {scenario.turn_limit} turns has been played"
    else:
        why = f"tension stands at {record.tension_after}" + _chief_cause(
            scenario, record, record.tension_after >= record.tension_before
        )
    return [Headline("outcome", OUTCOME_WEIGHT, f"The game ends — {outcome.title}: {why}.")]


def _rung(scenario: Scenario, record: TurnRecord) -> list[Headline]:
    change = next((c for c in record.changes if c.kind == "rung"), None)
    if change is None:
        return []
    rising = record.tension_after > record.tension_before
    went = "climbed" if rising else "came down"
    sentence = (
        f"The crisis {went} to “{change.after}” (tension {record.tension_before} → "
        f"{record.tension_after}){_chief_cause(scenario, record, rising)}."
    )
    return [Headline("rung", RUNG_WEIGHT, sentence)]


def _tension(scenario: Scenario, record: TurnRecord) -> list[Headline]:
    delta = record.tension_after - record.tension_before
    if abs(delta) < TENSION_THRESHOLD:
        return []
    verb = "rose" if delta > 0 else "fell"
    sentence = (
        f"Tension {verb} by {abs(delta)} ({record.tension_before} → {record.tension_after})"
        f"{_chief_cause(scenario, record, delta > 0)}."
    )
    return [Headline("tension", TENSION_PER_POINT * abs(delta), sentence)]


def _positions(scenario: Scenario, record: TurnRecord) -> list[Headline]:
    """Each red line crossed, and each vital wish met, once per (order, position), with what it cost."""
    groups: dict[tuple[str, str, str, str], list[Change]] = {}
    for change in record.changes:
        reason = change.reason
        if reason.position is None or reason.verdict not in (RED_LINE, PREFERRED):
            continue
        if reason.verdict == PREFERRED and reason.position.strength < 3:
            continue
        key = (reason.actor_id, reason.option_id, reason.position.actor, reason.position.issue)
        groups.setdefault(key, []).append(change)
    return [_position_headline(scenario, key, changes) for key, changes in groups.items()]


def _exposed(record: TurnRecord) -> list[Headline]:
    """A false claim exposed ranks with a vital red line crossed (docs/rules.md, *Claims and intelligence*)."""
    changes = [c for c in record.changes if c.reason.rule == "claim_exposed"]
    if not changes:
        return []
    weight = RED_LINE_WEIGHT + RED_LINE_PER_STRENGTH * 3
    return [Headline("red_line", weight, f"{changes[0].reason.text.rstrip('.')}: {_steps(changes)}.")]


def _position_headline(scenario: Scenario, key: tuple[str, str, str, str], changes: list[Change]) -> Headline:
    """'US's order “…” crossed Russia's red line on X (firm): tension +2, …', or 'met NATO's wish on
    X in words only (vital): …' unless the order itself moved the issue there (a fact)."""
    actor_id, option_id, reactor_id, issue_id = key
    reason = changes[0].reason
    strength = reason.position.strength if reason.position is not None else 1
    crossed = reason.verdict == RED_LINE
    steps = _steps(changes)
    issue, whose = scenario.issue(issue_id).name, possessive(scenario.actor(reactor_id).short_name)
    # Words can cross a red line (saying it is the offence), but they meet a wish only in words
    # unless the order itself moved the issue ("The turn in sum" then lists the move).
    did = f"{'crossed' if crossed else 'met'} {whose} {'red line' if crossed else 'wish'} on {issue}"
    did += "" if crossed or reason.act else " in words only"
    sentence = (
        f"{_order_words(scenario, actor_id, option_id)} {did} "
        f"({STRENGTH_WORDS.get(strength, '')}){': ' + steps if steps else ''}."
    )
    if crossed:
        tension = sum(abs(_delta(c)) for c in changes if c.kind == "tension")
        weight = RED_LINE_WEIGHT + RED_LINE_PER_STRENGTH * strength + TENSION_PER_POINT * tension
    else:
        weight = WISH_WEIGHT + WISH_PER_STRENGTH * strength
    kind = "red_line" if crossed else "wish"
    return Headline(kind, weight, sentence[:1].upper() + sentence[1:], actor_id, option_id)


def _delta(change: Change) -> int:
    """How far a number moved (tension and meters hold ints; the record types them loosely)."""
    return cast(int, change.after) - cast(int, change.before)


def _steps(changes: list[Change]) -> str:
    """'tension +5, Russia's resolve +8': one step per number however many rules moved it."""
    totals: dict[str, int] = {}
    others: list[str] = []
    for change in changes:
        if change.kind in ("tension", "meter"):
            subject = str(change.subject)
            totals[subject] = totals.get(subject, 0) + _delta(change)
        else:
            others.append(change.step)
    return ", ".join([f"{subject} {delta:+d}" for subject, delta in totals.items() if delta] + others)


def _quiet(scenario: Scenario, record: TurnRecord) -> Headline:
    rung = scenario.rung_for(record.tension_after).name
    return Headline(
        "quiet",
        0,
        f"A quiet turn: no red line crossed; tension {record.tension_before} → {record.tension_after}, "
        f"still “{rung}”.",
    )


def _deals(scenario: Scenario, record: TurnRecord) -> list[Headline]:
    """A promise broken in public: a back-channel deal is no class-wide news."""
    if not record.deal_events:
        return []
    from game.engine.deal_words import event_sentence  # words only for turns with deals

    found = []
    for event in record.deal_events:
        public = event.deal.known_to_all(event.deal.bundle(scenario))
        if public and event.kind == "broken":
            found.append(
                Headline(
                    "broken_promise",
                    BROKEN_PROMISE_WEIGHT,
                    event_sentence(scenario, event),
                    event.actor,
                    event.option,
                )
            )
    return found
