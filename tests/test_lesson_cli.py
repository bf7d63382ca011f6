"""The lesson from the command line: role sheets, what-if, comparison and grading files; the
instructor's commands in the terminal game; a game saved mid-turn and finished in another process."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from game.engine.game import Game
from game.lesson.grading import COLUMNS
from game.savefiles import open_saved, write_save
from game.scenario.loader import load_scenario
from tests.browser_fixtures import CHROMIUM
from tests.cli_fixtures import run as run_cli
from tests.cli_fixtures import run_here
from tests.lesson_fixtures import ROOT, SEED_SCENARIO, chromium, class_game, reason

EXAMPLES = ROOT / "docs" / "examples"


def saves(tmp_path: Path, n: int = 2, turns: int = 3) -> list[Path]:
    paths = []
    for seed in range(1, n + 1):
        path = tmp_path / f"group-{seed}.json"
        write_save(class_game(seed=seed, turns=turns), path)
        paths.append(path)
    return paths


def test_roles_writes_a_page_and_notes_per_playable_side(tmp_path):
    result = run_cli(["roles", "--scenario", str(SEED_SCENARIO), "--out", str(tmp_path / "roles")])
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "roles").iterdir())
    sides = ("nato", "russia", "us")
    assert names == sorted(f"role-eastern_flank_2022-{s}{ext}" for s in sides for ext in (".html", ".md"))
    us = (tmp_path / "roles" / "role-eastern_flank_2022-us.md").read_text(encoding="utf-8")
    assert "What you know that the others do not" in us and "Your objectives" in us


def test_grade_writes_every_reason_to_the_csv_and_the_report(tmp_path):
    paths = saves(tmp_path)
    result = run_cli(["grade", *map(str, paths), "--out", str(tmp_path / "out")])
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["group"] for r in rows} == {"group-1", "group-2"} and len(rows) == 2 * 3 * 3
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    for row in rows:
        assert row["rationale"] and row["rationale"] in report
    assert list(rows[0]) == list(COLUMNS)


def test_compare_writes_one_page_for_the_class(tmp_path):
    paths = saves(tmp_path)
    out = tmp_path / "class.html"
    result = run_cli(["compare", *map(str, paths), "-o", str(out)])
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "group-1" in page and "group-2" in page and reason("nato", 2) in page


def test_whatif_lists_the_choices_then_compares_two_timelines(tmp_path):
    (path,) = saves(tmp_path, n=1)
    listed = run_cli(["whatif", str(path), "--turn", "2"])
    assert listed.returncode == 0 and "--side SIDE --order OPTION" in listed.stdout
    game = open_saved(path)
    instead = next(
        s.option.id
        for s in Game.from_save(
            game.scenario, {**game.to_save(), "turns": game.to_save()["turns"][:1]}
        ).options_for("nato")
        if s.available and s.option.id != game.orders[1]["nato"]
    )
    page = tmp_path / "whatif.html"
    result = run_here(
        ["whatif", str(path), "--turn", "2", "--side", "nato", "--order", instead, "--html", str(page)]
    )
    assert result.returncode == 0, result.stderr
    assert "As played:" in result.stdout and "What if:" in result.stdout and page.exists()
    refused = run_here(["whatif", str(path), "--turn", "2", "--side", "nato", "--order", "russia_invade"])
    assert refused.returncode == 1 and "not an option" in refused.stderr and "Traceback" not in refused.stderr


def test_the_terminal_takes_a_reason_a_news_flash_an_undo_and_an_early_end(tmp_path):
    save = tmp_path / "class.json"
    game = Game.new(load_scenario(SEED_SCENARIO), seed=1, humans=("us", "nato", "russia"), classroom=True)
    write_save(game, save)
    typed = "1 we start firm\nnews\nnews 6\n1\n\n1\nlet them talk\nundo\n1 again firm\n1\n\n1\n\nend\n"
    result = run_here(["play", "--text", "--load", str(save)], stdin=typed, home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[instructor only]" in out and "NEWS FLASH" in out
    assert "What only you know (for your team only)" in out, "each team reads its private briefing"
    assert "Turn 1 was undone" in out and "The instructor ended the game after 1 turn" in out
    played = open_saved(save)
    assert played.is_over and played.outcome is None and len(played.history) == 1
    assert played.history[0].rationales == {"us": "again firm"}
    assert "The computer played" not in out, "every side was a team's"


def test_after_a_solo_terminal_game_the_computer_sides_are_revealed(tmp_path):
    every_option = "".join(f"{n}\n" for n in range(1, 12)) * 12
    result = run_here(
        ["play", "--text", "--as", "us", "--seed", "3", "--computer", "russia=hard_line"],
        stdin=every_option,
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())  # as read, whatever the wrapping
    assert "The computer played" in said
    assert "Russian Federation, hard-line (set by the instructor)" in said
    assert "North Atlantic Treaty Organization, cautious (drawn by chance)" in said


def test_a_game_saved_mid_turn_resumes_in_another_process_with_the_order_unseen(tmp_path):
    """US has ordered (with its reason) when the game stops; a new process asks only NATO and Russia,
    never shows US's order before the resolution, and the game ends as an uninterrupted one does."""
    scenario = load_scenario(SEED_SCENARIO)
    teams = ("us", "nato", "russia")
    game = Game.new(scenario, seed=4, humans=teams, classroom=True)
    first = {side: game.computer_choice(side).option_id for side in teams}
    game.pending_orders["us"], game.pending_rationales["us"] = first["us"], "secret zebra reason"
    save = tmp_path / "mid.json"
    write_save(game, save)
    numbers = {s: [o.option.id for o in game.options_for(s)].index(first[s]) + 1 for s in ("nato", "russia")}
    typed = f"{numbers['nato']}\n\n{numbers['russia']}\n\nq\n"
    result = run_cli(["play", "--text", "--load", str(save)], stdin=typed, home=tmp_path)
    assert result.returncode == 0, result.stderr
    before, _, after = result.stdout.partition("=== Resolution of turn 1")
    us_label = scenario.option(first["us"]).label
    assert "United States of America, your order" not in before, "US had already ordered"
    assert us_label not in before and "secret zebra reason" not in before
    assert us_label in after and "secret zebra reason" in after
    resumed = open_saved(save)
    uninterrupted = Game.new(scenario, seed=4, humans=teams, classroom=True)
    uninterrupted.play_turn(first, {"us": "secret zebra reason"})
    for played in (resumed, uninterrupted):
        while not played.is_over:
            played.play_turn({s: played.computer_choice(s).option_id for s in teams})
    assert (
        resumed.state.to_json() == uninterrupted.state.to_json() and resumed.outcome == uninterrupted.outcome
    )


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_the_lesson_pages_render_in_a_real_browser(tmp_path):
    """Each page opens in headless Chromium with the network cut off and draws a full page."""
    paths = saves(tmp_path, n=2, turns=2)
    run_cli(["grade", *map(str, paths), "--out", str(tmp_path)])
    run_cli(["compare", *map(str, paths), "-o", str(tmp_path / "comparison.html")])
    run_cli(["roles", "--scenario", str(SEED_SCENARIO), "--out", str(tmp_path)])
    pages = ["report.html", "comparison.html", "role-eastern_flank_2022-us.html"]
    for name in pages:
        shot = tmp_path / f"{name}.png"
        chromium(tmp_path / name, f"--screenshot={shot}", "--window-size=1240,1754")
        assert shot.exists() and shot.stat().st_size > 20_000, f"{name} did not render"
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "<script" not in text and 'src="http' not in text and "@page" in text


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
@pytest.mark.parametrize("scenario_file", ["eastern_flank_2022.yaml", "cuba_1962.yaml"])
def test_each_role_sheet_prints_on_one_page(tmp_path, scenario_file):
    run_cli(["roles", "--scenario", str(SEED_SCENARIO.parent / scenario_file), "--out", str(tmp_path)])
    sheets = sorted(tmp_path.glob("role-*.html"))
    assert len(sheets) == 3
    for sheet in sheets:
        pdf = tmp_path / f"{sheet.stem}.pdf"
        chromium(sheet, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
        pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())
        assert len(pages) == 1, f"{sheet.name} prints on {len(pages)} pages"
