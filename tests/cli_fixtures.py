"""Running `python main.py` as a user does, for the tests of the terminal commands.

Input may be text or raw bytes (a terminal can send anything); output is decoded leniently, so a test can
look at whatever reached the terminal.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
SEED_SCENARIO = ROOT / "scenarios" / "eastern_flank_2022.yaml"
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def env_for(home: Path | None, **extra: str) -> dict[str, str]:
    """The environment of a child game: this checkout's `game` package, no display, its own saves folder."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    if home is not None:
        env["BRINKMANSHIP_HOME"] = str(home)
    env.update(extra)
    return env


def run(
    args: list[str],
    stdin: str | bytes = "",
    home: Path | None = None,
    timeout: float = 120,
    **extra_env: str,
) -> subprocess.CompletedProcess[str]:
    """`python main.py ARGS` with `stdin` piped in; `home` keeps its saves apart; `extra_env` for the locale."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=data,
        capture_output=True,
        check=False,
        env=env_for(home, **extra_env),
        cwd=ROOT,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def run_here(
    args: list[str], stdin: str | bytes = "", home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`run`, without the new process: `game.cli.main(ARGS)` in this one, with the same piped UTF-8
    stdin, captured stdout and stderr, and saves folder. For tests of what a command does; a test
    of the process itself (its exit, its encoding, another process's lock) uses `run`. Save locks
    the command took are released after it, as the end of its process would."""
    from game import savelock
    from game.cli import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    streams = [io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for _ in range(2)]
    env = {} if home is None else {"BRINKMANSHIP_HOME": str(home)}
    piped = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    with (
        mock.patch.dict(os.environ, env),
        mock.patch.object(sys, "stdin", piped),
        redirect_stdout(streams[0]),
        redirect_stderr(streams[1]),
    ):
        try:
            code = main(args)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            savelock.release_all()
    for stream in streams:
        stream.flush()
    out, err = (stream.buffer.getvalue().decode("utf-8", "replace") for stream in streams)
    return subprocess.CompletedProcess(["main.py", *args], code, out, err)


def real_save(tmp_path: Path, turns: int = 2, seed: int = 3) -> dict:
    """The JSON of a save written by the game itself after `turns` turns."""
    sys.path.insert(0, str(ROOT))
    from game.engine.game import Game
    from game.savefiles import write_save
    from game.scenario.loader import load_scenario

    game = Game.new(load_scenario(SEED_SCENARIO), seed=seed, humans=("us",))
    for _ in range(turns):
        option = next(s.option.id for s in game.options_for("us") if s.available)
        game.play_turn({"us": option})
    path = tmp_path / "real-save.json"
    write_save(game, path)
    return json.loads(path.read_text(encoding="utf-8"))


def one_clear_line(result: subprocess.CompletedProcess[str], names: Path | str) -> str:
    """The refusal's single line, after checking it is one, names the file, and nothing else went wrong."""
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert str(names) in lines[0], lines[0]
    return lines[0]
