"""Helpers for the lesson tests: classroom games of the seed scenario played with reasons, and the
command line run as a teacher runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.engine.game import Game
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SEED_SCENARIO = ROOT / "scenarios" / "eastern_flank_2022.yaml"


def reason(side: str, turn: int) -> str:
    """A reason no scenario text contains, so finding it proves it came from the team."""
    return f"{side} reason {turn}: zebra-{side}-{turn}"


def class_game(seed: int = 1, turns: int = 3, news: str = "") -> Game:
    """Three teams, each ordering what the computer would choose, each with its own reason."""
    scenario = load_scenario(SEED_SCENARIO)
    humans = tuple(a.id for a in scenario.playable_actors)
    game = Game.new(scenario, seed=seed, humans=humans, classroom=True)
    while not game.is_over and len(game.history) < turns:
        if news and len(game.history) == 0:
            game.inject(news)
        orders = {side: game.computer_choice(side).option_id for side in humans}
        game.play_turn(orders, {side: reason(side, game.state.turn) for side in humans})
    return game


def run_cli(args: list[str], stdin: str = "", home: Path | None = None, cwd: Path = ROOT):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if home is not None:
        env["BRINKMANSHIP_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=180,
    )
