"""One game as the window plays it: the engine's Game plus who sits at the keyboard.

This is bookkeeping only — whose order is still missing this turn, the orders
collected so far, autosaving — never a rule of the game. Rules live in
game.engine; the session only passes orders to `Game.play_turn`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from game.client.timer import TurnTimer
from game.engine.game import Game
from game.engine.records import TurnRecord
from game.paths import autosave_path
from game.savefiles import write_save


@dataclass
class Session:
    game: Game
    hotseat: bool = False  # classroom: teams take turns at one keyboard, unseen
    autosave: bool = True
    last_error: str = ""
    # The file this game autosaves to, owned by it (see game.savelock); None: the usual autosave.
    save_path: Path | None = None
    timer: TurnTimer = field(default_factory=TurnTimer)  # the discussion clock of the team at the keyboard

    def __post_init__(self) -> None:
        minutes = self.game.settings.get("timer_minutes", 0)
        self.timer.limit = 60 * minutes if isinstance(minutes, int) else 0

    @property
    def pending(self) -> dict[str, str]:
        """This turn's orders, not yet resolved: kept in the game, so a save mid-turn holds them."""
        return self.game.pending_orders

    @property
    def humans(self) -> tuple[str, ...]:
        return self.game.humans

    def waiting_for(self) -> str | None:
        """The next human side that has not ordered this turn, or None when all have."""
        for side in self.humans:
            if side not in self.pending:
                return side
        return None

    def order(self, side: str, option_id: str, rationale: str = "") -> None:
        """Keep a team's order (and its one-line reason) until every team has ordered; saved at once,
        so a game interrupted mid-turn resumes with it, still unseen."""
        self.pending[side] = option_id
        self.game.pending_rationales[side] = rationale.strip()
        if self.waiting_for() is not None:
            self.save_quietly()

    def withdraw(self, side: str) -> None:
        self.pending.pop(side, None)
        self.game.pending_rationales.pop(side, None)

    def resolve(self) -> TurnRecord:
        """Play the turn with the collected orders, then autosave so no game is ever lost."""
        record = self.game.play_turn(dict(self.pending), dict(self.game.pending_rationales))
        self.save()
        return record

    def save_quietly(self) -> None:
        """Autosave between turns; a full disk must not stop a lesson (the turn's end saves again)."""
        with contextlib.suppress(OSError):
            self.save()

    def save(self, path: Path | None = None) -> None:
        if self.autosave or path is not None:
            write_save(self.game, path or self.save_path or autosave_path())
