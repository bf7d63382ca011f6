"""What a computer side expects others with hidden types to make of an option: mixed by its belief.

A side never sees another's true type. For each actor with types it holds a
belief (game/engine/beliefs.py); what an option is worth against that actor
is worked out once per (side, option, type), by how the option reads against
that type's true positions (`tables`), and each turn only mixed by the
side's current belief (`mixed`). How a reading counts depends on the type:

- an **accommodating** type (a security-seeker) is reassured when its wishes
  are met, and firmness against its red lines feeds a spiral;
- any **other** type (a revisionist) reads concessions as weakness, and
  firmness against it deters.

So "conciliate or stand firm?" is answered by what the side believes, and a
wrong belief leads it wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from game.engine.dispositions import priors, typed_one
from game.engine.index import memo
from game.engine.readings import read_option, readers_of
from game.engine.records import PREFERRED, RED_LINE
from game.engine.state import GameState
from game.scenario.model import Option, Scenario

# (accommodating type?, red line crossed?) -> utility per strength point for a rival's reading
RIVAL_WEIGHT = {
    (True, True): -2.0,  # firmness against a security-seeker feeds a spiral
    (True, False): 0.8,  # meeting its wishes reassures it
    (False, True): 0.8,  # firmness deters a revisionist
    (False, False): -1.0,  # it reads concessions as weakness
}
FRIEND_WEIGHT = {True: -2.0, False: 1.0}  # (red line crossed?) for an ally or partner with types


class TypedTerm(NamedTuple):
    """An option's worth against one actor with types: its value under each type."""

    subject: str
    values: tuple[tuple[str, float], ...]  # (type, value), in the subject's order of types


def subjects(scenario: Scenario, actor_id: str) -> frozenset[str]:
    """The other actors with at least two types: their readings are weighed by belief."""
    return memo(
        scenario,
        ("typed subjects", actor_id),
        lambda: frozenset(a.id for a in scenario.actors if len(a.types) > 1 and a.id != actor_id),
    )


def tables(
    scenario: Scenario, actor_id: str, option: Option, friend_of: Mapping[str, str]
) -> tuple[TypedTerm, ...]:
    """Per typed actor, the option's value under each of its types (worked out once)."""
    return memo(
        scenario,
        ("typed terms", actor_id, option.id),
        lambda: tuple(
            _table(scenario, subject, option, friend_of.get(subject, ""))
            for subject in _order(scenario, actor_id)
            if subject in readers_of(scenario, option)  # to any other, the order is worth 0 whatever its type
        ),
    )


def _order(scenario: Scenario, actor_id: str) -> tuple[str, ...]:
    wanted = subjects(scenario, actor_id)
    return tuple(a.id for a in scenario.actors if a.id in wanted)


def _table(scenario: Scenario, subject: str, option: Option, friend: str) -> TypedTerm:
    actor = scenario.actor(subject)
    values = []
    for actor_type in actor.types:
        true = typed_one(scenario, subject, actor_type.id)
        value = 0.0
        for reading in read_option(true, option):
            if reading.actor_id != subject:
                continue
            crossed = reading.verdict == RED_LINE
            share = 1.0 if crossed or reading.verdict == PREFERRED else 0.5
            weight = FRIEND_WEIGHT[crossed] if friend else RIVAL_WEIGHT[actor_type.accommodating, crossed]
            value += weight * share * reading.strength
        values.append((actor_type.id, value))
    return TypedTerm(subject, tuple(values))


def belief_of(scenario: Scenario, state: GameState, observer: str, subject: str) -> Mapping[str, float]:
    """The observer's belief about the subject; the author's priors when it holds none."""
    shares = state.beliefs.get(observer, {}).get(subject)
    if shares:
        return shares
    return memo(scenario, ("priors", subject), lambda: priors(scenario.actor(subject)))


def mixed(scenario: Scenario, state: GameState, observer: str, terms: tuple[TypedTerm, ...]) -> float:
    """The option's expected worth against every typed actor, by the observer's belief now."""
    return mix(terms, {t.subject: belief_of(scenario, state, observer, t.subject) for t in terms})


def beliefs_now(scenario: Scenario, state: GameState, observer: str) -> dict[str, Mapping[str, float]]:
    """The observer's belief about each typed actor, read once per decision, and only when an option
    it weighs is read by that actor (with many typed sides, most are never asked about)."""
    return _BeliefsNow(scenario, state, observer) if subjects(scenario, observer) else _NO_BELIEFS


_NO_BELIEFS: dict[str, Mapping[str, float]] = {}  # never written: nobody has types to read


class _BeliefsNow(dict[str, Mapping[str, float]]):
    __slots__ = ("observer", "scenario", "state")

    def __init__(self, scenario: Scenario, state: GameState, observer: str) -> None:
        super().__init__()
        self.scenario, self.state, self.observer = scenario, state, observer

    def __missing__(self, subject: str) -> Mapping[str, float]:
        found = self[subject] = belief_of(self.scenario, self.state, self.observer, subject)
        return found


def mix(terms: tuple[TypedTerm, ...], beliefs: Mapping[str, Mapping[str, float]]) -> float:
    total = 0.0
    for term in terms:
        shares = beliefs[term.subject]
        for type_id, value in term.values:
            if value:
                total += shares.get(type_id, 0.0) * value
    return total


def words(scenario: Scenario, state: GameState, observer: str, term: TypedTerm) -> tuple[float, str]:
    """The term's value now and its reason in words: the likeliest type, its share, and what it makes of it."""
    shares = belief_of(scenario, state, observer, term.subject)
    value = sum(shares.get(t, 0.0) * v for t, v in term.values)
    # The type that weighs most in the direction of the whole (its share as the side believes it).
    sign = 1.0 if value >= 0 else -1.0
    likeliest = max(
        (t for t, _ in term.values), key=lambda t: sign * shares.get(t, 0.0) * dict(term.values)[t]
    )
    subject = scenario.actor(term.subject)
    actor_type = subject.actor_type(likeliest)
    own = dict(term.values)[likeliest]
    if actor_type.accommodating:
        how = "meeting its wishes reassures it" if own >= 0 else "firmness against it feeds a spiral"
    else:
        how = (
            "firmness deters it"
            if own >= 0
            else f"a {actor_type.name} {subject.short_name} reads concessions as weakness"
        )
    share = min(95, max(5, 5 * round(shares.get(likeliest, 0.0) * 20)))
    observer_name = scenario.actor(observer).short_name
    return (
        value,
        f"{observer_name} reads {subject.short_name} as {actor_type.name}, about {share} %, and {how}",
    )


KNOWING = 4.0  # utility of intelligence per unit of weight when the belief is evenly split


def worth_knowing(scenario: Scenario, state: GameState, option: Option) -> float:
    """What intelligence is worth to its giver: more the less sure its belief (none when it is sure)."""
    intel = option.intelligence
    if (
        intel is None
        or intel.about not in scenario.index.actors
        or len(scenario.actor(intel.about).types) < 2
    ):
        return 0.0
    shares = belief_of(scenario, state, option.actor, intel.about)
    doubt = 1.0 - max(shares.values(), default=1.0)  # 0 when sure, ½ when evenly split between two
    return KNOWING * intel.weight * doubt
