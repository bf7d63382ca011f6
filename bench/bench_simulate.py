"""Benchmark: `simulate --games 1000` on the seed scenario (target: at most 5 s on a 2-core machine).

Run: python bench/bench_simulate.py [--games N] [--repeat R]
Prints the median wall time of R runs of the batch, in-process, plus the
outcome spread, so a balance change and a speed change are seen together.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.engine.simulate import report_json, simulate
from game.scenario.loader import load_scenario


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "eastern_flank_2022.yaml"))
    args = parser.parse_args()
    scenario = load_scenario(args.scenario)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        report = simulate(scenario, args.games, seed=1)
        times.append(time.perf_counter() - start)
    summary = report_json(scenario, report)
    print(
        f"simulate --games {args.games}: median {statistics.median(times):.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in times)}; target <= 5 s)"
    )
    print(f"outcomes: {summary['outcomes']}; mean turns {summary['mean_turns']}")
    print(f"never chosen: {summary['never_chosen'] or 'none'}")
    # The command as a user types it, start-up and loading included.
    command = [
        sys.executable,
        str(ROOT / "main.py"),
        "simulate",
        "--scenario",
        args.scenario,
        "--games",
        str(args.games),
        "--seed",
        "1",
        "--json",
    ]
    walls = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
    print(
        f"python main.py simulate --games {args.games}: median {statistics.median(walls):.2f} s "
        f"(whole command; target <= 5 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
