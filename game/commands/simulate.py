"""`python main.py simulate`: many computer-vs-computer games, reported as a table or as JSON."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from game.engine.simulate import report_json, report_text, simulate
from game.scenario.loader import ScenarioError, load_scenario
from game.textsafe import json_printable, printable


def run_simulate(args: Namespace) -> int:
    if args.games < 1:
        print("simulate: --games must be at least 1", file=sys.stderr)
        return 2
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as error:
        print(printable(error), file=sys.stderr)
        return 1
    report = simulate(scenario, args.games, args.seed)
    if args.json:
        print(json_printable(json.dumps(report_json(scenario, report), ensure_ascii=False)))
    else:
        print(printable(report_text(scenario, report)))
    return 0
