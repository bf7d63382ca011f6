"""`python main.py debrief SAVE`: the debrief of a saved game as Markdown or printable HTML."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from game.engine.debrief import html_page, markdown
from game.savefiles import SaveError, open_saved
from game.scenario.loader import ScenarioError


def run_debrief(args: Namespace) -> int:
    try:
        game = open_saved(args.save)
    except (SaveError, ScenarioError) as error:
        print(f"debrief: {error}", file=sys.stderr)
        return 1
    text = markdown(game) if args.format == "markdown" else html_page(game)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Debrief written to {args.output}")
    else:
        print(text)
    return 0
