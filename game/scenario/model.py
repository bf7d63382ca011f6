"""The validated, immutable scenario model that the engine and every client consume.

Nothing downstream of the loader sees raw YAML: only these frozen dataclasses.
Mappings are stored as tuples of pairs (or tuples of objects with ids) so the
whole model stays hashable and cannot be changed by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from game.scenario.index import ScenarioIndex
from game.scenario.proposals import Proposal

T = TypeVar("T")

# ----------------------------------------------------------------- conditions
# A condition is one small typed object; a list of them means "all of these".


@dataclass(frozen=True, slots=True)
class FlagSet:
    """`flag: NAME` — true when the flag has been set."""

    flag: str


@dataclass(frozen=True, slots=True)
class FlagNotSet:
    """`not_flag: NAME` — true while the flag is not set."""

    flag: str


@dataclass(frozen=True, slots=True)
class TensionAtLeast:
    """`tension_at_least: N`."""

    value: int


@dataclass(frozen=True, slots=True)
class TensionBelow:
    """`tension_below: N`."""

    value: int


@dataclass(frozen=True, slots=True)
class RungAtLeast:
    """`rung_at_least: RUNG_ID` — the escalation ladder is at this rung or higher."""

    rung: str


@dataclass(frozen=True, slots=True)
class RungBelow:
    """`rung_below: RUNG_ID`."""

    rung: str


@dataclass(frozen=True, slots=True)
class MeterAtLeast:
    """`meter_at_least: {ACTOR.METER: N}`."""

    actor: str
    meter: str
    value: int


@dataclass(frozen=True, slots=True)
class MeterBelow:
    """`meter_below: {ACTOR.METER: N}`."""

    actor: str
    meter: str
    value: int


@dataclass(frozen=True, slots=True)
class IssueIs:
    """`issue_is: {ISSUE: STATE}` or `{ISSUE: [STATE, ...]}` — the issue is in one of these states."""

    issue: str
    states: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TurnAtLeast:
    """`turn_at_least: N` — turns are counted from 1."""

    value: int


@dataclass(frozen=True, slots=True)
class DateAtLeast:
    """`date_at_least: "YYYY-MM-DD"` — the turn's date is this day or later (injects that come on a date)."""

    date: str


@dataclass(frozen=True, slots=True)
class Chosen:
    """`chosen: OPTION_ID` — the option has been ordered in any earlier turn."""

    option: str


@dataclass(frozen=True, slots=True)
class ForceAt:
    """`force_at: {FORCE_ID: PLACE_ID}`."""

    force: str
    place: str


@dataclass(frozen=True, slots=True)
class AnyOf:
    """`any: [CONDITION, ...]` — at least one holds."""

    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """`not: CONDITION`."""

    condition: Condition


Condition = (
    FlagSet
    | FlagNotSet
    | TensionAtLeast
    | TensionBelow
    | RungAtLeast
    | RungBelow
    | MeterAtLeast
    | MeterBelow
    | IssueIs
    | TurnAtLeast
    | DateAtLeast
    | Chosen
    | ForceAt
    | AnyOf
    | Not
)


# -------------------------------------------------------------------- effects
@dataclass(frozen=True, slots=True)
class MeterChange:
    actor: str
    meter: str
    delta: int


@dataclass(frozen=True, slots=True)
class ForceMove:
    force: str
    to: str  # place id
    posture: str | None = None  # e.g. "deployed", "alert", "exercise"; None keeps it


@dataclass(frozen=True, slots=True)
class Effects:
    """What an option, inject or reaction does. Every field may be empty."""

    tension: int = 0
    meters: tuple[MeterChange, ...] = ()
    issues: tuple[tuple[str, str], ...] = ()  # (issue id, new state id)
    moves: tuple[ForceMove, ...] = ()
    set_flags: tuple[str, ...] = ()
    clear_flags: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (
            self.tension or self.meters or self.issues or self.moves or self.set_flags or self.clear_flags
        )


# ---------------------------------------------------------------- the content
@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str
    covers: str
    url: str = ""


