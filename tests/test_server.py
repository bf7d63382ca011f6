"""The classroom network game, through its real HTTP API and WebSocket (Starlette's TestClient).

Given teams on their own devices: they join with the projector's code, order
in secret, and every page sees the same resolution the engine gives — and
nothing one team sends reaches another before the turn is resolved.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from starlette.websockets import WebSocketDisconnect

from game.engine.game import Game
from game.savefiles import open_saved
from game.server import seats
from tests.server_fixtures import (
    Server,
    first_available,
    instructor_page,
    projector_page,
    team_page,
)

SIDES = ("us", "nato", "russia")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "data")
    yield s
    s.close()


def test_a_team_joins_with_the_code_as_typed_and_its_side_is_then_taken(server):
    typed = server.code.lower().replace("-", " ")
    sides = server.client.get(f"/api/join/{server.code}").json()["sides"]
    assert [s["id"] for s in sides] == list(SIDES) and not any(s["taken"] for s in sides)
    assert server.join("us", code=typed)
    again = server.client.post("/api/join", json={"code": server.code, "side": "us"})
    assert again.status_code == 409 and "already taken" in again.json()["error"]
    assert [s["taken"] for s in server.client.get(f"/api/join/{server.code}").json()["sides"]] == [
        True,
        False,
        False,
    ]


def test_join_codes_are_short_to_type_but_unguessable_and_wrong_guesses_are_limited(server):
    codes = {seats.new_join_code() for _ in range(500)}
    assert len(codes) == 500 and all(len(c) == 9 and c[4] == "-" for c in codes)
    assert len(seats.CODE_ALPHABET) ** seats.CODE_LENGTH > 10**11
    for _ in range(10):
        assert server.client.get("/api/join/AAAA-AAAA").status_code == 404
    assert server.client.get("/api/join/AAAA-AAAA").status_code == 429
    # Once blocked, even the right code waits: guessing cannot go on by mixing in a known code.
    assert server.client.get(f"/api/join/{server.code}").status_code == 429


def test_a_turn_resolves_when_every_team_has_ordered_and_every_page_sees_the_same_resolution(server):
    tokens = {side: server.join(side) for side in SIDES}
    with ExitStack() as stack:
        teams = {side: team_page(stack, server, side, tokens[side]) for side in SIDES}
        wall = projector_page(stack, server)
        orders = {side: first_available(page.view) for side, page in teams.items()}
        for n, side in enumerate(SIDES):
            ack = teams[side].send({"type": "order", "option": orders[side], "rationale": f"because {side}"})
            assert ack == {"type": "ack", "turn": 1, "option": orders[side], "resolved": n == 2}
            for page in [*teams.values(), wall]:
                page.next_view()
            if n < 2:
                assert wall.view["ordered"] == n + 1 and wall.view["last"] is None
        last = wall.view["last"]
        assert wall.view["turn"] == 2 and last["headline"].startswith("Turn 1: tension")
        assert {o["side"]: o["rationale"] for o in last["orders"]} == {s: f"because {s}" for s in SIDES}
        assert all(page.view["last"] == last for page in teams.values())
    # The engine, replaying the save, agrees with what the pages were told.
    game = open_saved(server.room.row.save_path)
    assert game.orders == [orders] and game.state.tension == wall.view["tension"]


def secrets_of(page_messages: list[str], secrets: list[str]) -> list[str]:
    """The secrets found in any message, leaving out the `last` (resolved) part of views."""
    found = []
    for text in page_messages:
        message = json.loads(text)
        message.pop("last", None)
        seen = json.dumps(message, ensure_ascii=False)
        found += [s for s in secrets if s in seen]
    return found


def test_no_page_is_ever_sent_another_teams_pending_order_or_rationale(server):
    tokens = {side: server.join(side) for side in SIDES}
    sc = server.room.scenario
    with ExitStack() as stack:
        teams = {side: team_page(stack, server, side, tokens[side]) for side in SIDES}
        others = {"projector": projector_page(stack, server), "instructor": instructor_page(stack, server)}
        pages = {**teams, **others}
        for turn in range(1, 4):
            for n, side in enumerate(SIDES):
                option = first_available(teams[side].view, skip=turn)
                secret = f"secret-{side}-{turn}"
                marks = [len(p.messages) for p in pages.values()]
                teams[side].send({"type": "order", "option": option, "rationale": secret})
                for page in pages.values():
                    page.next_view()
                if n == 2:
                    break  # this order resolved the turn: everything is public from here
                label = sc.option(option).label
                for (name, page), mark in zip(pages.items(), marks, strict=True):
                    if name != side:
                        leaked = secrets_of(page.messages[mark:], [option, label, secret])
                        assert leaked == [], f"{name} was sent {side}'s pending order: {leaked}"
        # Before resolution the pages say who has ordered, never what; afterwards the reasons are public.
        assert any("secret-us-3" in m for m in others["projector"].messages)
        # The engine's record keeps them too, so the save's debrief, `grade` and `compare` show them.
        assert server.room.game.history[0].rationales == {side: f"secret-{side}-1" for side in SIDES}
    for path in ("/", f"/team/{server.room.row.id}", f"/projector/{server.code}"):
        assert "secret-" not in server.client.get(path).text


def test_instructor_actions_need_the_instructor_key(server):
    token = server.join("us")
    with ExitStack() as stack, pytest.raises(WebSocketDisconnect):
        ws = stack.enter_context(server.client.websocket_connect("/ws"))
        ws.send_json({"type": "hello", "game": server.room.row.id, "key": "guess"})
        assert ws.receive_json() == {"type": "refused", "message": "wrong instructor key"}
        ws.receive_json()
    with ExitStack() as stack:
        us = team_page(stack, server, "us", token)
        for action in ("undo", "end", "pause", "reveal"):
            assert us.send({"type": action})["type"] == "refused"
    assert not server.room.row.ended and not server.room.row.paused


def test_every_input_is_checked_with_the_engines_own_rules_and_bounded(server):
    with ExitStack() as stack:
        us = team_page(stack, server, "us")
        refused = us.send({"type": "order", "option": "russia_recognise_dpr_lpr", "rationale": ""})
        assert refused["type"] == "refused" and "not one of" in refused["message"]
        unavailable = next((o for o in us.view["options"] if not o["available"]), None)
        if unavailable is not None:
            answer = us.send({"type": "order", "option": unavailable["id"]})
            assert answer["message"].endswith(unavailable["reason"])
        too_long = us.send({"type": "order", "option": first_available(us.view), "rationale": "x" * 201})
        assert "one line" in too_long["message"]
        us.ws.send_text("x" * 5000)
        with pytest.raises(WebSocketDisconnect):
            us.ws.receive_text()
    big = server.client.post("/api/join", content=b"{" + b" " * 10_000 + b"}")
    assert big.status_code in (400, 413)


def test_the_instructor_pauses_times_fires_news_undoes_ends_and_reveals(server):
    tokens = {side: server.join(side) for side in SIDES}
    with ExitStack() as stack:
        teams = {side: team_page(stack, server, side, tokens[side]) for side in SIDES}
        boss = instructor_page(stack, server)
        pages = [*teams.values(), boss]

        def act(message: dict) -> dict:
            boss.ws.send_json(message)
            for page in pages:
                page.next_view()
            return boss.view

        assert act({"type": "pause"})["paused"]
        refused = teams["us"].send({"type": "order", "option": first_available(teams["us"].view)})
        assert "paused" in refused["message"]
        assert not act({"type": "resume"})["paused"]
        assert 118 <= act({"type": "timer", "minutes": 2})["seconds_left"] <= 120
        inject = next(i for i in boss.view["injects"] if i["instructor_only"])
        assert next(i for i in act({"type": "inject", "inject": inject["id"]})["injects"] if i["queued"])
        view = act({"type": "resolve_now"})  # no team has ordered: the computer orders for all three
        assert view["turn"] == 2 and inject["title"] in [n["title"] for n in view["last"]["injects"]]
        assert all(o["computer"] for o in view["last"]["orders"])
        assert act({"type": "undo"})["turn"] == 1
        assert (
            act({"type": "end"})["over"] and boss.view["outcome"]["title"] == "The instructor ended the game"
        )
        assert act({"type": "reveal"})["revealed"] is not None
    page = server.client.get(f"/api/debrief/{server.room.row.id}.html")
    assert page.status_code == 200 and "Debrief" in page.text


def test_the_debrief_opens_only_when_the_game_is_over(server):
    assert server.client.get(f"/api/debrief/{server.room.row.id}.html").status_code == 404


def test_a_restarted_server_resumes_the_game_with_its_seats_and_the_orders_already_given(tmp_path):
    first = Server(tmp_path / "data")
    tokens = {side: first.join(side) for side in SIDES}
    with ExitStack() as stack:
        pages = {side: team_page(stack, first, side, tokens[side]) for side in SIDES}
        for side in SIDES:
            pages[side].send(
                {"type": "order", "option": first_available(pages[side].view), "rationale": "one"}
            )
            for page in pages.values():
                page.next_view()
        given = first_available(pages["us"].view)
        pages["us"].send({"type": "order", "option": given, "rationale": "two"})
    game_id, code = first.room.row.id, first.code
    first.close()
    again = Server(tmp_path / "data", new_game=False)
    with ExitStack() as stack:
        us = team_page(stack, again, "us", tokens["us"])
        assert us.view["turn"] == 2 and us.view["my_order"]["rationale"] == "two"
        assert us.view["last"]["orders"][0]["rationale"] == "one"
    assert again.hub.room_by_code(code).row.id == game_id
    assert isinstance(open_saved(again.hub.room(game_id).row.save_path), Game)
    again.close()


def test_several_classes_play_at_once_on_one_server(server):
    made = server.client.post("/api/games", json={"key": server.host_key, "scenario": "eastern_flank_2022"})
    made = made.json()
    assert len(made["games"]) == 2
    other = next(g for g in made["games"] if g["code"] != server.code)
    server.join("us")
    server.join("us", code=other["code"])  # the same side in another class's game is free
    assert server.client.get("/api/games", params={"key": "wrong"}).status_code == 403


def test_the_projector_shows_the_join_address_and_a_qr_code(server):
    svg = server.client.get(f"/api/qr/{server.code}.svg")
    assert svg.status_code == 200 and svg.text.startswith("<svg")
    with ExitStack() as stack:
        wall = projector_page(stack, server)
    assert wall.view["join"] == {"code": server.code, "url": f"http://testserver/join/{server.code}"}
    assert "options" not in wall.view and "my_order" not in wall.view


def test_serve_says_in_one_line_why_it_cannot_start(tmp_path):
    env = dict(os.environ, BRINKMANSHIP_HOME=str(tmp_path), PYTHONPATH=str(ROOT))

    def serve(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, str(ROOT / "main.py"), "serve", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)

    missing = serve("--scenario", str(tmp_path / "nowhere.yaml"))
    assert missing.returncode == 2 and missing.stderr.strip().count("\n") == 0
    assert "no scenario file" in missing.stderr and not missing.stdout
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = serve("--port", str(taken.getsockname()[1]))
    assert (
        busy.returncode == 1
        and "choose another with --port" in busy.stderr
        and "Traceback" not in busy.stderr
    )
    from game.savelock import own_save, release

    held = tmp_path / "server" / "games.sqlite3"  # as a server running now holds its folder
    held.parent.mkdir(parents=True)
    own_save(held)
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            free = probe.getsockname()[1]
        twice = serve("--port", str(free))
    finally:
        release(held)
    assert twice.returncode == 1 and "Traceback" not in twice.stderr
    assert "another Brinkmanship server" in twice.stderr and str(held.parent) in twice.stderr


def test_the_instructor_frees_a_seat_and_its_old_token_no_longer_enters(server):
    token = server.join("us")
    with ExitStack() as stack:
        us = team_page(stack, server, "us", token)
        boss = instructor_page(stack, server)
        boss.ws.send_json({"type": "free_seat", "side": "us"})
        assert us.next() == {"type": "unseated"}
        boss.next_view()
    assert not next(s for s in server.client.get(f"/api/join/{server.code}").json()["sides"])["taken"]
    with ExitStack() as stack, pytest.raises(WebSocketDisconnect):
        ws = stack.enter_context(server.client.websocket_connect("/ws"))
        ws.send_json({"type": "hello", "token": token})
        assert "no longer yours" in ws.receive_json()["message"]
        ws.receive_json()
    assert server.join("us")  # another browser may take it now


def test_every_page_is_told_the_ladder_with_the_chance_on_its_top_rungs(server):
    with ExitStack() as stack:
        wall = projector_page(stack, server)
    risks = {r["name"]: r["risk"] for r in wall.welcome["ladder"]}
    assert risks["Brink of war"].startswith("3 % a turn that an incident at the border")
    assert risks["Diplomatic standoff"] == ""
