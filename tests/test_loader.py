"""The loader: a valid file becomes the typed model; any other input becomes located problems, never a crash."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import model as m
from game.scenario.loader import ScenarioError, check_file, load_scenario
from game.scenario.problems import Problem, did_you_mean
from tests.loader_fixtures import MINIMAL, minimal_text, mutated, position
from tests.property_fixtures import examples


def test_minimal_scenario_becomes_the_typed_model():
    sc = load_scenario(MINIMAL)
    assert sc.id == "minimal_crisis" and sc.start_date == "2022-02-03" and sc.turn_limit == 6
    assert [a.id for a in sc.playable_actors] == ["north", "south"]
    assert sc.actor("south").short_name == "Southland"  # defaults to the name
    assert sc.actor("north").meter("resolve") == m.Meter("resolve", "Resolve", 0, 100, 60)
    assert sc.force("north_brigade").at == "north_base"  # defaults to home
    seize = sc.option("seize_bridge")
    assert seize.requires == (m.TensionAtLeast(40),)
    assert seize.effects == m.Effects(
        tension=20,
        issues=(("bridge", "seized"),),
        moves=(m.ForceMove("north_brigade", "bridge_town", "deployed"),),
        set_flags=("bridge_seized",),
    )
    assert sc.option("sanction").requires == (m.Not(m.FlagSet("bridge_seized")),)
    assert sc.injects[0].when == (m.TurnAtLeast(2), m.AnyOf((m.RungAtLeast("crisis"), m.Chosen("sanction"))))
    assert sc.outcome("settled").when == (m.IssueIs("bridge", ("demilitarised",)), m.TensionBelow(20))
    assert [o.id for o in sc.outcomes if o.default] == ["standoff"]
    position_ = sc.positions_of("south")[0]
    assert position_.red_lines == ("seized",) and not position_.evidence[0].is_quote


def test_content_hash_and_path_identify_the_file():
    sc = load_scenario(MINIMAL)
    assert sc.content_hash == hashlib.sha256(MINIMAL.read_bytes()).hexdigest()
    assert sc.path == str(MINIMAL)


def test_load_scenario_raises_with_every_problem(tmp_path):
    path = mutated(tmp_path, "owner: north", "owner: nrth")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    assert [p.format() for p in raised.value.problems] == [
        f"{position(path, 'nrth')}: error: unknown actor 'nrth' (did you mean 'north'?)"
    ]
    assert str(raised.value) == raised.value.problems[0].format()


def test_check_file_reports_a_missing_file_instead_of_raising(tmp_path):
    scenario, problems = check_file(tmp_path / "absent.yaml")
    assert scenario is None
    assert [p.format() for p in problems] == [f"{tmp_path / 'absent.yaml'}: error: no such file"]


def test_a_folder_is_not_a_scenario(tmp_path):
    assert check_file(tmp_path)[1][0].message == "this is a folder, not a scenario file"


def test_unquoted_date_and_numbers_as_names_are_read_as_written(tmp_path):
    path = mutated(tmp_path, 'start_date: "2022-02-03"', "start_date: 2022-02-03")
    path.write_text(path.read_text().replace("name: Northland", "name: 1914"), encoding="utf-8")
    sc = load_scenario(path)
    assert sc.start_date == "2022-02-03" and sc.actor("north").name == "1914"


def test_anchors_and_aliases_are_allowed_in_moderation(tmp_path):
    path = mutated(
        tmp_path,
        "      crossed: {tension: 3, meters: {north.resolve: 4}}",
        "      crossed: &angry {tension: 3, meters: {north.resolve: 4}}",
    )
    path.write_text(path.read_text().replace("    if_crossed: {tension: 5}", "    if_crossed: *angry"))
    sc = load_scenario(path)
    assert sc.positions[0].if_crossed == sc.actor("north").reactions.crossed


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: &x [*x]\n", "alias '*x' is inside its own anchor"),
        ("a: *nowhere\n", "alias '*nowhere' names no anchor '&nowhere' written above it"),
        (
            "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
            "values nested more than 40 deep; a scenario never needs this",
        ),
        ("a: 1\n---\nb: 2\n", "a second YAML document ('---'); a scenario file holds one"),
        ("<<: {a: 1}\n", "merge keys ('<<') are not supported; write the keys out"),
        (
            "a: !foo 1\n",
            (
                "tag '!foo' is not allowed; a scenario holds only plain text, numbers, true/false, "
                "lists and mappings"
            ),
        ),
        ('a: "bell\x07"\n', "character U+0007 is not allowed in a YAML file (is this a text file?)"),
        (
            "title: A: B\n",
            (
                "unexpected ':' here: put text that holds ': ' in quotes, or indent this line like the "
                "keys around it"
            ),
        ),
    ],
    ids=[
        "recursive alias",
        "undefined alias",
        "deep nesting",
        "two documents",
        "merge key",
        "custom tag",
        "control character",
        "colon in text",
    ],
)
def test_hostile_or_broken_yaml_is_refused_with_a_message(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    scenario, problems = check_file(path)
    assert scenario is None
    assert message in [p.message for p in problems]


def test_problem_format_and_did_you_mean():
    assert Problem("a.yaml", 42, 7, "error", "oops").format() == "a.yaml:42:7: error: oops"
    assert did_you_mean("rusia", ["russia", "us", "nato"]) == " (did you mean 'russia'?)"
    assert did_you_mean("Russia", ["russia"]) == " (did you mean 'russia'?)"
    assert did_you_mean("zzz", ["russia"]) == ""


# ------------------------------------------------------------------ fuzzing
_FUZZ_DIR = Path(tempfile.mkdtemp(prefix="brinkmanship-fuzz-"))
_YAMLISH = st.text(
    alphabet=st.sampled_from(list("abcxyz019_ -:.,'\"#&*!|>?[]{}%@`\t\n\r\\~=<") + ["é", "\x00"]),
    max_size=300,
)


def _check_text(data: bytes) -> None:
    path = _FUZZ_DIR / "fuzz.yaml"
    # A new file each time: rewriting one in place makes ext4 flush it to disk (~3 ms) on every example.
    path.unlink(missing_ok=True)
    path.write_bytes(data)
    scenario, problems = check_file(path)  # must never raise
    assert scenario is not None or any(p.is_error for p in problems)
    assert all(p.line >= 0 and p.column >= 0 for p in problems)
    assert not [p for p in problems if p.message.startswith("internal error")], problems


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    _check_text(data)


@settings(max_examples=examples(300), deadline=None)
@given(_YAMLISH)
def test_random_yamlish_text_never_raises(text):
    _check_text(text.encode("utf-8"))


@pytest.mark.slow
@settings(max_examples=examples(150), deadline=None)
@given(st.data())
def test_randomly_damaged_scenarios_never_raise(data):
    lines = minimal_text().splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            j = data.draw(st.integers(0, max(0, len(lines[i]) - 1)))
            lines[i] = lines[i][:j] + data.draw(_YAMLISH.filter(lambda t: len(t) < 8)) + lines[i][j + 1 :]
        if not lines:
            break
    _check_text("".join(lines).encode("utf-8"))


_WORDS = sorted(
    {k for req, opt in __import__("game.scenario.keys", fromlist=["KEYS"]).KEYS.values() for k in req + opt}
    | {
        "north",
        "south",
        "bridge",
        "seized",
        "north.resolve",
        "flag",
        "any",
        "not",
        "issue_is",
        "tension_at_least",
        "to",
        "war",
        "article",
    }
)
_LEAF = st.one_of(
    st.sampled_from(_WORDS), st.integers(-5, 120), st.booleans(), st.none(), st.floats(-200, 200)
)
_TREE = st.recursive(
    _LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_WORDS), inner, max_size=5)
    ),
    max_leaves=40,
)


@pytest.mark.slow
@settings(max_examples=examples(200), deadline=None)
@given(st.dictionaries(st.sampled_from(_WORDS), _TREE, max_size=12))
def test_plausible_but_wrong_scenarios_never_raise(tree):
    import yaml

    _check_text(yaml.safe_dump(tree).encode("utf-8"))


@pytest.mark.slow
@settings(max_examples=examples(100), deadline=None)
@given(st.data())
def test_minimal_scenario_with_a_value_swapped_never_raises(data):
    import yaml

    tree = yaml.safe_load(minimal_text())
    node = tree
    for _ in range(data.draw(st.integers(1, 4))):  # walk down to a random place, replace it
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
            if data.draw(st.booleans()) or not isinstance(node[key], (dict, list)):
                node[key] = data.draw(_TREE)
                break
            node = node[key]
        elif isinstance(node, list) and node:
            i = data.draw(st.integers(0, len(node) - 1))
            if data.draw(st.booleans()) or not isinstance(node[i], (dict, list)):
                node[i] = data.draw(_TREE)
                break
            node = node[i]
    _check_text(yaml.safe_dump(tree).encode("utf-8"))
