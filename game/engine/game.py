"""A game in progress: scenario + seed + orders, and the states they lead to.

`Game` is the one object every shell (window, terminal, batch) talks to. A game
is fully described by its scenario, seed, who is human, the computer sides'
temperaments and the list of orders (plus instructor injects): replay, undo
and "what if" are replays of that list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from game.engine import saves
from game.engine.ai import TEMPERAMENTS, choose_temperaments, decide
from game.engine.changing import in_force
from game.engine.deal_ai import committed_choice, deal_move
from game.engine.deal_values import ACCEPT, DealMove
from game.engine.deals import IllegalDeal, check_move
from game.engine.dispositions import check_types, draw_types
from game.engine.orders import Orders
from game.engine.readings import as_things_stand, read_option
from game.engine.records import Decision, Reading, TurnRecord
from game.engine.resolve import IllegalOrder, option_status, resolve
from game.engine.state import GameState
from game.scenario.model import Option, Outcome, Rung, Scenario

__all__ = ["Game", "IllegalOrder", "OptionStatus"]


MAX_REASON = 200  # characters: a team's reason is one line, not an essay


def one_line(text: str) -> str:
    """A team's reason as kept: one line (line breaks and runs of spaces become one space), cut to length."""
    return " ".join(str(text).split())[:MAX_REASON]


@dataclass(frozen=True, slots=True)
class OptionStatus:
    option: Option
    available: bool
    reason: str  # why it is not available; empty when it is


