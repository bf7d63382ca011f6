"""The terminal game and the batch simulator, driven as a user drives them: the command line with
typed input. One test per command goes through `python main.py` in a process of its own; the rest
call the same `main` in this process (`run_here`), which is the same program minus the start-up."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.cli_fixtures import run, run_here

ROOT = Path(__file__).resolve().parents[1]
# Cycling through the numbers always reaches an available option, whatever this turn allows.
EVERY_OPTION = "".join(f"{n}\n" for n in range(1, 12)) * 12
SEED_SCENARIO = ROOT / "scenarios" / "eastern_flank_2022.yaml"


def test_piped_game_plays_to_an_outcome_with_reasons(tmp_path):
    result = run(["play", "--text", "--as", "us", "--seed", "4"], stdin=EVERY_OPTION, home=tmp_path)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Where each side stands (✔ wants, ≈ accepts, ✖ red line" in out  # the positions as a table
    assert "Barred for good: ✔ Russia · ✖ US, NATO, Ukraine" in out
    assert "=== Resolution of turn 1" in out
    assert "\n▶ " in out and "red line" in out  # what mattered most leads, with whose position
    assert "\n  In sum: " in out  # the balance of each turn
    last = [line for line in out.splitlines() if line.startswith("Outcome: ")]
    assert len(last) == 1
    assert (
        "Notes for the instructor (in full: the debrief):" in out and "Vice President" in out
    )  # question 4 needs the article's error


def test_why_and_quotes_give_the_full_story_one_command_away(tmp_path):
    result = run_here(
        ["play", "--text", "--as", "us", "--seed", "4"],
        stdin="quotes russia\n1\nwhy\nwhy 7\nq\n",
        home=tmp_path,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    # the speaker's own words, on request (Putin spoke Russian: the Kremlin's translation)
    assert "Vladimir Putin (translated from Russian): “" in out
    assert "=== Turn 1 (2 February 2022) in full ===" in out and "What followed, and why:" in out
    # each position touched, under its order, worded as a signal or as what the order itself did
    assert "\n    - Signals “" in out or "\n    - Moves " in out
    assert "Honours " not in out, "a stance is never reported as if it had come about"
    assert "\n      → " in out  # and what the reaction changed
    assert "Type 'why' or 'why N' with N from 1 to 1." in out


def test_end_of_input_saves_and_the_save_resumes(tmp_path):
    save = tmp_path / "mine.json"
    first = run_here(
        ["play", "--text", "--as", "russia", "--seed", "9", "--save", str(save)],
        stdin="1\n2\n",
        home=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    assert f"game saved to {save}" in first.stdout
    data = json.loads(save.read_text(encoding="utf-8"))
    assert len(data["turns"]) == 2 and data["humans"] == ["russia"]
    resumed = run_here(["play", "--text", "--load", str(save)], stdin="", home=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert "at turn 3" in resumed.stdout


def test_a_new_game_never_overwrites_a_game_already_played(tmp_path):
    first = run_here(["play", "--text", "--as", "us", "--seed", "1"], stdin="1\n", home=tmp_path)
    assert first.returncode == 0, first.stderr
    saves = tmp_path / "saves"
    earlier = (saves / "eastern_flank_2022-text.json").read_text(encoding="utf-8")
    second = run_here(["play", "--text", "--as", "russia", "--seed", "2"], stdin="", home=tmp_path)
    assert second.returncode == 0, second.stderr
    kept = [p for p in saves.iterdir() if p.name.startswith("eastern_flank_2022-text-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == earlier
    assert f"Your earlier game is kept as {kept[0]}." in second.stdout
    resumed = run_here(["play", "--text", "--load", str(kept[0])], stdin="", home=tmp_path)
    assert "at turn 2" in resumed.stdout


def test_a_save_of_another_crisis_resumes_without_naming_its_scenario(tmp_path):
    save = tmp_path / "cuba.json"
    first = run_here(
        [
            "play",
            "--text",
            "--scenario",
            str(ROOT / "scenarios" / "cuba_1962.yaml"),
            "--as",
            "usa",
            "--seed",
            "3",
            "--save",
            str(save),
        ],
        stdin="1\n",
        home=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    data = json.loads(save.read_text(encoding="utf-8"))
    data["scenario_path"] = str(tmp_path / "moved-away" / "cuba_1962.yaml")  # the project folder moved
    save.write_text(json.dumps(data), encoding="utf-8")
    resumed = run_here(["play", "--text", "--load", str(save)], stdin="", home=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert f"Resumed {save} at turn 2." in resumed.stdout, "found by its id in scenarios/"


def test_unavailable_option_is_refused_with_its_reason(tmp_path):
    from game.engine.game import Game
    from game.scenario.loader import load_scenario

    game = Game.new(load_scenario(SEED_SCENARIO), seed=1, humans=("russia",))
    statuses = game.options_for("russia")
    blocked = next(n for n, s in enumerate(statuses, 1) if not s.available)
    result = run_here(
        ["play", "--text", "--as", "russia", "--seed", "1"], stdin=f"{blocked}\nq\n", home=tmp_path
    )
    assert "is not available: needs" in " ".join(result.stdout.split())  # the text is wrapped
    assert "Resume with:" in result.stdout


def test_unknown_side_is_a_usage_error(tmp_path):
    result = run_here(["play", "--text", "--as", "china"], home=tmp_path)
    assert result.returncode == 2
    assert "'china' is not a playable side" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Where each side stands" not in result.stdout, "refused before the briefing, not after it"


def test_simulate_json_report_is_reproducible():
    first = run(["simulate", "--games", "40", "--seed", "7", "--json"])  # a process of its own
    second = run_here(["simulate", "--games", "40", "--seed", "7", "--json"])
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["games"] == 40 and sum(report["outcomes"].values()) == 40
    sys.path.insert(0, str(ROOT))
    from game.scenario.loader import load_scenario

    playable = {a.id for a in load_scenario(SEED_SCENARIO).playable_actors}
    every_option = {o.id for o in load_scenario(SEED_SCENARIO).options if o.actor in playable}
    assert set(report["options"]) == every_option, "every option is counted, those never chosen as 0"
    assert sum(report["options"].values()) >= 40, "each game has turns, each turn an order per side"
    assert first.stdout == second.stdout


def test_simulate_table_flags_options_never_chosen():
    result = run_here(["simulate", "--games", "5", "--seed", "1"])
    assert result.returncode == 0
    assert "Outcomes:" in result.stdout and "Options chosen:" in result.stdout


@pytest.mark.parametrize("fmt, marker", [("markdown", "# Debrief:"), ("html", "<svg")])
def test_debrief_export_from_a_save(tmp_path, fmt, marker):
    save = tmp_path / "game.json"
    run_here(
        ["play", "--text", "--as", "nato", "--seed", "2", "--save", str(save)],
        stdin=EVERY_OPTION,
        home=tmp_path,
    )
    result = run(["debrief", str(save), "--format", fmt])
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout and "What really happened" in result.stdout
    data = json.loads(save.read_text(encoding="utf-8"))
    data["scenario_path"] = "/somewhere/else/eastern_flank_2022.yaml"  # the class moved the project
    save.write_text(json.dumps(data), encoding="utf-8")
    moved = run_here(["debrief", str(save), "--format", fmt])
    assert moved.returncode == 0, moved.stderr


def test_a_damaged_save_is_refused_in_one_line(tmp_path):
    save = tmp_path / "broken.json"
    save.write_text(
        '{"format": "brinkmanship-save", "version": 1, "scenario_id": "eastern_flank_2022", '
        '"seed": 1, "humans": ["us"], "temperaments": {}, "turns": [{"orders": {"us": "fly"}}]}',
        encoding="utf-8",
    )
    result = run(["play", "--text", "--load", str(save)], home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"play: {save}: the save does not replay on this scenario:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("seed", range(3))
def test_random_typing_never_crashes_the_terminal_game(tmp_path, seed):
    import random

    rng = random.Random(seed)
    words = [
        "1",
        "2",
        "3",
        "7",
        "12",
        "0",
        "-1",
        "i 2",
        "i 99",
        "i",
        "x",
        "",
        "  4 ",
        "q!",
        "ü",
        "9999999999",
    ]
    typed = "\n".join(rng.choice(words) for _ in range(300)) + "\n"
    result = run_here(
        ["play", "--text", "--scenario", str(ROOT / "scenarios" / "cuba_1962.yaml"), "--seed", str(seed)],
        stdin=typed,
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Outcome: " in result.stdout or "game saved to" in result.stdout


def test_a_classroom_save_asks_every_team_in_the_terminal(tmp_path):
    sys.path.insert(0, str(ROOT))
    from game.engine.game import Game
    from game.savefiles import write_save
    from game.scenario.loader import load_scenario

    game = Game.new(load_scenario(SEED_SCENARIO), seed=1, humans=("us", "nato", "russia"), classroom=True)
    save = tmp_path / "class.json"
    write_save(game, save)
    # In a lesson each order is followed by its team's one-line reason (here: none).
    result = run_here(["play", "--text", "--load", str(save)], stdin="1\n\n1\n\n1\n\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    asked = [
        line for line in result.stdout.splitlines() if line.endswith("your order; other teams, look away.")
    ]
    assert [line.split(",")[0] for line in asked[:3]] == [
        "United States of America",
        "North Atlantic Treaty Organization",
        "Russian Federation",
    ]
    assert "=== Resolution of turn 1" in result.stdout and "Traceback" not in result.stderr
