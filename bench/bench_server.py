"""Benchmark of the classroom network game: many classes at once on one server.

    python bench/bench_server.py [--games 10] [--rounds 2]

Starts the real server (`python main.py serve`, Uvicorn on 127.0.0.1, a free
port, a data folder of its own) in a subprocess, creates `--games` games
through the host API, and connects 4 WebSocket clients to each (three teams
and the projector) with the `websockets` library. All games play at once,
turn after turn to their end; within a turn the teams order in a random
order, a few milliseconds apart. Measured, in milliseconds:

1. order → acknowledgement: from a team sending its order to its "ack";
2. last order → everyone's resolution: from the last order of a turn to the
   moment the fourth page of that game has the resolved turn.

Target: p95 ≤ 100 ms for both.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import websockets

from tests.browser_fixtures import ServerProcess

SIDES = ("us", "nato", "russia")
TARGET_MS = 100.0


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


class Page:
    """One WebSocket client; a reader task keeps its latest view and when each turn first arrived."""

    def __init__(self, socket):
        self.socket = socket
        self.view: dict = {}
        self.acks: asyncio.Queue[float] = asyncio.Queue()
        self.arrived: dict[int, float] = {}  # turn -> when the first view of that turn came
        self.changed = asyncio.Event()

    async def read(self) -> None:
        async for text in self.socket:
            now = time.perf_counter()
            message = json.loads(text)
            if message["type"] == "ack":
                self.acks.put_nowait(now)
            elif message["type"] == "view":
                self.view = message
                key = 10_000 if message["over"] else message["turn"]
                self.arrived.setdefault(key, now)
                self.changed.set()

    async def until(self, turn: int) -> float:
        while turn not in self.arrived and 10_000 not in self.arrived:
            self.changed.clear()
            await self.changed.wait()
        return self.arrived.get(turn, self.arrived.get(10_000, 0.0))


async def open_page(url: str, hello: dict) -> Page:
    page = Page(await websockets.connect(url, max_size=2**22))
    await page.socket.send(json.dumps(hello))
    asyncio.get_running_loop().create_task(page.read())
    while not page.view:
        page.changed.clear()
        await page.changed.wait()
    return page


async def play_game(ws_url: str, game: dict, tokens: dict[str, str], acks: list, resolutions: list) -> None:
    teams = {s: await open_page(ws_url, {"type": "hello", "token": t}) for s, t in tokens.items()}
    wall = await open_page(ws_url, {"type": "hello", "code": game["code"]})
    pages = [*teams.values(), wall]
    while not wall.view["over"]:
        turn = wall.view["turn"]
        sent = 0.0
        for side in random.sample(SIDES, len(SIDES)):
            await asyncio.sleep(random.uniform(0.0, 0.01))
            team = teams[side]
            option = next(o["id"] for o in team.view["options"] if o["available"])
            sent = time.perf_counter()
            await team.socket.send(json.dumps({"type": "order", "option": option, "rationale": "bench"}))
            acks.append((await team.acks.get()) - sent)
        done = await asyncio.gather(*(p.until(turn + 1) for p in pages))
        resolutions.append(max(done) - sent)
    for page in pages:
        await page.socket.close()


def setup_games(server: ServerProcess, count: int) -> list[tuple[dict, dict[str, str]]]:
    host_key = server.lines["More classes"].split("#", 1)[1]
    games = []
    for _ in range(count):
        listing = post(f"{server.base}/api/games", {"key": host_key, "scenario": "eastern_flank_2022"})
        taken = {g["game"] for g, _ in games} | {server_first(server)}
        game = next(g for g in reversed(listing["games"]) if g["game"] not in taken)
        tokens = {
            s: post(f"{server.base}/api/join", {"code": game["code"], "side": s})["token"] for s in SIDES
        }
        games.append((game, tokens))
    return games


def server_first(server: ServerProcess) -> str:
    """The game the server made at start (not one of the benchmark's)."""
    return server.lines["Instructor"].rsplit("/", 1)[1].split("#")[0]


def cpu_seconds(server: ServerProcess) -> float:
    """CPU time the server process has used so far (Linux /proc), whatever else the machine is doing."""
    try:
        fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(name: str, seconds: list[float]) -> bool:
    ms = [s * 1000 for s in seconds]
    p95 = percentile(ms, 95)
    print(
        f"{name:<38} n={len(ms):<4} p50 {statistics.median(ms):6.1f}  p95 {p95:6.1f}  max {max(ms):6.1f} ms"
        f"   target p95 ≤ {TARGET_MS:.0f} ms: {'met' if p95 <= TARGET_MS else 'NOT met'}"
    )
    return p95 <= TARGET_MS


async def run_round(server: ServerProcess, count: int, acks: list, resolutions: list) -> None:
    games = setup_games(server, count)
    ws_url = f"ws://127.0.0.1:{server.port}/ws"
    await asyncio.gather(*(play_game(ws_url, g, t, acks, resolutions) for g, t in games))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2, help="each round plays --games new games at once")
    args = parser.parse_args()
    random.seed(1)
    with tempfile.TemporaryDirectory() as home:
        server = ServerProcess(Path(home), args=("--seed", "4")).start()
        try:
            acks: list[float] = []
            resolutions: list[float] = []
            started, cpu = time.perf_counter(), cpu_seconds(server)
            for _ in range(args.rounds):
                asyncio.run(run_round(server, args.games, acks, resolutions))
            took, cpu = time.perf_counter() - started, cpu_seconds(server) - cpu
        finally:
            server.stop()
    print(
        f"{args.rounds} × {args.games} games at once, 4 WebSocket clients each; {len(resolutions)} turns in "
        f"{took:.1f} s on {os.cpu_count()} cores (load average {os.getloadavg()[0]:.2f}); the server used "
        f"{cpu:.2f} s of CPU, {cpu / len(resolutions) * 1000:.1f} ms per turn (3 orders, 1 resolution, 4 pages)"
    )
    ok = report("order → acknowledgement", acks)
    ok = report("last order → everyone's resolution", resolutions) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
