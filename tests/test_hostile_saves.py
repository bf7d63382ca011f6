"""Hostile or odd save files and paths: one clear line naming the file, exit 1, nothing overwritten."""

from __future__ import annotations

import json
import os

import pytest

from tests.cli_fixtures import SEED_SCENARIO, one_clear_line, real_save, run

pytestmark = pytest.mark.slow  # each case runs the game in its own process: seconds in all

READERS = [["debrief"], ["play", "--text", "--load"]]


def _both_refuse(path, home) -> list[str]:
    """`debrief PATH` and `play --text --load PATH` each refuse in one line; their lines."""
    lines = []
    for command in READERS:
        before = path.read_bytes() if path.is_file() else None
        result = run([*command, str(path)], home=home, timeout=60)
        lines.append(one_clear_line(result, path))
        assert (path.read_bytes() if path.is_file() else None) == before, "the file is left as it was"
    return lines


def _written(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_save_nested_100000_deep_is_refused(tmp_path):
    path = _written(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    for line in _both_refuse(path, tmp_path):
        assert "nested more than" in line


def test_a_number_of_5000_digits_in_a_save_is_refused(tmp_path):
    data = real_save(tmp_path)
    text = json.dumps(data).replace(f'"seed": {data["seed"]}', '"seed": ' + "7" * 5000)
    path = _written(tmp_path, "digits.json", text)
    for line in _both_refuse(path, tmp_path):
        assert "5,000 digits" in line


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e999"])
def test_a_seed_that_is_not_a_finite_number_is_refused(tmp_path, number):
    data = real_save(tmp_path)
    path = _written(
        tmp_path, "inf.json", json.dumps(data).replace(f'"seed": {data["seed"]}', f'"seed": {number}')
    )
    _both_refuse(path, tmp_path)


def test_a_folder_given_as_a_save_is_refused(tmp_path):
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    for line in _both_refuse(folder, tmp_path):
        assert "folder" in line


def test_a_fifo_given_as_a_save_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for command in READERS:
        line = one_clear_line(run([*command, str(fifo)], home=tmp_path, timeout=20), fifo)
        assert "not a save file" in line


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"], ids=["UTF-8 with BOM", "UTF-16 with BOM"])
def test_a_save_with_a_byte_order_mark_loads(tmp_path, codec):
    data = real_save(tmp_path, turns=2)
    path = tmp_path / "notepad.json"
    path.write_bytes(json.dumps(data, indent=1).encode(codec))  # Notepad's "UTF-8" and "Unicode"
    resumed = run(["play", "--text", "--load", str(path)], home=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert "at turn 3" in resumed.stdout
    assert run(["debrief", str(path)], home=tmp_path).returncode == 0


def test_play_text_save_into_a_folder_is_refused_before_the_game(tmp_path):
    folder = tmp_path / "saves-here"
    folder.mkdir()
    result = run(["play", "--text", "--as", "us", "--seed", "1", "--save", str(folder)], "1\n1\n", tmp_path)
    line = one_clear_line(result, folder)
    assert "folder" in line and "Stated positions" not in result.stdout
    assert list(folder.iterdir()) == []


def test_play_text_save_never_overwrites_a_file_that_is_not_a_save(tmp_path):
    notes = _written(tmp_path, "notes.txt", "my lesson plan\n")
    result = run(["play", "--text", "--as", "us", "--seed", "1", "--save", str(notes)], "1\n", tmp_path)
    one_clear_line(result, notes)
    assert notes.read_text(encoding="utf-8") == "my lesson plan\n"


def test_debrief_into_a_missing_folder_is_refused(tmp_path):
    save = _written(tmp_path, "game.json", json.dumps(real_save(tmp_path)))
    target = tmp_path / "no-such-folder" / "debrief.md"
    line = one_clear_line(run(["debrief", str(save), "-o", str(target)], home=tmp_path), target)
    assert "no-such-folder" in line and not target.parent.exists()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    one_clear_line(run(["debrief", str(save), "-o", str(folder)], home=tmp_path), folder)


def test_a_scenario_path_with_a_5000_character_name_falls_back_to_the_scenario_id(tmp_path):
    data = real_save(tmp_path)
    data["scenario_path"] = "/tmp/" + "x" * 5000 + ".yaml"
    path = _written(tmp_path, "long.json", json.dumps(data))
    resumed = run(["play", "--text", "--load", str(path)], home=tmp_path)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "at turn 3" in resumed.stdout
    assert run(["debrief", str(path)], home=tmp_path).returncode == 0
    data["scenario_id"] = "no_such_crisis"
    path.write_text(json.dumps(data), encoding="utf-8")
    _both_refuse(path, tmp_path)


SECRET = "id: TOP-SECRET-4711\npassword: hunter2\nformat: 1\n"


@pytest.mark.parametrize("name", ["secret.yaml", "secret.txt"])
def test_a_save_never_makes_the_game_show_another_file(tmp_path, name):
    secret = _written(tmp_path, name, SECRET)
    data = real_save(tmp_path)
    data["scenario_path"] = str(secret)
    path = _written(tmp_path, "nosy.json", json.dumps(data))
    for command in READERS:
        result = run([*command, str(path)], home=tmp_path)
        assert result.returncode == 0, result.stderr[-2000:]  # the real scenario is found by its id
        assert (
            "TOP-SECRET" not in result.stdout + result.stderr
            and "hunter2" not in result.stdout + result.stderr
        )
    data["scenario_id"] = "TOP-SECRET-4711"  # the file's id now matches, but it is no scenario
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in READERS:
        result = run([*command, str(path)], home=tmp_path)
        assert result.returncode == 1 and "hunter2" not in result.stdout + result.stderr


def test_a_huge_value_in_a_save_is_quoted_short(tmp_path):
    data = real_save(tmp_path)
    data["scenario_id"] = "x" * 1_000_000
    path = _written(tmp_path, "flood.json", json.dumps(data))
    for line in _both_refuse(path, tmp_path):
        assert len(line) < 500 + len(str(path)) and "xxx..." in line


def test_a_save_pointing_at_another_crisis_is_replayed_on_its_own(tmp_path):
    data = real_save(tmp_path)
    data["scenario_path"] = str(
        SEED_SCENARIO.with_name("cuba_1962.yaml")
    )  # a valid scenario, not this game's
    path = _written(tmp_path, "other.json", json.dumps(data))
    resumed = run(["play", "--text", "--load", str(path)], home=tmp_path)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "at turn 3" in resumed.stdout


def test_a_broken_scenario_a_save_points_at_is_named_but_not_quoted(tmp_path):
    broken = _written(tmp_path, "mine.yaml", "id: eastern_flank_2022\nsecret_key: hunter2\n")
    data = real_save(tmp_path)
    data["scenario_path"], data["scenario_id"] = str(broken), "my_own_crisis"
    path = _written(tmp_path, "mine.json", json.dumps(data))
    for line in _both_refuse(path, tmp_path):
        assert str(broken) in line and "not a valid scenario" in line and "hunter2" not in line


@pytest.mark.parametrize("name", ["x" * 5000 + ".json", "no-such-folder/game.json"])
def test_a_save_name_too_long_or_in_a_missing_folder_is_one_clear_line(tmp_path, name):
    path = tmp_path / name
    for command in READERS:
        one_clear_line(run([*command, str(path)], home=tmp_path), path)
