"""Benchmark: loading + validating the seed scenario (target: at most 100 ms), and refusing a billion-laughs file.

Run: python bench/bench_validate.py [--runs N] [--scenario PATH]
Prints the median wall time of N in-process `check_file` calls on the seed
scenario, then the median time to refuse an alias bomb (~10^9 values).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml

from game.scenario.loader import check_file
from tests.loader_fixtures import billion_laughs


def _median_ms(path: Path, runs: int) -> tuple[float, list]:
    times, problems = [], []
    for _ in range(runs):
        start = time.perf_counter()
        _, problems = check_file(path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "eastern_flank_2022.yaml"))
    args = parser.parse_args()
    seed = Path(args.scenario)
    print(f"YAML parser: {'libyaml (CSafeLoader)' if yaml.__with_libyaml__ else 'pure Python (SafeLoader)'}")
    if seed.exists():
        ms, problems = _median_ms(seed, args.runs)
        lines = seed.read_text(encoding="utf-8").count("\n")
        print(
            f"load+validate {seed.name} ({lines} lines): median {ms:.1f} ms over {args.runs} runs "
            f"(target <= 100 ms); {len(problems)} problems"
        )
    else:
        print(f"{seed} not found; skipping the seed scenario")
    with tempfile.TemporaryDirectory() as folder:
        bomb = Path(folder) / "lol.yaml"
        bomb.write_text(billion_laughs(), encoding="utf-8")
        ms, problems = _median_ms(bomb, args.runs)
        print(
            f"refuse billion laughs: median {ms:.2f} ms -> {problems[0].format() if problems else 'NOT REFUSED'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
