"""Resolution of one turn: `resolve(scenario, state, orders) -> (new state, turn record)`.

Pure: no I/O, no clock; the one random thing, a rung's chance, is rolled from the
game's seed and the turn (game/engine/chance.py). After the orders are checked, the
turn runs through `STEPS`, one function per heading of docs/rules.md, in order:
own effects, readings, beliefs, injects, ladder, chance, outcome, advance. Each step changes a
private `Draft` and records `Fact`s (what changed, as ids, and its `Cause`);
the draft is frozen into the new state at the end, and the facts become
sentences only when someone reads `TurnRecord.changes`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from game.engine import claims
from game.engine.beliefs import accommodating_types
from game.engine.beliefs import update as update_beliefs
from game.engine.chance import strikes
from game.engine.changing import in_force
from game.engine.conditions import KINDS, Check, all_of, first_failing
from game.engine.deal_values import DealEvent, DealMove
from game.engine.deals import IllegalDeal, check_moves, settle
from game.engine.dispositions import typed
from game.engine.draft import Draft
from game.engine.effects import Prepared, apply, own_prepared, prepare
from game.engine.index import memo
from game.engine.orders import Orders
from game.engine.readings import read_option, readers_of
from game.engine.records import ACCEPTABLE, PREFERRED, RED_LINE, Cause, Decision, Fact, TurnRecord
from game.engine.state import GameState, WorldView
from game.scenario.model import Effects, Inject, Option, Outcome, Rung, Scenario
from game.wording import possessive

REACTION_WEIGHT = {PREFERRED: 1.0, ACCEPTABLE: 0.5, RED_LINE: 1.0}


class IllegalOrder(ValueError):
    """An order the rules do not allow this turn; the message says why, for a player."""


# ------------------------------------------------------------- orders
def option_available(scenario: Scenario, state: WorldView, option: Option) -> bool:
    """Whether the option may be ordered now; no words are made (computer players ask this often)."""
    if state.outcome is not None or (option.once and state.was_chosen(option.id, option.actor)):
        return False
    # A loop, not all(...): this runs for every option of every side each turn.
    for condition in option.requires:  # noqa: SIM110
        if not KINDS[type(condition)].holds(condition, scenario, state):
            return False
    return True


def availability(option: Option) -> Check | None:
    """`option_available` for one option as a function of (scenario, state), its conditions bound once
    (a computer side asks it of every option every turn); None when only the game's end closes it."""
    if not option.requires and not option.once:
        return None
    requires = all_of(option.requires)
    option_id, actor = option.id, option.actor
    if option.once:
        return lambda sc, st: st.outcome is None and not st.was_chosen(option_id, actor) and requires(sc, st)
    return lambda sc, st: st.outcome is None and requires(sc, st)


def option_status(scenario: Scenario, state: GameState, option: Option) -> tuple[bool, str]:
    """(available, reason it is not) for one option in this state."""
    if state.outcome is not None:
        return False, "the game is over"
    if option.once and state.was_chosen(option.id, option.actor):
        return False, "already ordered: it can be ordered only once"
    failing = first_failing(option.requires, scenario, state)
    return (not failing), failing


def check_orders(scenario: Scenario, state: GameState, orders: Mapping[str, str]) -> None:
    """Raise IllegalOrder unless every side that orders (playable or acting) has exactly one legal order."""
    playable = scenario.acting_actors
    for actor_id in orders:
        if actor_id not in scenario.index.actors or not scenario.actor(actor_id).gives_orders:
            sides = ", ".join(a.id for a in playable)
            raise IllegalOrder(f"'{actor_id}' is not a playable side (the sides are {sides})")
    for actor in playable:
        option_id = orders.get(actor.id)
        if option_id is None:
            raise IllegalOrder(f"{actor.name} has no order this turn")
        option = scenario.index.options.get(option_id)
        if option is None or option.actor != actor.id:
            raise IllegalOrder(f"'{option_id}' is not one of {possessive(actor.name)} options")
        if not option_available(scenario, state, option):
            why = option_status(scenario, state, option)[1]
            raise IllegalOrder(f"{actor.name} cannot order “{option.label}” now: {why}")


