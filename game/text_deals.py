"""Deals in the terminal game: what a side sees of them, and the words it types to make its deal move.

At 'Your order:' a side may type `deal` (the proposals waiting for its answer,
the deals that bind it, what it may propose), `propose N`, `accept N`,
`reject N`, `counter N M` (deal N answered with proposal M), `compose` or
`compose N` (build a proposal, or a counter to deal N, from the issues open to
deals), and `nodeal`. The move goes with the order the side then gives. A
private deal is shown only to its parties.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine.deal_values import ACCEPT, ACCEPTED, COUNTER, KEPT, PENDING, PROPOSE, REJECT, Deal, DealMove
from game.engine.deal_words import heading, term_lines, title
from game.engine.deals import in_force_for, open_proposals, pending_for
from game.engine.game import Game, IllegalOrder
from game.scenario.proposals import Proposal, composed_proposal
from game.text_views import wrap

Say = Callable[[str], None]
Ask = Callable[[str], str]


def summary_lines(game: Game, side: str) -> list[str]:
    """The deals in a line or two under the situation: what waits for an answer, what binds the side."""
    sc, state = game.scenario, game.state
    lines = []
    waiting = pending_for(state, side, sc)
    if waiting:
        listed = ", ".join(f"{d.number} ({sc.actor(d.bundle(sc).by).short_name})" for d in waiting)
        lines += wrap(f"Proposals for you: {listed} — 'deal' reads them.", "  ", "    ")
    for deal in in_force_for(state, side, sc):
        proposal = deal.bundle(sc)
        owed = list(proposal.term(side).orders) if deal.status == ACCEPTED and side not in deal.done else []
        name = sc.actor(side).short_name + " "
        kept = next((t[len(name) :] for t in term_lines(sc, proposal, deal) if t.startswith(name)), "")
        promise = f"order “{sc.option(owed[0]).label}” by turn {deal.due(proposal)}" if owed else kept
        lines += wrap(f"Your word, deal {deal.number}: {promise}.", "  ", "    ")
    move = game.pending_deal_moves.get(side)
    if move is not None:
        lines += wrap(
            f"Your deal move this turn: {move_words(game, move)} ('nodeal' takes it back).", "  ", "    "
        )
    return lines


def move_words(game: Game, move: DealMove) -> str:
    sc = game.scenario
    if move.kind in (PROPOSE, COUNTER) and move.proposal is not None:
        verb = "propose" if move.kind == PROPOSE else f"counter proposal {move.deal} with"
        return f"{verb} “{title(sc, move.proposal)}”"
    return f"{move.kind} proposal {move.deal}"


def page_lines(game: Game, side: str) -> list[str]:
    """`deal`: every deal the side may see, with its terms, and what it may propose."""
    sc, state = game.scenario, game.state
    lines = ["Deals (one deal move a turn, given with your order):"]
    waiting = pending_for(state, side, sc)
    for deal in waiting:
        lines += _deal_lines(game, deal)
        lines += wrap(
            f"'accept {deal.number}', 'reject {deal.number}', 'counter {deal.number} M' or 'compose {deal.number}'",
            "      ",
        )
    known = [d for d in state.deals if d not in waiting and d.visible_to(d.bundle(sc), side)]
    for deal in known[-6:]:  # the latest: a long game's old refusals are in the debrief
        lines += _deal_lines(game, deal)
    offers = open_proposals(sc, state, side)
    if offers:
        lines.append("You may propose:")
        for n, proposal in enumerate(offers, 1):
            to = ", ".join(sc.actor(a).short_name for a in proposal.to)
            how = "in public" if proposal.public else "back channel"
            lines += wrap(f"{n}. “{proposal.title}” to {to} ({how})", "  ", "     ")
            lines += [line for t in term_lines(sc, proposal) for line in wrap(t, "       ", "         ")]
        lines += wrap("'propose N' makes one.", "  ")
    if sc.deal_issues:
        lines += wrap(
            "'compose' builds your own from: " + ", ".join(sc.issue(i).name for i in sc.deal_issues) + ".",
            "  ",
            "    ",
        )
    if not waiting and not known and not offers and not sc.deal_issues:
        lines.append("  No deals now.")
    return lines


def _deal_lines(game: Game, deal: Deal) -> list[str]:
    sc = game.scenario
    lines = wrap(f"[{deal.number}] {heading(sc, deal)}", "  ", "      ")
    if deal.status not in (PENDING, ACCEPTED, KEPT):
        return lines  # refused, lapsed or broken: the heading says enough
    for text in term_lines(sc, deal.bundle(sc), deal):
        lines += wrap(text, "      ", "        ")
    return lines


def command(game: Game, side: str, answer: str, say: Say, ask: Ask) -> bool:
    """Carry out a deal word; False when the answer is not one."""
    words = answer.split()
    if not words or words[0] not in (
        "deal",
        "deals",
        "propose",
        "accept",
        "reject",
        "counter",
        "compose",
        "nodeal",
    ):
        return False
    verb, numbers = words[0], [_number(w) for w in words[1:]]
    if verb in ("deal", "deals"):
        for line in page_lines(game, side):
            say(line)
        return True
    if verb == "nodeal":
        game.pending_deal_moves.pop(side, None)
        say("No deal move this turn.")
        return True
    move = _move(game, side, verb, numbers, say, ask)
    if move is not None:
        try:
            game.deal(move)
        except IllegalOrder as error:
            say(f"Not possible: {error}.")
            return True
        say(f"Your deal move this turn: {move_words(game, move)}. Now give your order.")
    return True


def _move(game: Game, side: str, verb: str, numbers: list[int | None], say: Say, ask: Ask) -> DealMove | None:
    first = numbers[0] if numbers else None
    if verb == "propose":
        offers = open_proposals(game.scenario, game.state, side)
        if first is None or not 1 <= first <= len(offers):
            say(f"Type 'propose N' with N from the list 'deal' shows (1 to {len(offers)}).")
            return None
        return DealMove(side, PROPOSE, 0, offers[first - 1])
    if verb in ("accept", "reject"):
        if first is None:
            say(f"Type '{verb} N' with N the number of the proposal ('deal' lists them).")
            return None
        return DealMove(side, ACCEPT if verb == "accept" else REJECT, first)
    if verb == "counter":
        offers = open_proposals(game.scenario, game.state, side)
        second = numbers[1] if len(numbers) > 1 else None
        if first is None or second is None or not 1 <= second <= len(offers):
            say("Type 'counter N M': proposal N answered with your proposal M ('deal' lists both).")
            return None
        return DealMove(side, COUNTER, first, offers[second - 1])
    proposal = compose(game, side, first, say, ask)
    if proposal is None:
        return None
    return DealMove(side, COUNTER if first else PROPOSE, first or 0, proposal)


def compose(game: Game, side: str, answering: int | None, say: Say, ask: Ask) -> Proposal | None:
    """Build a proposal from the issues open to deals, one question at a time."""
    sc = game.scenario
    if not sc.deal_issues:
        say("This scenario opens no issues to deals you compose; 'deal' lists the ready-made ones.")
        return None
    deal = next((d for d in game.state.deals if d.number == answering), None)
    if deal is not None:
        to = deal.bundle(sc).by
    else:
        others = [a.id for a in sc.acting_actors if a.id != side]
        to = others[_pick(ask, "To whom? ", [sc.actor(a).short_name for a in others]) - 1]
    pairs = []
    for party, who in ((side, "you"), (to, sc.actor(to).short_name)):
        issues = [sc.issue(i) for i in sc.deal_issues]
        n = _pick(ask, f"On which issue would {who} bind itself? ", [i.name for i in issues])
        issue = issues[n - 1]
        k = _pick(ask, f"At which state of {issue.name}? ", [s.name for s in issue.states])
        pairs.append((party, issue.id, issue.states[k - 1].id))
    public = ask("In public (p) or through a back channel (b)? ").strip().lower() != "b"
    return composed_proposal(side, (to,), tuple(pairs), public)


def _pick(ask: Ask, prompt: str, names: list[str]) -> int:
    listing = ", ".join(f"{n}. {name}" for n, name in enumerate(names, 1))
    while True:
        number = _number(ask(f"{prompt}{listing}: ").strip())
        if number is not None and 1 <= number <= len(names):
            return number


def _number(word: str) -> int | None:
    return int(word) if word.isdecimal() and len(word) <= 6 else None
