"""The server's rooms and who is connected to each: loads games on demand, sends each listener its own view.

Several classes can play at once: each game is a `Room`, read back from its
save file the first time anyone asks for it after a start, so a restarted
server resumes every game it knew.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from starlette.websockets import WebSocketDisconnect

from game.savefiles import SaveError
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.server import seats, views
from game.server.room import Room
from game.server.store import Store

log = logging.getLogger("brinkmanship.server")

TEAM, PROJECTOR, INSTRUCTOR = "team", "projector", "instructor"
# What sending to a page that has gone raises (Starlette, or Uvicorn's ClientDisconnected, an OSError).
GONE = (WebSocketDisconnect, RuntimeError, OSError)


@dataclass(eq=False, slots=True)
class Listener:
    """One open page: where to send, and what it may see (a team's side, the projector, the instructor)."""

    send: Callable[[str], Awaitable[None]]
    role: str
    side: str = ""
    close: Callable[[int, str], Awaitable[None]] | None = None  # to end a freed seat's page


@dataclass(slots=True)
class Hub:
    store: Store
    folder: Path  # where game saves go
    base_url: str  # the join address, e.g. http://192.168.1.20:8000
    scenarios: dict[str, Path] = field(default_factory=dict)  # name -> file, for new games
    rooms: dict[str, Room] = field(default_factory=dict)
    listeners: dict[str, set[Listener]] = field(default_factory=dict)
    locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    scenarios_read: dict[str, tuple[int, Scenario]] = field(default_factory=dict)
    guesses: seats.GuessLimit = field(default_factory=seats.GuessLimit)

    def room(self, game_id: str) -> Room | None:
        if game_id in self.rooms:
            return self.rooms[game_id]
        row = self.store.game(game_id) if isinstance(game_id, str) else None
        if row is None:
            return None
        try:
            room = Room.load(self.store, row, self.scenario(Path(row.scenario_path)))
        except (SaveError, ScenarioError, OSError) as error:
            log.error("game %s cannot be resumed: %s", game_id, error)
            return None
        self.rooms[game_id] = room
        return room

    def room_by_code(self, typed: object) -> Room | None:
        row = self.store.game_by_code(seats.normal_code(typed)) if isinstance(typed, str) else None
        return self.room(row.id) if row else None

    def scenario(self, path: Path) -> Scenario:
        """The scenario in the file, read once while the file is unchanged and shared by every game of it
        (the engine keeps its per-scenario lookups for a few scenario objects only)."""
        key = str(path.resolve())
        stamp = path.stat().st_mtime_ns
        known = self.scenarios_read.get(key)
        if known is None or known[0] != stamp:
            known = (stamp, load_scenario(path))
            self.scenarios_read[key] = known
        return known[1]

    def create(self, scenario_path: Path, seed: int | None = None) -> Room:
        room = Room.create(self.store, self.scenario(scenario_path), self.folder, seed)
        self.rooms[room.row.id] = room
        return room

    def join_url(self, room: Room) -> str:
        return f"{self.base_url}/join/{room.row.join_code}"

    def lock(self, game_id: str) -> asyncio.Lock:
        return self.locks.setdefault(game_id, asyncio.Lock())

    # ------------------------------------------------------------- listeners
    def add(self, game_id: str, listener: Listener) -> None:
        self.listeners.setdefault(game_id, set()).add(listener)

    def remove(self, game_id: str, listener: Listener) -> None:
        self.listeners.get(game_id, set()).discard(listener)

    def view_for(self, room: Room, listener: Listener, shared: str | None = None) -> str:
        """The listener's view as JSON text; `shared` is the part every page shares, when already written."""
        if listener.role == TEAM:
            return views.team_view(room, listener.side, shared)
        if listener.role == INSTRUCTOR:
            return views.instructor_view(room, self.join_url(room), shared)
        return views.projector_view(room, self.join_url(room), shared)

    async def broadcast(self, room: Room) -> None:
        """Every page of the game gets its own fresh view; the shared part is written once for all."""
        listeners = list(self.listeners.get(room.row.id, ()))
        await self._rebrief(room, listeners)
        shared = views.shared_text(room)
        texts: dict[tuple[str, str], str] = {}
        for listener in listeners:
            key = (listener.role, listener.side)
            if key not in texts:
                texts[key] = self.view_for(room, listener, shared)
        await asyncio.gather(*(self._send(room, li, texts[(li.role, li.side)]) for li in listeners))

    async def _rebrief(self, room: Room, listeners: list[Listener]) -> None:
        """When a stated position changes (at a date or on an event), every page gets a new welcome."""
        now = views.positions_now(room)
        if room.briefed is not None and room.briefed is not now:
            texts = {
                li.side: json.dumps(views.welcome(room, li.side), ensure_ascii=False) for li in listeners
            }
            await asyncio.gather(*(self._send(room, li, texts[li.side]) for li in listeners))
        room.briefed = now

    async def progress(self, room: Room) -> None:
        """After an order that did not end the turn: who has ordered, and to the team that did, its order."""
        shared = views.progress(room)
        listeners = list(self.listeners.get(room.row.id, ()))
        texts = {
            li: json.dumps({**shared, **views.own_order(room, li.side)} if li.role == TEAM else shared)
            for li in listeners
        }
        await asyncio.gather(*(self._send(room, li, texts[li]) for li in listeners))

    async def _send(self, room: Room, listener: Listener, text: str) -> None:
        try:
            await listener.send(text)
        except GONE:  # a page that went away; it will reconnect and be sent a fresh view
            self.remove(room.row.id, listener)

    async def unseat(self, room: Room, side: str) -> None:
        """A freed seat: the pages holding it are told so and closed."""
        for listener in list(self.listeners.get(room.row.id, ())):
            if listener.role == TEAM and listener.side == side:
                self.remove(room.row.id, listener)
                try:
                    await listener.send(json.dumps({"type": "unseated"}))
                    if listener.close is not None:
                        await listener.close(4001, "seat freed")
                except GONE:
                    log.info("a freed seat's page had already gone")
