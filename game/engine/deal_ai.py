"""Computer sides and deals: how one reads a bundle, answers, proposes, and keeps (or breaks) its word.

A bundle is read like an order, term by term, against the side's true
positions: each issue state it would bring about counts as in game/engine/ai.py
(wish 3 × strength, acceptable 1 × strength, red line −8 × strength), what the
others promise is discounted by how far the side trusts them to keep their word,
its own promised orders cost what they cost its meters, and its temperament and
type add their taste for agreements. A vital red line in the bundle is refused
outright. The words ("rejects: ...", "accepts: ...") are made only when read.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from game.engine.ai import OWN_WEIGHT, TEMPERAMENTS, Temperament, decide, grave, meant
from game.engine.beliefs import as_held_by, belief
from game.engine.changing import in_force
from game.engine.deal_values import ACCEPT, ACCEPTED, COUNTER, PROPOSE, REJECT, Deal, DealMove
from game.engine.deals import breaches, can_propose, in_force_for, pending_for, touched
from game.engine.dispositions import typed_one
from game.engine.index import memo
from game.engine.readings import verdict_of
from game.engine.records import PREFERRED, RED_LINE, Decision, mid_sentence
from game.engine.resolve import option_available
from game.engine.state import GameState
from game.engine.trust import own_type_accommodating, trust
from game.scenario.model import Option, Scenario
from game.scenario.proposals import Proposal

NOISE = 1.5  # spread of the seeded term in an answer
FAITH = 0.5  # what another's promise is worth against one's own, at even trust (0.5)
PROPOSE_AT = 5.0  # a side proposes a bundle only when it values it this much
BREAK_CHANCE = {"cautious": 0.05, "hard_line": 0.3}  # per turn a deal binds it


@dataclass(frozen=True, slots=True)
class Part:
    """One reason for or against a bundle."""

    value: float
    words: str
    vital: bool = False


def _rng(seed: int, state: GameState, actor_id: str) -> random.Random:
    return random.Random(f"{seed}:deal:{state.turn}:{actor_id}")


def _brought_about(scenario: Scenario, actor_id: str, proposal: Proposal) -> dict[tuple[str, str], str]:
    """(issue, state) -> the party that brings it about: promised orders, accepted states, the agreement."""
    if proposal.composed:
        return _bundle_states(scenario, actor_id, proposal)
    key = ("deal states", actor_id, proposal.id)
    return memo(scenario, key, lambda: _bundle_states(scenario, actor_id, proposal))


def _bundle_states(scenario: Scenario, actor_id: str, proposal: Proposal) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for issue, state in proposal.effects.issues if proposal.effects is not None else ():
        found.setdefault((issue, state), proposal.by)
    for term in proposal.terms:
        if term.orders:
            for issue, state in touched(scenario, term.orders[0]).items():
                found.setdefault((issue, state), term.party)
        for issue, states in term.accepts:
            for state in states[:1] if term.party == actor_id else states:
                found.setdefault((issue, state), term.party)
    return found


def appraise(scenario: Scenario, state: GameState, actor_id: str, proposal: Proposal) -> list[Part]:
    """The reasons for and against the bundle, as the actor's true positions read them."""
    faith = _faith(scenario, state, actor_id, proposal)
    return [
        Part(value * faith if on_trust else value, words, vital)
        for value, on_trust, vital, words in _reading(scenario, state, actor_id, proposal)
    ]


def _worth(scenario: Scenario, state: GameState, actor_id: str, proposal: Proposal) -> float:
    """The sum of `appraise`'s values, added in the same order (so to the same float), without its words."""
    faith = _faith(scenario, state, actor_id, proposal)
    return sum(
        value * faith if on_trust else value
        for value, on_trust, _, _ in _reading(scenario, state, actor_id, proposal)
    )