class Game:
    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        humans: tuple[str, ...],
        temperaments: dict[str, str] | None = None,
        classroom: bool = False,
        types: dict[str, str] | None = None,
    ):
        playable = [a.id for a in scenario.playable_actors]
        for side in humans:
            if side not in playable:
                raise IllegalOrder(f"'{side}' is not a playable side (choose from {', '.join(playable)})")
        self.scenario = scenario
        self.seed = seed
        self.classroom = classroom  # teams order in secret at one keyboard (kept in saves)
        self.humans = tuple(humans)
        computer = tuple(a for a in playable if a not in self.humans)
        # One hidden type per actor with types, from the seed unless given (a save keeps them).
        self.types = dict(types) if types is not None else draw_types(scenario, seed)
        self.temperaments = (
            dict(temperaments) if temperaments else choose_temperaments(scenario, seed, computer, self.types)
        )
        for side, temperament in self.temperaments.items():
            if temperament not in TEMPERAMENTS:
                raise IllegalOrder(
                    f"unknown temperament '{temperament}' for {side} "
                    f"(known: {', '.join(sorted(TEMPERAMENTS))})"
                )
        problem = check_types(scenario, self.types)
        if problem:
            raise IllegalOrder(problem)
        self.states: list[GameState] = [GameState.initial(scenario, self.types)]
        self.history: list[TurnRecord] = []
        self.orders: list[Orders] = []
        self.injects: list[list[str]] = []  # instructor injects applied at each turn
        self.pending_injects: list[str] = []
        # A lesson's additions, all optional in saves: each team's one-line "why?" per resolved turn,
        # orders entered but not yet resolved (kept secret), an instructor's early end, and the
        # lesson's settings (timer, which computer types were fixed), which the rules never read.
        self.rationales: list[dict[str, str]] = []
        self.pending_orders: dict[str, str] = {}
        self.pending_rationales: dict[str, str] = {}
        self.ended_by_instructor = False
        self.settings: dict[str, object] = {}
        # Deals: each resolved turn's deal moves (every side's, as given), and the moves the human
        # sides have entered this turn, kept unseen like their orders.
        self.deal_moves: list[tuple[DealMove, ...]] = []
        self.pending_deal_moves: dict[str, DealMove] = {}
        self.load_warnings: list[str] = []  # set when a save is replayed on a changed scenario

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        seed: int = 0,
        humans: tuple[str, ...] | list[str] = (),
        temperaments: dict[str, str] | None = None,
        classroom: bool = False,
        types: dict[str, str] | None = None,
    ) -> Game:
        return cls(scenario, seed, tuple(humans), temperaments, classroom, types)

    # ------------------------------------------------------------ reading
    @property
    def state(self) -> GameState:
        return self.states[-1]

    @property
    def rung(self) -> Rung:
        return self.scenario.rung_for(self.state.tension)

    @property
    def outcome(self) -> Outcome | None:
        return self.scenario.outcome(self.state.outcome) if self.state.outcome else None

    @property
    def is_over(self) -> bool:
        return self.state.outcome is not None or self.ended_by_instructor

    @property
    def tension_history(self) -> list[int]:
        return [s.tension for s in self.states]

    @property
    def computer_sides(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.scenario.acting_actors if a.id not in self.humans)

    def options_for(self, actor_id: str) -> list[OptionStatus]:
        return [
            OptionStatus(o, *option_status(self.scenario, self.state, o))
            for o in self.scenario.options_of(actor_id)
        ]

    def readings(self, option_id: str) -> list[Reading]:
        """How that order would read against the other actors' stated positions."""
        scenario = in_force(self.scenario, self.state)
        return as_things_stand(
            scenario, read_option(scenario, self.scenario.option(option_id)), self.state.issues
        )

    def computer_choice(self, actor_id: str, move: DealMove | None = None) -> Decision:
        """The computer's order; with `move`, its deal move this turn (a deal it accepts now binds it now)."""
        temperament = self.temperaments.get(actor_id) or "cautious"
        if self.state.deals:  # deals bind it: it keeps its word, or (by its nature) breaks it
            accepting = move.deal if move is not None and move.kind == ACCEPT else 0
            return committed_choice(self.scenario, self.state, actor_id, temperament, self.seed, accepting)
        return decide(self.scenario, self.state, actor_id, temperament, self.seed)

    def computer_deal_move(self, actor_id: str) -> DealMove | None:
        """A computer side's deal move this turn: an answer to a proposal made to it, or its own."""
        if not self.scenario.proposals and not self.state.deals:
            return None
        temperament = self.temperaments.get(actor_id) or "cautious"
        return deal_move(in_force(self.scenario, self.state), self.state, actor_id, temperament, self.seed)

    def deal(self, move: DealMove) -> None:
        """A human side's deal move for this turn (one per side; a new one replaces the last)."""
        if move.actor not in self.humans:
            raise IllegalOrder(f"'{move.actor}' is not played by a human in this game")
        try:
            check_move(self.scenario, self.state, move)
        except IllegalDeal as error:
            raise IllegalOrder(str(error)) from None
        self.pending_deal_moves[move.actor] = move

    # ----------------------------------------------------------- commands
    def play_turn(self, human_orders: dict[str, str], rationales: dict[str, str] | None = None) -> TurnRecord:
        """Resolve a turn: the humans' orders as given (each with its team's reason, if any) and their
        deal moves entered this turn, the computer's orders and deal moves chosen now."""
        unknown = [side for side in human_orders if side not in self.humans]
        if unknown:
            raise IllegalOrder(f"'{unknown[0]}' is not played by a human in this game")
        moves = [m for side, m in self.pending_deal_moves.items() if side in self.humans]
        computer = self.computer_sides
        theirs = {side: self.computer_deal_move(side) for side in computer}
        moves += [m for m in theirs.values() if m is not None]
        decisions = {side: self.computer_choice(side, theirs[side]) for side in computer}
        orders = dict(human_orders)
        orders.update({side: d.option_id for side, d in decisions.items()})
        return self.resolve_orders(orders, decisions, rationales, tuple(moves))

    def resolve_orders(
        self,
        orders: dict[str, str],
        decisions: dict[str, Decision] | None = None,
        rationales: dict[str, str] | None = None,
        deal_moves: tuple[DealMove, ...] = (),
    ) -> TurnRecord:
        """Resolve a turn from every side's order (and deal move) as given (replays use this), with
        queued injects."""
        injects = tuple(self.pending_injects)
        state, record = resolve(self.scenario, self.state, orders, injects, decisions, self.seed, deal_moves)
        reasons = {side: one_line(why) for side, why in (rationales or {}).items() if one_line(why)}
        if reasons:
            record = replace(record, rationales=reasons)
        self.pending_injects = []
        self.pending_orders, self.pending_rationales = {}, {}
        self.states.append(state)
        self.history.append(record)
        # As given: a save keeps them so (the record's own when they came in the same order).
        self.orders.append(record.orders if list(orders) == list(record.orders) else Orders(orders))
        self.injects.append(list(injects))
        self.rationales.append(dict(record.rationales))
        self.deal_moves.append(tuple(deal_moves))
        self.pending_deal_moves = {}
        return record

    def inject(self, inject_id: str) -> None:
        """An instructor's news flash: it takes effect when the next turn resolves."""
        ids = [i.id for i in self.scenario.injects]
        if inject_id not in ids:
            raise IllegalOrder(f"no inject called '{inject_id}' (the injects are {', '.join(ids)})")
        if inject_id in self.state.fired_injects or inject_id in self.pending_injects:
            raise IllegalOrder(f"“{self.scenario.injects[ids.index(inject_id)].title}” has already happened")
        self.pending_injects.append(inject_id)

    def undo(self) -> bool:
        """Take back the last turn; False when there is none."""
        if not self.history:
            return False
        self.states.pop()
        self.history.pop()
        self.orders.pop()
        self.injects.pop()
        self.rationales.pop()
        self.deal_moves.pop()
        self.pending_deal_moves = {}
        self.pending_injects = []
        self.pending_orders, self.pending_rationales = {}, {}
        self.ended_by_instructor = False
        return True

    def end_now(self) -> None:
        """The instructor ends the game here (time is up): no more turns, straight to the debrief."""
        self.ended_by_instructor = True
        self.pending_orders, self.pending_rationales, self.pending_injects = {}, {}, []
        self.pending_deal_moves = {}

    # ------------------------------------------------------------- saving
    def to_save(self) -> dict[str, Any]:
        return saves.game_to_save(self)

    @classmethod
    def from_save(cls, scenario: Scenario, data: dict[str, Any]) -> Game:
        return saves.game_from_save(cls, scenario, data)
