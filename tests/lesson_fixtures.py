"""Helpers for the lesson tests: classroom games of the seed scenario played with reasons."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from game.engine.game import Game
from game.scenario.loader import load_scenario
from tests.browser_fixtures import CHROMIUM, CHROMIUM_FLAGS

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


def chromium(page: Path, *action: str) -> None:
    """Headless Chromium on a page with a fresh profile and no network, doing `action`
    (`--screenshot=…`, `--print-to-pdf=…`)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--proxy-server=127.0.0.1:9",
                *action,
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=False,
        )