def _faith(scenario: Scenario, state: GameState, actor_id: str, proposal: Proposal) -> float:
    others = [p for p in proposal.parties if p != actor_id]
    return 2 * FAITH * min((trust(scenario, state, actor_id, o) for o in others), default=0.5)


_Reading = tuple[tuple[float, bool, bool, str], ...]  # per part: value, discounted by trust?, vital?, words


def _reading(scenario: Scenario, state: GameState, actor_id: str, proposal: Proposal) -> _Reading:
    """The bundle's parts before trust: worked out once per proposal and set of positions the actor
    truly holds (a ready-made proposal is read thousands of times in a batch of games)."""
    held = as_held_by(scenario, state, actor_id)
    if proposal.composed:
        return _read(held, actor_id, proposal)
    return memo(held, ("bundle reading", actor_id, proposal.id), lambda: _read(held, actor_id, proposal))


def _read(held: Scenario, actor_id: str, proposal: Proposal) -> _Reading:
    positions = {p.issue: p for p in held.positions_of(actor_id)}
    parts: list[tuple[float, bool, bool, str]] = []
    for (issue_id, state_id), party in _brought_about(held, actor_id, proposal).items():
        position = positions.get(issue_id)
        verdict = verdict_of(position, state_id) if position is not None else None
        if position is None or verdict is None:
            continue
        value = OWN_WEIGHT[verdict] * position.strength
        on_trust = value > 0 and party != actor_id  # what others promise is worth what their word is worth
        issue = held.issue(issue_id)
        words = f"{_VERDICT_WORDS[verdict]} {issue.name} (“{issue.state(state_id).name}”)"
        parts.append((value, on_trust, verdict == RED_LINE and position.strength >= 3, words))
    parts += [(p.value, False, p.vital, p.words) for p in _own_costs(held, actor_id, proposal)]
    return tuple(parts)


_VERDICT_WORDS = {
    PREFERRED: "its wish on",
    "acceptable": "what it can accept on",
    RED_LINE: "its red line on",
}


def _own_costs(scenario: Scenario, actor_id: str, proposal: Proposal) -> list[Part]:
    actor = scenario.actor(actor_id)
    changes = list(proposal.effects.meters) if proposal.effects is not None else []
    promised = proposal.term(actor_id).orders
    if promised:
        changes += list(scenario.option(promised[0]).effects.meters)
    parts = []
    for change in changes:
        if change.actor == actor_id:
            meter = actor.meter(change.meter)
            span = max(1, meter.max - meter.min)
            parts.append(Part(12.0 * change.delta / span, f"{mid_sentence(meter.name)} ({change.delta:+d})"))
    return parts


def _taste(scenario: Scenario, state: GameState, actor_id: str, temperament: Temperament) -> float:
    own = own_type_accommodating(scenario, state, actor_id)
    return (
        2 * temperament.category_taste.get("diplomatic", 0.0)
        - 1.0
        + (0.0 if own is None else 1.0 if own else -1.0)
    )


# ---------------------------------------------------------------- answering
def answer(
    scenario: Scenario, state: GameState, actor_id: str, deal: Deal, temperament_id: str, seed: int
) -> DealMove:
    """Accept, reject or counter a proposal made to the side last turn, with its reason in words."""
    temperament = TEMPERAMENTS[temperament_id]
    proposal = deal.bundle(scenario)
    parts = appraise(scenario, state, actor_id, proposal)
    score = sum(p.value for p in parts) + _taste(scenario, state, actor_id, temperament)
    score += _rng(seed, state, actor_id).gauss(0.0, NOISE)
    vital = next((p for p in parts if p.vital), None)
    if vital is None and score > 0:
        return DealMove(
            actor_id, ACCEPT, deal.number, why=lambda: _accepts(scenario, state, actor_id, proposal, parts)
        )
    counter = _counter(scenario, state, actor_id, proposal, temperament)
    why = _rejects_words(parts, vital)
    if counter is not None:
        title = counter.title
        return DealMove(actor_id, COUNTER, deal.number, counter, lambda: f"{why()}; counters with “{title}”")
    return DealMove(actor_id, REJECT, deal.number, why=why)


