"""What the validator reports: one located `Problem`, and did-you-mean hints.

A problem reads the way an instructor's editor expects, `PATH:LINE:COLUMN:
error: message`, so a click jumps to the spot. Lines and columns are 1-based;
line 0 means the problem concerns the whole file (it is missing, say).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (error: unplayable) or suspicious (warning: playable) in a scenario file."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """`PATH:LINE:COLUMN: error: message` (just `PATH: error: message` for a whole-file problem)."""
        where = f"{self.path}:{self.line}:{self.column}" if self.line > 0 else self.path
        return f"{where}: {self.severity}: {self.message}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'russia'?)` when a choice is close to `word`, else an empty string."""
    choices = [c for c in choices if isinstance(c, str)]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        # Case slips ("Russia" for "russia") are common and difflib scores them low.
        close = [c for c in choices if c.lower() == word.lower()][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In file order, so a reader can work down the file; whole-file problems first."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.column))
