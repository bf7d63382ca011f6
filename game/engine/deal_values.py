"""Deals as values: a deal in the game state, a side's deal move, and what resolution reports of deals.

Frozen and JSON-able, like the rest of `GameState`. The rules that move a deal
from proposed to accepted, kept or broken are in game/engine/deals.py; the
computer's deal moves in game/engine/deal_ai.py; the words in deal_words.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.scenario.model import Scenario
from game.scenario.proposals import Proposal, composed_proposal

PENDING, ACCEPTED, KEPT = "pending", "accepted", "kept"
REJECTED, COUNTERED, LAPSED, BROKEN = "rejected", "countered", "lapsed", "broken"
IN_FORCE = (ACCEPTED, KEPT)
PROPOSE, ACCEPT, REJECT, COUNTER = "propose", "accept", "reject", "counter"
MOVE_KINDS = (PROPOSE, ACCEPT, REJECT, COUNTER)


def _no_words() -> str:
    return ""


@dataclass(frozen=True, slots=True)
class Deal:
    """One proposal made in the game, and where it stands."""

    number: int  # 1, 2, ... in the order proposed
    proposal_id: str  # "" for a composed proposal
    composed: Proposal | None  # the bundle, for a composed proposal
    proposed: int  # the turn it was made
    status: str = PENDING
    answered: int = 0  # the turn it was accepted (or refused)
    done: tuple[str, ...] = ()  # parties that have given a promised order
    broken_by: tuple[str, ...] = ()
    leaked: bool = False  # a private deal that became known to all
    counter_of: int = 0  # the deal this one answered as a counter-offer

    def bundle(self, scenario: Scenario) -> Proposal:
        return self.composed if self.composed is not None else scenario.proposal(self.proposal_id)

    @property
    def in_force(self) -> bool:
        return self.status in IN_FORCE

    def due(self, proposal: Proposal) -> int:
        """The last turn on which a promised order counts."""
        return self.answered + proposal.deadline - 1

    def known_to_all(self, proposal: Proposal) -> bool:
        return proposal.public or self.leaked

    def visible_to(self, proposal: Proposal, viewer: str | None) -> bool:
        """Whether `viewer` may see it: None is the instructor and the debrief, who see everything;
        "" is the whole class (only what is public)."""
        return viewer is None or self.known_to_all(proposal) or viewer in proposal.parties

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"number": self.number, "proposed": self.proposed, "status": self.status}
        data |= (
            {"proposal": self.proposal_id}
            if self.composed is None
            else {"composed": bundle_json(self.composed)}
        )
        if self.answered:
            data["answered"] = self.answered
        for key, value in (("done", self.done), ("broken_by", self.broken_by)):
            if value:
                data[key] = list(value)
        if self.leaked:
            data["leaked"] = True
        if self.counter_of:
            data["counter_of"] = self.counter_of
        return data


def deal_from_json(data: dict[str, Any]) -> Deal:
    composed = data.get("composed")
    return Deal(
        number=int(data["number"]),
        proposal_id=str(data.get("proposal", "")),
        composed=None if composed is None else bundle_from_json(dict(composed)),
        proposed=int(data["proposed"]),
        status=str(data["status"]),
        answered=int(data.get("answered", 0)),
        done=tuple(str(p) for p in data.get("done", ())),
        broken_by=tuple(str(p) for p in data.get("broken_by", ())),
        leaked=bool(data.get("leaked", False)),
        counter_of=int(data.get("counter_of", 0)),
    )


def bundle_json(proposal: Proposal) -> dict[str, Any]:
    """A composed proposal as a save holds it: who, to whom, and each party's agreed states."""
    pairs = [[t.party, issue, states[0]] for t in proposal.terms for issue, states in t.accepts]
    return {"by": proposal.by, "to": list(proposal.to), "public": proposal.public, "terms": pairs}


def bundle_from_json(data: dict[str, Any]) -> Proposal:
    pairs = tuple((str(p), str(i), str(s)) for p, i, s in data["terms"])
    to = tuple(str(t) for t in data["to"])
    return composed_proposal(str(data["by"]), to, pairs, bool(data.get("public", True)))


@dataclass(frozen=True, slots=True)
class DealMove:
    """A side's one deal move of a turn, given alongside its order."""

    actor: str
    kind: str  # propose | accept | reject | counter
    deal: int = 0  # the deal answered (accept, reject, counter)
    proposal: Proposal | None = None  # what is proposed (propose, counter)
    why: Callable[[], str] = field(default=_no_words, compare=False, repr=False)  # a computer's reason

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"actor": self.actor, "move": self.kind}
        if self.deal:
            data["deal"] = self.deal
        if self.proposal is not None:
            if self.proposal.composed:
                data["composed"] = bundle_json(self.proposal)
            else:
                data["proposal"] = self.proposal.id
        return data


def move_from_json(scenario: Scenario, data: dict[str, Any]) -> DealMove:
    """A saved deal move; KeyError/TypeError/ValueError on a damaged one (a save reports it)."""
    kind = str(data["move"])
    if kind not in MOVE_KINDS:
        raise ValueError(f"unknown deal move {kind[:40]!r}")
    proposal = None
    if "proposal" in data:
        proposal = scenario.proposal(str(data["proposal"]))
    elif "composed" in data:
        proposal = bundle_from_json(dict(data["composed"]))
    return DealMove(str(data["actor"]), kind, int(data.get("deal", 0)), proposal)


@dataclass(frozen=True, slots=True)
class DealEvent:
    """What happened to a deal in a turn, for reports: proposed, accepted, rejected, countered,
    lapsed, kept, broken or leaked; `deal` as it stands after."""

    kind: str
    deal: Deal
    actor: str = ""  # who proposed, answered or broke it
    option: str = ""  # the order that broke it, when an order did
    why: Callable[[], str] = field(default=_no_words, compare=False, repr=False)
