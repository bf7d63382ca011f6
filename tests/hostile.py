"""Hostile saves and scenario files for the fuzzers, and what must hold for every one of them.

Shared by the time-bounded tests (`tests/test_fuzz_hostile.py`) and the full
runs (`bench/fuzz_saves.py`, `bench/fuzz_scenarios.py`), which only draw more
examples. Every input goes through the real commands, in-process: `debrief`,
`play --text --load`, `validate`, and a game played with the text mode's
own screens, so a traceback anywhere fails the run.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SEED_SCENARIO = ROOT / "scenarios" / "eastern_flank_2022.yaml"
CUBA = ROOT / "scenarios" / "cuba_1962.yaml"
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"
SECRET = "TOP-SECRET-4711"  # planted in a YAML file a save may point at: must never be shown
CONTROLS = set(map(chr, [*range(9), *range(11, 32), *range(0x7F, 0xA0)]))

# Raw JSON no Python value dumps to: replaced into the text after json.dumps.
RAW = {
    "@@DIGITS@@": "7" * 5000,
    "@@NEG_DIGITS@@": "-" + "3" * 4301,
    "@@INF@@": "Infinity",
    "@@NAN@@": "NaN",
    "@@BIGFLOAT@@": "1e999",
    "@@DEEP@@": "[" * 100_000 + "]" * 100_000,
    "@@DEEPISH@@": "[" * 70 + "]" * 70,
    "@@DUPKEY@@": '{"us": "a", "us": "b"}',
}


@functools.cache
def planted() -> Path:
    """A folder of things a save's scenario_path may name: a FIFO, a folder, a secret, a scenario copy."""
    folder = Path(tempfile.mkdtemp(prefix="brinkmanship-hostile-"))
    os.mkfifo(folder / "pipe.yaml")
    (folder / "folder.yaml").mkdir()
    (folder / "secret.yaml").write_text(f"id: {SECRET}\npassword: hunter2\n", encoding="utf-8")
    (folder / "secret.txt").write_text(f"id: {SECRET}\npassword: hunter2\n", encoding="utf-8")
    (folder / "copy.yml").write_text(CUBA.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def hostile_paths() -> list[str]:
    here = planted()
    names = ["pipe.yaml", "folder.yaml", "secret.yaml", "secret.txt", "copy.yml", "missing.yaml"]
    return [str(here / n) for n in names] + [
        "/dev/zero",
        "/dev/stdin",
        "/tmp/" + "x" * 5000 + ".yaml",
        "../../../../etc/passwd",
        "a\x00b.yaml",
        "",
        str(SEED_SCENARIO),
        str(CUBA),
    ]


@functools.cache
def base_saves() -> tuple[str, ...]:
    """Saves the game itself writes (as JSON text): new, mid-game, finished, classroom, another crisis."""
    sys.path.insert(0, str(ROOT))
    from game.engine.game import Game
    from game.scenario.loader import load_scenario

    eastern, cuba = load_scenario(SEED_SCENARIO), load_scenario(CUBA)
    games = [
        Game.new(eastern, seed=1, humans=("us",)),
        Game.new(eastern, seed=2, humans=("us", "nato", "russia"), classroom=True),
        Game.new(cuba, seed=3, humans=()),
        Game.new(eastern, seed=4, humans=()),
    ]
    for game, turns in zip(games, (2, 1, 99, 99), strict=True):
        while not game.is_over and len(game.history) < turns:
            game.play_turn({side: game.computer_choice(side).option_id for side in game.humans})
    return tuple(json.dumps(game.to_save(), ensure_ascii=False, indent=1) for game in games)


_TEXTS = st.sampled_from(
    ["", "x" * 300, "\x1b[2J\x1b]0;pwned\x07", "<script>alert(1)</script>", "é\u202e", "us", "nato", "1"]
)
HOSTILE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    _TEXTS,
    st.sampled_from(sorted(RAW)),
    st.lists(st.integers(-3, 3) | _TEXTS, max_size=3),
    st.dictionaries(_TEXTS, st.integers(-3, 3) | _TEXTS, max_size=3),
    st.deferred(lambda: st.sampled_from(hostile_paths())),
)


