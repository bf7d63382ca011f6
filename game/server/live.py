"""The WebSocket: each page says who it is, then sends commands and receives its own views.

Messages are small JSON objects. A page's first message says who it is:
    {"type": "hello", "token": SEAT_TOKEN}                 a team
    {"type": "hello", "game": ID, "key": INSTRUCTOR_KEY}   the instructor
    {"type": "hello", "code": JOIN_CODE}                   the projector
A team then sends {"type": "order", "option": ID, "rationale": "one line"};
the instructor one of INSTRUCTOR_ACTIONS. The server answers with "welcome"
(the situation), "view" (after every change), "ack", "refused" or "unseated".
Anything oversized, malformed or unauthorised is refused or closes the socket.
"""

from __future__ import annotations

import asyncio
import json

from starlette.websockets import WebSocket, WebSocketDisconnect

from game.server import seats, views
from game.server.hub import INSTRUCTOR, PROJECTOR, TEAM, Hub, Listener
from game.server.room import Refused, Room

MESSAGE_MAX = 4096  # characters; an order with its one-line reason needs a few hundred
HELLO_TIMEOUT = 10.0

INSTRUCTOR_ACTIONS = {
    "pause": lambda room, msg: room.pause(),
    "resume": lambda room, msg: room.resume(),
    "timer": lambda room, msg: room.set_timer(msg.get("minutes")),
    "inject": lambda room, msg: room.inject(msg.get("inject")),
    "undo": lambda room, msg: room.undo(),
    "resolve_now": lambda room, msg: room.resolve_now(),
    "end": lambda room, msg: room.end(),
    "reveal": lambda room, msg: room.reveal(),
    "free_seat": lambda room, msg: room.free_seat(msg.get("side")),
}


async def endpoint(websocket: WebSocket) -> None:
    hub: Hub = websocket.app.state.hub
    await websocket.accept()
    try:
        hello = await asyncio.wait_for(_receive(websocket), HELLO_TIMEOUT)
        room, listener = _identify(hub, hello, websocket)
    except (TimeoutError, WebSocketDisconnect):
        return
    except Refused as error:
        await _refuse(websocket, str(error), close=True)
        return
    hub.add(room.row.id, listener)
    try:
        await websocket.send_text(json.dumps(views.welcome(room, listener.side), ensure_ascii=False))
        await websocket.send_text(hub.view_for(room, listener))
        while True:
            message = await _receive(websocket)
            await _handle(hub, room, listener, message, websocket)
    except WebSocketDisconnect:
        pass
    finally:
        hub.remove(room.row.id, listener)


async def _receive(websocket: WebSocket) -> dict:
    """The next message as a dict; a message too long or not a JSON object closes the socket."""
    text = await websocket.receive_text()
    if len(text) > MESSAGE_MAX:
        await websocket.close(1009, "message too big")
        raise WebSocketDisconnect(1009)
    try:
        message = json.loads(text)
    except ValueError:
        message = None
    if not isinstance(message, dict):
        await websocket.close(1003, "not a JSON object")
        raise WebSocketDisconnect(1003)
    return message


def _identify(hub: Hub, hello: dict, websocket: WebSocket) -> tuple[Room, Listener]:
    if hello.get("type") != "hello":
        raise Refused("say hello first")
    send, close = websocket.send_text, websocket.close
    token = hello.get("token")
    if isinstance(token, str):
        seat = hub.store.seat_of(seats.token_hash(token))
        room = hub.room(seat[0]) if seat else None
        if room is None or seat is None:
            raise Refused("this seat is no longer yours: join again with the code on the projector")
        return room, Listener(send, TEAM, seat[1], close)
    if "key" in hello:
        room = hub.room(str(hello.get("game")))
        if room is None or not seats.same_secret(hello.get("key"), room.row.instructor_key):
            raise Refused("wrong instructor key")
        return room, Listener(send, INSTRUCTOR, "", close)
    client = websocket.client.host if websocket.client else "?"
    if hub.guesses.blocked(client):
        raise Refused("too many wrong codes: wait a minute")
    room = hub.room_by_code(hello.get("code"))
    if room is None:
        hub.guesses.missed(client)
        raise Refused("no game has that code")
    return room, Listener(send, PROJECTOR, "", close)


async def _handle(hub: Hub, room: Room, listener: Listener, message: dict, websocket: WebSocket) -> None:
    kind = message.get("type")
    turn = room.game.state.turn
    async with hub.lock(room.row.id):
        try:
            if listener.role == TEAM and kind == "order":
                resolved = room.submit(listener.side, message.get("option"), message.get("rationale"))
                ack = {
                    "type": "ack",
                    "turn": turn,
                    "option": message.get("option"),
                    "resolved": bool(resolved),
                }
                await websocket.send_text(json.dumps(ack))
            elif listener.role == INSTRUCTOR and kind in INSTRUCTOR_ACTIONS:
                INSTRUCTOR_ACTIONS[kind](room, message)
                if kind == "free_seat":
                    await hub.unseat(room, str(message.get("side")))
            elif kind == "ping":
                await websocket.send_text('{"type":"pong"}')
                return
            else:
                raise Refused(f"'{str(kind)[:40]}' is not something this page can do")
        except Refused as error:
            await _refuse(websocket, str(error))
            return
        if room.needs_save:
            await asyncio.to_thread(room.save)
        if listener.role == TEAM and kind == "order" and room.game.state.turn == turn:
            await hub.progress(room)  # only who has ordered changed: a few bytes, not whole views
        else:
            await hub.broadcast(room)


async def _refuse(websocket: WebSocket, message: str, close: bool = False) -> None:
    await websocket.send_text(json.dumps({"type": "refused", "message": message}, ensure_ascii=False))
    if close:
        await websocket.close(4003, "refused")