# ------------------------------------------------------------ the turn
@dataclass(slots=True)
class Turn:
    """One resolution in progress: the draft state, the orders, and the facts recorded so far."""

    scenario: Scenario
    draft: Draft
    options: tuple[Option, ...]  # the orders, in the scenario's order of sides
    instructor_injects: tuple[str, ...]
    rung_before: Rung
    facts: list[Fact] = field(default_factory=list)
    injects: list[str] = field(default_factory=list)  # fired this turn, in order
    seed: int = 0  # the game's seed: the chance step's roll comes from it
    deal_moves: tuple[DealMove, ...] = ()
    deal_events: list[DealEvent] = field(default_factory=list)

    def apply(self, prepared: Prepared, cause: Cause) -> None:
        apply(self.draft, prepared, cause, self.facts)


def own_effects(turn: Turn) -> None:
    """1. Each order's own effects, sides in scenario order; the orders join the history. A false
    claim's claimed issues and force moves do not happen (game/engine/claims.py)."""
    for option in turn.options:
        prepared, cause = _own_effects(turn.scenario, option)
        if option.claim is not None and not claims.is_true(option, turn.draft.types):
            prepared = claims.own_effects(turn.scenario, option)
        turn.apply(prepared, cause)
    for option in turn.options:
        turn.draft.record_order(option.actor, option.id)
        claims.record(turn.draft, option)


def _own_effects(scenario: Scenario, option: Option) -> tuple[Prepared, Cause]:
    return memo(
        scenario,
        ("own effects and cause", option.id),
        lambda: (own_prepared(scenario, option), Cause("order", option.actor, option.id)),
    )


class _Reaction(NamedTuple):
    """How one reading of an order moves the world: worked out once per option and scenario."""

    effects: Prepared  # the reacting actor's `reactions.honoured` or `.crossed`, scaled by
    # the position's strength × the verdict's weight
    cause: Cause
    own: Prepared | None  # the position's own `if_crossed` / `if_honoured` response, if any
    own_cause: Cause
    key: tuple[str, str, str]  # (actor, issue, verdict): an own response comes once per turn
    stance: tuple[str, str]  # (issue, state) read
    raw: Effects  # the reaction before scaling
    scale: float  # strength × the verdict's weight


def _reactions(scenario: Scenario, option: Option) -> tuple[_Reaction, ...]:
    return memo(scenario, ("reactions", option.id), lambda: tuple(_reactions_of(scenario, option)))


def _reactions_of(scenario: Scenario, option: Option) -> list[_Reaction]:
    found = []
    for reading in read_option(scenario, option):
        position, verdict = reading.position, reading.verdict
        reactor = scenario.actor(position.actor)
        crossed = verdict == RED_LINE
        rule = "reaction_crossed" if crossed else "reaction_honoured"
        own = position.if_crossed if crossed else position.if_honoured if verdict == PREFERRED else None
        reaction = reactor.reactions.crossed if crossed else reactor.reactions.honoured
        found.append(
            _Reaction(
                prepare(scenario, reaction, position.strength * REACTION_WEIGHT[verdict]),
                Cause(rule, option.actor, option.id, reading=reading),
                None if own is None or own.is_empty() else prepare(scenario, own),
                Cause(
                    "red_line_response" if crossed else "demand_met", option.actor, option.id, reading=reading
                ),
                (position.actor, position.issue, verdict),
                (reading.issue_id, reading.state_id),
                reaction,
                position.strength * REACTION_WEIGHT[verdict],
            )
        )
    return found


def readings(turn: Turn) -> None:
    """2. Each order read against the other actors' positions: their reactions, scaled by strength,
    and each position's own response (once per position per turn)."""
    responded: set[tuple[str, str, str]] = set()
    draft, facts = turn.draft, turn.facts
    for option in turn.options:
        # each actor reacts by what it truly holds
        true = _as_its_readers_hold(turn, option) if draft.types else turn.scenario
        plain = _plain_reactions(true, option)
        if plain is not None:  # the common case, in one loop: no claim, no position's own response
            for rule, part, cause in plain:
                rule(draft, part, cause, facts)
            continue
        said = claims.claimed(option)
        for reaction in _reactions(true, option):
            if reaction.stance in said:  # a claim: each reacts by how far it believes it
                turn.apply(_believed(turn, true, option, reaction), reaction.cause)
            else:
                turn.apply(reaction.effects, reaction.cause)
            if reaction.own is not None and reaction.key not in responded:
                responded.add(reaction.key)
                turn.apply(reaction.own, reaction.own_cause)


