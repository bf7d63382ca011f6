"""Warnings an author has answered: a `# justified: why` comment on the warning's line or the one above.

A warning is a question ("is this what you meant?"). When the answer is yes,
the author writes it down where the warning points, and the validator stops
asking, without the reason being lost. An error cannot be justified: an
unplayable file stays unplayable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from game.scenario.problems import Problem

JUSTIFIED = re.compile(r"#\s*justified:\s*\S")


def split_justified(path: str, problems: Iterable[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(problems still to show, warnings justified by a comment on their line or the line above)."""
    problems = list(problems)
    if not any(p.severity == "warning" for p in problems):
        return problems, []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return problems, []
    shown, justified = [], []
    for problem in problems:
        near = lines[max(0, problem.line - 2) : problem.line] if problem.line > 0 else []
        if problem.severity == "warning" and any(JUSTIFIED.search(line) for line in near):
            justified.append(problem)
        else:
            shown.append(problem)
    return shown, justified
