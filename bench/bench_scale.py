"""Benchmark: how the cost of batch games grows with the size of a scenario.

    python bench/bench_scale.py [--games N] [--reference COMMIT]

1. The seed scenario copied 1×, 2×, 4×, 8× (bench/scaled_scenarios.py): CPU
   time per resolved turn (computer choices included) at each size (the least
   of --repeat runs, as load from other work only adds; the sizes take turns,
   so a shared machine's drift falls on all of them), and the
   growth exponent b of time ∝ size^b fitted over the four (target ≤ 1.05:
   twice the sides, twice the work, not more).
2. 100 against 1,000 extra one-option playable sides: the CPU time per resolved
   turn of the same number of games (target ≤ ~10×; the extra sides change the
   seeded draws, so the games run to different lengths: the whole batch's ratio
   is printed beside it).
With --reference, the same is measured for that commit (a temporary worktree),
in the same run.
"""

from __future__ import annotations

import argparse
import math
import sys

from reference import ROOT, reference_tree, run_in

MEASURE = """
import json, sys, time
from game.engine.simulate import simulate
from game.scenario.loader import load_scenario
import scaled_scenarios as s
base = load_scenario(sys.argv[1])
games = int(sys.argv[2])
scenarios = [(f"x{k}", s.copies(base, k)) for k in (1, 2, 4, 8)] + [
    (f"+{n}", s.with_extra_sides(base, n)) for n in (100, 1000)]
for _, scenario in scenarios:
    simulate(scenario, 3, seed=7)  # warm the per-scenario caches, as a long batch would
cpu = {name: [] for name, _ in scenarios}
result = {}
for _ in range(int(sys.argv[3])):  # sizes turn about, the least of each counts: other work only adds
    for name, scenario in scenarios:
        n_games = games if name.startswith("x") else max(3, games // 3)  # enough turns to outlast noise
        start = time.process_time()
        report = simulate(scenario, n_games, seed=7)
        cpu[name].append(time.process_time() - start)
        result[name] = {"cpu": min(cpu[name]), "turns": report.turns, "games": n_games}
print(json.dumps(result))
"""


def exponent(sizes: list[float], costs: list[float]) -> float:
    """Least-squares slope of log(cost) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(c) for c in costs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def report(name: str, figures: dict) -> None:
    per_turn = [figures[f"x{k}"]["cpu"] / figures[f"x{k}"]["turns"] for k in (1, 2, 4, 8)]
    print(f"{name}:")
    for k, cost in zip((1, 2, 4, 8), per_turn, strict=True):
        print(
            f"  {k}x the seed scenario: {1000 * cost:.2f} ms CPU per turn ({figures[f'x{k}']['turns']} turns)"
        )
    print(f"  growth exponent: {exponent([1, 2, 4, 8], per_turn):.2f} (target <= 1.05)")
    small, big = figures["+100"], figures["+1000"]
    # The extra sides change the seeds' draws, so the same games run to different lengths: the
    # ratio is of the cost per resolved turn, as above; the whole batch's is shown beside it.
    ratio = (big["cpu"] / big["turns"]) / (small["cpu"] / small["turns"])
    print(
        f"  {small['games']} games with 100 extra sides: {small['cpu']:.2f} s CPU, {small['turns']} turns; "
        f"with 1,000: {big['cpu']:.2f} s, {big['turns']} turns"
    )
    print(
        f"  100 -> 1,000 extra sides: x{ratio:.1f} per turn (target <= ~10); "
        f"x{big['cpu'] / small['cpu']:.1f} for the whole batch"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the least CPU time counts")
    parser.add_argument("--reference", default="", help="also measure this commit, e.g. e666ba1")
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "eastern_flank_2022.yaml"))
    args = parser.parse_args()
    if not args.reference:
        report("this tree", run_in(ROOT, MEASURE, args.scenario, str(args.games), str(args.repeat)))
        return 0
    with reference_tree(args.reference) as ref:
        # The same file for both: newer files may use keys an older loader refuses.
        scenario = str(ref / "scenarios" / "eastern_flank_2022.yaml")
        report("this tree", run_in(ROOT, MEASURE, scenario, str(args.games), str(args.repeat)))
        report(
            f"reference {args.reference}", run_in(ref, MEASURE, scenario, str(args.games), str(args.repeat))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