def _plain_reactions(scenario: Scenario, option: Option) -> tuple[tuple[Any, Any, Cause], ...] | None:
    """The order's reactions as one list of effect steps, when nothing in them depends on the turn (the
    option makes no claim, and no reading sets off a position's own response); else None."""
    return memo(
        scenario, ("plain reactions", option.id), lambda: _flattened(_reactions(scenario, option), option)
    )


def _flattened(reactions: tuple[_Reaction, ...], option: Option) -> tuple[tuple[Any, Any, Cause], ...] | None:
    if option.claim is not None or any(r.own is not None for r in reactions):
        return None
    return tuple((rule, part, r.cause) for r in reactions for rule, part in r.effects)


def _as_its_readers_hold(turn: Turn, option: Option) -> Scenario:
    """The scenario with the true positions of the drawn types of those who hold a position the order
    touches. Only their types can change its reading, so the variants (each with its own memo of
    readings) are one per combination of their types, not of every typed side's: with many typed
    sides, the number of variants stays small."""
    sc, types = turn.scenario, turn.draft.types
    readers = memo(sc, ("typed readers", option.id), lambda: _typed_readers(sc, option))
    return typed(sc, {a: types[a] for a in readers if a in types})


def _typed_readers(scenario: Scenario, option: Option) -> tuple[str, ...]:
    """The actors with types who hold a position on an issue the order signals, in scenario order."""
    reading = readers_of(scenario, option)
    return tuple(a.id for a in scenario.actors if a.types and a.id in reading)


def _believed(turn: Turn, true: Scenario, option: Option, reaction: _Reaction) -> Prepared:
    """A reaction to a claim, scaled by the reactor's belief that it is true (to a tenth)."""
    share = round(claims.truth_share(turn.scenario, turn.draft, reaction.key[0], option), 1)
    key = ("claim reaction", option.id, reaction.key, share)
    return memo(true, key, lambda: prepare(true, reaction.raw, reaction.scale * share))


def beliefs(turn: Turn) -> None:
    """3. Each side's belief about the others' hidden types, moved by the orders it saw: costly acts
    more than words (game/engine/beliefs.py); intelligence moves its giver's toward the truth."""
    update_beliefs(turn.draft, turn.scenario, turn.options)
    claims.intelligence(turn.draft, turn.scenario, turn.options)


def injects(turn: Turn) -> None:
    """4. Instructor injects queued this turn, then scripted injects whose conditions now hold (each once)."""
    sc, draft = turn.scenario, turn.draft
    for inject_id in turn.instructor_injects:
        inject = sc.index.injects.get(inject_id)
        if inject is None:
            continue
        draft.fired_injects.add(inject.id)
        turn.injects.append(inject.id)
        turn.apply(_inject_effects(sc, inject), Cause("instructor_inject", inject_id=inject.id))
    for inject, when in _scripted(sc):
        if inject.id in draft.fired_injects:
            continue
        if when(sc, draft):
            draft.fired_injects.add(inject.id)
            turn.injects.append(inject.id)
            turn.apply(_inject_effects(sc, inject), Cause("inject", inject_id=inject.id))


def _scripted(scenario: Scenario) -> tuple[tuple[Inject, Check], ...]:
    """The scripted injects (not the instructor's own), each with its `when` bound once."""
    return memo(
        scenario,
        ("scripted injects",),
        lambda: tuple((i, all_of(i.when)) for i in scenario.injects if not i.instructor_only),
    )


def _inject_effects(scenario: Scenario, inject: Inject) -> Prepared:
    return memo(scenario, ("inject effects", inject.id), lambda: prepare(scenario, inject.effects))


def exposure(turn: Turn) -> None:
    """5. False claims shown up by intelligence, by news or by time: they cost their giver."""
    if turn.draft.claims:
        claims.expose(turn.draft, turn.scenario, turn.options, turn.injects, turn.apply)


def deals(turn: Turn) -> None:
    """6. Deals: answers to last turn's proposals, this turn's proposals, promises kept or broken,
    private deals that leak (game/engine/deals.py)."""
    turn.deal_events.extend(settle(turn.scenario, turn.draft, turn.deal_moves, turn.facts))