def _counter(
    scenario: Scenario, state: GameState, actor_id: str, refused: Proposal, temperament: Temperament
) -> Proposal | None:
    for candidate in scenario.proposals:
        if refused.id and refused.id in candidate.counters and candidate.by == actor_id:
            if can_propose(scenario, state, actor_id, candidate):
                continue
            if (
                _worth(scenario, state, actor_id, candidate) + _taste(scenario, state, actor_id, temperament)
                > 0
            ):
                return candidate
    return None


def _accepts(
    scenario: Scenario, state: GameState, actor_id: str, proposal: Proposal, parts: list[Part]
) -> str:
    best = max(parts, key=lambda p: p.value, default=None)
    worst = min(parts, key=lambda p: p.value, default=None)
    gain = f"honours {best.words}" if best is not None and best.value > 0 else "it is the least bad way out"
    cost = (
        f"costs it only {worst.words}"
        if worst is not None and worst.value < 0
        else "costs it nothing it holds dear"
    )
    text = f"accepts: {gain} and {cost}"
    others = [p for p in proposal.parties if p != actor_id]
    if others and belief(state, actor_id, others[0]):
        share = round(100 * trust(scenario, state, actor_id, others[0]))
        text += f", reading {scenario.actor(others[0]).short_name} as about {share} % likely to keep its word"
    return text


def _rejects_words(parts: list[Part], vital: Part | None) -> Callable[[], str]:
    def words() -> str:
        if vital is not None:
            return (
                f"rejects: the bundle crosses {vital.words.replace('its red line', 'its vital red line', 1)}"
            )
        worst = min(parts, key=lambda p: p.value, default=None)
        best = max(parts, key=lambda p: p.value, default=None)
        if worst is None or worst.value >= 0:
            return "rejects: it gains too little to bind itself"
        if best is None or best.value <= 0:
            return (
                f"rejects: the bundle crosses {worst.words}"
                if "red line" in worst.words
                else f"rejects: it costs {worst.words} for nothing it wants"
            )
        return f"rejects: {best.words} does not make up for {worst.words}"

    return words


# ---------------------------------------------------------------- proposing
def deal_move(
    scenario: Scenario, state: GameState, actor_id: str, temperament_id: str, seed: int
) -> DealMove | None:
    """The computer's deal move this turn: answer a proposal made to it, else perhaps propose one."""
    waiting = pending_for(state, actor_id, scenario)
    if waiting:
        return answer(scenario, state, actor_id, waiting[0], temperament_id, seed)
    return _propose(scenario, state, actor_id, TEMPERAMENTS[temperament_id], seed)


def _propose(
    scenario: Scenario, state: GameState, actor_id: str, temperament: Temperament, seed: int
) -> DealMove | None:
    candidates = [p for p in scenario.proposals if p.by == actor_id and _fresh(state, p)]
    if not candidates:
        return None
    rng: random.Random | None = None  # seeded only when there is something to weigh: seeding costs
    best: tuple[float, Proposal] | None = None
    for proposal in candidates:
        if can_propose(scenario, state, actor_id, proposal):
            continue
        rng = rng or _rng(seed, state, actor_id)
        score = _worth(scenario, state, actor_id, proposal) + rng.gauss(0.0, NOISE)
        score += _taste(scenario, state, actor_id, temperament)
        if score > PROPOSE_AT and (best is None or score > best[0]):
            best = (score, proposal)
    if best is None:
        return None
    title = best[1].title
    return DealMove(
        actor_id, PROPOSE, 0, best[1], lambda: f"proposes “{title}”: it values what the bundle brings"
    )


