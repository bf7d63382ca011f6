"""Resolution of one turn: `resolve(scenario, state, orders) -> (new state, turn record)`.

Pure: no I/O, no clock, no randomness. The order of steps is part of the rules
(docs/rules.md):
  1. every playable side's order is checked; an illegal one is refused, nothing applied;
  2. each order's own effects apply, sides in scenario order;
  3. each order is read against every other actor's stated positions: an honoured
     position applies that actor's `reactions.honoured` (and `if_honoured` when
     preferred), a crossed red line its `reactions.crossed` and its own
     `if_crossed` response (once per position per turn); reactions scale with
     the position's strength (×1…×3; acceptable counts half);
  4. instructor injects, then scripted injects whose conditions now hold (each once);
  5. outcomes are checked in the scenario's order; past the turn limit, the default one;
  6. the turn counter and date advance.
"""

from __future__ import annotations

import math

from game.engine.changing import in_force
from game.engine.conditions import all_hold, first_failing, flag_words
from game.engine.readings import read_option
from game.engine.records import ACCEPTABLE, PREFERRED, RED_LINE, Change, Reason, TurnRecord, mid_sentence
from game.engine.state import GameState, advance_date
from game.scenario.evidence import cite
from game.scenario.model import Effects, Option, Scenario
from game.wording import possessive

REACTION_WEIGHT = {PREFERRED: 1.0, ACCEPTABLE: 0.5, RED_LINE: 1.0}


class IllegalOrder(ValueError):
    """An order the rules do not allow this turn; the message says why, for a player."""


def option_status(scenario: Scenario, state: GameState, option: Option) -> tuple[bool, str]:
    """(available, reason it is not) for one option in this state."""
    if state.outcome is not None:
        return False, "the game is over"
    if option.once and state.was_chosen(option.id, option.actor):
        return False, "already ordered: it can be ordered only once"
    failing = first_failing(option.requires, scenario, state)
    return (not failing), failing


def check_orders(scenario: Scenario, state: GameState, orders: dict[str, str]) -> None:
    """Raise IllegalOrder unless every side that orders (playable or acting) has exactly one legal order."""
    playable = [a.id for a in scenario.acting_actors]
    for actor_id in orders:
        if actor_id not in playable:
            raise IllegalOrder(f"'{actor_id}' is not a playable side (the sides are {', '.join(playable)})")
    for actor_id in playable:
        actor = scenario.actor(actor_id)
        option_id = orders.get(actor_id)
        if option_id is None:
            raise IllegalOrder(f"{actor.name} has no order this turn")
        own = {o.id: o for o in scenario.options_of(actor_id)}
        if option_id not in own:
            raise IllegalOrder(f"'{option_id}' is not one of {possessive(actor.name)} options")
        available, why = option_status(scenario, state, own[option_id])
        if not available:
            raise IllegalOrder(f"{actor.name} cannot order “{own[option_id].label}” now: {why}")


def _scaled(value: int, factor: float) -> int:
    """Round half away from zero, so a small reaction never silently vanishes in one direction only."""
    x = value * factor
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


class _Turn:
    """The working copy of one resolution; collects every change with its reason."""

    def __init__(self, scenario: Scenario, state: GameState):
        self.scenario = scenario
        self.state = state
        self.changes: list[Change] = []

    def apply(self, effects: Effects, reason: Reason, factor: float = 1.0) -> None:
        sc, st = self.scenario, self.state
        if effects.tension:
            before = st.tension
            st.tension = max(0, min(100, before + _scaled(effects.tension, factor)))
            if st.tension != before:
                self.changes.append(Change("tension", "tension", before, st.tension, reason))
        for change in effects.meters:
            meter = sc.actor(change.actor).meter(change.meter)
            before = st.meters[change.actor][change.meter]
            after = max(meter.min, min(meter.max, before + _scaled(change.delta, factor)))
            if after != before:
                st.meters[change.actor][change.meter] = after
                subject = f"{possessive(sc.actor(change.actor).short_name)} {mid_sentence(meter.name)}"
                self.changes.append(Change("meter", subject, before, after, reason))
        for issue_id, state_id in effects.issues:
            before = st.issues[issue_id]
            if before != state_id:
                st.issues[issue_id] = state_id
                issue = sc.issue(issue_id)
                self.changes.append(
                    Change("issue", issue.name, issue.state(before).name, issue.state(state_id).name, reason)
                )
        for move in effects.moves:
            force = st.forces[move.force]
            name = sc.force(move.force).name
            if force.place != move.to:
                self.changes.append(
                    Change("force", name, sc.place(force.place).name, sc.place(move.to).name, reason)
                )
                st.moved_last_turn.append((move.force, force.place, move.to))
                force.place = move.to
            if move.posture and move.posture != force.posture:
                self.changes.append(
                    Change("posture", f"{possessive(name)} posture", force.posture, move.posture, reason)
                )
                force.posture = move.posture
        for flag in effects.set_flags:
            if flag not in st.flags:
                st.flags.add(flag)
                self.changes.append(Change("flag", f"“{flag_words(sc, flag)}”", False, True, reason))
        for flag in effects.clear_flags:
            if flag in st.flags:
                st.flags.discard(flag)
                self.changes.append(Change("flag", f"“{flag_words(sc, flag)}”", True, False, reason))


