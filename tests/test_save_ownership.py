"""Two games at once on one machine, and games killed mid-write: no turn is ever lost, no litter left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_fixtures import ROOT, SEED_SCENARIO, env_for, one_clear_line, run


def _orders(scenario: Path, side: str, seed: int, turns: int) -> list[str]:
    """The numbers a player types to play `turns` turns (the first available option each time)."""
    sys.path.insert(0, str(ROOT))
    from game.engine.game import Game
    from game.scenario.loader import load_scenario

    game = Game.new(load_scenario(scenario), seed=seed, humans=(side,))
    typed = []
    for _ in range(turns):
        n, status = next((n, s) for n, s in enumerate(game.options_for(side), 1) if s.available)
        typed.append(str(n))
        game.play_turn({side: status.option.id})
    return typed


def _long_game_seed(scenario: Path, side: str, turns: int) -> int:
    """A seed whose game, the side taking its first open option, lasts at least `turns` turns."""
    from game.engine.game import Game
    from game.scenario.loader import load_scenario

    loaded = load_scenario(scenario)
    for seed in range(1, 50):
        game = Game.new(loaded, seed=seed, humans=(side,))
        while not game.is_over and len(game.history) < turns:
            status = next(s for s in game.options_for(side) if s.available)
            game.play_turn({side: status.option.id})
        if not game.is_over:
            return seed
    raise AssertionError("no long enough game in 50 seeds")


class RunningGame:
    """A terminal game left running between turns, as a student leaves it in another window."""

    def __init__(self, args: list[str], home: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env_for(home),
            cwd=ROOT,
        )

    def type(self, *answers: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("".join(f"{a}\n" for a in answers).encode())
        self.process.stdin.flush()

    def finish(self) -> str:
        out, err = self.process.communicate(timeout=120)
        assert self.process.returncode == 0, err.decode()
        return out.decode()


def _turns_in(path: Path, turns: int, timeout: float = 60) -> dict:
    """The save at `path` once it holds `turns` turns (a running game writes it after each turn)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if len(data["turns"]) == turns:
                return data
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"{path} never held {turns} turns")


def _saved_to(out: str) -> Path:
    line = next(line for line in out.splitlines() if "game saved to " in line.lower())
    return Path(line.split("saved to ", 1)[1].rstrip("."))


@pytest.mark.slow
def test_two_terminal_games_at_once_never_lose_a_turn(tmp_path):
    default = tmp_path / "saves" / "eastern_flank_2022-text.json"
    seed = _long_game_seed(SEED_SCENARIO, "us", 4)  # game A must still be running after its third turn
    a_orders = _orders(SEED_SCENARIO, "us", seed, 3)
    a = RunningGame(["play", "--text", "--as", "us", "--seed", str(seed)], tmp_path)
    a.type(*a_orders[:2])
    _turns_in(default, 2)
    b_orders = _orders(SEED_SCENARIO, "russia", 2, 1)
    b = run(["play", "--text", "--as", "russia", "--seed", "2"], "\n".join(b_orders) + "\n", tmp_path)
    assert b.returncode == 0, b.stderr
    a.type(a_orders[2])
    a_out = a.finish()
    a_file, b_file = _saved_to(a_out), _saved_to(b.stdout)
    assert a_file == default and b_file != a_file
    a_save, b_save = (json.loads(p.read_text(encoding="utf-8")) for p in (a_file, b_file))
    assert (a_save["humans"], a_save["seed"], len(a_save["turns"])) == (["us"], seed, 3)
    assert (b_save["humans"], b_save["seed"], len(b_save["turns"])) == (["russia"], 2, 1)
    assert f"Another game running now saves to {default}; this one saves to {b_file}." in b.stdout


