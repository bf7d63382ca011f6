"""Computer players: each chooses by its own stated positions and meters, and can say why.

The utility of an option is a sum of named terms (own positions honoured or
crossed, urgency when an issue sits on one of its red lines, what rivals and
allies will make of it, meters, tension, the temperament's taste); the largest
terms become the explanation. Only the current state is read — never another
side's order for this turn.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from game.engine.changing import in_force
from game.engine.index import memo
from game.engine.readings import read_option, verdict_of
from game.engine.records import ACCEPTABLE, PREFERRED, RED_LINE, Decision, mid_sentence
from game.engine.resolve import option_status
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


def choose_temperaments(scenario: Scenario, seed: int, computer_sides: tuple[str, ...]) -> dict[str, str]:
    """A temperament per computer side, fixed for the whole game by the seed."""
    return {
        side: random.Random(f"{seed}:temperament:{side}").choice(sorted(TEMPERAMENTS))
        for side in computer_sides
    }


@dataclass(frozen=True, slots=True)
class _Term:
    value: float
    words: str
    stance: tuple[str, str] | None = None  # (issue, state) the term is about: repeats count for less


def _signalled(scenario: Scenario, state: GameState, actor_id: str) -> Counter:
    """How often this side's earlier orders signalled each (issue, state)."""
    stances = memo(scenario, ("stances",), lambda: {o.id: o.stances for o in scenario.options})
    return Counter(
        stance for _, actor, option_id in state.chosen if actor == actor_id for stance in stances[option_id]
    )


def _terms(
    scenario: Scenario,
    state: GameState,
    actor_id: str,
    option: Option,
    temperament: Temperament,
    signalled: Counter | None = None,
) -> list[_Term]:
    """All reasons for and against; the parts that do not depend on the state are computed once."""
    if signalled is None:
        signalled = _signalled(scenario, state, actor_id)
    fixed = memo(
        scenario,
        ("terms", actor_id, option.id, temperament.id),
        lambda: tuple(_fixed_terms(scenario, actor_id, option, temperament)),
    )
    # Saying the same thing again is worth less each time: an unanswered demand pushes a side
    # to a new kind of move (talks, pressure, force) instead of the same statement every turn.
    terms = [
        t
        if t.stance is None or t.value <= 0
        else _Term(t.value / (1 + signalled[t.stance]), t.words, t.stance)
        for t in fixed
    ]
    for issue_id, state_id in _touched(option).items():
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
                        f"{issue.name} now stands at “{issue.state(now).name}”, across its red line",
                    )
                )
    delta = option.effects.tension
    top = scenario.ladder[-1]
    if delta > 0 and state.tension < top.at <= state.tension + delta + 10:
        terms.append(_Term(-temperament.war_penalty, f"it risks tipping the crisis into “{top.name}”"))
    if state.last_choice(actor_id) == option.id:
        terms.append(_Term(-1.5, "it was tried last turn"))
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


def _fixed_terms(scenario: Scenario, actor_id: str, option: Option, temperament: Temperament) -> list[_Term]:
    actor = scenario.actor(actor_id)
    terms: list[_Term] = []
    for issue_id, state_id in _touched(option).items():
        issue = scenario.issue(issue_id)
        for position in scenario.positions_on(issue_id):
            if position.actor != actor_id:
                continue
            verdict = verdict_of(position, state_id)
            if verdict is not None:
                words = {
                    PREFERRED: "is what it wants",
                    ACCEPTABLE: "is something it can accept",
                    RED_LINE: "would cross its own red line",
                }[verdict]
                # Fixed terms hold for the whole game, so they quote only what was said by its start.
                quote = (
                    cite(position, scenario.start_date) if cites_words(position, scenario.start_date) else ""
                )
                terms.append(
                    _Term(
                        OWN_WEIGHT[verdict] * position.strength,
                        f"“{issue.state(state_id).name}” on {issue.name} {words}"
                        + (f" ({quote})" if quote and verdict == PREFERRED else ""),
                        (issue_id, state_id),
                    )
                )
    for reading in read_option(scenario, option):
        other = scenario.actor(reading.actor_id)
        friend = relation(scenario, actor_id, other.id)
        if reading.verdict == RED_LINE:
            weight = -2.0 if friend else temperament.rival_red_line
            words = (
                f"it crosses the red line of its {friend} {other.short_name}"
                if friend
                else f"it defies {possessive(other.short_name)} red line"
            )
        else:
            share = 1.0 if reading.verdict == PREFERRED else 0.5
            weight = (1.0 if friend else temperament.rival_honoured) * share
            words = (
                f"it reassures its {friend} {other.short_name}"
                if friend
                else f"it meets {other.short_name} part of the way"
            )
        terms.append(_Term(weight * reading.strength, words, (reading.issue_id, reading.state_id)))
    for change in option.effects.meters:
        if change.actor == actor_id:
            meter = actor.meter(change.meter)
            span = max(1, meter.max - meter.min)
            terms.append(
                _Term(
                    12.0 * change.delta / span,
                    f"it {'builds' if change.delta > 0 else 'costs'} {mid_sentence(meter.name)}",
                )
            )
    delta = option.effects.tension
    if delta:
        terms.append(
            _Term(
                temperament.tension_weight * delta, "it raises tension" if delta > 0 else "it lowers tension"
            )
        )
    taste = temperament.category_taste.get(option.category, 0.0)
    if taste:
        terms.append(
            _Term(
                taste,
                f"a {temperament.name} leadership favours {option.category} moves"
                if taste > 0
                else f"a {temperament.name} leadership distrusts {option.category} moves",
            )
        )
    return terms


def decide(scenario: Scenario, state: GameState, actor_id: str, temperament_id: str, seed: int) -> Decision:
    """The computer's order for one side this turn, with its reasons in a sentence."""
    temperament = TEMPERAMENTS[temperament_id]
    scenario = in_force(scenario, state)  # read positions as they stand now
    rng = random.Random(f"{seed}:{state.turn}:{actor_id}:{len(state.chosen)}")
    candidates = []
    signalled = _signalled(scenario, state, actor_id)
    for option in scenario.options_of(actor_id):
        if not option_status(scenario, state, option)[0]:
            continue
        terms = _terms(scenario, state, actor_id, option, temperament, signalled)
        score = sum(t.value for t in terms) + rng.gauss(0.0, temperament.noise)
        candidates.append((score, option, terms))
    if not candidates:
        raise ValueError(f"{scenario.actor(actor_id).name} has no option it may order this turn")
    _, option, terms = max(candidates, key=lambda c: c[0])
    return Decision(
        actor_id, option.id, explain(scenario, actor_id, option, terms, temperament), temperament.id
    )


def explain(
    scenario: Scenario, actor_id: str, option: Option, terms: list[_Term], temperament: Temperament
) -> str:
    actor = scenario.actor(actor_id)
    # One reason met on two issues (a red line crossed twice) is one reason, counted at its full weight.
    weights: dict[str, float] = {}
    for term in terms:
        weights[term.words] = weights.get(term.words, 0.0) + term.value
    pros = [w for w, v in sorted(weights.items(), key=lambda wv: -wv[1]) if v > 0][:2]
    cons = [w for w, v in sorted(weights.items(), key=lambda wv: wv[1]) if v < 0][:1]
    text = f"{actor.name} ({temperament.name}) orders “{option.label}”"
    text += (" because " + " and ".join(pros)) if pros else " as the least bad choice open to it"
    if cons:
        text += f", although {cons[0]}"
    return text + "."
