"""Resolution's facts put into words: each `Fact` becomes a `Change` with its `Reason`.

Resolution records what changed and why as ids (game/engine/resolve.py); this
module says it to a player, and runs only when a record's changes are shown.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine.chance import percent_words
from game.engine.conditions import flag_words
from game.engine.deal_words import accepted_reason, broken_reason, kept_reason
from game.engine.readings import as_words
from game.engine.reads import REACTED, as_stated, masked_reason
from game.engine.records import ACCEPTABLE, RED_LINE, Cause, Change, Fact, Reading, Reason, mid_sentence
from game.scenario.evidence import cite
from game.scenario.model import Chance, Scenario
from game.wording import possessive


def explain_facts(scenario: Scenario, facts: tuple[Fact, ...], on: str) -> tuple[Change, ...]:
    """The facts of one turn (dated `on`) as changes with reasons, in the same order."""
    reasons: dict[Cause, Reason] = {}
    changes = []
    moved = {
        (f.cause.option_id, f.subject, f.after)
        for f in facts
        if f.kind == "issue" and f.cause.rule == "order"
    }
    for fact in facts:
        reason = reasons.get(fact.cause)
        if reason is None:
            # A reaction is worded against the stated position (the hidden type stays hidden, reads.py),
            # and as a signal unless the order's own effect really moved the issue this turn.
            reason = reasons[fact.cause] = _REASONS[fact.cause.rule](
                scenario, _as_done(scenario, as_stated(scenario, fact.cause), moved), on
            )
        changes.append(_CHANGES[fact.kind](scenario, fact, reason))
    return tuple(changes)


def _as_done(scenario: Scenario, cause: Cause, moved: set[tuple[str, str, object]]) -> Cause:
    """A reaction's reading worded as what happened: the order 'moved' the issue only when its own
    effect really moved it this turn; otherwise what the others reacted to was a signal."""
    reading = cause.reading
    if reading is None or not reading.act or (cause.option_id, reading.issue_id, reading.state_id) in moved:
        return cause
    return cause._replace(reading=as_words(scenario, reading))


# --------------------------------------------------------------- the causes
def _order(sc: Scenario, cause: Cause, on: str) -> Reason:
    actor, option = sc.actor(cause.actor_id), sc.option(cause.option_id)
    return Reason("order", f"{actor.name} ordered “{option.label}”.", actor.id, option.id)


def _reaction(sc: Scenario, cause: Cause, on: str) -> Reason:
    reading = _reading(cause)
    if reading.verdict == REACTED:
        return masked_reason(sc, cause)
    by, option = sc.actor(cause.actor_id), sc.option(cause.option_id)
    sentence = reading.sentence
    because = f"{possessive(by.short_name)} order “{option.label}” {sentence[0].lower()}{sentence[1:]}"
    return _about_reading(sc, cause, because, sentence, on)


def _own_response(sc: Scenario, cause: Cause, on: str) -> Reason:
    reading = _reading(cause)
    if reading.verdict == REACTED:
        return masked_reason(sc, cause)
    by, option = sc.actor(cause.actor_id), sc.option(cause.option_id)
    reactor = sc.actor(reading.position.actor)
    word = (
        "red line was crossed"
        if reading.verdict == RED_LINE
        else "demand was met"
        if reading.act
        else "demand was promised in words (not yet done)"
    )
    text = (
        f"{reactor.name} responded in its own way because its {word} on "
        f"{sc.issue(reading.position.issue).name} by {possessive(by.short_name)} order “{option.label}”."
    )
    return _about_reading(sc, cause, text, f"{reactor.short_name} answers in its own way: its {word}.", on)


def _reading(cause: Cause) -> Reading:
    assert cause.reading is not None, "reactions and own responses are always to a reading"
    return cause.reading


def _about_reading(sc: Scenario, cause: Cause, text: str, how: str, on: str) -> Reason:
    """A reason about a position an order honoured or crossed, quoting it (as said by `on`) when strong."""
    reading = _reading(cause)
    # A quote explains a strong reaction; beside a merely acceptable reading it is noise.
    quote = cite(reading.position, on) if reading.verdict != ACCEPTABLE else ""
    return Reason(
        cause.rule,
        text,
        cause.actor_id,
        cause.option_id,
        position=reading.position,
        verdict=reading.verdict,
        citation=quote,
        reading=how,
        state=sc.issue(reading.issue_id).state(reading.state_id).name,
        act=reading.act,
    )


def _instructor_inject(sc: Scenario, cause: Cause, on: str) -> Reason:
    title = sc.index.injects[cause.inject_id].title
    return Reason("instructor_inject", f"the instructor announced “{title}”.", inject_id=cause.inject_id)


def _inject(sc: Scenario, cause: Cause, on: str) -> Reason:
    title = sc.index.injects[cause.inject_id].title
    return Reason("inject", f"news flash: “{title}”.", inject_id=cause.inject_id)


def _ladder(sc: Scenario, cause: Cause, on: str) -> Reason:
    before, rung = sc.rung(cause.rung_from), sc.rung_for(cause.tension)
    went = "climbed" if rung.at > before.at else "came down"
    return Reason("ladder", f"tension {went} to {cause.tension}, and “{rung.name}” begins at {rung.at}.")


def _chance(sc: Scenario, cause: Cause, on: str) -> Reason:
    rung = sc.rung(cause.rung_from)
    assert rung.chance is not None, "only a rung with a chance records one"
    return Reason("chance", chance_words(rung.chance, rung.name) + ".")


def chance_words(chance: Chance, rung_name: str) -> str:
    """'at “Brink of war” there was an 8 % chance a turn that …, and this turn it happened'."""
    pct = percent_words(chance.percent)
    article = "an" if pct.startswith(("8", "11 ", "11.", "18 ", "18.")) else "a"
    what = chance.words or "chance ends the crisis"
    return f"at “{rung_name}” there was {article} {pct} chance a turn that {what}, and this turn it happened"


def _claim_exposed(sc: Scenario, cause: Cause, on: str) -> Reason:
    actor, option = sc.actor(cause.actor_id), sc.option(cause.option_id)
    text = f"{possessive(actor.name)} claim “{option.label}” was exposed as false."
    return Reason("claim_exposed", text, actor.id, option.id)


_REASONS: dict[str, Callable[[Scenario, Cause, str], Reason]] = {
    "order": _order,
    "reaction_honoured": _reaction,
    "reaction_crossed": _reaction,
    "red_line_response": _own_response,
    "demand_met": _own_response,
    "instructor_inject": _instructor_inject,
    "inject": _inject,
    "ladder": _ladder,
    "chance": _chance,
    "claim_exposed": _claim_exposed,
    "deal_accepted": accepted_reason,
    "deal_broken": broken_reason,
    "deal_kept": kept_reason,
}


# -------------------------------------------------------------- the changes
def _tension(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    return Change("tension", "tension", fact.before, fact.after, reason)


def _meter(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    actor = sc.actor(fact.subject)
    subject = f"{possessive(actor.short_name)} {mid_sentence(actor.meter(fact.part).name)}"
    return Change("meter", subject, fact.before, fact.after, reason)


def _issue(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    issue = sc.issue(fact.subject)
    before, after = issue.state(str(fact.before)).name, issue.state(str(fact.after)).name
    return Change("issue", issue.name, before, after, reason)


def _force(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    before, after = sc.place(str(fact.before)).name, sc.place(str(fact.after)).name
    return Change("force", sc.force(fact.subject).name, before, after, reason)


def _posture(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    subject = f"{possessive(sc.force(fact.subject).name)} posture"
    return Change("posture", subject, fact.before, fact.after, reason)


def _flag(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    return Change("flag", f"“{flag_words(sc, fact.subject)}”", fact.before, fact.after, reason)


def _rung(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    before, after = sc.rung(str(fact.before)), sc.rung(str(fact.after))
    return Change("rung", "the crisis", before.name, after.name, reason)


def _chance_change(sc: Scenario, fact: Fact, reason: Reason) -> Change:
    title = sc.outcome(str(fact.after)).title
    return Change("chance", sc.rung(fact.subject).name, fact.before, title, reason)


_CHANGES: dict[str, Callable[[Scenario, Fact, Reason], Change]] = {
    "tension": _tension,
    "meter": _meter,
    "issue": _issue,
    "force": _force,
    "posture": _posture,
    "flag": _flag,
    "rung": _rung,
    "chance": _chance_change,
}
