"""Risk that leaves something to chance: a rung's per-turn chance that an incident nobody ordered
ends the crisis. Rolled from the game's seed, shown before anyone orders, said when it decides."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.headline import turn_headlines
from game.engine.simulate import simulate
from game.engine.summary import summarise
from game.scenario import model as m
from game.scenario.loader import check_file, load_scenario
from tests.cli_fixtures import run_here
from tests.engine_fixtures import crisis, option
from tests.loader_fixtures import mutated, position

ROOT = Path(__file__).resolve().parents[1]
CALM_ORDERS = {"blue": "wait", "red": "talk"}  # tension 55 → 53: the crisis stays on "Crisis"


def risky(percent: float, start_tension: int = 55) -> m.Scenario:
    """The test crisis with a chance on its middle rung, "Crisis" (from tension 50)."""
    sc = crisis(start_tension=start_tension, extra_options=(option("step_back", "blue", tension=-8),))
    chance = m.Chance(percent, "war", "a patrol boat fires and the fighting starts")
    ladder = (sc.ladder[0], replace(sc.ladder[1], chance=chance), sc.ladder[2])
    return replace(sc, ladder=ladder)


def test_at_certain_risk_the_turn_ends_in_the_chance_outcome_and_every_report_says_chance_decided():
    game = Game.new(risky(100), seed=3, humans=("blue", "red"))
    record = game.play_turn(CALM_ORDERS)
    assert game.state.outcome == "war" and record.tension_after == 53, "no order chose war"
    assert record.chance is not None and record.chance.subject == "crisis"
    change = next(c for c in record.changes if c.kind == "chance")
    assert change.sentence == (
        "An incident ended the game in “War”: at “Crisis” there was a 100 % chance a turn that "
        "a patrol boat fires and the fighting starts, and this turn it happened."
    )
    headline = turn_headlines(game.scenario, record)[0].sentence
    assert headline.startswith("The game ends — War: an incident decided it: at “Crisis” there was a 100 %")
    assert summarise(game).why == headline, "the debrief leads with it"


def test_a_rung_without_chance_or_at_zero_percent_never_ends_the_game_by_chance():
    for scenario in (crisis(start_tension=55), risky(0)):
        for seed in range(30):
            game = Game.new(scenario, seed=seed, humans=("blue", "red"))
            record = game.play_turn(CALM_ORDERS)
            assert record.chance is None and game.state.outcome is None


def test_the_risk_belongs_to_the_rung_the_orders_leave_the_crisis_on():
    game = Game.new(risky(100), seed=3, humans=("blue", "red"))
    record = game.play_turn({"blue": "step_back", "red": "talk"})  # 55 → below 50: off the risky rung
    assert record.tension_after < 50 and record.chance is None and game.state.outcome is None
    climb = Game.new(risky(100, start_tension=45), seed=3, humans=("blue", "red"))
    record = climb.play_turn({"blue": "reaffirm_open_door", "red": "demand_never"})  # climbs onto it
    assert record.tension_after >= 50 and climb.state.outcome == "war", "climbing onto the rung runs its risk"


def test_the_roll_comes_from_the_seed_so_a_game_replays_and_a_save_reloads_the_same():
    scenario = risky(30)
    ended = []
    for seed in range(400):
        game = Game.new(scenario, seed=seed, humans=("blue", "red"))
        game.play_turn(CALM_ORDERS)
        ended.append(game.state.outcome == "war")
        again = Game.new(scenario, seed=seed, humans=("blue", "red"))
        again.play_turn(CALM_ORDERS)
        assert again.state == game.state
        assert Game.from_save(scenario, json.loads(json.dumps(game.to_save()))).state == game.state
    assert 0.24 < sum(ended) / len(ended) < 0.36, "about 30 % of games end on the first turn"


def test_simulate_counts_the_games_chance_ended():
    report = simulate(risky(30), 50, seed=1)
    assert 0 < report.chance_endings <= report.outcomes["war"]
    assert simulate(crisis(start_tension=55), 50, seed=1).chance_endings == 0


# ------------------------------------------------------------------ the file
def test_a_chance_is_read_from_the_file_and_an_outcome_only_chance_reaches_needs_no_when(tmp_path):
    path = mutated(
        tmp_path,
        "  - {id: crisis, name: Military crisis, at: 50}",
        "  - {id: crisis, name: Military crisis, at: 50,\n"
        "     chance: {percent: 2.5, outcome: war, words: an incident at the bridge starts the fighting}}",
    )
    path.write_text(path.read_text().replace("    when: [{rung_at_least: war}]\n", "", 1))
    scenario = load_scenario(path)
    assert scenario.rung("crisis").chance == m.Chance(
        2.5, "war", "an incident at the bridge starts the fighting"
    )
    assert scenario.outcome("war").when == ()


@pytest.mark.parametrize(
    ("chance", "needle", "message"),
    [
        (
            "{percent: 150, outcome: war}",
            "150",
            "'percent' of the chance of rung 'crisis' is 150; it must be from 0 to 100",
        ),
        ("{percent: 5, outcome: wor}", "wor}", "unknown outcome 'wor' (did you mean 'war'?)"),
        ("{percent: 5}", "{percent: 5}", "missing"),
        ("{percent: 5, outcome: war, odds: 3}", "odds", "unknown key 'odds'"),
    ],
)
def test_a_wrong_chance_is_reported_where_it_is_written(tmp_path, chance, needle, message):
    path = mutated(
        tmp_path,
        "  - {id: crisis, name: Military crisis, at: 50}",
        f"  - {{id: crisis, name: Military crisis, at: 50, chance: {chance}}}",
    )
    _scenario, problems = check_file(path)
    errors = [p.format() for p in problems if p.is_error]
    assert any(e.startswith(position(path, needle)) and message in e for e in errors), errors


# -------------------------------------------------------------- before anyone orders
def test_the_text_game_shows_the_ladder_with_its_chances_before_anyone_orders(tmp_path):
    result = run_here(
        [
            "play",
            "--text",
            "--scenario",
            str(ROOT / "scenarios" / "cuba_1962.yaml"),
            "--as",
            "usa",
            "--seed",
            "1",
        ],
        stdin="ladder\nq\n",
        home=tmp_path,
    )
    out = " ".join(result.stdout.split())
    assert "Risk each turn: Shots fired 2 %, Nuclear brink 8 % ('ladder' for more)." in out
    assert "86 Nuclear brink: 8 % a turn that a commander far from Moscow or Washington fires" in out
    assert "72 Shots fired: 2 % a turn that an incident nobody ordered, a U-2 shot down or a submarine" in out


def test_simulate_json_reports_chance_endings_for_cuba(tmp_path):
    result = run_here(
        ["simulate", "--scenario", str(ROOT / "scenarios" / "cuba_1962.yaml"), "--games", "100", "--json"],
        home=tmp_path,
    )
    report = json.loads(result.stdout)
    assert list(report)[-1] == "chance_endings"
    # Chance ends some games, but orders (an invasion, warheads used) are the main road to war.
    wars = report["outcomes"].get("Nuclear war", 0) + report["outcomes"].get("Invasion of Cuba", 0)
    assert 0 < report["chance_endings"] < wars - report["chance_endings"]


def test_the_window_ladder_shows_each_rung_chance_before_anyone_orders(tmp_path, home):
    import pygame

    from game.client.turn import TurnScreen
    from tests.window_fixtures import TINY, make_app, start_game

    folder = tmp_path / "scenarios"
    folder.mkdir()
    risky_tiny = TINY.replace(
        "  - {id: crisis, name: Crisis, at: 50}",
        "  - {id: crisis, name: Crisis, at: 50,\n"
        "     chance: {percent: 8, outcome: war, words: an incident at the harbour starts the fighting}}",
    )
    (folder / "tiny.yaml").write_text(risky_tiny, encoding="utf-8")
    app = make_app(folder)
    try:
        start_game(app)
        assert isinstance(app.top, TurnScreen)
        shown = app.shown_text()
        assert "8 % · 50" in shown, "the rung's row carries its chance"
        assert (
            "Next risk — Crisis: 8 % a turn that an incident at the harbour starts the fighting"
            in " ".join(shown.split())
        )
    finally:
        pygame.display.quit()


def test_the_exported_debrief_of_a_cuba_game_chance_ended_says_an_incident_decided_it(tmp_path):
    from game.engine.simulate import play_one
    from game.savefiles import write_save

    scenario = load_scenario(ROOT / "scenarios" / "cuba_1962.yaml")
    game = next(g for g in (play_one(scenario, seed) for seed in range(300)) if g.history[-1].chance)
    save, page = tmp_path / "cuba.json", tmp_path / "debrief.md"
    write_save(game, save)
    result = run_here(["debrief", str(save), "--output", str(page)], home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = _flat_md(page.read_text(encoding="utf-8"))
    assert "**Outcome: Nuclear war**" in text
    assert "Why: The game ends — Nuclear war: an incident decided it: at “" in text
    assert (
        "a turn that an incident nobody ordered, a U-2 shot down or a submarine forced up, turns into nuclear war"
        in text
        or ("a commander far from Moscow or Washington fires a nuclear weapon without an order" in text)
    )
    assert "The game ended in “Nuclear war”: At “" in text, "the appendix lists it under its cause"


def _flat_md(text: str) -> str:
    return " ".join(text.split())
