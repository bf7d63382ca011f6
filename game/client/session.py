"""One game as the window plays it: the engine's Game plus who sits at the keyboard.

This is bookkeeping only — whose order is still missing this turn, the orders
collected so far, autosaving — never a rule of the game. Rules live in
game.engine; the session only passes orders to `Game.play_turn`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine.game import Game
from game.engine.records import TurnRecord
from game.paths import autosave_path
from game.savefiles import write_save


@dataclass
class Session:
    game: Game
    hotseat: bool = False  # classroom: teams take turns at one keyboard, unseen
    pending: dict[str, str] = field(default_factory=dict)  # this turn's orders, not yet resolved
    autosave: bool = True
    last_error: str = ""
    # The file this game autosaves to, owned by it (see game.savelock); None: the usual autosave.
    save_path: Path | None = None

    @property
    def humans(self) -> tuple[str, ...]:
        return self.game.humans

    def waiting_for(self) -> str | None:
        """The next human side that has not ordered this turn, or None when all have."""
        for side in self.humans:
            if side not in self.pending:
                return side
        return None

    def order(self, side: str, option_id: str) -> None:
        self.pending[side] = option_id

    def resolve(self) -> TurnRecord:
        """Play the turn with the collected orders, then autosave so no game is ever lost."""
        record = self.game.play_turn(dict(self.pending))
        self.pending.clear()
        self.save()
        return record

    def save(self, path: Path | None = None) -> None:
        if self.autosave or path is not None:
            write_save(self.game, path or self.save_path or autosave_path())
