"""`python main.py schema`: print the JSON Schema of the scenario format, for editors to check files as typed."""

from __future__ import annotations

import json
from argparse import Namespace

from game.scenario.schema import scenario_schema


def run_schema(args: Namespace) -> int:
    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))
    return 0