# What a piece of evidence is, and so how every screen must present it.
QUOTE = "quote"  # the speaker's own words, verbatim from the source
REPORTED = "reported"  # a source's own wording of what the speaker said (reported speech)
TRANSLATION = "translation"  # the speaker's words translated from another language (named)
PARAPHRASE = "paraphrase"  # the project's own words
EVIDENCE_KINDS = (QUOTE, REPORTED, TRANSLATION, PARAPHRASE)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why we believe an actor holds a position: words of one of four kinds, with source and date.

    `quote` holds the words of a quote, reported speech or translation;
    `paraphrase` holds the project's words. Without `kind` the field that is
    filled decides it, as in files written before kinds existed.
    """

    speaker: str
    source: str  # source id
    quote: str = ""  # words in quotation marks: verbatim, reported or translated (see kind)
    paraphrase: str = ""  # the project's own words, shown as a paraphrase
    kind: str = ""  # one of EVIDENCE_KINDS; "" means inferred from quote/paraphrase
    date: str = ""  # ISO date the words were said or written; "" = undated, shown from the start
    language: str = ""  # the original language of a translation

    @property
    def form(self) -> str:
        """The kind, inferred for evidence written without one."""
        return self.kind or (QUOTE if self.quote else PARAPHRASE)

    @property
    def is_quote(self) -> bool:
        """Words in quotation marks (verbatim, reported or translated), not a paraphrase."""
        return self.form != PARAPHRASE

    @property
    def is_verbatim(self) -> bool:
        """The speaker's own words, in their language or translated; not someone's rewording."""
        return self.form in (QUOTE, TRANSLATION)

    @property
    def text(self) -> str:
        return self.quote or self.paraphrase

    def known_on(self, iso_date: str) -> bool:
        """Whether the words had been said by that date (undated evidence always has)."""
        return not self.date or not iso_date or self.date <= iso_date


@dataclass(frozen=True, slots=True)
class Meter:
    id: str
    name: str
    min: int
    max: int
    start: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class Reactions:
    """How an actor's world moves when one of its positions is honoured or crossed.

    The engine scales these by the position's strength (1–3) and by how the
    order reads against it (preferred ×1, acceptable ×½, red line crossed ×1).
    """

    honoured: Effects = Effects()
    crossed: Effects = Effects()


@dataclass(frozen=True, slots=True)
class PrivateBriefing:
    """What only this side's team reads: its objectives, and what it knows that the others do not."""

    objectives: tuple[str, ...] = ()
    knows: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.objectives or self.knows)


@dataclass(frozen=True, slots=True)
class TypePosition:
    """What one hidden type truly holds on one issue: each field given replaces the stated position's."""

    issue: str
    strength: int | None = None  # None: the stated strength
    preferred: tuple[str, ...] | None = None  # None: the stated list
    acceptable: tuple[str, ...] | None = None
    red_lines: tuple[str, ...] | None = None
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ActorType:
    """One hidden disposition of an actor ("security-seeking"): the seed draws one per game by the priors."""

    id: str
    name: str
    prior: float  # the author's prior; an actor's priors are normalised
    description: str = ""
    accommodating: bool = False  # a kept deal or a concession points to this type
    positions: tuple[TypePosition, ...] = ()  # its true positions, overriding the stated ones by issue
    reactions: Reactions | None = None  # how this type truly reacts; None: the actor's `reactions`


