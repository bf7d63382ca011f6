"""Instructor-only events can be fired from the terminal game (issue 8, item 7): `news` lists them
marked, `news N` announces one, it lands when the turn resolves, and a save replays it."""

from __future__ import annotations

import json
from pathlib import Path

from game.engine.simulate import play_one
from game.savefiles import open_saved
from game.scenario.loader import load_scenario
from tests.cli_fixtures import run_here

CUBA = Path(__file__).resolve().parents[1] / "scenarios" / "cuba_1962.yaml"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_instructor_fires_an_instructor_only_event_from_play_text(tmp_path):
    injects = [i.id for i in load_scenario(CUBA).injects]
    n = injects.index("submarine_b59") + 1
    save = tmp_path / "cuba.json"
    result = run_here(
        ["play", "--text", "--scenario", str(CUBA), "--as", "usa", "--seed", "2", "--save", str(save)],
        stdin=f"help\nnews\nnews {n}\n1\nwhy\nq\n",
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = _flat(result.stdout)
    assert "'news N' (announce one now, instructor-only ones included;" in out, "the help says how"
    assert f"{n}. Depth charges on submarine B-59 [instructor only]" in out
    assert "NEWS FLASH — Depth charges on submarine B-59:" in out
    assert "News flash — Depth charges on submarine B-59:" in out, "the turn's report carries it"
    assert "The instructor announced “Depth charges on submarine B-59”." in out, "'why' names who fired it"
    assert "Submarine flotilla (four diesel submarines)'s posture: “at sea” → “forced to surface”" in out
    data = json.loads(save.read_text(encoding="utf-8"))
    assert data["turns"][0]["injects"] == ["submarine_b59"]
    replayed = open_saved(save)
    assert "submarine_b59" in replayed.state.fired_injects and replayed.history[0].injects == (
        "submarine_b59",
    )


def test_an_instructor_only_event_never_fires_by_itself():
    scenario = load_scenario(CUBA)
    only = {i.id for i in scenario.injects if i.instructor_only}
    assert only == {"stray_u2", "submarine_b59", "jupiter_deal_leaks"}
    for seed in range(40):
        assert not only & play_one(scenario, seed).state.fired_injects
