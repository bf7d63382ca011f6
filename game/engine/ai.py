"""Computer players: each chooses by its own stated positions and meters, and can say why.

The utility of an option is a sum of named terms (own positions honoured or
crossed, urgency when an issue sits on one of its red lines, what rivals and
allies will make of it, meters, tension, the temperament's taste); the largest
terms become the explanation. Only the current state is read — never another
side's order for this turn.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from operator import itemgetter

from game.engine import reckoning
from game.engine.changing import in_force
from game.engine.conditions import Check
from game.engine.dispositions import draw_types, typed_one
from game.engine.gravity import ends_game
from game.engine.index import memo
from game.engine.readings import read_option, verdict_of
from game.engine.records import ACCEPTABLE, PREFERRED, RED_LINE, Decision, mid_sentence
from game.engine.resolve import availability
from game.engine.state import GameState
from game.scenario.evidence import cite, cites_words
from game.scenario.model import Option, Scenario
from game.wording import possessive


@dataclass(frozen=True, slots=True)
class Temperament:
    id: str
    name: str
    tension_weight: float  # utility per point of tension the option itself adds
    rival_red_line: float  # per strength point, for crossing a rival's red line
    rival_honoured: float  # per strength point, for honouring a rival's wish
    war_penalty: float  # when the option would carry tension to the top rung
    category_taste: dict[str, float]
    noise: float  # spread of the seeded random term: people are not machines


TEMPERAMENTS = {
    "cautious": Temperament(
        "cautious",
        "cautious",
        -0.35,
        -2.0,
        0.8,
        25.0,
        {"diplomatic": 1.5, "economic": 0.5, "signalling": 0.0, "military": -1.0},
        2.0,
    ),
    "hard_line": Temperament(
        "hard_line",
        "hard-line",
        0.15,
        0.8,
        -0.8,
        6.0,
        {"diplomatic": -0.5, "economic": 0.5, "signalling": 1.0, "military": 1.5},
        2.0,
    ),
}

OWN_WEIGHT = {PREFERRED: 3.0, ACCEPTABLE: 1.0, RED_LINE: -8.0}
NO_REASON = frozenset({"it raises tension"})


def choose_temperaments(
    scenario: Scenario, seed: int, computer_sides: tuple[str, ...], types: Mapping[str, str] | None = None
) -> dict[str, str]:
    """A temperament per computer side, fixed for the whole game: a side with hidden types takes
    its type's (an accommodating type is cautious, any other hard-line), so the type, not a coin,
    is what varies; a side without types draws one from the seed, as before."""
    drawn = draw_types(scenario, seed) if types is None else types
    chosen = {}
    for side in computer_sides:
        actor_types = scenario.actor(side).types
        actor_type = next((t for t in actor_types if t.id == drawn.get(side)), None)
        if actor_type is not None and len(actor_types) > 1:
            chosen[side] = "cautious" if actor_type.accommodating else "hard_line"
        else:
            chosen[side] = random.Random(f"{seed}:temperament:{side}").choice(sorted(TEMPERAMENTS))
    return chosen


@dataclass(frozen=True, slots=True)
class _Term:
    value: float
    words: str
    stance: tuple[str, str] | None = None  # (issue, state) the term is about: repeats count for less
    reason: bool = False  # from its own true positions or its beliefs: may justify a grave step


def _signalled(scenario: Scenario, state: GameState, actor_id: str) -> dict[tuple[str, str], int]:
    """How often this side's earlier orders signalled each (issue, state)."""
    stances = memo(scenario, ("stances",), lambda: {o.id: o.stances for o in scenario.options})
    counts: dict[tuple[str, str], int] = {}
    for option_id in state.chosen_by.get(actor_id, ()):  # a loop, not a Counter: asked at every choice
        for stance in stances[option_id]:
            counts[stance] = counts.get(stance, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class _Plan:
    """What can be worked out once about one option for one side and temperament: its terms as
    numbers, and the own red lines whose urgency depends on the state."""

    option: Option
    fixed: tuple[float, ...]  # the value of each fixed term, in order
    stances: tuple[tuple[str, str] | None, ...]  # the stance of each, when repeating it counts for less
    repeatable: frozenset[tuple[str, str]]  # those stances
    urgent: tuple[tuple[str, str, tuple[str, ...], int], ...]  # (issue, state, red lines, strength)
    typed: tuple[reckoning.TypedTerm, ...]  # its worth against each actor with types, per type
    own: float  # what its own true positions make of it (a reason, when above 0)
    vital: bool  # it crosses one of its own vital (strength 3) red lines
    fixed_sum: float  # sum(fixed), the start of every score while no stance repeats
    terms: tuple[tuple[float, tuple[str, str] | None], ...]  # (value, stance) of each fixed term
    check: Check | None  # whether its option may be ordered now (None: while the game goes on)
    tension: int  # the tension its own effects add


def _plans(
    scenario: Scenario, actor_id: str, temperament: Temperament, own_type: str | None = None
) -> tuple[_Plan, ...]:
    return memo(
        scenario,
        ("plans", actor_id, temperament.id, own_type),
        lambda: tuple(
            _plan(scenario, actor_id, o, temperament, own_type) for o in scenario.options_of(actor_id)
        ),
    )


def _plan(
    scenario: Scenario, actor_id: str, option: Option, temperament: Temperament, own_type: str | None
) -> _Plan:
    terms = _fixed(scenario, actor_id, option, temperament, own_type)
    urgent = tuple(
        (issue_id, state_id, position.red_lines, position.strength)
        for issue_id, state_id in _touched(meant(option, own_type)).items()
        for position in scenario.positions_on(issue_id)
        if position.actor == actor_id and position.red_lines  # without red lines, never urgent
    )
    stances = tuple(t.stance if t.value > 0 else None for t in terms)
    repeatable = frozenset(s for s in stances if s is not None)
    typed = reckoning.tables(scenario, actor_id, option, _friends(scenario, actor_id))
    own = sum(t.value for t in terms if t.reason)
    vital = any(t.value <= OWN_WEIGHT[RED_LINE] * 3 for t in terms if t.reason)
    fixed = tuple(t.value for t in terms)
    return _Plan(
        option,
        fixed,
        stances,
        repeatable,
        urgent,
        typed,
        own,
        vital,
        sum(fixed),
        tuple(zip(fixed, stances, strict=True)),
        availability(option),
        option.effects.tension,
    )


def _friends(scenario: Scenario, actor_id: str) -> dict[str, str]:
    return {s: relation(scenario, actor_id, s) for s in reckoning.subjects(scenario, actor_id)}


def _score(
    scenario: Scenario,
    state: GameState,
    plan: _Plan,
    temperament: Temperament,
    signalled: Mapping[tuple[str, str], int],
    last: str | None,
    beliefs: Mapping[str, Mapping[str, float]],
) -> float:
    """The sum of `_terms` as plain numbers, added in the same order (so to the same float: the fixed
    terms' sum is the first part of that sum, and the rest is added to it term by term)."""
    if signalled and not plan.repeatable.isdisjoint(signalled):
        score = sum([v if s is None else v / (1 + signalled.get(s, 0)) for v, s in plan.terms])
    else:
        score = plan.fixed_sum
    for issue_id, state_id, red_lines, strength in plan.urgent:
        now = state.issues[issue_id]
        if now in red_lines and state_id != now and state_id not in red_lines:
            score += 2.0 * strength
    delta = plan.tension
    if delta > 0 and state.tension < scenario.ladder[-1].at <= state.tension + delta + 10:
        score += -temperament.war_penalty
    if last == plan.option.id:
        score += -1.5
    if plan.typed:
        score += reckoning.mix(plan.typed, beliefs)
    if plan.option.intelligence is not None:
        score += reckoning.worth_knowing(scenario, state, plan.option)
    return score


def _fixed(
    scenario: Scenario, actor_id: str, option: Option, temperament: Temperament, own_type: str | None = None
) -> tuple[_Term, ...]:
    return memo(
        scenario,
        ("terms", actor_id, option.id, temperament.id, own_type),
        lambda: tuple(_fixed_terms(scenario, actor_id, option, temperament, own_type)),
    )


def meant(option: Option, own_type: str | None) -> Option:
    """The option as its giver means it: a claim false for its type does not do what it says."""
    claim = option.claim
    if claim is None or own_type is None or own_type in claim.true_for:
        return option
    said = {issue for issue, _ in claim.says}
    stances = tuple(s for s in option.stances if s[0] not in said)
    issues = tuple(s for s in option.effects.issues if s[0] not in said)
    return replace(option, stances=stances, effects=replace(option.effects, issues=issues, moves=()))


def _terms(
    scenario: Scenario,
    state: GameState,
    actor_id: str,
    option: Option,
    temperament: Temperament,
    signalled: Mapping[tuple[str, str], int] | None = None,
    own_type: str | None = None,
) -> list[_Term]:
    """All reasons for and against, in words: only the chosen option's are ever needed."""
    if signalled is None:
        signalled = _signalled(scenario, state, actor_id)
    # Saying the same thing again is worth less each time: an unanswered demand pushes a side
    # to a new kind of move (talks, pressure, force) instead of the same statement every turn.
    terms = [
        t
        if t.stance is None or t.value <= 0
        else _Term(t.value / (1 + signalled.get(t.stance, 0)), t.words, t.stance, t.reason)
        for t in _fixed(scenario, actor_id, option, temperament, own_type)
    ]
    for issue_id, state_id in _touched(meant(option, own_type)).items():
        issue = scenario.issue(issue_id)
        now = state.issues[issue_id]
        for position in scenario.positions_on(issue_id):
            if (
                position.actor == actor_id
                and now in position.red_lines
                and state_id != now
                and state_id not in position.red_lines
            ):
                terms.append(
                    _Term(
                        2.0 * position.strength,
                        f"{issue.name} now stands at “{issue.state(now).name}”, "
                        + (
                            "against its aims"
                            if len(scenario.actor(actor_id).types) > 1
                            else "across its red line"
                        ),
                        reason=True,
                    )
                )
    delta = option.effects.tension
    top = scenario.ladder[-1]
    if delta > 0 and state.tension < top.at <= state.tension + delta + 10:
        terms.append(_Term(-temperament.war_penalty, f"it risks tipping the crisis into “{top.name}”"))
    if state.last_choice(actor_id) == option.id:
        terms.append(_Term(-1.5, "it was tried last turn"))
    return terms + _belief_terms(scenario, state, actor_id, option)


def _belief_terms(scenario: Scenario, state: GameState, actor_id: str, option: Option) -> list[_Term]:
    """What its beliefs about others' hidden types make of the option, and what knowing would be worth."""
    terms = []
    for typed in reckoning.tables(scenario, actor_id, option, _friends(scenario, actor_id)):
        value, words = reckoning.words(scenario, state, actor_id, typed)
        if value:
            terms.append(_Term(value, words, reason=True))
    worth = reckoning.worth_knowing(scenario, state, option)
    if option.intelligence is not None and worth:
        about = scenario.actor(option.intelligence.about).short_name
        terms.append(_Term(worth, f"it would learn what {about} intends"))
    return terms


def _touched(option: Option) -> dict[str, str]:
    touched = dict(option.stances)
    touched.update(dict(option.effects.issues))
    return touched


def relation(scenario: Scenario, actor_id: str, other_id: str) -> str:
    """'ally' (same side), 'partner' (wants what the actor wants more often than it refuses it),
    or '' for a rival — read from the stated positions, not from a table per scenario."""
    if scenario.actor(actor_id).side == scenario.actor(other_id).side:
        return "ally"
    return memo(scenario, ("relation", actor_id, other_id), lambda: _partner(scenario, actor_id, other_id))


def _partner(scenario: Scenario, actor_id: str, other_id: str) -> str:
    agreement = 0
    for mine in scenario.positions_of(actor_id):
        for theirs in scenario.positions_on(mine.issue):
            if theirs.actor != other_id:
                continue
            wanted = set(mine.preferred)
            if wanted & (set(theirs.preferred) | set(theirs.acceptable)):
                agreement += 1
            if wanted & set(theirs.red_lines) or set(theirs.preferred) & set(mine.red_lines):
                agreement -= 1
    return "partner" if agreement > 0 else ""


def _fixed_terms(
    scenario: Scenario, actor_id: str, option: Option, temperament: Temperament, own_type: str | None
) -> list[_Term]:
    """The terms that do not depend on the state, in the order they are added up."""
    return [
        *_own_position_terms(scenario, actor_id, meant(option, own_type)),
        *_reading_terms(scenario, actor_id, option, temperament, _deceit(option, own_type)),
        *_own_cost_terms(scenario, actor_id, option, temperament),
    ]


_OWN_WORDS = {
    PREFERRED: "is what it wants",
    ACCEPTABLE: "is something it can accept",
    RED_LINE: "would cross its own red line",
}


def _own_position_terms(scenario: Scenario, actor_id: str, option: Option) -> list[_Term]:
    """What the option means for this side's own stated positions."""
    terms: list[_Term] = []
    for issue_id, state_id in _touched(option).items():
        issue = scenario.issue(issue_id)
        for position in scenario.positions_on(issue_id):
            verdict = verdict_of(position, state_id) if position.actor == actor_id else None
            if verdict is None:
                continue
            # Fixed terms hold for the whole game, so they quote only what was said by its start.
            said = cites_words(position, scenario.start_date)
            quote = cite(position, scenario.start_date) if said else ""
            hidden = (
                len(scenario.actor(actor_id).types) > 1
            )  # its true positions are not told (docs/rules.md)
            shown = quote and verdict == PREFERRED and not hidden
            how = (
                ("goes against its aims" if verdict == RED_LINE else "suits its aims")
                if hidden
                else _OWN_WORDS[verdict]
            )
            words = f"“{issue.state(state_id).name}” on {issue.name} {how}"
            terms.append(
                _Term(
                    OWN_WEIGHT[verdict] * position.strength,
                    words + (f" ({quote})" if shown else ""),
                    (issue_id, state_id),
                    reason=True,
                )
            )
    return terms


def _deceit(option: Option, own_type: str | None) -> frozenset[tuple[str, str]]:
    """What a claim false for the giver's type says: a rival's wish it seems to meet but will not."""
    claim = option.claim
    if claim is None or own_type is None or own_type in claim.true_for:
        return frozenset()
    return frozenset(claim.says)


def _reading_terms(
    scenario: Scenario,
    actor_id: str,
    option: Option,
    temperament: Temperament,
    deceit: frozenset[tuple[str, str]] = frozenset(),
) -> list[_Term]:
    """What allies, partners and rivals will make of the option."""
    terms: list[_Term] = []
    typed = reckoning.subjects(scenario, actor_id)
    for reading in read_option(scenario, option):
        if reading.actor_id in typed:  # weighed by belief about its type instead (reckoning.py)
            continue
        other = scenario.actor(reading.actor_id)
        friend = relation(scenario, actor_id, other.id)
        if reading.verdict == RED_LINE:
            weight = -2.0 if friend else temperament.rival_red_line
            words = (
                f"it crosses the red line of its {friend} {other.short_name}"
                if friend
                else f"it defies {possessive(other.short_name)} red line"
            )
        elif (reading.issue_id, reading.state_id) in deceit and not friend:  # a false claim: it buys time
            weight = 1.0 * (1.0 if reading.verdict == PREFERRED else 0.5)
            words = f"{other.short_name} may believe it, and lower its guard"
        else:
            share = 1.0 if reading.verdict == PREFERRED else 0.5
            weight = (1.0 if friend else temperament.rival_honoured) * share
            words = (
                f"it reassures its {friend} {other.short_name}"
                if friend
                else f"it meets {other.short_name} part of the way"
            )
        terms.append(_Term(weight * reading.strength, words, (reading.issue_id, reading.state_id)))
    return terms


def _own_cost_terms(
    scenario: Scenario, actor_id: str, option: Option, temperament: Temperament
) -> list[_Term]:
    """Its own meters, the tension it adds, and the temperament's taste for its kind of move."""
    actor = scenario.actor(actor_id)
    terms: list[_Term] = []
    for change in option.effects.meters:
        if change.actor == actor_id:
            meter = actor.meter(change.meter)
            span = max(1, meter.max - meter.min)
            verb = "builds" if change.delta > 0 else "costs"
            terms.append(_Term(12.0 * change.delta / span, f"it {verb} {mid_sentence(meter.name)}"))
    delta = option.effects.tension
    if delta:
        words = "it raises tension" if delta > 0 else "it lowers tension"
        terms.append(_Term(temperament.tension_weight * delta, words))
    taste = temperament.category_taste.get(option.category, 0.0)
    if taste:
        liking = "favours" if taste > 0 else "distrusts"
        terms.append(_Term(taste, f"its leadership {liking} {option.category} moves"))  # temperament untold
    return terms


def decide(
    scenario: Scenario,
    state: GameState,
    actor_id: str,
    temperament_id: str,
    seed: int,
    allowed: frozenset[str] | None = None,
) -> Decision:
    """The computer's order for one side this turn; its reasons are put into words when first read."""
    temperament = TEMPERAMENTS[temperament_id]
    scenario = in_force(scenario, state)  # read positions as they stand now
    own_type = state.types.get(actor_id)
    if own_type is not None:  # its own positions as it truly holds them; the others' as they state them
        scenario = typed_one(scenario, actor_id, own_type)
    open_plans = _open_plans(scenario, state, _plans(scenario, actor_id, temperament, own_type), allowed)
    if not open_plans:
        raise ValueError(f"{scenario.actor(actor_id).name} has no option it may order this turn")
    if len(open_plans) == 1:  # no choice to weigh (a delegate with one option): nothing to score or draw
        option = open_plans[0][1].option
    else:
        rng = random.Random(f"{seed}:{state.turn}:{actor_id}:{len(state.chosen)}")
        signalled = _signalled(scenario, state, actor_id)
        last = state.last_choice(actor_id)
        beliefs = reckoning.beliefs_now(scenario, state, actor_id)
        scored = [
            (
                _score(scenario, state, plan, temperament, signalled, last, beliefs)
                + rng.gauss(0.0, temperament.noise),
                i,
                plan,
            )
            for i, plan in open_plans
        ]
        option = _with_reason(scenario, state, scored).option

    def why() -> str:  # the state is immutable: the words come out the same whenever they are asked for
        signalled = _signalled(scenario, state, actor_id)
        terms = _terms(scenario, state, actor_id, option, temperament, signalled, own_type)
        if grave(scenario, state, actor_id, meant(option, own_type)):  # a grave step: its reasons alone
            terms = [t for t in terms if t.reason or t.value < 0]
        return explain(scenario, actor_id, option, terms, temperament)

    return Decision(actor_id, option.id, why, temperament.id)


def _open_plans(
    scenario: Scenario, state: GameState, plans: tuple[_Plan, ...], allowed: frozenset[str] | None
) -> list[tuple[int, _Plan]]:
    """The plans whose options may be ordered now (and are allowed), with their place in the list."""
    over = state.outcome is not None
    return [
        (i, plan)
        for i, plan in enumerate(plans)
        if (allowed is None or plan.option.id in allowed)
        and (plan.check(scenario, state) if plan.check is not None else not over)
    ]


def _with_reason(scenario: Scenario, state: GameState, scored: list[tuple[float, int, _Plan]]) -> _Plan:
    """The best-scored plan that is not grave, or grave with a reason of the side's own.

    Grave: ordering it would end the game while raising tension (an outcome's conditions met by its
    own effects), or it crosses one of the side's own vital red lines. Then its own true positions, the urgency of a
    red line already crossed, and its beliefs must add up to a reason; the tension it adds and a
    temperament's taste never do. With none acceptable, the best is taken as the least bad.
    """
    best = max(scored, key=itemgetter(0))[2]  # max keeps the first of equal scores (lowest index), as before
    if (not best.vital and best.tension <= 0) or _acceptable(scenario, state, best):
        return best
    ranked = sorted(scored, key=lambda s: (-s[0], s[1]))
    return next((plan for _, _, plan in ranked[1:] if _acceptable(scenario, state, plan)), best)


def _acceptable(scenario: Scenario, state: GameState, plan: _Plan) -> bool:
    """Not grave, or grave with a reason; the cheap questions first, so the ending is seldom tried out."""
    if not plan.vital and plan.option.effects.tension <= 0:
        return True
    return _reason(scenario, state, plan) > 0 or not (
        plan.vital or _escalating_end(scenario, state, plan.option)
    )


def _escalating_end(scenario: Scenario, state: GameState, option: Option) -> bool:
    """An order that ends the game and raises tension (war, an invasion, independence declared). An
    ending bought by lowering tension (a settlement, a climb-down) is a choice to stop, not grave."""
    return option.effects.tension > 0 and ends_game(scenario, state, option)


def _reason(scenario: Scenario, state: GameState, plan: _Plan) -> float:
    total = plan.own
    for issue_id, state_id, red_lines, strength in plan.urgent:
        now = state.issues[issue_id]
        if now in red_lines and state_id != now and state_id not in red_lines:
            total += 2.0 * strength
    if plan.typed:
        total += reckoning.mixed(scenario, state, plan.option.actor, plan.typed)
    return total


def grave(scenario: Scenario, state: GameState, actor_id: str, option: Option) -> bool:
    """Whether ordering the option would end the game while raising tension, or cross the side's own
    vital red line (for tests and the explanation)."""
    return _escalating_end(scenario, state, option) or any(
        p.strength == 3 and s in p.red_lines
        for i, s in _touched(option).items()
        for p in scenario.positions_on(i)
        if p.actor == actor_id
    )


def explain(
    scenario: Scenario, actor_id: str, option: Option, terms: list[_Term], temperament: Temperament
) -> str:
    actor = scenario.actor(actor_id)
    # One reason met on two issues (a red line crossed twice) is one reason, counted at its full weight.
    weights: dict[str, float] = {}
    for term in terms:
        weights[term.words] = weights.get(term.words, 0.0) + term.value
    # Raising tension is never a reason in itself: it is listed against, never for.
    pros = [w for w, v in sorted(weights.items(), key=lambda wv: -wv[1]) if v > 0 and w not in NO_REASON][:2]
    cons = [w for w, v in sorted(weights.items(), key=lambda wv: wv[1]) if v < 0][:1]
    text = f"{actor.name} orders “{option.label}”"  # its temperament is told after the game (lesson.reveal)
    text += (" because " + " and ".join(pros)) if pros else " as the least bad choice open to it"
    if cons:
        text += f", although {cons[0]}"
    return text + "."