@dataclass(frozen=True, slots=True)
class BeliefRule:
    """How strongly an order seen moves a belief about its giver's type (the top-level `beliefs:`)."""

    words: float = 0.2  # per point of fit, for words (signalling, diplomatic orders)
    acts: float = 0.6  # per point of fit, for costly acts (military, economic orders)
    floor: float = 0.02  # no type's share falls below this: nobody is ever quite sure
    exposed: float = 1.5  # a false claim exposed moves beliefs this far away from accommodating types


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    short_name: str
    colour: str  # "#rrggbb"
    playable: bool
    side: str  # alliance or camp, e.g. "nato", "russia", "neutral"
    meters: tuple[Meter, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-3 codes, for the map
    reactions: Reactions = Reactions()
    description: str = ""
    acts: bool = False  # not playable, yet the computer gives it an order every turn (an ally, a bystander)
    private_briefing: PrivateBriefing = PrivateBriefing()
    types: tuple[ActorType, ...] = ()  # hidden dispositions; () = what it states is what it holds

    def actor_type(self, type_id: str) -> ActorType:
        for t in self.types:
            if t.id == type_id:
                return t
        raise KeyError(type_id)

    @property
    def gives_orders(self) -> bool:
        """Whether the actor orders each turn: a playable side, or one the computer always plays."""
        return self.playable or self.acts

    def meter(self, meter_id: str) -> Meter:
        for m in self.meters:
            if m.id == meter_id:
                return m
        raise KeyError(meter_id)


@dataclass(frozen=True, slots=True)
class IssueState:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    name: str
    description: str
    states: tuple[IssueState, ...]
    start: str  # state id

    def state(self, state_id: str) -> IssueState:
        for s in self.states:
            if s.id == state_id:
                return s
        raise KeyError(state_id)


@dataclass(frozen=True, slots=True)
class PositionChange:
    """From when its conditions hold (a date, an event), the position's lists become these."""

    when: tuple[Condition, ...]
    preferred: tuple[str, ...] | None = None  # None: unchanged
    acceptable: tuple[str, ...] | None = None
    red_lines: tuple[str, ...] | None = None
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Position:
    """One actor's stated position on one issue."""

    actor: str
    issue: str
    strength: int  # 1 = mild, 2 = firm, 3 = vital
    preferred: tuple[str, ...]  # issue state ids
    acceptable: tuple[str, ...]
    red_lines: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    summary: str = ""  # the position in one line, project's words
    if_crossed: Effects = Effects()  # the actor's own response when its red line is crossed
    if_honoured: Effects = Effects()
    changes: tuple[PositionChange, ...] = ()  # how the position shifts at a date or on an event


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float
    country: str = ""  # ISO alpha-3
    short_name: str = ""  # what the map shows when the whole name is long; empty: the whole name

    @property
    def map_name(self) -> str:
        """The name on the map: the author's short name, else the whole name (never cut at a comma)."""
        return self.short_name or self.name


@dataclass(frozen=True, slots=True)
class Area:
    """A region drawn on the map (a closure zone, an exclusion zone): its corners as (lat, lon)."""

    id: str
    name: str
    points: tuple[tuple[float, float], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Force:
    id: str
    owner: str  # actor id
    name: str
    type: str  # e.g. "mechanised", "airborne", "ground", "air", "naval"
    size: int  # people
    home: str  # place id
    at: str  # place id at the start
    posture: str = "garrison"
    source: str = ""  # source id when the figure comes from a source
    note: str = ""


@dataclass(frozen=True, slots=True)
class Intelligence:
    """An option that sharpens a belief: the orderer's (and, if public, its allies') belief about
    `about` moves toward that actor's true type, and its false claims are exposed."""

    about: str  # actor id (with types)
    weight: float = 1.0  # the true type's share is multiplied by e^weight, then normalised
    public: bool = False  # the orderer's allies (same side) learn it too


@dataclass(frozen=True, slots=True)
class Claim:
    """An option that says something is so (units returned to base) which is true only for some
    of its giver's types; others react by their belief that it is true, until it is exposed."""

    says: tuple[tuple[str, str], ...]  # (issue, state) it claims
    true_for: tuple[str, ...]  # the giver's type ids for which it is true
    exposed_after: int = 1  # turns after which a false claim shows by itself (0: never by itself)
    if_exposed: Effects = Effects()  # what an exposed false claim costs


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    actor: str
    label: str
    description: str
    category: str  # military | diplomatic | economic | signalling
    stances: tuple[tuple[str, str], ...] = ()  # (issue id, state id) the option signals
    requires: tuple[Condition, ...] = ()
    effects: Effects = Effects()
    once: bool = False  # may be ordered only once per game
    cost: str = ""  # "words" or "act": how far it moves beliefs; "" = from the category
    intelligence: Intelligence | None = None
    claim: Claim | None = None

    @property
    def costly(self) -> bool:
        """Whether others read the order as a costly act rather than words."""
        return self.cost == "act" if self.cost else self.category in ("military", "economic")


@dataclass(frozen=True, slots=True)
class Chance:
    """`chance: {percent: 8, outcome: war, words: "..."}` on a rung: while the crisis stands on the
    rung after a turn's orders, that turn ends in the outcome with this chance (an incident nobody ordered)."""

    percent: float  # 0–100, per turn
    outcome: str  # outcome id
    words: str = ""  # what would happen, e.g. "an incident at sea or in the air starts the fighting"


@dataclass(frozen=True, slots=True)
class Rung:
    id: str
    name: str
    at: int  # tension (0–100) from which this rung holds
    description: str = ""
    chance: Chance | None = None  # optional: the risk that leaves something to chance


@dataclass(frozen=True, slots=True)
class Inject:
    """A scripted event ("news flash"): fires when its conditions hold, or only when an instructor says so."""

    id: str
    title: str
    text: str
    instructor_only: bool
    when: tuple[Condition, ...] = ()
    effects: Effects = Effects()
    exposes: tuple[str, ...] = ()  # option ids whose false claims this news exposes


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    title: str
    when: tuple[Condition, ...]  # empty with default=True: the outcome at the turn limit
    debrief: str
    default: bool = False  # reached when the turn limit passes with no other outcome
    historical: bool = False
    historical_note: str = ""


@dataclass(frozen=True, slots=True)
class HistoricalOrder:
    """What the real actor did in the weeks a turn stands for, for the after-action review."""

    turn: int
    actor: str
    did: str  # in the project's words
    option: str = ""  # the scenario's option closest to it, when there is one
    source: str = ""  # source id


@dataclass(frozen=True, slots=True)
class InstructorNote:
    id: str
    text: str
    kind: str = "note"  # "note" or "discrepancy"


@dataclass(frozen=True, slots=True)
class MapView:
    west: float
    east: float
    south: float
    north: float


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    summary: str
    briefing: str
    start_date: str  # ISO date
    turn_days: int
    turn_limit: int
    start_tension: int
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    positions: tuple[Position, ...]
    places: tuple[Place, ...]
    forces: tuple[Force, ...]
    options: tuple[Option, ...]
    ladder: tuple[Rung, ...]  # lowest first
    injects: tuple[Inject, ...]
    outcomes: tuple[Outcome, ...]  # checked in this order
    questions: tuple[str, ...]
    instructor_notes: tuple[InstructorNote, ...] = ()
    map: MapView | None = None  # None: the client fits the view to the places (or the sides' countries)
    areas: tuple[Area, ...] = ()  # regions drawn on the map
    turn_dates: tuple[str, ...] = ()  # ISO date of each turn when turns are of uneven length; () = turn_days
    historical_orders: tuple[HistoricalOrder, ...] = ()  # optional; the after-action review reads them
    beliefs: BeliefRule = BeliefRule()  # how orders seen move beliefs about hidden types
    proposals: tuple[Proposal, ...] = ()  # optional: ready-made deals (game/scenario/proposals.py)
    deal_issues: tuple[str, ...] = ()  # optional: the issues a player may compose a proposal from
    content_hash: str = ""  # sha256 of the file's bytes, for saves
    path: str = field(default="", compare=False)

    # Built once from the fields above; not part of the scenario's identity.
    index: ScenarioIndex = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", ScenarioIndex(self))

    def actor(self, actor_id: str) -> Actor:
        return _found(self.index.actors, actor_id)

    def issue(self, issue_id: str) -> Issue:
        return _found(self.index.issues, issue_id)

    def place(self, place_id: str) -> Place:
        return _found(self.index.places, place_id)

    def force(self, force_id: str) -> Force:
        return _found(self.index.forces, force_id)

    def option(self, option_id: str) -> Option:
        return _found(self.index.options, option_id)

    def outcome(self, outcome_id: str) -> Outcome:
        return _found(self.index.outcomes, outcome_id)

    def source(self, source_id: str) -> Source:
        return _found(self.index.sources, source_id)

    def rung(self, rung_id: str) -> Rung:
        return _found(self.index.rungs, rung_id)

    def proposal(self, proposal_id: str) -> Proposal:
        for proposal in self.proposals:
            if proposal.id == proposal_id:
                return proposal
        raise KeyError(proposal_id)

    @property
    def playable_actors(self) -> tuple[Actor, ...]:
        return self.index.playable

    @property
    def acting_actors(self) -> tuple[Actor, ...]:
        """Everyone who orders each turn: the playable sides and the actors with `acts: true`."""
        return self.index.acting

    def options_of(self, actor_id: str) -> tuple[Option, ...]:
        return self.index.options_of.get(actor_id, ())

    def positions_of(self, actor_id: str) -> tuple[Position, ...]:
        return self.index.positions_of.get(actor_id, ())

    def positions_on(self, issue_id: str) -> tuple[Position, ...]:
        return self.index.positions_on.get(issue_id, ())

    def date_of_turn(self, turn: int) -> str:
        """The ISO date of a turn (from 1): from `turn_dates` when given, else `turn_days` apart."""
        if 1 <= turn <= len(self.turn_dates):
            return self.turn_dates[turn - 1]
        first, start = (
            (len(self.turn_dates), self.turn_dates[-1]) if self.turn_dates else (1, self.start_date)
        )
        try:
            return (date.fromisoformat(start) + timedelta(days=self.turn_days * (turn - first))).isoformat()
        except ValueError:  # only in a file with errors, already reported
            return start

    def rung_for(self, tension: int) -> Rung:
        """The highest rung whose threshold the tension has reached."""
        current = self.ladder[0]
        for rung in self.ladder:
            if tension >= rung.at:
                current = rung
        return current


def _found(items: dict[str, T], wanted: str) -> T:
    """The item with that id; KeyError(id) when there is none, as callers expect."""
    try:
        return items[wanted]
    except KeyError:
        raise KeyError(wanted) from None
