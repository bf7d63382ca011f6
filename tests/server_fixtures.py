"""Helpers for the network game's tests: a server over a folder of its own, teams that join, and pages
that keep every message they were sent (so the secrecy test can read them all)."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

from starlette.testclient import TestClient

from game.paths import DEFAULT_SCENARIO
from game.server.run import build, game_to_announce

BASE = "http://testserver"


class Server:
    """The real app over `folder`; building a second one over the same folder is a restart."""

    def __init__(self, folder: Path, seed: int = 4, new_game: bool = True):
        self.app, self.hub, self.host_key = build(BASE, folder)
        # Entered, the client runs every request and socket on one event loop, as Uvicorn does.
        self.client = TestClient(self.app).__enter__()
        self.room = game_to_announce(self.hub, DEFAULT_SCENARIO, new=False, seed=seed) if new_game else None

    @property
    def code(self) -> str:
        return self.room.row.join_code

    def join(self, side: str, code: str | None = None) -> str:
        answer = self.client.post("/api/join", json={"code": code or self.code, "side": side})
        assert answer.status_code == 200, answer.text
        return answer.json()["token"]

    def close(self) -> None:
        self.client.__exit__(None, None, None)
        self.hub.store.close()


class Page:
    """One open page on the WebSocket, keeping every message it receives."""

    def __init__(self, stack: ExitStack, server: Server, hello: dict, name: str):
        self.ws = stack.enter_context(server.client.websocket_connect("/ws"))
        self.name = name
        self.messages: list[str] = []
        self.ws.send_json(hello)
        self.welcome = self.next()
        self.view = self.next()

    def next(self) -> dict:
        text = self.ws.receive_text()
        self.messages.append(text)
        return json.loads(text)

    def next_view(self) -> dict:
        """Messages up to the next view or progress (an ack or a refusal may come first); the view now."""
        while True:
            message = self.next()
            if message["type"] == "view":
                self.view = message
                return message
            if message["type"] == "progress":  # who has ordered changed: the rest of the view stands
                self.view = {**self.view, **{k: v for k, v in message.items() if k != "type"}}
                return self.view

    def send(self, message: dict) -> dict:
        self.ws.send_json(message)
        return self.next()


def team_page(stack: ExitStack, server: Server, side: str, token: str | None = None) -> Page:
    return Page(stack, server, {"type": "hello", "token": token or server.join(side)}, side)


def projector_page(stack: ExitStack, server: Server) -> Page:
    return Page(stack, server, {"type": "hello", "code": server.code}, "projector")


def instructor_page(stack: ExitStack, server: Server) -> Page:
    hello = {"type": "hello", "game": server.room.row.id, "key": server.room.row.instructor_key}
    return Page(stack, server, hello, "instructor")


def first_available(view: dict, skip: int = 0) -> str:
    available = [o["id"] for o in view["options"] if o["available"]]
    return available[skip % len(available)]