def resolve(
    scenario: Scenario, state: GameState, orders: dict[str, str], instructor_injects: tuple[str, ...] = ()
) -> tuple[GameState, TurnRecord]:
    """Resolve one turn from simultaneous orders; the given state is left untouched."""
    if state.outcome is not None:
        raise IllegalOrder("the game is over")
    scenario = in_force(scenario, state)  # positions as they stand on this turn's date
    check_orders(scenario, state, orders)
    turn = _Turn(scenario, state.copy())
    st = turn.state
    st.moved_last_turn = []
    # Kept in the scenario's order of sides, the order in which they were resolved and are reported.
    record = TurnRecord(
        turn=st.turn,
        date=st.date,
        tension_before=st.tension,
        orders={a.id: orders[a.id] for a in scenario.acting_actors},
    )
    rung_before = scenario.rung_for(st.tension)
    ordered = [scenario.option(orders[a.id]) for a in scenario.acting_actors]

    for option in ordered:  # step 2
        actor = scenario.actor(option.actor)
        turn.apply(
            option.effects, Reason("order", f"{actor.name} ordered “{option.label}”.", actor.id, option.id)
        )

    responded: set[tuple[str, str, str]] = set()
    for option in ordered:  # step 3
        by = scenario.actor(option.actor)
        for reading in read_option(scenario, option):
            position = reading.position
            reactor = scenario.actor(position.actor)
            # A quote explains a strong reaction; beside a merely acceptable reading it is noise.
            quote = cite(position, st.date) if reading.verdict != ACCEPTABLE else ""
            because = (
                f"{possessive(by.short_name)} order “{option.label}” {reading.sentence[0].lower()}"
                f"{reading.sentence[1:]}"
            )
            rule = "reaction_crossed" if reading.verdict == RED_LINE else "reaction_honoured"
            reaction = (
                reactor.reactions.crossed if reading.verdict == RED_LINE else reactor.reactions.honoured
            )
            factor = position.strength * REACTION_WEIGHT[reading.verdict]
            turn.apply(
                reaction,
                Reason(
                    rule,
                    because,
                    by.id,
                    option.id,
                    position=position,
                    verdict=reading.verdict,
                    citation=quote,
                    reading=reading.sentence,
                ),
                factor,
            )
            own = {RED_LINE: position.if_crossed, PREFERRED: position.if_honoured}.get(reading.verdict)
            key = (position.actor, position.issue, reading.verdict)
            if own is not None and not own.is_empty() and key not in responded:
                responded.add(key)
                word = "red line was crossed" if reading.verdict == RED_LINE else "demand was met"
                text = (
                    f"{reactor.name} responded in its own way because its {word} on "
                    f"{scenario.issue(position.issue).name} by {possessive(by.short_name)} order “{option.label}”."
                )
                turn.apply(
                    own,
                    Reason(
                        "red_line_response" if reading.verdict == RED_LINE else "demand_met",
                        text,
                        by.id,
                        option.id,
                        position=position,
                        verdict=reading.verdict,
                        citation=quote,
                        reading=f"{reactor.short_name} answers in its own way: its {word}.",
                    ),
                )

    st.chosen.extend((st.turn, o.actor, o.id) for o in ordered)

    for inject_id in instructor_injects:  # step 4
        inject = next((i for i in scenario.injects if i.id == inject_id), None)
        if inject is None:
            continue
        st.fired_injects.add(inject.id)
        record.injects.append(inject.id)
        turn.apply(
            inject.effects,
            Reason("instructor_inject", f"the instructor announced “{inject.title}”.", inject_id=inject.id),
        )
    for inject in scenario.injects:
        if inject.instructor_only or inject.id in st.fired_injects:
            continue
        if all_hold(inject.when, scenario, st):
            st.fired_injects.add(inject.id)
            record.injects.append(inject.id)
            turn.apply(
                inject.effects, Reason("inject", f"news flash: “{inject.title}”.", inject_id=inject.id)
            )

    rung_after = scenario.rung_for(st.tension)
    if rung_after.id != rung_before.id:
        went = "climbed" if rung_after.at > rung_before.at else "came down"
        turn.changes.append(
            Change(
                "rung",
                "the crisis",
                rung_before.name,
                rung_after.name,
                Reason(
                    "ladder",
                    f"tension {went} to {st.tension}, and “{rung_after.name}” begins at {rung_after.at}.",
                ),
            )
        )

    st.outcome = _outcome(scenario, st)  # step 5
    record.outcome = st.outcome
    record.changes = turn.changes
    record.tension_after = st.tension
    st.turn += 1  # step 6
    # Turns of uneven length take their date from the file; otherwise each is turn_days after the last.
    st.date = (
        scenario.date_of_turn(st.turn) if scenario.turn_dates else advance_date(st.date, scenario.turn_days)
    )
    return st, record


def _outcome(scenario: Scenario, state: GameState) -> str | None:
    for outcome in scenario.outcomes:
        if not outcome.default and outcome.when and all_hold(outcome.when, scenario, state):
            return outcome.id
    if state.turn >= scenario.turn_limit:
        return next((o.id for o in scenario.outcomes if o.default), scenario.outcomes[-1].id)
    return None
