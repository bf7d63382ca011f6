"""Helpers for the loader and validator tests: the small valid scenario, mutated copies, and positions."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal.yaml"
PROJECT = Path(__file__).resolve().parent.parent


def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def mutated(tmp_path: Path, old: str, new: str, name: str = "broken.yaml") -> Path:
    """A copy of the minimal scenario with `old` replaced (once) by `new`."""
    text = minimal_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def position(path: Path, needle: str, nth: int = 1) -> str:
    """'PATH:LINE:COLUMN' of the nth occurrence of needle in the file: where a message must point."""
    text = path.read_text(encoding="utf-8")
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{path}:{line}:{column}"


def billion_laughs() -> str:
    """Nine levels of nine aliases: about 10^9 values once expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"
