"""Proposals: the deals a scenario lists ready-made, and the ones a player composes from open issues.

A proposal is a bundle of terms, one per party: the options that party promises
to order before the deadline, and the issue states its orders will keep to
(`accepts`). An accepted proposal becomes a deal (game/engine/deals.py) that binds
its parties. These are plain frozen values: the model (game/scenario/model.py)
holds them, the reader (game/scenario/proposal_reader.py) builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.model import Condition, Effects

DEFAULT_DEADLINE = 2  # turns from the turn of acceptance, that turn included


@dataclass(frozen=True, slots=True)
class Term:
    """What one party gives: an order it promises (any one of `orders`) and the issue states its
    orders keep to from the turn after acceptance on (`accepts`: (issue, allowed states))."""

    party: str
    orders: tuple[str, ...] = ()
    accepts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def allows(self, issue_id: str, state_id: str) -> bool:
        """Whether an order of this party signalling or setting `state_id` on the issue keeps the term."""
        return all(issue != issue_id or state_id in states for issue, states in self.accepts)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A bundle offered by `by` to the sides in `to`; public, or private (a back channel)."""

    id: str  # "" for a composed proposal
    title: str  # "" for a composed proposal: its words are made from its terms
    by: str
    to: tuple[str, ...]
    terms: tuple[Term, ...]
    public: bool = True
    deadline: int = DEFAULT_DEADLINE
    description: str = ""
    requires: tuple[Condition, ...] = ()
    effects: Effects | None = None  # what the agreement itself changes when accepted
    counters: tuple[str, ...] = ()  # the proposals this one may answer as a counter-offer
    leaks_when: tuple[Condition, ...] = ()  # a private deal becomes known to all when these hold
    source: str = ""
    note: str = ""

    @property
    def composed(self) -> bool:
        return not self.id

    @property
    def parties(self) -> tuple[str, ...]:
        return (self.by, *self.to)

    def term(self, party: str) -> Term:
        """The party's term; an empty one when the bundle asks nothing of it."""
        for term in self.terms:
            if term.party == party:
                return term
        return Term(party)


def composed_proposal(
    by: str, to: tuple[str, ...], pairs: tuple[tuple[str, str, str], ...], public: bool = True
) -> Proposal:
    """A proposal a player builds: (party, issue, state) triples, each party accepting that state.

    Accepted, the agreement puts each issue in its agreed state, and each party's
    orders must keep to it afterwards.
    """
    from game.scenario.model import Effects  # the model imports this module: import at use

    terms = []
    for party in (by, *to):
        accepts = tuple((issue, (state,)) for who, issue, state in pairs if who == party)
        terms.append(Term(party, (), accepts))
    issues = tuple((issue, state) for _, issue, state in pairs)
    return Proposal("", "", by, tuple(to), tuple(terms), public, effects=Effects(issues=issues))
