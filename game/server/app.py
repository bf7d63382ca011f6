"""The Starlette application: the pages (plain HTML/CSS/JS, no build step), a small JSON API, the WebSocket.

Pages
    /                      join: type the code
    /join/{code}           join: pick a side (the QR code's address)
    /team/{game}           a team's page (its seat token is kept in the browser)
    /projector/{code}      the shared screen
    /instructor/{game}     the console (the key travels in the address's #fragment, never to logs)
    /host                  new games for more classes (the host key, also in the #fragment)
API: /api/join (GET sides, POST take a seat), /api/qr, /api/map, /api/debrief, /api/games; WebSocket /ws.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import segno
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from game.engine import debrief
from game.server import live, seats
from game.server.hub import Hub
from game.server.svgmap import map_svg

STATIC = Path(__file__).resolve().parent / "static"
BODY_MAX = 4096
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _page(name: str):
    async def page(request: Request) -> Response:
        return FileResponse(STATIC / f"{name}.html", headers=HEADERS)

    return page


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _room_for_code(request: Request):
    """The game with the code in the path, or an error response; wrong codes count against the address."""
    hub: Hub = request.app.state.hub
    if hub.guesses.blocked(_client(request)):
        return None, JSONResponse({"error": "Too many wrong codes: wait a minute."}, 429)
    room = hub.room_by_code(request.path_params["code"])
    if room is None:
        hub.guesses.missed(_client(request))
        return None, JSONResponse({"error": "No game has that code. Check it on the projector."}, 404)
    return room, None


async def sides(request: Request) -> Response:
    room, error = _room_for_code(request)
    if error:
        return error
    taken = room.seated
    return JSONResponse(
        {
            "game": room.row.id,
            "title": room.scenario.title,
            "sides": [
                {"id": s, "name": room.scenario.actor(s).name, "taken": s in taken} for s in room.teams
            ],
        }
    )


async def join(request: Request) -> Response:
    """Take a side's seat: the answer's token is the seat, kept by the browser for reloads."""
    body = await _json_body(request)
    if body is None:
        return JSONResponse({"error": "Send a small JSON object."}, 400)
    request.path_params["code"] = body.get("code") if isinstance(body.get("code"), str) else ""
    room, error = _room_for_code(request)
    if error:
        return error
    side = body.get("side")
    if side not in room.teams:
        return JSONResponse({"error": "Pick one of the sides listed."}, 400)
    token = seats.new_token()
    if not room.take_seat(side, seats.token_hash(token)):
        name = room.scenario.actor(side).name
        return JSONResponse({"error": f"{name} is already taken. Ask your instructor to free it."}, 409)
    await request.app.state.hub.broadcast(room)
    return JSONResponse({"game": room.row.id, "side": side, "token": token})


async def _json_body(request: Request) -> dict | None:
    body = await request.body()
    if len(body) > BODY_MAX:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


async def qr(request: Request) -> Response:
    room, error = _room_for_code(request)
    if error:
        return error
    out = io.BytesIO()
    segno.make(request.app.state.hub.join_url(room), error="m").save(
        out, kind="svg", scale=8, dark="#000", light="#fff", xmldecl=False
    )
    return Response(out.getvalue(), media_type="image/svg+xml")


async def game_map(request: Request) -> Response:
    room = request.app.state.hub.room(request.path_params["game"])
    if room is None:
        return JSONResponse({"error": "no such game"}, 404)
    return Response(map_svg(room.scenario, room.game.state), media_type="image/svg+xml")


async def debrief_page(request: Request) -> Response:
    """The engine's debrief, with each team's reasons added; only once the game is over (it tells every order)."""
    room = request.app.state.hub.room(request.path_params["game"])
    if room is None or not room.finished:
        return JSONResponse({"error": "The debrief opens when the game is over."}, 404)
    reasons = room.rationales()
    names = {side: room.scenario.actor(side).name for side in room.teams}
    if request.path_params["fmt"] == "md":
        lines = [
            f"- Turn {t}, {names.get(s, s)}: {text}"
            for t in sorted(reasons)
            for s, text in reasons[t].items()
            if text
        ]
        text = debrief.markdown(room.game) + "\n## The teams' reasons\n\n" + "\n".join(lines) + "\n"
        return Response(text, media_type="text/markdown; charset=utf-8")
    import html

    items = "".join(
        f"<li>Turn {t}, <strong>{html.escape(names.get(s, s))}</strong>: {html.escape(text)}</li>"
        for t in sorted(reasons)
        for s, text in reasons[t].items()
        if text
    )
    page = debrief.html_page(room.game).replace(
        "</body>", f"<h2>The teams' reasons</h2><ul>{items}</ul></body>"
    )
    return Response(page, media_type="text/html; charset=utf-8")


async def games(request: Request) -> Response:
    """The host's list of games (GET) or a new game (POST {"key", "scenario"}): the host key is required."""
    hub: Hub = request.app.state.hub
    body = (await _json_body(request) or {}) if request.method == "POST" else dict(request.query_params)
    if not seats.same_secret(body.get("key"), request.app.state.host_key):
        return JSONResponse({"error": "wrong host key"}, 403)
    if request.method == "POST":
        name = str(body.get("scenario") or next(iter(hub.scenarios), ""))
        if name not in hub.scenarios:
            return JSONResponse({"error": f"unknown scenario (known: {', '.join(hub.scenarios)})"}, 400)
        seed = body.get("seed")
        hub.create(hub.scenarios[name], seed if isinstance(seed, int) else None)
    listing = [
        {
            "game": row.id,
            "code": row.join_code,
            "title": room.scenario.title if (room := hub.room(row.id)) else "(cannot be resumed)",
            "ended": row.ended,
            "projector": f"{hub.base_url}/projector/{row.join_code}",
            "instructor": f"{hub.base_url}/instructor/{row.id}#{row.instructor_key}",
        }
        for row in hub.store.games()
    ]
    return JSONResponse({"games": listing, "scenarios": list(hub.scenarios)})


def create_app(hub: Hub, host_key: str) -> Starlette:
    routes = [
        Route("/", _page("join")),
        Route("/join/{code}", _page("join")),
        Route("/team/{game}", _page("team")),
        Route("/projector/{code}", _page("projector")),
        Route("/instructor/{game}", _page("instructor")),
        Route("/host", _page("host")),
        Route("/api/join/{code}", sides),
        Route("/api/join", join, methods=["POST"]),
        Route("/api/qr/{code}.svg", qr),
        Route("/api/map/{game}.svg", game_map),
        Route("/api/debrief/{game}.{fmt:str}", debrief_page),
        Route("/api/games", games, methods=["GET", "POST"]),
        WebSocketRoute("/ws", live.endpoint),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, max_body_size=BODY_MAX)
    app.state.hub = hub
    app.state.host_key = host_key
    return app
