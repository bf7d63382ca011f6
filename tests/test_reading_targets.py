"""The reading targets, on both shipped scenarios: a whole text game fits in 400 lines at 80
columns, the briefing before the first prompt in 60 with the positions table, the Markdown
debrief's summary in 150, and the instructor's notes reach every form of the debrief."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.debrief import html_page, markdown
from game.engine.game import Game
from game.scenario.loader import load_scenario
from tests.cli_fixtures import run_here

ROOT = Path(__file__).resolve().parents[1]
GAMES = [("eastern_flank_2022.yaml", "us"), ("cuba_1962.yaml", "usa")]


def _full_length_game(path: Path, side: str) -> tuple[int, list[int]]:
    """A seed whose game runs to the turn limit when the player takes the first open option each
    turn, and the numbers to type for it."""
    scenario = load_scenario(path)
    for seed in range(1, 40):
        game, typed = Game.new(scenario, seed=seed, humans=(side,)), []
        while not game.is_over:
            statuses = game.options_for(side)
            n = next(i for i, s in enumerate(statuses, 1) if s.available)
            typed.append(n)
            game.play_turn({side: statuses[n - 1].option.id})
        if len(game.history) == scenario.turn_limit:
            return seed, typed
    raise AssertionError("no full-length game in 40 seeds")


@pytest.mark.parametrize("name, side", GAMES)
def test_a_whole_text_game_is_short_enough_to_be_read(tmp_path, name, side):
    path = ROOT / "scenarios" / name
    seed, typed = _full_length_game(path, side)
    result = run_here(
        ["play", "--text", "--scenario", str(path), "--as", side, "--seed", str(seed)],
        stdin="".join(f"{n}\n" for n in typed),
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"=== Resolution of turn {load_scenario(path).turn_limit}:" in result.stdout, "played to the end"
    assert len(lines) <= 400, len(lines)
    briefing = lines[: next(i for i, line in enumerate(lines) if "Your order:" in line)]
    assert len(briefing) <= 60, len(briefing)
    assert any("✔" in line and "✖" in line for line in briefing), "the positions table is in the briefing"
    # 80 columns: only file paths, printed whole so they can be copied, may run longer.
    assert all(len(line) <= 80 for line in lines if "/" not in line)


@pytest.mark.parametrize("name, side", GAMES)
def test_the_debrief_leads_with_a_one_page_summary_and_the_instructors_notes(name, side):
    path = ROOT / "scenarios" / name
    seed, typed = _full_length_game(path, side)
    scenario = load_scenario(path)
    game = Game.new(scenario, seed=seed, humans=(side,))
    for n in typed:
        game.play_turn({side: game.options_for(side)[n - 1].option.id})
    text = markdown(game).splitlines()
    summary = text[: text.index("## Appendix: every change and why")]
    assert len(summary) <= 150, len(summary)
    assert "## Notes for the instructor" in summary and "## The turning points" in summary
    note = scenario.instructor_notes[0].text[:40]
    assert any(note in line for line in summary)
    assert note.replace('"', "&quot;") in html_page(game)