def _places(value: object, path: tuple = ()) -> list[tuple]:
    """Every place in a JSON tree (as a path of keys and indexes), the root excepted."""
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        found.append((*path, key))
        found.extend(_places(child, (*path, key)))
    return found


def _dump(tree: object) -> str:
    text = json.dumps(tree, ensure_ascii=False)
    for marker, raw in RAW.items():
        text = text.replace(json.dumps(marker), raw)
    return text


@st.composite
def hostile_saves(draw) -> bytes:
    """The bytes of a save as a user, an editor or an attacker could leave it."""
    text = draw(st.sampled_from(base_saves()))
    kind = draw(st.sampled_from(["values", "values", "drop", "truncate", "raw", "bytes", "encoding", "path"]))
    if kind == "raw":
        raw = [*RAW.values(), "", "{}", "[]", "null", "{" * 3000, '"\\ud800"']
        return draw(st.sampled_from(raw)).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "truncate":
        return text.encode("utf-8")[: draw(st.integers(0, len(text.encode("utf-8")) - 1))]
    if kind == "encoding":
        bom, codec = draw(st.sampled_from([(b"\xef\xbb\xbf", "utf-8"), (b"", "utf-16"), (b"", "latin-1")]))
        return bom + text.encode(codec, "replace")
    tree = json.loads(text)
    if kind == "path":
        tree["scenario_path"] = draw(st.sampled_from(hostile_paths()))
        if draw(st.booleans()):
            tree["scenario_id"] = draw(st.sampled_from([SECRET, "cuba_1962", "eastern_flank_2022"]))
    else:
        _change(draw, tree, None if kind == "drop" else HOSTILE_VALUES)
    return _dump(tree).encode("utf-8")


def _change(draw, tree: object, values, only: set[str] | None = None) -> None:
    """Replace (or with `values` None, delete) one to five values at random places of a JSON tree.

    `only`: just the places under one of these keys, when there are any.
    """
    for _ in range(draw(st.integers(1, 5))):
        places = _places(tree)  # again each time: a change may have replaced a whole branch
        if only:
            places = [p for p in places if p[-1] in only] or places
        if not places:
            return
        where = draw(st.sampled_from(places))
        parent = tree
        for key in where[:-1]:
            parent = parent[key]
        if values is None:
            del parent[where[-1]]
        else:
            parent[where[-1]] = draw(values)


