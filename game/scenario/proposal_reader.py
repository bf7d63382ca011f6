"""Reading `proposals:` and `deal_issues:`: the ready-made deals of a scenario, and the issues open to
deals a player composes (the format is in docs/scenario-format.md, "Proposals").

Shape is read here key by key, reporting every problem as file:line:column;
meaning (a party's promised order is its own, every party gives orders) is
checked once every id is known (`check_proposals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.fields import Fields, Reader
from game.scenario.proposals import DEFAULT_DEADLINE, Proposal, Term
from game.scenario.rules import conditions, effects
from game.scenario.yamlsafe import YMap, YNode, YSeq

if TYPE_CHECKING:
    from game.scenario.loader import _Builder
    from game.scenario.model import Scenario

MAX_DEADLINE = 10


def read_proposals(b: _Builder, f: Fields) -> tuple[Proposal, ...]:
    return b.listed(f, "proposals", lambda n: _proposal(b, n))


def _proposal(b: _Builder, node: YNode) -> Proposal | None:
    f = b.fields(node, "proposal", "a proposal")
    if f is None:
        return None
    r = b.r
    ident = b.register("proposal", f, "a proposal")
    what = f"proposal '{ident}'"
    requires, _ = conditions(r, f.get("requires"), f"'requires' of {what}")
    leaks, _ = conditions(r, f.get("leaks_when"), f"'leaks_when' of {what}")
    to = r.refs_list(f, "to", "actor", what)
    if "to" in f and not to:
        r.error(f["to"], f"{what} needs at least one side in 'to'")
    return Proposal(
        id=ident,
        title=r.text(f, "title", what),
        by=r.ref(f, "by", "actor", what),
        to=to,
        terms=tuple(
            t for t in (_term(b, n, what) for n in r.items(f.get("terms"), f"'terms' of {what}")) if t
        ),
        public=r.boolean(f, "public", what, True),
        deadline=r.integer(f, "deadline", what, 1, MAX_DEADLINE, DEFAULT_DEADLINE),
        description=r.text(f, "description", what),
        requires=requires,
        effects=effects(r, f.get("effects"), f"'effects' of {what}"),
        counters=r.refs_list(f, "counters", "proposal", what),
        leaks_when=leaks,
        source=r.ref(f, "source", "source", what),
        note=r.text(f, "note", what),
    )


def _term(b: _Builder, node: YNode, what: str) -> Term | None:
    f = b.fields(node, "term", f"a term of {what}")
    if f is None:
        return None
    r = b.r
    accepts = []
    for key, value in r.entries(f.get("accepts"), f"'accepts' of a term of {what}"):
        issue = r.ref_value(key, "issue", "an issue")
        nodes = value.items if isinstance(value, YSeq) else [value]
        if not nodes:
            r.error(value, f"'accepts' on '{issue}' needs at least one state")
        states = tuple(
            s for s in (r.ref_value(n, "state", "an issue state", scope=issue) for n in nodes) if s
        )
        if issue and states:
            accepts.append((issue, states))
    orders = r.refs_list(f, "orders", "option", f"a term of {what}")
    if not orders and not accepts:
        r.error(node, f"a term of {what} gives nothing: write 'orders' (options promised) or 'accepts'")
    return Term(r.ref(f, "party", "actor", f"a term of {what}"), orders, tuple(accepts))


def read_deal_issues(b: _Builder, f: Fields) -> tuple[str, ...]:
    items = b.r.items(f.get("deal_issues"), "'deal_issues'")
    return tuple(i for i in (b.r.ref_value(n, "issue", "an item of 'deal_issues'") for n in items) if i)


def check_proposals(r: Reader, sc: Scenario, node: YNode | None) -> None:
    """Meaning, not shape: the parties give orders, each term is a party's, a promised order is its own."""
    items = [n for n in r.items(node, "'proposals'") if isinstance(n, YMap)] if node is not None else []
    actors, options = sc.index.actors, sc.index.options
    for proposal, item in zip(sc.proposals, items, strict=False):
        for party in proposal.parties:
            if party in actors and not actors[party].gives_orders:
                r.error(
                    item, f"'{party}' gives no orders, so it cannot make or answer proposal '{proposal.id}'"
                )
        if proposal.by in proposal.to:
            r.error(item, f"proposal '{proposal.id}' is made by '{proposal.by}' to itself")
        seen: set[str] = set()
        for term in proposal.terms:
            if term.party and term.party not in proposal.parties:
                r.error(item, f"a term of '{proposal.id}' is for '{term.party}', who is not a party to it")
            if term.party in seen:
                r.error(item, f"proposal '{proposal.id}' has two terms for '{term.party}'")
            seen.add(term.party)
            for option_id in term.orders:
                if option_id in options and options[option_id].actor != term.party:
                    r.error(
                        item,
                        f"option '{option_id}' belongs to '{options[option_id].actor}', "
                        f"so '{term.party}' cannot promise it in '{proposal.id}'",
                    )
