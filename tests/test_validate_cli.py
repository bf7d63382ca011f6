"""`python main.py validate`: every kind of mistake an author makes is reported at its exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.yamlsafe import MAX_BYTES
from tests.loader_fixtures import MINIMAL, PROJECT, billion_laughs, minimal_text, mutated, position


def validate(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str]]:
    status = main(["validate", *map(str, paths)])
    return status, capsys.readouterr().out.splitlines()


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    return int(position(path, needle, nth).rsplit(":", 2)[1])


# (what, old text in minimal.yaml, new text, where the message points, the message)
MUTATIONS = [
    (
        "unknown actor",
        "owner: north",
        "owner: nrth",
        "nrth",
        "error: unknown actor 'nrth' (did you mean 'north'?)",
    ),
    (
        "misspelt key",
        "    label: Seize the bridge",
        "    lable: Seize the bridge",
        "lable",
        "error: unknown key 'lable' in an option (did you mean 'label'?)",
    ),
    (
        "out of range",
        "start_tension: 30",
        "start_tension: 130",
        "130",
        "error: 'start_tension' of the scenario is 130; it must be from 0 to 100",
    ),
    (
        "unknown issue state",
        "preferred: [seized]",
        "preferred: [siezed]",
        "siezed",
        "error: issue 'bridge' has no state 'siezed' (did you mean 'seized'?)",
    ),
    (
        "unknown meter",
        "meters: {south.support: 3}",
        "meters: {south.suport: 3}",
        "suport",
        "error: actor 'south' has no meter 'suport' (did you mean 'support'?)",
    ),
    (
        "tab",
        "    once: true\n",
        "\tonce: true\n",
        "\tonce",
        "error: a tab character here; indent YAML with spaces, never tabs",
    ),
    (
        "playable actor without options",
        "    playable: false",
        "    playable: true",
        "observer",
        "error: actor 'observer' is playable but has no options",
    ),
    (
        "playable actor whose options can all run out",
        "    label: Offer talks\n",
        "    label: Offer talks\n    once: true\n",
        "north\n    name",
        (
            "error: actor 'north' needs at least one option that is always open (no 'requires', not 'once'), "
            "so it can always give an order"
        ),
    ),
    (
        "outcome on a flag nothing sets",
        "when: [{rung_at_least: war}]",
        "when: [{flag: war_declared}]",
        "{flag: war_declared}",
        "error: outcome 'war' can never happen: no effect sets flag 'war_declared'",
    ),
    (
        "outcome on a meter beyond its range",
        "when: [{rung_at_least: war}]",
        "when: [{meter_at_least: {north.resolve: 200}}]",
        "{meter_at_least",
        "error: outcome 'war' can never happen: north.resolve never reaches 200 (its range is 0–100)",
    ),
    (
        "evidence with quote and paraphrase",
        '        paraphrase: "South',
        '        quote: "No."\n        paraphrase: "South',
        "speaker: South's",
        "error: evidence needs either 'quote' (the speaker's own words) or 'paraphrase' (ours), not both",
    ),
    (
        "state in two lists",
        "acceptable: [demilitarised]",
        "acceptable: [demilitarised, seized]",
        "seized]\n    red",
        (
            "error: state 'seized' is listed in both 'preferred' and 'acceptable' "
            "of the position of 'north' on 'bridge'"
        ),
    ),
    (
        "bad colour",
        'colour: "#c0392b"',
        "colour: red",
        "red\n",
        'error: colour \'red\' must be written "#rrggbb", e.g. "#c0392b" (in quotes)',
    ),
    (
        "required text only blanks",
        "    name: Northland",
        '    name: "  "',
        '"  "',
        "error: 'name' of an actor has no value: write it after the ':'",
    ),
    (
        "colour unquoted, so read as a comment",
        'colour: "#c0392b"',
        "colour: #c0392b",
        " #c0392b",
        (
            "error: 'colour' of an actor has no value: write it in quotes, e.g. colour: \"#c0392b\" (without quotes, "
            "'#' starts a comment)"
        ),
    ),
    (
        "condition named in other words",
        "when: [{rung_at_least: war}]",
        "when: [{tension_above: 90}]",
        "tension_above",
        "error: unknown condition 'tension_above' (did you mean 'tension_at_least'?)",
    ),
    (
        "first rung not at 0",
        "{id: standoff, name: Diplomatic standoff, at: 0}",
        "{id: standoff, name: Diplomatic standoff, at: 5}",
        "{id: standoff",
        "error: the first rung 'standoff' must have 'at: 0' (it has 5)",
    ),
]


@pytest.mark.parametrize("what, old, new, at, message", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_mistake_is_reported_where_it_was_written(tmp_path, capsys, what, old, new, at, message):
    path = mutated(tmp_path, old, new)
    status, lines = validate(capsys, path)
    assert status == 1
    assert f"{position(path, at)}: {message}" in lines


def test_required_text_left_empty_points_just_after_its_colon(tmp_path, capsys):
    path = mutated(tmp_path, "title: A minimal crisis", "title:")
    status, lines = validate(capsys, path)
    assert status == 1
    assert (
        f"{path}:{line_of(path, 'title:')}:7: error: 'title' of the scenario has no value: "
        "write it after the ':'" in lines
    )


def test_duplicate_id_points_at_the_second_and_names_the_first(tmp_path, capsys):
    path = mutated(tmp_path, "  - id: talk_south", "  - id: talk_north")
    status, lines = validate(capsys, path)
    assert status == 1
    assert (
        f"{position(path, 'talk_north', 2)}: error: duplicate option id 'talk_north' "
        f"(first at line {line_of(path, 'talk_north')})"
    ) in lines


def test_duplicate_key_points_at_the_second_key(tmp_path, capsys):
    path = mutated(tmp_path, "    once: true\n", "    once: true\n    once: false\n")
    status, lines = validate(capsys, path)
    assert status == 1
    assert (
        f"{position(path, 'once: false')}: error: duplicate key 'once' "
        f"(first written at line {line_of(path, 'once: true')}, column 5)"
    ) in lines


def test_python_tag_is_refused_and_never_run(tmp_path, capsys):
    marker = tmp_path / "pwned"
    path = mutated(
        tmp_path,
        "    label: Seize the bridge",
        f'    label: !!python/object/apply:os.system ["touch {marker}"]',
    )
    status, lines = validate(capsys, path)
    assert status == 1
    assert (
        f"{position(path, '!!python')}: error: tag '!!python/object/apply:os.system' is not allowed; "
        f"a scenario holds only plain text, numbers, true/false, lists and mappings"
    ) in lines
    assert not marker.exists()


def test_outcome_on_an_issue_state_nothing_produces_is_an_error(tmp_path, capsys):
    path = mutated(tmp_path, "      issues: {bridge: seized}\n", "")
    status, lines = validate(capsys, path)
    assert status == 1
    assert (
        f"{position(path, '{issue_is: {bridge: seized}}')}: error: outcome 'seized' can never happen: "
        f"issue 'bridge' never becomes 'seized': it does not start there and no effect sets it"
    ) in lines


def test_billion_laughs_is_refused_with_a_message(tmp_path, capsys):
    path = tmp_path / "lol.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    status, lines = validate(capsys, path)
    assert status == 1
    # Refused at the first alias whose expansion passes 200,000 values: the 'f' line's second alias.
    assert lines[0] == (
        f"{path}:6:12: error: the file expands to more than 200,000 values "
        f"(aliases '*name' repeating anchors '&name'); a scenario needs far fewer"
    )


def test_non_utf8_bytes_are_located(tmp_path, capsys):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(minimal_text().replace("Northland", "Northl\u00e9nd").encode("latin-1"))
    status, lines = validate(capsys, path)
    assert status == 1
    text = path.read_bytes().decode("latin-1").splitlines()
    line = next(i for i, t in enumerate(text, 1) if "Northl" in t)
    column = text[line - 1].index("\u00e9") + 1
    assert lines[0] == (
        f"{path}:{line}:{column}: error: the file is not UTF-8 text: byte 0xe9 cannot start "
        f"a character here (save the file as UTF-8)"
    )


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "the file is empty; a scenario starts with keys such as 'id:' and 'title:'"),
        ("# only a comment\n", "the file is empty; a scenario starts with keys such as 'id:' and 'title:'"),
        ("just some words\n", "the top level must be a mapping of keys such as 'id:' and 'title:', not text"),
        ("- a\n- b\n", "the top level must be a mapping of keys such as 'id:' and 'title:', not a list"),
    ],
)
def test_empty_file_and_bare_values_are_refused_at_the_top(tmp_path, capsys, content, message):
    path = tmp_path / "bare.yaml"
    path.write_text(content, encoding="utf-8")
    assert validate(capsys, path) == (1, [f"{path}:1:1: error: {message}", f"{path}: 1 error, 0 warnings"])


def test_file_too_big_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    status, lines = validate(capsys, path)
    assert status == 1
    assert lines[0] == (
        f"{path}:1:1: error: the file is 1,048,577 bytes; a scenario file may be at most "
        f"1 MiB (1,048,576 bytes)"
    )


def test_missing_file_is_an_error_for_that_file(tmp_path, capsys):
    missing = tmp_path / "nowhere.yaml"
    status, lines = validate(capsys, MINIMAL, missing)
    assert status == 1
    assert lines == [f"{MINIMAL}: ok", f"{missing}: error: no such file", f"{missing}: 1 error, 0 warnings"]


def test_every_problem_is_reported_at_once_grouped_by_file(tmp_path, capsys):
    path = mutated(tmp_path, "owner: north", "owner: nrth")
    path.write_text(
        path.read_text()
        .replace("start_tension: 30", "start_tension: 130")
        .replace("lat: 47.5", "lat: 147.5"),
        encoding="utf-8",
    )
    status, lines = validate(capsys, path, MINIMAL)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in lines[:3]] == [
        position(path, "130"),
        position(path, "147.5"),
        position(path, "nrth"),
    ]
    assert lines[3:] == [f"{path}: 3 errors, 0 warnings", f"{MINIMAL}: ok"]


def test_positions_that_change_nothing_are_a_warning(tmp_path, capsys):
    path = mutated(tmp_path, "    reactions:\n      crossed: {meters: {south.support: 2}}\n", "")
    status, lines = validate(capsys, path)
    assert status == 0
    assert any(
        line.startswith(position(path, "south\n    name"))
        and "warning: actor 'south' states positions, "
        "but neither its 'reactions' nor any 'if_crossed'/'if_honoured' change anything"
        in line
        for line in lines
    ), lines


def test_a_scenario_with_no_positions_is_warned_about(tmp_path, capsys):
    text = minimal_text()
    start, end = text.index("positions:\n"), text.index("places:\n")
    path = tmp_path / "no_positions.yaml"
    path.write_text(text[:start] + "positions: []\n\n" + text[end:], encoding="utf-8")
    status, lines = validate(capsys, path)
    assert status == 0
    assert (
        f"{position(path, '[]')}: warning: 'positions' is empty: no order will honour or cross anyone's "
        "stated position, so nobody reacts and the game has little to explain" in lines
    )


def test_warnings_alone_keep_the_file_valid(tmp_path, capsys):
    path = mutated(
        tmp_path, "requires: [{not: {flag: bridge_seized}}]", "requires: [{not_flag: bridge_siezed}]"
    )
    status, lines = validate(capsys, path)
    assert status == 0
    warning = (
        f"{position(path, 'bridge_siezed')}: warning: no effect sets flag 'bridge_siezed' "
        f"(did you mean 'bridge_seized'?)"
    )
    assert lines == [warning, f"{path}: ok, 1 warning"]


def test_the_minimal_scenario_is_valid(capsys):
    assert validate(capsys, MINIMAL) == (0, [f"{MINIMAL}: ok"])


def test_shipped_scenarios_are_valid(capsys):
    shipped = sorted((PROJECT / "scenarios").glob("*.yaml"))
    assert len(shipped) >= 2, "the seed scenario and a second crisis ship with the game"
    status, lines = validate(capsys, *shipped)
    assert status == 0, "\n".join(lines)


def test_main_py_validate_exits_0_on_the_shipped_scenarios():
    import subprocess
    import sys

    shipped = sorted(str(p.relative_to(PROJECT)) for p in (PROJECT / "scenarios").glob("*.yaml"))
    assert shipped
    run = subprocess.run(
        [sys.executable, "main.py", "validate", *shipped],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr == ""


def test_a_folder_stands_for_the_scenario_files_in_it(tmp_path, capsys):
    (tmp_path / "one.yaml").write_text(minimal_text(), encoding="utf-8")
    (tmp_path / "two.yml").write_text(
        minimal_text().replace("title: A minimal crisis", "title:"), encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    status, lines = validate(capsys, tmp_path)
    assert status == 1
    assert f"{tmp_path / 'one.yaml'}: ok" in lines
    assert f"{tmp_path / 'two.yml'}: 1 error, 0 warnings" in lines
    assert not any("notes.txt" in line for line in lines)
    empty = tmp_path / "empty"
    empty.mkdir()
    status, lines = validate(capsys, empty)
    assert status == 1 and lines == [f"{empty}: error: this folder holds no scenario files (.yaml or .yml)"]


# Syntax mistakes: (file text, where the message must point as (line, column), the message)
SYNTAX = [
    (
        'format: 1\ntitle: "unclosed\nid: x\n',
        (2, 8),
        "the quoted text that opens here is never closed: add its closing quote mark",
    ),
    (
        "format: 1\nladder: [a, b\nid: y\n",
        (3, 3),
        "the list opened with '[' at line 2, column 9 is not closed: add ']' (and ',' between items)",
    ),
    (
        "format: 1\nmap: {west: 1\nid: y\n",
        (3, 3),
        "the mapping opened with '{' at line 2, column 6 is not closed: add '}' (and ',' between entries)",
    ),
    (
        "format: 1\nactors:\n  - id: a\n   name: b\n",
        (4, 4),
        "this line does not line up with the list that starts at line 3, column 3: indent it like the other items",
    ),
    (
        "format: 1\ntitle [x]\nid: y\n",
        (3, 1),
        "the key begun at line 2, column 1 has no ':' after it: write 'key: value'",
    ),
    ("format: 1\ntitle: @home\n", (2, 8), "'@' cannot start a value: put the text in quotes"),
    (
        'format: 1\ntitle: "Crisis" in Europe\n',
        (2, 17),
        (
            "this line does not fit the keys above it: check its indentation, and put a value that starts with a "
            "quote mark but goes on after it wholly in quotes"
        ),
    ),
]


@pytest.mark.parametrize(
    "text, at, message",
    SYNTAX,
    ids=["open quote", "open list", "open mapping", "list indent", "no colon", "at sign", "quote then text"],
)
def test_syntax_mistakes_say_where_and_what_to_do(tmp_path, capsys, text, at, message):
    path = tmp_path / "syntax.yaml"
    path.write_text(text, encoding="utf-8")
    status, lines = validate(capsys, path)
    assert status == 1
    assert lines[0] == f"{path}:{at[0]}:{at[1]}: error: {message}"
