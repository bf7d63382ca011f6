"""Deals in words: a bundle's title and terms, what each party promised and by when, what happened.

Made only when a screen, the text mode or a debrief reads them; batch games never
pay for them. Every shell filters what it shows by who is looking
(`Deal.visible_to`): a private deal is the parties' business until it leaks.
"""

from __future__ import annotations

from game.engine.deal_values import (
    ACCEPTED,
    BROKEN,
    COUNTERED,
    KEPT,
    LAPSED,
    PENDING,
    REJECTED,
    Deal,
    DealEvent,
)
from game.engine.records import Cause, Reason, TurnRecord
from game.scenario.model import Scenario
from game.scenario.proposals import Proposal
from game.wording import possessive


def title(scenario: Scenario, proposal: Proposal) -> str:
    """The proposal's title; a composed one is named by its terms."""
    if proposal.title:
        return proposal.title
    parts = []
    for term in proposal.terms:
        for issue_id, states in term.accepts:
            issue = scenario.issue(issue_id)
            parts.append(
                f"{scenario.actor(term.party).short_name}: {issue.name} “{issue.state(states[0]).name}”"
            )
    return "; ".join(parts) or "an empty bundle"


def _names(scenario: Scenario, ids: tuple[str, ...]) -> str:
    names = [scenario.actor(a).short_name for a in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def term_lines(scenario: Scenario, proposal: Proposal, deal: Deal | None = None) -> list[str]:
    """Each party's part of the bundle: what it would order (by when, for a deal in force) and keep to."""
    lines = []
    due = f" by turn {deal.due(proposal)}" if deal is not None and deal.in_force else ""
    for party in proposal.parties:
        term = proposal.term(party)
        said = []
        if term.orders:
            labels = " or ".join(f"“{scenario.option(o).label}”" for o in term.orders)
            said.append(f"orders {labels}{due}")
        for issue_id, states in term.accepts:
            issue = scenario.issue(issue_id)
            names = " or ".join(f"“{issue.state(s).name}”" for s in states)
            said.append(f"keeps {issue.name} at {names}")
        if said:
            lines.append(f"{scenario.actor(party).short_name} " + "; ".join(said))
    if proposal.effects is not None and proposal.effects.issues and not proposal.composed:
        agreed = ", ".join(
            f"{scenario.issue(i).name} “{scenario.issue(i).state(s).name}”"
            for i, s in proposal.effects.issues
        )
        lines.append(f"Agreed at once: {agreed}")
    return lines


def heading(scenario: Scenario, deal: Deal) -> str:
    """'USSR → USA, in public: “Missiles out for a pledge” (accepted on turn 6)'."""
    proposal = deal.bundle(scenario)
    how = "in public" if proposal.public else "back channel" + (", leaked" if deal.leaked else "")
    return f"{scenario.actor(proposal.by).short_name} → {_names(scenario, proposal.to)}, {how}: “{title(scenario, proposal)}” ({_status(scenario, deal)})"


def _status(scenario: Scenario, deal: Deal) -> str:
    return {
        PENDING: f"proposed on turn {deal.proposed}",
        ACCEPTED: f"agreed on turn {deal.answered}",
        KEPT: "kept",
        REJECTED: "rejected",
        COUNTERED: "countered",
        LAPSED: "lapsed unanswered",
        BROKEN: "broken by " + _names(scenario, deal.broken_by) if deal.broken_by else "broken",
    }[deal.status]


def event_sentence(scenario: Scenario, event: DealEvent) -> str:
    """What happened to a deal this turn, in one sentence with its why."""
    proposal = event.deal.bundle(scenario)
    named = f"“{title(scenario, proposal)}”"
    who = scenario.actor(event.actor).short_name if event.actor else ""
    why = event.why()
    if event.kind == "proposed":
        channel = "in public" if proposal.public else "through a back channel"
        return f"{who} proposes {named} to {_names(scenario, proposal.to)} {channel}."
    if event.kind == LAPSED:
        return f"{named} lapsed: {_names(scenario, proposal.to)} gave no answer."
    if event.kind in (ACCEPTED, REJECTED, COUNTERED):
        if why:  # a computer's answer says its verb itself: "rejects: the bundle crosses ..."
            return f"{who} answers {named} — {why}."
        verb = {ACCEPTED: "accepts", REJECTED: "rejects", COUNTERED: "counters"}[event.kind]
        return f"{who} {verb} {named}."
    if event.kind == KEPT:
        return f"{named} is kept: every party gave what it promised."
    if event.kind == BROKEN:
        return broken_sentence(scenario, event)
    return f"The back-channel deal {named} has leaked: everyone now knows of it."


def broken_sentence(scenario: Scenario, event: DealEvent) -> str:
    proposal = event.deal.bundle(scenario)
    who = scenario.actor(event.actor).short_name
    named = f"“{title(scenario, proposal)}”"
    if event.option:
        how = f"its order “{scenario.option(event.option).label}” goes against its word"
    else:
        how = f"it did not give the order it promised by turn {event.deal.due(proposal)}"
    public = "public " if event.deal.known_to_all(proposal) else ""
    return f"{who} broke its {public}promise under {named}: {how}."


def visible_events(scenario: Scenario, record: TurnRecord, viewer: str | None) -> list[DealEvent]:
    """The turn's deal events `viewer` may see (None: all, for the instructor and the debrief)."""
    return [
        e
        for e in record.deal_events
        if e.deal.visible_to(e.deal.bundle(scenario), viewer) or e.kind == "leaked"
    ]


# --------------------------------------------------------------- reasons of changes
def accepted_reason(sc: Scenario, cause: Cause, on: str) -> Reason:
    proposal = cause.deal
    assert proposal is not None, "an agreement's changes are always caused by one"
    if not proposal.public:
        return Reason("deal_accepted", "a change agreed out of public view.")
    return Reason("deal_accepted", f"the agreement “{title(sc, proposal)}” was accepted.", proposal.by)


def broken_reason(sc: Scenario, cause: Cause, on: str) -> Reason:
    proposal = cause.deal
    assert proposal is not None, "a broken promise is always under a deal"
    who = sc.actor(cause.actor_id).short_name
    return Reason(
        "deal_broken",
        f"{who} broke its public promise under “{title(sc, proposal)}”, and its word is now worth less.",
        cause.actor_id,
        cause.option_id,
    )


def kept_reason(sc: Scenario, cause: Cause, on: str) -> Reason:
    proposal = cause.deal
    assert proposal is not None, "a kept promise is always under a deal"
    return Reason(
        "deal_kept", f"{possessive('every party')} promises under “{title(sc, proposal)}” were kept."
    )


def debrief_lines(scenario: Scenario, deals: tuple[Deal, ...]) -> list[str]:
    """The deals agreed in the game for the debrief, the back-channel ones revealed as such (the
    proposals refused or left unanswered are in the turns' reports)."""
    lines = []
    for deal in deals:
        proposal = deal.bundle(scenario)
        if deal.status in (ACCEPTED, KEPT, BROKEN):
            secret = "" if deal.known_to_all(proposal) else "secret until now, "
            who = f"{scenario.actor(proposal.by).short_name} → {_names(scenario, proposal.to)}"
            lines.append(f"{who}: “{title(scenario, proposal)}” ({secret}{_status(scenario, deal)})")
    return lines


def debrief_short(scenario: Scenario, deals: tuple[Deal, ...]) -> str:
    """The deals agreed, in a few words each ('NATO → Russia, kept'), for the terminal's end; the
    titles and terms are in the debrief."""
    agreed = []
    for deal in deals:
        proposal = deal.bundle(scenario)
        if deal.status in (ACCEPTED, KEPT, BROKEN):
            secret = ", secret until now" if not deal.known_to_all(proposal) else ""
            who = f"{scenario.actor(proposal.by).short_name} → {_names(scenario, proposal.to)}"
            agreed.append(f"{who} ({_status(scenario, deal)}{secret})")
    return "; ".join(agreed)