def _fresh(state: GameState, proposal: Proposal) -> bool:
    """Not made twice already, nor in the last two turns: the same offer again at once is not diplomacy."""
    made = [d for d in state.deals if d.proposal_id == proposal.id]
    return len(made) < 2 and not any(d.proposed >= state.turn - 2 for d in made)


# ------------------------------------------------------------- keeping its word
def committed_choice(
    scenario: Scenario, state: GameState, actor_id: str, temperament_id: str, seed: int, accepting: int = 0
) -> Decision:
    """The computer's order when deals bind it (and the deal numbered `accepting`, which it accepts
    this turn): a promised order still owed, else an order that keeps its word, unless (by its
    temperament and type, from the seed) it chooses to break it."""
    duties = in_force_for(state, actor_id, scenario)
    duties += [replace(d, status=ACCEPTED) for d in state.deals if d.number == accepting]
    if not duties:
        return decide(scenario, state, actor_id, temperament_id, seed)
    chance = BREAK_CHANCE.get(temperament_id, 0.05)
    own = own_type_accommodating(scenario, state, actor_id)
    chance *= 1.0 if own is None else 0.25 if own else 2.0
    if random.Random(f"{seed}:deal:{state.turn}:{actor_id}:keep").random() < chance:
        return decide(scenario, state, actor_id, temperament_id, seed)  # it goes its own way
    owed = _owed_order(scenario, state, actor_id, duties, temperament_id)
    if owed is not None:
        return owed
    forbidden = _forbidden(scenario, actor_id, [d.bundle(scenario) for d in duties])
    if not forbidden:
        return decide(scenario, state, actor_id, temperament_id, seed)
    allowed = frozenset(o.id for o in scenario.options_of(actor_id)) - forbidden
    try:
        return decide(scenario, state, actor_id, temperament_id, seed, allowed)
    except ValueError:  # every open order breaks its word: it chooses as if it had none
        return decide(scenario, state, actor_id, temperament_id, seed)


def _forbidden(scenario: Scenario, actor_id: str, bundles: list[Proposal]) -> frozenset[str]:
    """The side's orders that would break one of these bundles' terms (kept per set of ready-made
    bundles: the same few deals bind a side turn after turn)."""

    def find() -> frozenset[str]:
        return frozenset(
            o.id
            for o in scenario.options_of(actor_id)
            if any(breaches(b, actor_id, touched(scenario, o.id)) for b in bundles)
        )

    if any(b.composed for b in bundles):
        return find()
    return memo(scenario, ("forbidden", actor_id, tuple(b.id for b in bundles)), find)


def _owed_order(
    scenario: Scenario, state: GameState, actor_id: str, duties: list[Deal], temperament_id: str
) -> Decision | None:
    for deal in duties:
        proposal = deal.bundle(scenario)
        if deal.status != ACCEPTED or actor_id in deal.done:
            continue
        for option_id in proposal.term(actor_id).orders:
            option = scenario.option(option_id)
            if option_available(scenario, state, option) and not _grave_for(
                scenario, state, actor_id, option
            ):
                words = _keeping_words(scenario, actor_id, option_id, proposal)
                return Decision(actor_id, option_id, words, temperament_id)
    return None


def _grave_for(scenario: Scenario, state: GameState, actor_id: str, option: Option) -> bool:
    """Whether the promised order would end the game or cross the side's own (true) vital red line:
    then a promise is not reason enough, and the side chooses as it would without it."""
    own_type = state.types.get(actor_id)
    own = in_force(scenario, state)
    if own_type is not None:
        own = typed_one(own, actor_id, own_type)
    return grave(own, state, actor_id, meant(option, own_type))


def _keeping_words(
    scenario: Scenario, actor_id: str, option_id: str, proposal: Proposal
) -> Callable[[], str]:
    name, label = scenario.actor(actor_id).name, scenario.option(option_id).label
    return lambda: (
        f"{name} orders “{label}” because it promised to under “{proposal.title or 'the agreement'}”."
    )
