"""The instructor's path: `new` → the tutorial's edits → a valid file → a game played to an outcome.

The edits are read from docs/authoring.md itself (every ```yaml block that
starts `# add under KEY:` goes right under that top-level key), so the
tutorial and this test cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

from game.cli import main
from game.scenario.loader import check_file
from tests.cli_fixtures import run_here

PROJECT = Path(__file__).resolve().parents[1]
TUTORIAL = PROJECT / "docs" / "authoring.md"
BLOCK = re.compile(r"```yaml\n# add under (\w+):\n(.*?)```", re.DOTALL)


def tutorial_steps() -> list[tuple[str, str]]:
    return BLOCK.findall(TUTORIAL.read_text(encoding="utf-8"))


def apply_step(text: str, key: str, block: str) -> str:
    """Insert the block's lines right under the line that opens the top-level `key:` list."""
    match = re.search(rf"^{key}:.*\n", text, re.MULTILINE)
    assert match, f"the starter has no top-level '{key}:'"
    return text[: match.end()] + block + text[match.end() :]


def test_new_writes_a_valid_starter_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "scenarios" / "taiwan_strait_1996.yaml"
    assert main(["new", "taiwan_strait_1996", "-o", str(target)]) == 0
    scenario, problems = check_file(target)
    assert scenario is not None and scenario.id == "taiwan_strait_1996" and not problems
    assert "(replace this title)" in scenario.title
    before = target.read_text(encoding="utf-8")
    assert main(["new", "taiwan_strait_1996", "-o", str(target)]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == before
    assert main(["new", "Taiwan-1996", "-o", str(tmp_path / "x.yaml")]) == 1
    assert not (tmp_path / "x.yaml").exists()


def test_new_then_the_tutorial_then_a_game_played_to_an_outcome(tmp_path):
    target = tmp_path / "dam_dispute.yaml"
    assert main(["new", "dam_dispute", "-o", str(target)]) == 0
    steps = tutorial_steps()
    assert [key for key, _ in steps] == ["sources", "issues", "positions", "options", "outcomes"]
    text = target.read_text(encoding="utf-8")
    for key, block in steps:
        text = apply_step(text, key, block)
        target.write_text(text, encoding="utf-8")
        scenario, problems = check_file(target)
        assert scenario is not None, f"after the step under '{key}': " + "; ".join(
            p.format() for p in problems
        )
    assert [p.format() for p in check_file(target)[1]] == []
    # Lowland takes the dispute to court on turn 1, then talks: the court rules after turn 3.
    run = run_here(
        ["play", "--text", "--scenario", str(target), "--as", "lowland", "--seed", "1"]
        + ["--save", str(tmp_path / "save.json")],
        stdin="quotes lowland\n1\n" + "4\n" * 8,
        home=tmp_path / "home",
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr
    assert "Outcome: The court rules" in run.stdout
    assert (
        "Lowland's justice minister (as reported (the source's wording, not verbatim)): “We will see Upland in court.”"
        in " ".join(run.stdout.split())
    )


def test_screenshots_render_the_scenario_named_and_refuse_a_broken_one(tmp_path, monkeypatch, capsys):
    """`--screenshot DIR --scenario FILE` used to render Eastern Flank whatever FILE said."""
    from game.client.app import App

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    seen: list[str] = []
    real = App.screenshot

    def screenshot(self, path):
        real(self, path)
        seen.append(self.shown_text())

    monkeypatch.setattr(App, "screenshot", screenshot)
    cuba = PROJECT / "scenarios" / "cuba_1962.yaml"
    assert main(["--screenshot", str(tmp_path / "shots"), "--scenario", str(cuba)]) == 0
    assert len(seen) == 11 and "Briefing — Thirteen Days: Cuba, October 1962" in seen[1]
    # Only the title screen lists every scenario (also under the lesson settings it opens).
    in_game = [text for text in seen[1:] if "Lesson settings" not in text]
    assert len(in_game) == 9 and all("Eastern Flank, February 2022" not in text for text in in_game)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\n", encoding="utf-8")
    assert main(["--screenshot", str(tmp_path / "none"), "--scenario", str(broken)]) == 1
    assert f"{broken}: cannot be played:" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_new_interrupted_mid_write_leaves_neither_half_a_starter_nor_a_temp_file(
    tmp_path, capsys, monkeypatch
):
    import os

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "drafts" / "taiwan_strait_1996.yaml"
    assert main(["new", "taiwan_strait_1996", "-o", str(target)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(target.parent.iterdir()) == [], "no half-written starter, no stray temporary file"


def test_new_below_a_file_says_which_file_is_in_the_way(tmp_path, capsys):
    blocker = tmp_path / "scenarios"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    assert main(["new", "taiwan_strait_1996", "-o", str(blocker / "t.yaml")]) == 1
    assert f"{blocker} is a file, not a folder" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"
