"""The server's list of games, seats, pending orders and rationales: every SQLite access lives here.

The game itself is not in the database: each game is kept in the engine's own
save format (`game.engine.saves`, written atomically after every change), and
a row here says where. What the save format cannot hold yet lives in tables:
the orders given this turn (secret until resolution; kept so a restart loses
none), the teams' one-line rationales (the engine does not store them yet),
seats, and the lesson's pause and timer.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS games (
    id TEXT PRIMARY KEY,
    join_code TEXT UNIQUE NOT NULL,
    instructor_key TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    save_path TEXT NOT NULL,
    created REAL NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0,
    revealed INTEGER NOT NULL DEFAULT 0,
    paused INTEGER NOT NULL DEFAULT 0,
    timer_seconds INTEGER NOT NULL DEFAULT 0,
    deadline REAL,
    remaining REAL
);
CREATE TABLE IF NOT EXISTS seats (
    game_id TEXT NOT NULL, side TEXT NOT NULL, token_hash TEXT NOT NULL, joined REAL NOT NULL,
    PRIMARY KEY (game_id, side)
);
CREATE TABLE IF NOT EXISTS pending (
    game_id TEXT NOT NULL, side TEXT NOT NULL, option_id TEXT NOT NULL, rationale TEXT NOT NULL,
    PRIMARY KEY (game_id, side)
);
CREATE TABLE IF NOT EXISTS rationales (
    game_id TEXT NOT NULL, turn INTEGER NOT NULL, side TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (game_id, turn, side)
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(slots=True)
class GameRow:
    id: str
    join_code: str
    instructor_key: str
    scenario_path: str
    save_path: str
    created: float
    ended: bool = False
    revealed: bool = False
    paused: bool = False
    timer_seconds: int = 0
    deadline: float | None = None  # when the running turn timer reaches zero
    remaining: float | None = None  # seconds left, while paused


class Store:
    """One SQLite file; every method is one short transaction."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection used from the server's event loop thread; WAL keeps commits cheap.
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ games
    def add_game(self, row: GameRow) -> None:
        self.db.execute(
            "INSERT INTO games (id, join_code, instructor_key, scenario_path, save_path, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (row.id, row.join_code, row.instructor_key, row.scenario_path, row.save_path, row.created),
        )

    def game(self, game_id: str) -> GameRow | None:
        return self._one("SELECT * FROM games WHERE id = ?", (game_id,))

    def game_by_code(self, join_code: str) -> GameRow | None:
        return self._one("SELECT * FROM games WHERE join_code = ?", (join_code,))

    def games(self, open_only: bool = False) -> list[GameRow]:
        query = "SELECT * FROM games" + (" WHERE ended = 0" if open_only else "") + " ORDER BY created"
        return [_row(r) for r in self.db.execute(query).fetchall()]

    def save_lesson(self, row: GameRow) -> None:
        """The lesson state the instructor controls: ended, revealed, pause and timer."""
        self.db.execute(
            "UPDATE games SET ended = ?, revealed = ?, paused = ?, timer_seconds = ?, deadline = ?,"
            " remaining = ? WHERE id = ?",
            (
                int(row.ended),
                int(row.revealed),
                int(row.paused),
                row.timer_seconds,
                row.deadline,
                row.remaining,
                row.id,
            ),
        )

    def _one(self, query: str, args: tuple) -> GameRow | None:
        found = self.db.execute(query, args).fetchone()
        return _row(found) if found else None

    # ------------------------------------------------------------------ seats
    def seats(self, game_id: str) -> dict[str, str]:
        """side -> token hash."""
        rows = self.db.execute("SELECT side, token_hash FROM seats WHERE game_id = ?", (game_id,))
        return dict(rows.fetchall())

    def take_seat(self, game_id: str, side: str, token_hash: str) -> bool:
        """False when the side is already taken."""
        try:
            self.db.execute(
                "INSERT INTO seats (game_id, side, token_hash, joined) VALUES (?, ?, ?, ?)",
                (game_id, side, token_hash, time.time()),
            )
        except sqlite3.IntegrityError:
            return False
        return True

    def free_seat(self, game_id: str, side: str) -> None:
        self.db.execute("DELETE FROM seats WHERE game_id = ? AND side = ?", (game_id, side))

    def seat_of(self, token_hash: str) -> tuple[str, str] | None:
        """(game id, side) of a seat token, or None."""
        found = self.db.execute(
            "SELECT game_id, side FROM seats WHERE token_hash = ?", (token_hash,)
        ).fetchone()
        return (found[0], found[1]) if found else None

    # ---------------------------------------------------- orders and rationales
    def pending(self, game_id: str) -> dict[str, tuple[str, str]]:
        """side -> (option id, rationale) given this turn, not yet resolved."""
        rows = self.db.execute("SELECT side, option_id, rationale FROM pending WHERE game_id = ?", (game_id,))
        return {side: (option, why) for side, option, why in rows.fetchall()}

    def set_pending(self, game_id: str, side: str, option_id: str, rationale: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO pending (game_id, side, option_id, rationale) VALUES (?, ?, ?, ?)",
            (game_id, side, option_id, rationale),
        )

    def resolve_pending(self, game_id: str, turn: int, rationales: dict[str, str]) -> None:
        """The turn is resolved: its rationales become public record and the pending orders go."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT OR REPLACE INTO rationales (game_id, turn, side, text) VALUES (?, ?, ?, ?)",
                [(game_id, turn, side, text) for side, text in rationales.items()],
            )
            self.db.execute("DELETE FROM pending WHERE game_id = ?", (game_id,))

    def forget_turn(self, game_id: str, turn: int) -> None:
        """An undone turn: its rationales and any orders given since go."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM rationales WHERE game_id = ? AND turn >= ?", (game_id, turn))
            self.db.execute("DELETE FROM pending WHERE game_id = ?", (game_id,))

    def rationales(self, game_id: str) -> dict[int, dict[str, str]]:
        """turn -> side -> rationale, for resolved turns only."""
        result: dict[int, dict[str, str]] = {}
        rows = self.db.execute("SELECT turn, side, text FROM rationales WHERE game_id = ?", (game_id,))
        for turn, side, text in rows.fetchall():
            result.setdefault(turn, {})[side] = text
        return result

    # --------------------------------------------------------------- settings
    def setting(self, key: str, make: Callable[[], str]) -> str:
        """The stored value of `key`, created with `make()` the first time."""
        found = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if found:
            return found[0]
        value = make()
        self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, value))
        return value


def _row(values: tuple) -> GameRow:
    (id_, code, key, scenario, save, created, ended, revealed, paused, timer, deadline, remaining) = values
    return GameRow(
        id_,
        code,
        key,
        scenario,
        save,
        created,
        bool(ended),
        bool(revealed),
        bool(paused),
        int(timer),
        deadline,
        remaining,
    )