@contextlib.contextmanager
def in_process(home: Path, stdin: str = ""):
    """Standard streams captured and a saves folder of its own, for `game.cli.main` run in this process."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, os.environ.get("BRINKMANSHIP_HOME")
    sys.stdin, os.environ["BRINKMANSHIP_HOME"] = io.StringIO(stdin), str(home)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        sys.stdin = old[0]
        if old[1] is None:
            os.environ.pop("BRINKMANSHIP_HOME", None)
        else:
            os.environ["BRINKMANSHIP_HOME"] = old[1]


def command(args: list[str], home: Path, stdin: str = "") -> tuple[int, str, str]:
    """`python main.py ARGS` in this process: (exit status, stdout, stderr); any exception escapes."""
    from game.cli import main
    from game.savelock import release_all

    try:
        with in_process(home, stdin) as (out, err):
            status = main(args)
    finally:
        release_all()
    return status, out.getvalue(), err.getvalue()


def assert_safe_output(*texts: str) -> None:
    """No control code, no secret from another file, no traceback in what reached the terminal."""
    for text in texts:
        assert not CONTROLS & set(text.replace("\t", "").replace("\n", "")), repr(text[:300])
        assert "hunter2" not in text and "Traceback" not in text  # the planted file's content


def check_save(data: bytes, folder: Path) -> str:
    """Feed one save to `debrief` and `play --text --load`; 'loaded' or 'refused'. Raises on any flaw."""
    path = folder / "fuzz.json"
    path.write_bytes(data)
    status, out, err = command(["debrief", str(path)], folder)
    assert status in (0, 1) and (status == 0 or err.strip()), (status, err)
    assert_safe_output(out, err)
    status, out, err = command(["play", "--text", "--load", str(path)], folder)
    assert_safe_output(out, err)
    if status != 0:
        assert status in (1, 2) and err.strip(), (status, err)
        assert path.read_bytes() == data, "a refused save is left as it was"
        return "refused"
    again, _, err = command(["play", "--text", "--load", str(path)], folder)
    assert again == 0, f"a save the game wrote does not load again: {err}"
    return "loaded"


# ------------------------------------------------------------------ scenario files
YAML_RAW = {
    "@@Y_DIGITS@@": "7" * 5000,
    "@@Y_LONG@@": "y" * 200_000,
    "@@Y_BOMB@@": "&a [1, 1, 1, 1, 1, 1, 1, 1, 1]",
}
_YAML_TEXTS = st.sampled_from(
    ["\x1b[2J\x1b]0;pwned\x07", "\x9b31m\x7f", "<script>alert(1)</script>", "a\u202eb", "x" * 5000, "", "\\"]
) | st.text(max_size=40)
YAML_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(),
    _YAML_TEXTS,
    st.sampled_from(sorted(YAML_RAW)),
    st.lists(st.integers(-200, 200) | _YAML_TEXTS, max_size=3),
)
SNIPPETS = [
    "\t",
    ": ",
    "- ",
    "*a",
    "&a ",
    "!!python/object/apply:os.system ['true']",
    "[" * 200,
    "{" * 200,
    "\n" + "x: 1\n" * 3,
    "\ufeff",
    "\x00",
    '"\\e[2J"',
    "<<: *a",
    "---\n",
]


PROSE = {"title", "summary", "briefing", "label", "description", "name", "short_name", "text", "debrief"}


@functools.cache
def _scenario_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in (MINIMAL, MINIMAL, CUBA))


@functools.cache
def _scenario_json(text: str) -> str:
    import yaml

    return json.dumps(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


@st.composite
def hostile_scenarios(draw) -> bytes:
    """The bytes of a scenario file with hostile texts (still valid), hostile values or hostile syntax."""
    import yaml

    text = draw(st.sampled_from(_scenario_texts()))
    kind = draw(
        st.sampled_from(["texts", "texts", "texts", "values", "values", "snippet", "truncate", "bytes"])
    )
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "truncate":
        return text.encode("utf-8")[: draw(st.integers(0, len(text.encode("utf-8")) - 1))]
    if kind == "snippet":
        at = draw(st.integers(0, len(text)))
        return (text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]).encode("utf-8", "surrogatepass")
    tree = json.loads(_scenario_json(text))  # a fresh copy, quicker than parsing the YAML again
    if kind == "texts":
        _change(draw, tree, _YAML_TEXTS, only=PROSE)
    else:
        _change(draw, tree, YAML_VALUES)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumped = yaml.dump(tree, Dumper=dumper, allow_unicode=True, sort_keys=False)
    for marker, raw in YAML_RAW.items():
        dumped = dumped.replace(marker, raw)
    return dumped.encode("utf-8")


EVERY_OPTION = "".join(f"{n}\n" for n in range(1, 12)) * 12


def check_scenario(data: bytes, folder: Path) -> str:
    """Validate one scenario file; if playable, play it in the terminal and export its debrief.

    'refused' or 'played'. Raises on a traceback, a control code or raw HTML reaching the user.
    """
    path = folder / "fuzz.yaml"
    path.write_bytes(data)
    status, out, err = command(["validate", str(path)], folder)
    assert status in (0, 1), (status, err)
    assert_safe_output(out, err)
    if status == 1:
        return "refused"
    from game.scenario.loader import load_scenario

    side = load_scenario(path).playable_actors[0].id
    save = folder / "fuzz-save.json"
    args = ["play", "--text", "--scenario", str(path), "--as", side, "--seed", "1", "--save", str(save)]
    status, out, err = command(args, folder, EVERY_OPTION)
    assert status == 0, err
    assert_safe_output(out, err)
    status, out, err = command(["debrief", str(save)], folder)
    assert status == 0, err
    assert_safe_output(out, err)
    assert "<" not in out, "no HTML from the scenario in the Markdown debrief"
    status, out, err = command(["simulate", "--scenario", str(path), "--games", "2"], folder)
    assert status == 0, err
    assert_safe_output(out, err)
    save.unlink()
    return "played"
