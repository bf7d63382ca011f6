"""The shape of the code, read from its source: which layer imports which, and how long functions are.

docs/architecture.md draws the layers; these tests keep the drawing true.
Run this file as a script to list every function over the length limit:
`python tests/test_architecture.py`.
"""

from __future__ import annotations

import ast
import functools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"
LONGEST_FUNCTION = 50  # lines, from `def` to the last line of its body

# The layers of `game`, from the bottom up: a module may import its own layer and those with a lower
# number, never one above or beside it (the window, the terminal and the network game are separate
# shells). docs/architecture.md explains each; a new module joins one here.
LAYERS: dict[str, int] = {
    # leaves: know nothing of the game
    "game.wording": 0,
    "game.paths": 0,
    "game.seeds": 0,
    "game.textsafe": 0,  # arriving with the hardening work
    "game.files": 0,  # arriving with the hardening work
    # the model, then the rules on it
    "game.scenario": 1,
    "game.engine": 2,
    "game.lesson": 3,  # pure functions over games, arriving with the lesson work
    "game.text_views": 3,  # what the terminal prints, as lines: pure, so below the files and the shells
    # files a user keeps
    "game.savefiles": 4,
    "game.savelock": 4,  # arriving with the hardening work
    # the shells
    "game.text_mode": 5,
    "game.text_console": 5,  # arriving with the lesson work
    "game.text_deals": 5,  # the terminal's deal words, with the deals work
    "game.client": 5,
    "game.server": 5,  # arriving with the network game
    "game.commands": 6,
    "game.cli": 7,
    "game.__main__": 8,
}
# Modules of one layer that are one shell together (the terminal's pieces); other shells stay apart.
SAME_SHELL = {"game.text_mode": "terminal", "game.text_console": "terminal", "game.text_deals": "terminal"}
PURE = (
    "game.engine",
    "game.scenario",
    "game.lesson",
    "game.text_views",
)  # never pygame: the rules run in any shell
FORBIDDEN_TO_THE_CORE = ("game.client", "game.cli", "game.commands", "pygame")
# The command line is started from these files alone; tests drive it too.
MAY_IMPORT_CLI = {ROOT / "main.py", GAME / "__main__.py"}


@functools.cache
def python_files() -> list[Path]:
    skip = {".git", ".venv", "venv", "build", "__pycache__"}
    return sorted(p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts))


@functools.cache
def parsed(path: Path) -> ast.Module:
    """A file's syntax tree, read once for all the checks here."""
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(autouse=True, scope="module")
def _forget_the_trees() -> Iterator[None]:
    """The trees are many objects: dropped after this module, so later garbage collections skip them."""
    yield
    parsed.cache_clear()


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def imported(path: Path, module: str = "") -> tuple[tuple[int, str], ...]:
    """Every module the file imports, wherever the import stands (inside functions too), with its line.

    `module` is the file's own dotted name (by default, from where it lies), to resolve relative imports.
    """
    tree = parsed(path)
    found: list[tuple[int, str]] = []
    module = module or module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append((node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import: resolve it against the file's package
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.append((node.lineno, base))
            for alias in node.names:  # `from game import cli` imports game.cli
                found.append((node.lineno, f"{base}.{alias.name}"))
    return tuple(found)


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def layer_of(module: str) -> str | None:
    return next((layer for layer in LAYERS if within(module, layer)), None)


def may_import(layer: str, name: str) -> bool:
    """Whether a module of `layer` may import `name` (a module of the game, or anything else)."""
    target = layer_of(name)
    if not within(name, "game") or name == "game" or target == layer:
        return True
    if target is None:
        return False  # a module with no layer: the test below says so
    if LAYERS[target] == LAYERS[layer]:
        return layer in SAME_SHELL and SAME_SHELL.get(target) == SAME_SHELL[layer]
    return LAYERS[target] < LAYERS[layer]


def test_the_engine_and_the_scenario_model_never_import_a_front_end_a_command_or_pygame():
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in python_files()
        if within(module_name(path), "game.engine") or within(module_name(path), "game.scenario")
        for line, name in imported(path)
        if any(within(name, banned) for banned in FORBIDDEN_TO_THE_CORE)
    ]
    assert found == []


def test_each_part_of_the_game_imports_only_the_layers_below_it():
    found = []
    for path in python_files():
        layer = layer_of(module_name(path))
        if layer is None:
            continue
        for line, name in imported(path):
            if not may_import(layer, name) or (layer in PURE and within(name, "pygame")):
                found.append(f"{path.relative_to(ROOT)}:{line}: {layer} imports {name}")
    assert found == []


def test_every_module_of_the_game_has_a_place_in_the_layers():
    homeless = [
        str(p.relative_to(ROOT))
        for p in GAME.rglob("*.py")
        if module_name(p) != "game" and layer_of(module_name(p)) is None
    ]
    assert homeless == [], "add it to LAYERS here and to docs/architecture.md"


def test_only_the_entry_points_import_the_command_line():
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in python_files()
        if path not in MAY_IMPORT_CLI and not within(module_name(path), "tests")
        for line, name in imported(path)
        if within(name, "game.cli")
    ]
    assert found == []


def test_no_test_module_imports_another():
    """Shared helpers live in tests/conftest.py and the *_fixtures modules, never in a test module."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in (ROOT / "tests").glob("*.py")
        for line, name in imported(path)
        if within(name, "tests") and name.rsplit(".", 1)[-1].startswith("test_")
    ]
    assert found == []


def test_the_layer_check_sees_every_kind_of_import(tmp_path):
    """The checks above would pass on code they cannot read; this one shows they read it."""
    sample = tmp_path / "sample.py"
    source = "import pygame\ndef f():\n    from game.client import app\nfrom game import cli\nfrom .. import commands\n"
    sample.write_text(source, encoding="utf-8")
    names = [name for _, name in imported(sample, "game.engine.sample")]
    assert {"pygame", "game.client", "game.cli", "game.commands"} <= set(names)


def long_functions(folder: Path, limit: int = LONGEST_FUNCTION) -> list[str]:
    """`file:line: name is N lines` for every function or method in `folder` longer than `limit`."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = parsed(path)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} is {length} lines")
    return found


def test_no_function_in_the_game_is_over_fifty_lines():
    assert long_functions(GAME) == []


if __name__ == "__main__":
    over = long_functions(GAME)
    print("\n".join(over) or f"no function in game/ is over {LONGEST_FUNCTION} lines")
    sys.exit(1 if over else 0)
