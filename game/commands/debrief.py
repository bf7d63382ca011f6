"""`python main.py debrief SAVE`: the debrief of a saved game as Markdown or printable HTML."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from game.lesson.review import debrief_html, debrief_markdown
from game.savefiles import SaveError, open_saved
from game.scenario.loader import ScenarioError


def run_debrief(args: Namespace) -> int:
    try:
        game = open_saved(args.save)
    except (SaveError, ScenarioError) as error:
        print(f"debrief: {error}", file=sys.stderr)
        return 1
    text = debrief_markdown(game) if args.format == "markdown" else debrief_html(game)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Debrief written to {args.output}")
    else:
        print(text)
    return 0
