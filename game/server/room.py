"""One game being played over the network: the engine's `Game`, this turn's secret orders, the lesson clock.

No rules live here. Orders are checked by the engine (`Game.options_for`,
whose availability is the resolver's own), turns are resolved by
`Game.resolve_orders`, the computer chooses with `Game.computer_choice`,
injects and undo are `Game.inject` and `Game.undo`, and the game is written in
the engine's save format after every change. What the engine does not hold
yet — orders given this turn, rationales, pause and timer — is kept in the
store, so a restarted server resumes exactly where it stopped.
"""

from __future__ import annotations

import time
from pathlib import Path

from game.engine.game import Game, IllegalOrder
from game.engine.records import TurnRecord
from game.savefiles import read_save, write_save
from game.scenario.model import Scenario
from game.seeds import choose_seed
from game.server import seats
from game.server.store import GameRow, Store

RATIONALE_MAX = 200  # one line, as on a card
TIMER_MAX_MINUTES = 15


class Refused(ValueError):
    """A request the game cannot take now; the message is for the person who made it."""


class Room:
    def __init__(self, row: GameRow, game: Game, store: Store, clock=time.time):
        self.row, self.game, self.store, self.clock = row, game, store, clock
        self.pending: dict[str, tuple[str, str]] = store.pending(row.id)
        self.seated: set[str] = set(store.seats(row.id))  # kept here too: every view says who is seated
        self._rationales: dict[int, dict[str, str]] | None = None  # read once, then kept in step
        self.version = 0  # bumped on every change
        self.needs_save = False  # the game changed since its save was written (see `save`)
        self.cache: dict[object, object] = {}  # views of the current state (see views.cached)
        self.briefed: object = None  # the positions in force when the pages were last sent a welcome

    # ------------------------------------------------------------ lifecycle
    @classmethod
    def create(cls, store: Store, scenario: Scenario, folder: Path, seed: int | None = None) -> Room:
        """A new game in which every playable side is a team (the computer orders only when told to)."""
        game_id = seats.new_game_id()
        seed = choose_seed(seed)
        humans = tuple(a.id for a in scenario.playable_actors)
        game = Game.new(scenario, seed=seed, humans=humans, classroom=True)
        row = GameRow(
            game_id,
            _unused_code(store),
            seats.new_token(),
            str(Path(scenario.path).resolve()),
            str(Path(folder) / f"game-{game_id}.json"),
            time.time(),
        )
        write_save(game, row.save_path)
        store.add_game(row)
        return cls(row, game, store)

    @classmethod
    def load(cls, store: Store, row: GameRow, scenario: Scenario) -> Room:
        """The game as its save file replays it on `scenario`; raises SaveError when it cannot."""
        return cls(row, Game.from_save(scenario, read_save(row.save_path)), store)

    @property
    def scenario(self) -> Scenario:
        return self.game.scenario

    @property
    def teams(self) -> tuple[str, ...]:
        return self.game.humans

    @property
    def finished(self) -> bool:
        return self.game.is_over or self.row.ended

    def _changed(self, save_game: bool = False) -> None:
        self.needs_save = self.needs_save or save_game
        self.store.save_lesson(self.row)
        self.version += 1

    def save(self) -> None:
        """Write the game's save file if it changed: the caller does it before telling anyone the news.

        Kept out of the commands so the server can write (and fsync) off its event loop, where
        other classes' games go on meanwhile; the room's lock keeps the game still while it is written.
        """
        if self.needs_save:
            write_save(self.game, self.row.save_path)
            self.needs_save = False

    # --------------------------------------------------------------- orders
    def submit(self, side: str, option_id: object, rationale: object) -> TurnRecord | None:
        """A team's order for this turn (a later one replaces it); the turn resolves when every team has ordered."""
        if side not in self.teams:
            raise Refused(f"'{side}' is not a team in this game")
        self._check_open()
        status = next((s for s in self.game.options_for(side) if s.option.id == option_id), None)
        if status is None:
            raise Refused(f"that is not one of {self.scenario.actor(side).name}'s options")
        if not status.available:
            raise Refused(f"“{status.option.label}” is not available: {status.reason}")
        why = _one_line(rationale)
        self.pending[side] = (status.option.id, why)
        self.store.set_pending(self.row.id, side, status.option.id, why)
        self.version += 1
        if all(team in self.pending for team in self.teams):
            return self._resolve()
        return None

    def resolve_now(self) -> TurnRecord:
        """The instructor's call: the computer orders for every team that has not, and the turn resolves."""
        self._check_open()
        return self._resolve()

    def _check_open(self) -> None:
        if self.finished:
            raise Refused("the game is over")
        if self.row.paused:
            raise Refused("the instructor has paused the game; wait for it to resume")

    def _resolve(self) -> TurnRecord:
        orders = {side: option for side, (option, _) in self.pending.items()}
        missing = [a.id for a in self.scenario.acting_actors if a.id not in orders]
        decisions = {side: self.game.computer_choice(side) for side in missing}
        orders.update({side: d.option_id for side, d in decisions.items()})
        rationales = {side: why for side, (_, why) in self.pending.items()}
        try:
            # The reasons go into the engine's record too, so the save's debrief, `grade` and `compare` hold them.
            record = self.game.resolve_orders(orders, decisions, rationales)
        except IllegalOrder as error:  # an order valid when given but not now (after an undo, say)
            raise Refused(str(error)) from None
        self.store.resolve_pending(self.row.id, record.turn, rationales)
        self._rationales = None
        self.pending = {}
        self._restart_timer()
        self._changed(save_game=True)
        return record

    # ----------------------------------------------------- instructor actions
    def pause(self) -> None:
        if self.row.paused:
            return
        self.row.paused = True
        if self.row.deadline is not None:
            self.row.remaining, self.row.deadline = max(0.0, self.row.deadline - self.clock()), None
        self._changed()

    def resume(self) -> None:
        if not self.row.paused:
            return
        self.row.paused = False
        if self.row.remaining is not None:
            self.row.deadline, self.row.remaining = self.clock() + self.row.remaining, None
        self._changed()

    def set_timer(self, minutes: object) -> None:
        """Discussion time per turn (0 = no timer); the running turn starts again with it."""
        if not isinstance(minutes, int | float) or not 0 <= minutes <= TIMER_MAX_MINUTES:
            raise Refused(f"the timer takes 0 (off) to {TIMER_MAX_MINUTES} minutes")
        self.row.timer_seconds = int(minutes * 60)
        self._restart_timer()
        self._changed()

    def _restart_timer(self) -> None:
        seconds = self.row.timer_seconds if not self.finished else 0
        self.row.deadline = self.row.remaining = None
        if seconds and self.row.paused:
            self.row.remaining = float(seconds)
        elif seconds:
            self.row.deadline = self.clock() + seconds

    def seconds_left(self) -> float | None:
        """None with no timer; never below 0 (at 0 the pages warn; the timer never chooses for a team)."""
        if self.row.remaining is not None:
            return self.row.remaining
        if self.row.deadline is not None:
            return max(0.0, self.row.deadline - self.clock())
        return None

    def inject(self, inject_id: object) -> None:
        if self.finished:
            raise Refused("the game is over")
        try:
            self.game.inject(str(inject_id))
        except IllegalOrder as error:
            raise Refused(str(error)) from None
        self._changed(save_game=True)

    def undo(self) -> None:
        turn = len(self.game.history)
        if self.row.ended or not self.game.undo():
            raise Refused("there is no turn to undo" if not self.row.ended else "the game has been ended")
        self.store.forget_turn(self.row.id, turn)
        self._rationales = None
        self.pending = {}
        self._restart_timer()
        self._changed(save_game=True)

    def end(self) -> None:
        self.row.ended = True
        self._restart_timer()
        self._changed()

    def reveal(self) -> None:
        self.row.revealed = True
        self._changed()

    def free_seat(self, side: object) -> None:
        if side not in self.teams:
            raise Refused("no such team")
        self.store.free_seat(self.row.id, str(side))
        self.seated.discard(str(side))
        self.version += 1

    def take_seat(self, side: str, token_hash: str) -> bool:
        """False when the side is already taken."""
        if side not in self.teams or not self.store.take_seat(self.row.id, side, token_hash):
            return False
        self.seated.add(side)
        self.version += 1
        return True

    def rationales(self) -> dict[int, dict[str, str]]:
        """turn -> team -> its one-line reason, for resolved turns only."""
        if self._rationales is None:
            self._rationales = self.store.rationales(self.row.id)
        return self._rationales


def _one_line(text: object) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise Refused("the reason must be text")
    line = " ".join(text.split())
    if len(line) > RATIONALE_MAX:
        raise Refused(f"keep the reason to one line ({RATIONALE_MAX} characters at most)")
    return line


def _unused_code(store: Store) -> str:
    while True:
        code = seats.new_join_code()
        if store.game_by_code(code) is None:
            return code
