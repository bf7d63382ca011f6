"""`validate --strict` and the anachronism warnings: what an instructor is told, and where.

Each strict check is shown firing on a small change to the minimal scenario,
at the line the author must look at; a `# justified:` comment answers a
warning; the shipped scenarios pass --strict with every warning answered.
"""

from __future__ import annotations

import pytest

from game.cli import main
from tests.loader_fixtures import MINIMAL, PROJECT, mutated, position


def strict(capsys, path) -> tuple[int, list[str]]:
    status = main(["validate", "--strict", str(path)])
    return status, capsys.readouterr().out.splitlines()


def test_strict_reports_what_the_batch_never_did_at_the_option_and_the_outcome(capsys):
    status, lines = strict(capsys, MINIMAL)
    assert status == 1, "an unanswered warning fails --strict, for CI"
    never = f"{position(MINIMAL, 'id: seize_bridge')}: warning: option 'seize_bridge' was never chosen in 200"
    assert any(line.startswith(never) for line in lines), lines
    assert any(
        line.startswith(f"{MINIMAL}:147:5: warning: outcome 'war' was never reached") for line in lines
    )
    assert lines[-1] == f"{MINIMAL}: ok, 4 warnings"


def test_plain_validate_does_not_play_games_and_passes(capsys):
    assert main(["validate", str(MINIMAL)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{MINIMAL}: ok"]


DATED = '"2022-05-01"'
CYCLE = (
    "  - {id: first, actor: north, label: A, category: military, requires: [{chosen: second}]}\n"
    "  - {id: second, actor: north, label: B, category: military, requires: [{chosen: first}]}\n\ninjects:"
)


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("countries: [RUS]", "countries: [ROC]", "ROC", "country 'ROC' of actor 'north' is not on the map"),
        (
            "  - {id: north_base, name: North Base, lat: 50.0, lon: 21.0}",
            (
                "  - {id: north_base, name: North Base, lat: 50.0, lon: 21.0}\n"
                "  - {id: lighthouse, name: L, lat: 48, lon: 20}"
            ),
            "{id: lighthouse",
            "no force is ever at place 'lighthouse'",
        ),
        (
            "injects:",
            CYCLE,
            "[{chosen: second}]",
            (
                "option 'first' can never be ordered: its 'chosen' requirements go round in a circle "
                "(first → second → first)"
            ),
        ),
        (
            "    preferred: [demilitarised]\n    red_lines: [seized]",
            "    preferred: [demilitarised]\n    acceptable: [seized]\n    red_lines: []",
            "[seized]\n    red_lines: []",
            "'south' accepts 'seized' on 'bridge', but none of its own options signals or brings it about",
        ),
    ],
    ids=["country not on the map", "place no force visits", "options requiring each other", "unaskable wish"],
)
def test_each_strict_check_points_at_the_line_to_fix(tmp_path, capsys, old, new, needle, message):
    path = mutated(tmp_path, old, new)
    status, lines = strict(capsys, path)
    hits = [line for line in lines if message in line]
    assert status == 1 and hits, lines
    assert hits[0].startswith(position(path, needle) + ":"), (hits[0], position(path, needle))


def test_a_justified_comment_answers_a_warning_but_not_an_error(tmp_path, capsys):
    path = mutated(tmp_path, "countries: [RUS]", "countries: [ROC]   # justified: Taiwan is drawn by hand")
    _status, lines = strict(capsys, path)
    assert not any("ROC" in line for line in lines)
    assert lines[-1] == f"{path}: ok, 4 warnings (1 warning justified in comments)"
    broken = mutated(tmp_path, 'colour: "#c0392b"', "colour: red   # justified: I like red", "red.yaml")
    assert main(["validate", str(broken)]) == 1
    assert "must be written" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "  Northland has moved troops near the bridge. Southland wants them gone.",
            "  Northland has moved troops near the bridge. On 10 February it will cross.",
            "|",
            "the briefing is shown on 3 February 2022 but names 10 February 2022",
        ),
        (
            '        quote: "The bridge is ours."\n        source: article\n',
            '        quote: "The bridge is ours."\n        source: article\n        date: "2022-05-01"\n',
            DATED,
            "evidence of North's president is dated 1 May 2022, after the last turn (10 March 2022)",
        ),
    ],
    ids=["briefing names a later date", "evidence after the last turn"],
)
def test_plain_validate_warns_about_anachronism(tmp_path, capsys, old, new, needle, message):
    path = mutated(tmp_path, old, new)
    assert main(["validate", str(path)]) == 0, "a warning: the file still plays"
    assert f"{position(path, needle)}: warning: {message}" in capsys.readouterr().out


# Slow: --strict plays a batch of 200 games for each file, 600 in all. The fast run shows each strict check
# on the minimal scenario (above); plain `validate` of the shipped files runs fast in test_validate_cli.
@pytest.mark.slow
def test_the_shipped_scenarios_pass_strict_with_every_warning_answered(capsys):
    # In this process: `python main.py validate` as a process of its own is tested in test_validate_cli.
    shipped = sorted(str(p) for p in (PROJECT / "scenarios").glob("*.yaml"))
    status = main(["validate", "--strict", *shipped, str(PROJECT / "docs" / "scenario-template.yaml")])
    out, err = capsys.readouterr()
    assert status == 0, out + err
    assert "warning:" not in out


def test_a_quote_left_open_mid_file_is_reported_where_it_opens(tmp_path, capsys):
    """YAML notices it only at the next quote mark, lines later; the message names the opening line."""
    path = mutated(tmp_path, "title: A minimal crisis", 'title: "A minimal crisis')
    assert main(["validate", str(path)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{position(path, OPEN_QUOTE)}: error: ")
    assert (
        "the quoted text that opens here is not closed on its line: it runs on to the next quote mark"
        in first
    )
    assert f"on line {int(position(path, 'start_date').split(':')[1])}" in first


OPEN_QUOTE = '"A minimal'