def test_loading_a_save_another_running_game_owns_is_refused(tmp_path):
    save = tmp_path / "mine.json"
    a = RunningGame(["play", "--text", "--as", "us", "--seed", "1", "--save", str(save)], tmp_path)
    a.type(*_orders(SEED_SCENARIO, "us", 1, 1))
    before = _turns_in(save, 1)
    for args in (["--load", str(save)], ["--as", "nato", "--save", str(save)]):
        one_clear_line(run(["play", "--text", *args], "1\n", tmp_path), save)
    assert json.loads(save.read_text(encoding="utf-8")) == before
    a.finish()
    assert run(["play", "--text", "--load", str(save)], "", tmp_path).returncode == 0, "free once A ends"


def test_temp_files_of_interrupted_writes_are_cleared_by_the_next_game(tmp_path):
    saves = tmp_path / "saves"
    saves.mkdir()
    leftovers = [saves / ".eastern_flank_2022-text.json.k9x2ab.tmp", saves / ".autosave.json.q1.tmp"]
    for path in leftovers:
        path.write_text('{"half": ', encoding="utf-8")
    old = time.time() - 3 * 24 * 3600
    os.utime(leftovers[1], (old, old))  # a day-old temp file of any save is abandoned too
    result = run(["play", "--text", "--as", "us", "--seed", "1"], "q\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in saves.iterdir() if p.name.endswith(".tmp")] == []
    assert [p.name for p in saves.iterdir() if p.name.endswith(".lock")] == [], "the lock goes with the game"


@pytest.mark.slow
def test_the_window_never_takes_the_autosave_a_terminal_game_is_writing(tmp_path, monkeypatch):
    import pygame

    from tests.window_fixtures import button, make_app, press, start_game, tab_to, write_scenarios

    home = tmp_path / "home"
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(home))
    folder = write_scenarios(tmp_path / "scenarios")
    autosave = home / "saves" / "autosave.json"
    text_orders = _orders(folder / "tiny.yaml", "red", 77, 2)
    text = RunningGame(
        [
            "play",
            "--text",
            "--scenario",
            str(folder / "tiny.yaml"),
            "--as",
            "red",
            "--seed",
            "77",
            "--save",
            str(autosave),
        ],
        home,
    )
    text.type(text_orders[0])
    _turns_in(autosave, 1)
    app = make_app(folder)
    app.seed = 5
    tab_to(app, button("Continue"))
    press(app, pygame.K_RETURN)  # resuming the game the terminal is playing is refused, with the reason
    assert "another game running on this computer now saves to this file" in app.shown_text()
    start_game(app)  # a new game in the window...
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    text.type(text_orders[1])
    text.finish()
    pygame.display.quit()
    terminal = json.loads(autosave.read_text(encoding="utf-8"))
    assert (terminal["seed"], len(terminal["turns"])) == (77, 2), "the terminal game lost nothing"
    window = [json.loads(p.read_text(encoding="utf-8")) for p in autosave.parent.glob("autosave-*.json")]
    assert [(w["seed"], len(w["turns"])) for w in window] == [(5, 1)], "...and neither did the window's"


def test_owning_a_save_never_removes_the_temp_file_of_another_save(tmp_path):
    from game.savelock import own_save, release

    mine, other = tmp_path / ".a.json.k9x2ab_1.tmp", tmp_path / ".a.json.bak.json.zz12ab.tmp"
    for path in (mine, other):
        path.write_text('{"half": ', encoding="utf-8")
    own_save(tmp_path / "a.json")
    release(tmp_path / "a.json")
    assert not mine.exists() and other.exists(), "a.json.bak.json may be being written right now"


def test_a_file_where_the_saves_folder_should_be_gets_a_sentence_not_a_traceback(
    tmp_path, monkeypatch, capsys
):
    from game.cli import main

    home = tmp_path / "home-is-a-file"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(home))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    assert main(["play", "--text", "--scenario", str(SEED_SCENARIO)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(home / "saves") in err and "BRINKMANSHIP_HOME" in err
    assert home.read_text(encoding="utf-8") == "not a folder", "what the user had is left as it was"
