"""What the engine reports: readings of an order, changes with their reasons, turn records.

Every change the engine makes is a `Change` carrying a `Reason`, so any client
can answer "why did that happen?" with `change.sentence`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from game.engine.orders import Orders
from game.scenario.model import Position

if TYPE_CHECKING:
    from game.engine.deal_values import DealEvent
    from game.scenario.model import Scenario
    from game.scenario.proposals import Proposal

PREFERRED, ACCEPTABLE, RED_LINE = "preferred", "acceptable", "red_line"
_STOPS = (".", "!", "?", "…", ".”", "!”", "?”", "…”")


@dataclass(frozen=True, slots=True)
class Reading:
    """How one order reads against one actor's stated position on one issue."""

    actor_id: str  # whose position
    issue_id: str
    state_id: str  # the state the order signals
    verdict: str  # preferred | acceptable | red_line
    strength: int
    position: Position
    sentence: str  # e.g. "Signals “Door open” on Ukraine's path to NATO, across Russia's red line (vital to Russia)."
    act: bool = False  # the order itself moves the issue to this state; otherwise it is only a signal

    @property
    def honours(self) -> bool:
        return self.verdict in (PREFERRED, ACCEPTABLE)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a change happened: which order or event, which position, which rule."""

    rule: str  # order | reaction_honoured | reaction_crossed | red_line_response | ...
    text: str  # the cause in prose, without the change itself
    actor_id: str = ""  # who gave the order (or whose event)
    option_id: str = ""
    inject_id: str = ""
    position: Position | None = None
    verdict: str = ""
    citation: str = ""  # the position's evidence: 'Vladimir Putin: “…”' or a marked paraphrase
    reading: str = ""  # for reactions: how the order reads, without naming the order
    state: str = ""  # for reactions: the name of the state the order signals (or brings about)
    act: bool = False  # for reactions: the order brought the state about; otherwise it only signalled it

    @property
    def full(self) -> str:
        """The cause with the speaker's words, when there are any."""
        if not self.citation:
            return self.text
        return f"{self.text.rstrip('.')} — {self.citation}" + ("" if self.citation.endswith(_STOPS) else ".")


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # tension | rung | meter | issue | force | flag | chance
    subject: str  # readable, e.g. "Russia's resolve"
    before: Any  # a number (tension, meter), a name, or a bool (flag)
    after: Any
    reason: Reason

    @property
    def what(self) -> str:
        """The change itself, e.g. 'Tension rose from 45 to 51'."""
        if self.kind in ("tension", "meter"):
            verb = "rose" if self.after > self.before else "fell"
            return f"{_capital(self.subject)} {verb} from {self.before} to {self.after}"
        if self.kind == "flag":
            return f"{_capital(self.subject)} {'now holds' if self.after else 'no longer holds'}"
        if self.kind == "force":
            return f"{_capital(self.subject)} moved from {self.before} to {self.after}"
        if self.kind == "chance":
            return f"An incident ended the game in “{self.after}”"
        return f"{_capital(self.subject)} moved from “{self.before}” to “{self.after}”"

    @property
    def sentence(self) -> str:
        """One sentence: the change and why it happened."""
        return f"{self.what}: {self.reason.full}"

    @property
    def step(self) -> str:
        """The change as a step, for lists grouped by cause rather than by time: 'tension +6'."""
        if self.kind in ("tension", "meter"):
            return f"{self.subject} {self.after - self.before:+d}"
        return self.short

    @property
    def short(self) -> str:
        """The change in a few words, for lists: 'tension 45 → 51'."""
        if self.kind == "flag":
            return f"{self.subject} {'now holds' if self.after else 'no longer holds'}"
        if self.kind in ("tension", "meter"):
            return f"{self.subject} {self.before} → {self.after}"
        if self.kind == "force":
            return f"{self.subject}: {self.before} → {self.after}"
        if self.kind == "chance":
            return f"the game ended in “{self.after}”"
        return f"{self.subject}: “{self.before}” → “{self.after}”"


def _grouped(changes: Sequence[Change]) -> list[tuple[Reason, list[Change], bool]]:
    """Changes grouped by cause, in order, each with whether to quote its speaker here: the
    first time a position is invoked in a report, not again."""
    groups: dict[Reason, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.reason, []).append(change)
    cited: set[tuple[str, str]] = set()
    result = []
    for reason, group in groups.items():
        key = (reason.position.actor, reason.position.issue) if reason.position else None
        result.append((reason, group, bool(reason.citation) and key not in cited))
        if key is not None and reason.citation:
            cited.add(key)
    return result


