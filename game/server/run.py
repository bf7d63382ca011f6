"""Starting the server: the data folder, the first game, the addresses to tell the class, then Uvicorn.

Everything lives in `<data folder>/server/`: `games.sqlite3` (the list of
games, seats, this turn's orders, rationales, pause and timer) and `saves/`
(each game in the engine's save format). Restarting with the same folder
resumes every game.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

from game.paths import SCENARIO_DIR, user_data_dir
from game.savelock import SaveInUse, own_save
from game.scenario.finder import scenario_paths
from game.server import seats
from game.server.app import create_app
from game.server.hub import Hub
from game.server.room import Room
from game.server.store import Store

WS_MAX_BYTES = 16 * 1024  # Uvicorn refuses bigger WebSocket frames before the app sees them


@dataclass(frozen=True, slots=True)
class Addresses:
    bind: str  # the interface Uvicorn listens on
    shown: str  # the address students type: http://host:port


def addresses(port: int, lan: bool) -> Addresses:
    """127.0.0.1 by default; with `lan`, every interface, announced under this machine's classroom address."""
    if not lan:
        return Addresses("127.0.0.1", f"http://127.0.0.1:{port}")
    return Addresses("0.0.0.0", f"http://{lan_address()}:{port}")


def cannot_listen(bind: str, port: int) -> str:
    """Why the server could not listen there (the port is taken, say), or "" when it can."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Uvicorn does
        try:
            probe.bind((bind, port))
        except OSError as error:
            return error.strerror or str(error)
    return ""


def lan_address() -> str:
    """The address other machines on the network reach this one by (no packet is sent to find it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def open_hub(base_url: str, data: Path | None = None, extra: Path | None = None) -> tuple[Hub, str]:
    """The hub over the data folder's database, and the host key (made on first start, then kept)."""
    folder = (data or user_data_dir()) / "server"
    _own_folder(folder)
    store = Store(folder / "games.sqlite3")
    scenarios = {p.stem: p for p in scenario_paths(SCENARIO_DIR) if p.is_file()}
    if extra is not None:
        scenarios = {extra.stem: extra, **scenarios}
    hub = Hub(store, folder / "saves", base_url.rstrip("/"), scenarios)
    return hub, store.setting("host_key", seats.new_token)


class FolderInUse(Exception):
    """Another server running on this computer keeps its games in the same folder."""


def _own_folder(folder: Path) -> None:
    """One server per data folder: two would both write each game's save and lose each other's turns.

    The lock is the one saves use (`game/savelock.py`): it goes with the process however it ends.
    """
    folder.mkdir(parents=True, exist_ok=True)
    try:
        own_save(folder / "games.sqlite3")
    except SaveInUse:
        raise FolderInUse(
            f"another Brinkmanship server on this computer keeps its games in {folder}: "
            "use that one, stop it first, or start this one with BRINKMANSHIP_HOME set to another folder"
        ) from None


def game_to_announce(hub: Hub, scenario: Path, new: bool, seed: int | None = None) -> Room:
    """The open game of that scenario (so a restart resumes it), or a new one."""
    wanted = str(scenario.resolve())
    if not new:
        for row in reversed(hub.store.games(open_only=True)):
            room = hub.room(row.id)
            if room is not None and row.scenario_path == wanted and not room.finished:
                return room
    return hub.create(scenario, seed)


def announce(hub: Hub, room: Room, host_key: str) -> str:
    base = hub.base_url
    return "\n".join(
        [
            f"Brinkmanship server: {room.scenario.title}",
            f"  Teams join at   {base}/   with the code {room.row.join_code}",
            f"  Projector       {base}/projector/{room.row.join_code}",
            f"  Instructor      {base}/instructor/{room.row.id}#{room.row.instructor_key}",
            f"  More classes    {base}/host#{host_key}",
            (
                "Keep the instructor and host addresses to yourself. Ctrl-C stops the server; "
                "starting it again resumes every game."
            ),
        ]
    )


def serve(app, bind: str, port: int) -> None:
    import uvicorn

    # No per-message compression: on a classroom network the few kilobytes of a view cost less to send
    # than to compress for every page of every class (measured with bench/bench_server.py).
    uvicorn.run(
        app,
        host=bind,
        port=port,
        ws_max_size=WS_MAX_BYTES,
        ws_per_message_deflate=False,
        log_level="warning",
    )


def build(base_url: str, data: Path | None = None, extra: Path | None = None):
    """The app over the data folder, for `serve`, the tests and the benchmark alike."""
    hub, host_key = open_hub(base_url, data, extra)
    return create_app(hub, host_key), hub, host_key
