"""What reaches a terminal: control codes from scenarios and saves, odd answers, odd bytes, special files."""

from __future__ import annotations

import json
import os

import pytest

from tests.cli_fixtures import MINIMAL, real_save, run

pytestmark = pytest.mark.slow  # each case runs the game in its own process: seconds in all

# YAML escapes: clear the screen, retitle the window, ring the bell; then a C1 CSI and DEL.
HOSTILE = r'"X \e[2J\e]0;pwned\a \x9b31m \x7f <script>alert(1)</script> \\<b>x</b>"'
CONTROLS = ["\x1b", "\x07", "\x9b", "\x7f"]


def _hostile_scenario(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("title: A minimal crisis", f"title: {HOSTILE}", 1)
    text = text.replace("label: Seize the bridge", f"label: {HOSTILE}", 1)
    for title in ("War", "The bridge is seized", "A settlement", "Frozen standoff"):  # whichever ends it
        text = text.replace(f"    title: {title}\n", f"    title: {HOSTILE}\n", 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _clean(out: str) -> None:
    for control in CONTROLS:
        assert control not in out, f"{control!r} reached the terminal"
    assert "\\x1b[2J" in out, "the code is shown, so the author can find it"


def test_printable_shows_bidi_overrides_that_would_reorder_a_line():
    from game.textsafe import printable

    # "Stand down" stored, but an override would show its letters reversed on many terminals.
    assert printable("Order: \u202enwod dnatS") == "Order: \\u202enwod dnatS"
    assert printable("\u2066x\u2069 é ü Ω") == "\\u2066x\\u2069 é ü Ω", "ordinary letters pass"


def test_printable_shows_controls_and_keeps_lines_and_tabs():
    from game.textsafe import json_printable, printable

    assert printable("a\x1b[2Jb\tc\nd\re\x9b") == "a\\x1b[2Jb\tc\nd\\x0de\\x9b"
    text = json.dumps({"t": "\x7f\x9b é"}, ensure_ascii=False)
    assert json.loads(json_printable(text)) == {"t": "\x7f\x9b é"} and "\x9b" not in json_printable(text)


def test_text_mode_never_prints_a_scenario_s_control_codes(tmp_path):
    path = _hostile_scenario(tmp_path)
    result = run(
        ["play", "--text", "--scenario", str(path), "--as", "north", "--seed", "1"], "1\n2\n", tmp_path
    )
    assert result.returncode == 0, result.stderr
    _clean(result.stdout)


def test_validate_and_simulate_never_print_control_codes(tmp_path):
    path = _hostile_scenario(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        path.read_text(encoding="utf-8").replace("actor: north", f"actor: {HOSTILE}", 1), "utf-8"
    )
    checked = run(["validate", str(broken)], home=tmp_path)
    assert checked.returncode == 1
    _clean(checked.stdout)
    table = run(["simulate", "--scenario", str(path), "--games", "3"], home=tmp_path)
    assert table.returncode == 0, table.stderr
    _clean(table.stdout)
    report = run(["simulate", "--scenario", str(path), "--games", "3", "--json"], home=tmp_path)
    assert report.returncode == 0 and json.loads(report.stdout)["games"] == 3
    assert "\x1b[2J" in "".join(json.loads(report.stdout)["outcomes"]), "the same text, escaped as JSON"
    for control in CONTROLS:
        assert control not in report.stdout


def test_a_save_s_control_codes_never_reach_the_terminal(tmp_path):
    data = real_save(tmp_path)
    data["scenario_id"] = "\x1b]0;pwned\x07\x1b[2J"
    save = tmp_path / "hostile.json"
    save.write_text(json.dumps(data), encoding="utf-8")
    for command in (["debrief"], ["play", "--text", "--load"]):
        result = run([*command, str(save)], home=tmp_path)
        assert result.returncode == 1
        for control in CONTROLS:
            assert control not in result.stdout + result.stderr


def test_the_debrief_on_a_terminal_shows_no_control_codes_and_its_markdown_no_html(tmp_path):
    path = _hostile_scenario(tmp_path)
    save = tmp_path / "game.json"
    command = ["play", "--text", "--scenario", str(path), "--as", "north", "--seed", "1", "--save", str(save)]
    assert run(command, "".join(f"{n}\n" for n in range(1, 6)) * 7, tmp_path).returncode == 0
    result = run(["debrief", str(save)], home=tmp_path)
    assert result.returncode == 0, result.stderr
    _clean(result.stdout)
    written = tmp_path / "debrief.md"
    assert run(["debrief", str(save), "-o", str(written)], home=tmp_path).returncode == 0
    notes = written.read_text(encoding="utf-8")
    assert "<" not in notes, "no HTML from a scenario passes through"
    assert "&lt;script&gt;alert(1)" in notes and "### Turn 2" in notes, "the text itself is kept"


@pytest.mark.parametrize(
    "answer",
    [
        "²",
        "1²",
        "①",
        "i ²",
        pytest.param("9" * 5000, id="5000 digits"),
        pytest.param("i " + "9" * 5000, id="i 5000"),
    ],
)
def test_answers_that_look_like_numbers_are_asked_again(tmp_path, answer):
    result = run(["play", "--text", "--as", "us", "--seed", "1"], f"{answer}\nq\n", tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Please type a number" in result.stdout and "Game saved to" in result.stdout


def test_a_side_typed_as_a_superscript_is_asked_again(tmp_path):
    result = run(["play", "--text", "--seed", "1"], "²\n" + "9" * 5000 + "\n1\nq\n", tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("Please answer with a number") == 2


def test_input_that_is_not_utf8_is_asked_again_under_a_strict_utf8_locale(tmp_path):
    typed = b"\xe9\xff\n1\nq\n"
    result = run(
        ["play", "--text", "--as", "us", "--seed", "1"], typed, tmp_path, PYTHONIOENCODING="utf-8:strict"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Please type a number" in result.stdout and "Game saved to" in result.stdout


def test_validate_refuses_a_fifo_at_once_alone_and_in_a_folder(tmp_path):
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    (tmp_path / "ok.yaml").write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    alone = run(["validate", str(fifo)], home=tmp_path, timeout=20)
    assert alone.returncode == 1 and f"{fifo}: error: this is a pipe" in alone.stdout
    folder = run(["validate", str(tmp_path)], home=tmp_path, timeout=20)
    assert folder.returncode == 1 and f"{tmp_path / 'ok.yaml'}: ok" in folder.stdout
    played = run(["play", "--text", "--scenario", str(fifo)], home=tmp_path, timeout=20)
    assert played.returncode == 1 and "Traceback" not in played.stderr


def test_a_terminal_that_cannot_show_every_character_still_plays(tmp_path):
    result = run(
        ["play", "--text", "--as", "us", "--seed", "1"], "1\nq\n", tmp_path, PYTHONIOENCODING="ascii:strict"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "\\u201c" in result.stdout or "\\u2014" in result.stdout, "escaped, not fatal"
    assert "Game saved to" in result.stdout


@pytest.mark.parametrize("turn", ["²", "9" * 5000], ids=["superscript", "5000 digits"])
def test_why_with_a_number_int_cannot_read_explains_the_last_turn(tmp_path, turn):
    def played(typed: str, home_name: str) -> str:  # one turn played, then 'why ...', in a home of its own
        home = tmp_path / home_name
        result = run(["play", "--text", "--as", "us", "--seed", "1"], f"1\n{typed}\nq\n", home)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout.replace(str(home), "HOME")

    assert played(f"why {turn}", "asked") == played("why", "plain"), "the same as a plain 'why'"
