"""Make the example lesson outputs in this folder from the seed scenario.

    python docs/examples/make_examples.py

Three groups play a classroom game of Eastern Flank (seeds 1–3): each team
orders what the computer would choose for it and types a short reason, group 2
has a news flash fired by the instructor in turn 2, and group 3's instructor
ends the game after two turns. Then the lesson's commands run on the saves,
exactly as a teacher would run them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from game.engine.game import Game
from game.paths import DEFAULT_SCENARIO
from game.savefiles import write_text_atomically
from game.scenario.loader import load_scenario

REASONS = {
    "military": "Forces on the ground say more than any statement.",
    "diplomatic": "Keep talking: every week without war is a week won.",
    "economic": "Make the cost clear before anything happens.",
    "signalling": "Say it clearly so nobody can misread us.",
}


def play_group(seed: int, news_in_turn: int = 0, end_after: int = 0) -> Game:
    scenario = load_scenario(DEFAULT_SCENARIO)
    humans = tuple(a.id for a in scenario.playable_actors)
    game = Game.new(scenario, seed=seed, humans=humans, classroom=True)
    while not game.is_over:
        if end_after and len(game.history) == end_after:
            game.end_now()
            break
        if news_in_turn == game.state.turn:
            game.inject(next(i.id for i in scenario.injects if i.instructor_only))
        orders = {side: game.computer_choice(side).option_id for side in humans}
        reasons = {side: REASONS[scenario.option(o).category] for side, o in orders.items()}
        game.play_turn(orders, reasons)
    return game


def run(*argv: str) -> None:
    """The command as a teacher types it, from the project's folder."""
    print("$ python main.py " + " ".join(argv))
    subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, check=True)


if __name__ == "__main__":
    saves = []
    for n, game in enumerate((play_group(1), play_group(2, news_in_turn=2), play_group(3, end_after=2)), 1):
        path = HERE / f"group-{n}.json"
        data = game.to_save()
        data["scenario_path"] = ""  # found by its id in scenarios/, on any machine
        write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))
        saves.append(path)
    rel = [str(p.relative_to(ROOT)) for p in saves]
    out = str(HERE.relative_to(ROOT))
    run("roles", "--scenario", "scenarios/eastern_flank_2022.yaml", "--out", f"{out}/roles")
    run("compare", *rel, "-o", f"{out}/comparison.html")
    run("grade", *rel, "--out", out)
    run(
        "whatif",
        rel[0],
        "--turn",
        "2",
        "--side",
        "russia",
        "--order",
        "russia_ultimatum",
        "--html",
        f"{out}/whatif.html",
    )
    run("debrief", rel[0], "--format", "html", "-o", f"{out}/debrief-group-1.html")
