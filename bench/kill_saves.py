"""`kill -9` at random moments while a game is saving: the save must always load, no temp file may stay.

Run: python bench/kill_saves.py [--kills 200] [--seed 0]

Each round starts a game that owns one save file and saves it over and over
(a turn, a save; a new game when one ends), as fast as the disk allows, through
the game's own atomic write; every fifth round it is the real terminal game,
`play --text --load`, fed orders. The game is killed with SIGKILL at a random
moment, then the save is read back and replayed as `play --load` would. The
next round's game owns the file again, which must clear the temp files the
killed one left. Prints the counts; exits 1 if any save failed to load or any
temp file outlived the next owner.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCENARIO = ROOT / "scenarios" / "eastern_flank_2022.yaml"


def child(path: Path) -> None:
    """Own `path` and save a game to it for ever (until killed)."""
    from game.engine.game import Game
    from game.savefiles import write_save
    from game.savelock import own_save
    from game.scenario.loader import load_scenario

    own_save(path)
    scenario = load_scenario(SCENARIO)
    game, seed = Game.new(scenario, seed=0, humans=("us",)), 0
    print("ready", flush=True)
    while True:
        if game.is_over:
            seed += 1
            game = Game.new(scenario, seed=seed, humans=("us",))
        game.play_turn({"us": next(s.option.id for s in game.options_for("us") if s.available)})
        write_save(game, path)


def _start(path: Path, text_game: bool, env: dict[str, str]) -> subprocess.Popen:
    if text_game:
        orders = "".join(f"{n}\n" for n in range(1, 12)) * 40
        command = [sys.executable, str(ROOT / "main.py"), "play", "--text", "--load", str(path)]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        assert process.stdin is not None
        process.stdin.write(orders.encode())
        process.stdin.flush()
        time.sleep(0.25)  # the interpreter and the scenario load; then it is saving every turn
        return process
    command = [sys.executable, __file__, "--child", str(path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
    assert process.stdout is not None
    if process.stdout.readline() != b"ready\n":  # from "ready" on it does nothing but play and save
        raise SystemExit(f"the saving game did not start (exit status {process.wait()})")
    return process


def _unfinished(path: Path) -> bool:
    """True when `path` holds a game still open (a finished one would end `play --load` at once)."""
    from game.savefiles import SaveError, read_save

    try:
        return path.exists() and not (read_save(path).get("final_state") or {}).get("outcome")
    except SaveError:
        return False


def _loads(path: Path) -> str | None:
    """None if the save loads and replays as `play --load` would, else why not."""
    from game.engine.game import Game
    from game.savefiles import SaveError, read_save
    from game.scenario.loader import load_scenario

    try:
        Game.from_save(load_scenario(SCENARIO), read_save(path))
    except SaveError as error:
        return str(error)
    return None


def _still_there(temps: list[Path], wait: float = 5.0) -> int:
    """How many of `temps` are still there after `wait` seconds (a game just started may not own its file yet)."""
    deadline = time.monotonic() + wait
    while any(t.exists() for t in temps) and time.monotonic() < deadline:
        time.sleep(0.05)
    return sum(t.exists() for t in temps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
    rng = random.Random(args.seed)
    home = Path(tempfile.mkdtemp(prefix="brinkmanship-kill-"))
    path = home / "saves" / "killed.json"
    path.parent.mkdir(parents=True)
    env = dict(os.environ, BRINKMANSHIP_HOME=str(home), PYTHONPATH=str(ROOT))
    failures, temp_left, temp_outlived, previous = [], 0, 0, []
    advanced, last_stamp, ended = 0, None, 0
    for kill in range(args.kills):
        process = _start(path, text_game=kill % 5 == 4 and _unfinished(path), env=env)
        temp_outlived += _still_there(previous)  # this game owns the file now: the last one's litter is gone
        time.sleep(rng.uniform(0.0, 0.3))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        elif process.returncode == 0:  # the terminal game played to its end first: saved, not killed
            ended += 1
        else:  # it stopped on its own with an error: that is a finding
            said = process.stderr.read().decode(errors="replace")[-300:] if process.stderr else ""
            failures.append(f"kill {kill + 1}: the game stopped by itself (exit {process.returncode}) {said}")
        previous = list(path.parent.glob(".*.tmp"))
        temp_left += len(previous)
        if path.exists() and (why := _loads(path)):
            failures.append(f"kill {kill + 1}: {why}")
        stamp = path.stat().st_mtime_ns if path.exists() else None
        advanced += stamp != last_stamp  # the game really was saving when it was killed
        last_stamp = stamp
    from game.savelock import own_save

    own_save(path)
    temp_outlived += _still_there(previous)
    print(
        f"kill -9: {args.kills - ended} kills while saving, {ended} rounds where the terminal game ended first "
        f"(the save had changed since the round before {advanced} times); "
        f"{len(failures)} saves that failed to load; "
        f"{temp_left} temp files left by a kill, {temp_outlived} still there once the next game owned the file"
    )
    for failure in failures[:10]:
        print(failure)
    return 1 if failures or temp_outlived else 0


if __name__ == "__main__":
    sys.exit(main())
