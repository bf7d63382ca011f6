"""What if: the same game replayed from one turn with another order for one side.

Everything before that turn is replayed exactly (same orders, same news
flashes, same seed), so it is identical; from that turn on the teams' later
orders are kept where they are still open to them, and the computer chooses
where they are not, or once the original game's orders run out (only when the
original reached an ending: a game still open or ended by the instructor is
compared over the same turns). Every substitution is named in the notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.deal_values import DealMove
from game.engine.deals import IllegalDeal, check_move
from game.engine.game import Game, IllegalOrder
from game.engine.records import Decision
from game.wording import counted


@dataclass(frozen=True, slots=True)
class WhatIf:
    original: Game
    branch: Game
    turn: int
    side: str
    option_id: str
    notes: tuple[str, ...]

    @property
    def question(self) -> str:
        sc = self.original.scenario
        was = sc.option(self.original.orders[self.turn - 1][self.side]).label
        return (
            f"What if {sc.actor(self.side).name} had ordered “{sc.option(self.option_id).label}” "
            f"in turn {self.turn} instead of “{was}”?"
        )


def fresh_copy(game: Game) -> Game:
    """A new game with the same scenario, seed, sides, temperaments and settings, no turn played."""
    copy = Game(
        game.scenario, game.seed, game.humans, dict(game.temperaments), game.classroom, dict(game.types)
    )
    copy.settings = dict(game.settings)
    return copy


def what_if(game: Game, turn: int, side: str, option_id: str) -> WhatIf:
    """Replay `game` with `side` ordering `option_id` in `turn`; IllegalOrder says why it cannot be."""
    sc = game.scenario
    if not 1 <= turn <= len(game.history):
        raise IllegalOrder(f"turn {turn} was not played (this game has {counted(len(game.history), 'turn')})")
    if side not in game.orders[turn - 1]:
        raise IllegalOrder(f"'{side}' gave no order in turn {turn}")
    if option_id not in [o.id for o in sc.options_of(side)]:
        raise IllegalOrder(f"'{option_id}' is not an option of {sc.actor(side).name}")
    branch = fresh_copy(game)
    for k in range(turn - 1):
        _replay(game, branch, k)
    status = next(s for s in branch.options_for(side) if s.option.id == option_id)
    if not status.available:
        raise IllegalOrder(
            f"“{status.option.label}” was not open to {sc.actor(side).name} in turn {turn}: {status.reason}"
        )
    orders = dict(game.orders[turn - 1]) | {side: option_id}
    branch.pending_injects = list(game.injects[turn - 1])
    branch.resolve_orders(
        orders,
        _decisions(branch, orders, exclude=side),
        _kept_reasons(game, turn - 1, side),
        _still_legal(branch, game.deal_moves[turn - 1]),
    )
    notes = _play_on(game, branch, turn)
    return WhatIf(game, branch, turn, side, option_id, tuple(notes))


def _replay(game: Game, branch: Game, k: int) -> None:
    orders = dict(game.orders[k])
    branch.pending_injects = list(game.injects[k])
    branch.resolve_orders(orders, _decisions(branch, orders), game.rationales[k], game.deal_moves[k])


def _still_legal(branch: Game, moves: tuple[DealMove, ...]) -> tuple[DealMove, ...]:
    """The original deal moves that the branch still allows (a proposal answered may not exist there)."""
    kept = []
    for move in moves:
        try:
            check_move(branch.scenario, branch.state, move)
        except IllegalDeal:
            continue
        kept.append(move)
    return tuple(kept)


def _decisions(branch: Game, orders: dict[str, str], exclude: str = "") -> dict[str, Decision]:
    """The computer sides' explanations, where the order is indeed the one it chooses now."""
    found = {s: branch.computer_choice(s) for s in branch.computer_sides if s != exclude and s in orders}
    return {s: d for s, d in found.items() if d.option_id == orders[s]}


def _kept_reasons(game: Game, k: int, changed: str) -> dict[str, str]:
    return {s: why for s, why in game.rationales[k].items() if s != changed}


def _play_on(game: Game, branch: Game, turn: int) -> list[str]:
    """The turns after the changed one: to an ending when the original reached one; otherwise as far
    as the original went (where the instructor ended it, or where a game still open stands)."""
    notes: list[str] = []
    k = turn
    while not branch.is_over:
        if k >= len(game.orders):
            if game.ended_by_instructor:
                branch.end_now()
            if game.state.outcome is None:
                break
            if k == len(game.orders):
                notes.append(
                    f"From turn {k + 1}, past the original game's end, the computer plays every side."
                )
            orders = {
                s: branch.computer_choice(s).option_id for s in (*branch.humans, *branch.computer_sides)
            }
        else:
            orders = _later_orders(game, branch, k, notes)
            branch.pending_injects = [i for i in game.injects[k] if i not in branch.state.fired_injects]
        branch.resolve_orders(orders, _decisions(branch, orders), None, _later_moves(game, branch, k))
        k += 1
    return notes


def _later_moves(game: Game, branch: Game, k: int) -> tuple[DealMove, ...]:
    """A later turn's deal moves: each team's original one if the branch allows it, the computer's own."""
    teams = [m for m in (game.deal_moves[k] if k < len(game.deal_moves) else ()) if m.actor in branch.humans]
    theirs = [branch.computer_deal_move(s) for s in branch.computer_sides]
    return _still_legal(branch, tuple(teams)) + tuple(m for m in theirs if m is not None)


def _later_orders(game: Game, branch: Game, k: int, notes: list[str]) -> dict[str, str]:
    """Turn k+1's orders: each team's original order if still open to it, the computer's choice otherwise."""
    orders = {}
    for side in branch.humans:
        wanted = game.orders[k].get(side, "")
        open_now = {s.option.id for s in branch.options_for(side) if s.available}
        if wanted in open_now:
            orders[side] = wanted
        else:
            orders[side] = branch.computer_choice(side).option_id
            name = branch.scenario.actor(side).short_name
            notes.append(
                f"Turn {k + 1}: {name}'s original order was no longer open; the computer chose for it."
            )
    for side in branch.computer_sides:
        orders[side] = branch.computer_choice(side).option_id
    return orders