def ladder(turn: Turn) -> None:
    """7. A change of rung is recorded with the tension that caused it."""
    after = turn.scenario.rung_for(turn.draft.tension)
    if after.id != turn.rung_before.id:
        cause = Cause("ladder", tension=turn.draft.tension, rung_from=turn.rung_before.id)
        turn.facts.append(Fact("rung", "", turn.rung_before.id, after.id, cause))


def chance(turn: Turn) -> None:
    """8. On a rung with a chance, where this turn's orders left the crisis, one seeded roll
    may end the game in the chance's outcome: an incident nobody ordered."""
    rung = turn.scenario.rung_for(turn.draft.tension)
    if rung.chance is not None and strikes(rung, turn.seed, turn.draft.turn):
        turn.draft.outcome = rung.chance.outcome
        cause = Cause("chance", tension=turn.draft.tension, rung_from=rung.id)
        turn.facts.append(Fact("chance", rung.id, rung.chance.percent, rung.chance.outcome, cause))


def outcome(turn: Turn) -> None:
    """9. Outcomes in the scenario's order; past the turn limit, the default one (unless chance decided)."""
    sc, draft = turn.scenario, turn.draft
    if draft.outcome is not None:
        return
    for candidate, when in _reachable(sc):
        if when(sc, draft):
            draft.outcome = candidate.id
            return
    if draft.turn >= sc.turn_limit:
        draft.outcome = next((o.id for o in sc.outcomes if o.default), sc.outcomes[-1].id)


def _reachable(scenario: Scenario) -> tuple[tuple[Outcome, Check], ...]:
    """The outcomes with conditions (not the default), in order, each with its `when` bound once."""
    return memo(
        scenario,
        ("outcome checks",),
        lambda: tuple((o, all_of(o.when)) for o in scenario.outcomes if not o.default and o.when),
    )


def advance(turn: Turn) -> None:
    """10. The turn counter and the date advance."""
    turn.draft.next_turn(turn.scenario)


STEPS: tuple[Callable[[Turn], None], ...] = (
    own_effects,
    readings,
    beliefs,
    injects,
    exposure,
    deals,
    ladder,
    chance,
    outcome,
    advance,
)


def resolve(
    scenario: Scenario,
    state: GameState,
    orders: Mapping[str, str],
    instructor_injects: tuple[str, ...] = (),
    decisions: Mapping[str, Decision] | None = None,
    seed: int = 0,
    deal_moves: Sequence[DealMove] = (),
) -> tuple[GameState, TurnRecord]:
    """Resolve one turn from simultaneous orders (and any deal moves); the given state is left untouched.
    `seed` is the game's: a rung's chance is rolled from it (and the turn), so replays give the same roll."""
    if state.outcome is not None:
        raise IllegalOrder("the game is over")
    scenario = in_force(scenario, state)  # positions as they stand on this turn's date
    check_orders(scenario, state, orders)
    moves = _checked_moves(scenario, state, deal_moves)
    sides = scenario.acting_actors
    options = tuple(scenario.option(orders[a.id]) for a in sides)
    rung = scenario.rung_for(state.tension)
    draft = Draft(state)
    draft.accommodating = accommodating_types(scenario)
    turn = Turn(
        scenario,
        draft,
        options,
        tuple(instructor_injects),
        rung,
        seed=seed,
    )
    turn.deal_moves = moves
    for step in STEPS:
        step(turn)
    new = turn.draft.freeze()
    record = TurnRecord(
        turn=state.turn,
        date=state.date,
        orders=Orders((a.id, orders[a.id]) for a in sides),
        decisions=dict(decisions or {}),
        injects=tuple(turn.injects),
        outcome=new.outcome,
        tension_before=state.tension,
        tension_after=new.tension,
        facts=tuple(turn.facts),
        scenario=scenario,
        deal_events=tuple(turn.deal_events),
    )
    return new, record


def _checked_moves(scenario: Scenario, state: GameState, moves: Sequence[DealMove]) -> tuple[DealMove, ...]:
    """The deal moves, checked (IllegalOrder says why one is refused), in the scenario's order of sides."""
    if not moves:
        return ()
    try:
        check_moves(scenario, state, moves)
    except IllegalDeal as error:
        raise IllegalOrder(str(error)) from None
    order = {a.id: n for n, a in enumerate(scenario.acting_actors)}
    return tuple(sorted(moves, key=lambda m: order.get(m.actor, len(order))))