def explained(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    """A turn's changes as a player reads them: each cause once, in one sentence, then its changes."""
    return [
        (_capital(reason.full if quoted else reason.text), group)
        for reason, group, quoted in _grouped(changes)
    ]


@dataclass(slots=True)
class OrderReport:
    """One order's consequences: what it did itself, then how each actor it touched reacted."""

    actor_id: str
    option_id: str
    own: list[Change] = field(default_factory=list)
    reactions: list[tuple[str, list[Change]]] = field(default_factory=list)  # (how it reads, changes)


def by_order(record: TurnRecord) -> tuple[list[OrderReport], list[tuple[str, list[Change]]]]:
    """The turn told order by order (the cause of most changes), then whatever else happened
    (news, the ladder) as (cause, changes)."""
    reports = {(actor, option): OrderReport(actor, option) for actor, option in record.orders.items()}
    rest: list[tuple[str, list[Change]]] = []
    for reason, group, quoted in _grouped(record.changes):
        report = reports.get((reason.actor_id, reason.option_id))
        if report is None:
            rest.append((_capital(reason.full if quoted else reason.text), group))
        elif reason.rule == "order":
            report.own.extend(group)
        else:
            how = (reason.reading or reason.text).rstrip(".")
            report.reactions.append((f"{how} — {reason.citation}" if quoted else f"{how}.", group))
    return list(reports.values()), rest


@dataclass(frozen=True)
class Decision:
    """A computer player's choice and its own explanation of it (put into words when first read)."""

    actor_id: str
    option_id: str
    explain: Callable[[], str] = field(compare=False, repr=False)
    temperament: str = ""

    @cached_property
    def explanation(self) -> str:
        return self.explain()


class Cause(NamedTuple):
    """What made a change, as ids: the makings of a `Reason`, put into words only when shown."""

    rule: str  # as `Reason.rule`
    actor_id: str = ""  # who gave the order
    option_id: str = ""
    inject_id: str = ""
    reading: Reading | None = None  # for reactions: the position the order honoured or crossed
    tension: int = 0  # for the ladder: the tension that moved the crisis to another rung
    rung_from: str = ""  # for the ladder: the rung it left
    deal: Proposal | None = None  # for deals: the agreement accepted, kept or broken


class Fact(NamedTuple):
    """One change as resolution records it: ids and raw values, no words (see `Change`)."""

    kind: str  # tension | rung | meter | issue | force | posture | flag | chance
    subject: str  # the id of what changed: actor (with `part` its meter), issue, force, flag; "" for tension
    before: object  # raw: a number, state / place / rung id, posture or bool
    after: object
    cause: Cause
    part: str = ""


@dataclass(frozen=True, eq=True)
class TurnRecord:
    """One resolved turn, built once when the turn is resolved.

    Resolution records `facts` only; `changes` turns them into sentences with
    their reasons the first time a screen, the text mode or a debrief asks, so
    batch games never pay for words nobody reads.
    """

    turn: int
    date: str
    orders: Orders  # in the order sides were resolved and are reported
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    injects: tuple[str, ...] = ()
    outcome: str | None = None
    tension_before: int = 0
    tension_after: int = 0
    rationales: Mapping[str, str] = field(default_factory=dict)  # side -> its team's one line "why?"
    facts: tuple[Fact, ...] = field(default=(), repr=False)
    scenario: Scenario | None = field(default=None, repr=False, compare=False)
    deal_events: tuple[DealEvent, ...] = ()  # proposals, answers, promises kept or broken (deals.py)

    @property
    def chance(self) -> Fact | None:
        """The fact that chance ended the game this turn (subject: the rung; before: the percent;
        after: the outcome), or None when no incident decided it."""
        return next((f for f in self.facts if f.kind == "chance"), None)

    @cached_property
    def changes(self) -> tuple[Change, ...]:
        """Every change of the turn, in the order it happened, each with its reason."""
        from game.engine.explain import explain_facts  # explanations need the rules' wording modules

        if self.scenario is None:
            return ()
        return explain_facts(self.scenario, self.facts, self.date)


@dataclass(frozen=True, slots=True)
class NetChange:
    """Where one number or issue ended the turn against where it began, whatever happened between."""

    kind: str  # tension | meter | issue
    subject: str
    before: Any  # a number, or an issue state's name
    after: Any

    @property
    def delta(self) -> int | None:
        """+n or -n for numbers, None for issues."""
        return self.after - self.before if self.kind in ("tension", "meter") else None

    @property
    def short(self) -> str:
        """'US's credibility 55 → 62 (+7)', or 'Diplomacy: “Talks stalled” → “Structured negotiations”'."""
        if self.delta is not None:
            return f"{_capital(self.subject)} {self.before} → {self.after} ({self.delta:+d})"
        return f"{_capital(self.subject)}: “{self.before}” → “{self.after}”"


def net_changes(record: TurnRecord) -> list[NetChange]:
    """The turn in sum: tension, then each meter and issue that ended elsewhere than it began.

    A turn moves a meter many times for many reasons; a class first wants the
    balance, then the reasons.
    """
    first: dict[tuple[str, str], Any] = {}
    last: dict[tuple[str, str], Any] = {}
    for change in record.changes:
        if change.kind not in ("tension", "meter", "issue"):
            continue
        key = (change.kind, change.subject)
        first.setdefault(key, change.before)
        last[key] = change.after
    order = {"tension": 0, "meter": 1, "issue": 2}
    keys = sorted(first, key=lambda k: order[k[0]])  # stable: first mention within a kind
    return [
        NetChange(kind, subject, first[(kind, subject)], last[(kind, subject)])
        for kind, subject in keys
        if first[(kind, subject)] != last[(kind, subject)]
    ]


def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: 'Domestic support' → 'domestic support', but
    'Trust in Moscow' keeps its Moscow and 'NATO cohesion' its NATO."""
    if name[:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
