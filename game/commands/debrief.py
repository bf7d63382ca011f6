"""`python main.py debrief SAVE`: the debrief of a saved game as Markdown or printable HTML."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from game.lesson.review import debrief_html, debrief_markdown
from game.savefiles import SaveError, open_saved
from game.scenario.loader import ScenarioError
from game.textsafe import printable


def run_debrief(args: Namespace) -> int:
    try:
        game = open_saved(args.save)
    except (SaveError, ScenarioError) as error:
        print(printable(f"debrief: {error}"), file=sys.stderr)
        return 1
    text = debrief_markdown(game) if args.format == "markdown" else debrief_html(game)
    if not args.output:
        print(printable(text))  # a scenario's texts may hold control codes: shown, never obeyed
        return 0
    try:
        problem = _unwritable(Path(args.output))
        if problem is None:
            Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        problem = f"cannot be written ({error.strerror or error})"
    if problem:
        print(printable(f"debrief: {args.output}: {problem}"), file=sys.stderr)
        return 1
    print(printable(f"Debrief written to {args.output}"))
    return 0


def _unwritable(target: Path) -> str | None:
    """Why the debrief cannot go to `target`, or None. A mistyped folder is refused, never created."""
    if target.is_dir():
        return "this is a folder; name a file in it for the debrief"
    if not target.parent.is_dir():
        return f"the folder {target.parent} does not exist"
    return None
