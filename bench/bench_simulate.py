"""Benchmark: `simulate --games 1000` on the seed scenario, in CPU time, against a reference commit.

    python bench/bench_simulate.py [--games N] [--repeat R] [--reference COMMIT]

Each round runs the batch once with this tree's engine and once with the
reference commit's (a temporary `git worktree`, removed afterwards), each in
a fresh process, and measures the CPU time of `simulate()` alone and of the
whole command (`python main.py simulate … --json`, start-up included). It
prints the medians, the ratio new / reference (target ≤ 0.35 for the batch),
and whether both gave the same report, byte for byte.

A shared machine's speed drifts by a fifth from one second to the next, more
than the batches take, so the same games are also played turn about: each
engine in one long-lived process, 50 games at a time, this tree's and the
reference's in alternation: a second reading of the same ratio (on this 2-core
machine both readings still range over about ±0.03 from run to run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from reference import REFERENCE, ROOT, Worker, reference_tree, run_in

BATCH = """
import json, sys, time
from game.engine.simulate import report_json, simulate
from game.scenario.loader import load_scenario
scenario = load_scenario(sys.argv[1])
start = time.process_time()
report = simulate(scenario, int(sys.argv[2]), seed=1)
cpu = time.process_time() - start
print(json.dumps({"cpu": cpu, "report": report_json(scenario, report)}))
"""

# The same games as `simulate()` plays (game i has seed 1 * 1_000_003 + i), asked for a slice at a
# time: "START END" -> the CPU seconds those games took in this process.
PIECES = """
import json, sys, time
from game.engine.simulate import play_one
from game.scenario.loader import load_scenario
scenario = load_scenario(sys.argv[1])
play_one(scenario, 1 * 1_000_003)  # the per-scenario caches warm, as they are after a batch's first game
for line in sys.stdin:
    start, end = map(int, line.split())
    began = time.process_time()
    for i in range(start, end):
        play_one(scenario, 1 * 1_000_003 + i)
    print(json.dumps({"cpu": time.process_time() - began}), flush=True)
"""

COMMAND = """
import json, resource, subprocess, sys
before = resource.getrusage(resource.RUSAGE_CHILDREN)
out = subprocess.run([sys.executable, "main.py", "simulate", "--scenario", sys.argv[1], "--games", sys.argv[2],
                      "--seed", "1", "--json"], check=True, capture_output=True).stdout
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
print(json.dumps({"cpu": cpu, "stdout": out.decode("utf-8")}))
"""


def _as_reference(output: str, reference: set[str]) -> str:
    """The new --json report without the keys the reference engine does not write (keys added
    later, e.g. `chance_endings`, are new measures, not different games)."""
    if len(reference) != 1:
        return output
    ref = json.loads(next(iter(reference)))
    mine = json.loads(output)
    return json.dumps({k: v for k, v in mine.items() if k in ref}, ensure_ascii=False) + "\n"


PIECE = 50  # games per slice: a fraction of a second, shorter than the drift of a shared machine


def _turn_about(trees: dict[str, Path], scenario: str, games: int, rounds: int) -> dict[str, list[float]]:
    """Each round: the batch's games in slices, this tree's and the reference's turn about (who goes
    first alternates), each engine in a process of its own; the CPU seconds per engine per round."""
    workers = {name: Worker(tree, PIECES, scenario) for name, tree in trees.items()}
    spent: dict[str, list[float]] = {name: [] for name in workers}
    try:
        for _ in range(rounds):
            total = dict.fromkeys(workers, 0.0)
            for n, start in enumerate(range(0, games, PIECE)):
                order = list(workers) if n % 2 == 0 else list(reversed(workers))
                for name in order:
                    total[name] += workers[name].ask(f"{start} {min(start + PIECE, games)}")["cpu"]
            for name, seconds in total.items():
                spent[name].append(seconds)
    finally:
        for worker in workers.values():
            worker.close()
    return spent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reference", default=REFERENCE)
    parser.add_argument(
        "--scenario",
        default="",
        help="default: the seed scenario as the reference commit has it, so both engines can read it",
    )
    args = parser.parse_args()
    games = str(args.games)
    cpu: dict[str, list[float]] = {"new": [], "ref": [], "new cmd": [], "ref cmd": []}
    outputs: dict[str, set[str]] = {"new": set(), "ref": set()}
    with reference_tree(args.reference) as ref:
        trees = {"new": ROOT, "ref": ref}
        # The same file for both: newer files may use keys an older loader refuses.
        args.scenario = args.scenario or str(ref / "scenarios" / "eastern_flank_2022.yaml")
        for _ in range(args.repeat):  # turn about, so drift in the machine's load hits both alike
            for name, tree in trees.items():
                batch = run_in(tree, BATCH, args.scenario, games)
                cpu[name].append(batch["cpu"])
                command = run_in(tree, COMMAND, args.scenario, games)
                cpu[f"{name} cmd"].append(command["cpu"])
                outputs[name].add(command["stdout"])
        pieces = _turn_about(trees, args.scenario, args.games, args.repeat)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    print(
        f"simulate --games {args.games} on {args.scenario.rsplit('/', 1)[-1]}, {args.repeat} rounds, CPU seconds"
    )
    for name in ("ref", "new"):
        runs = ", ".join(f"{t:.2f}" for t in cpu[name])
        print(
            f"  {name}: simulate() median {med[name]:.2f} (runs {runs}); whole command {med[name + ' cmd']:.2f}"
        )
    print(
        f"  ratio new/reference ({args.reference}): simulate() {med['new'] / med['ref']:.2f} (target <= 0.35), "
        f"whole command {med['new cmd'] / med['ref cmd']:.2f}"
    )
    ratios = [n / r for n, r in zip(pieces["new"], pieces["ref"], strict=True)]
    print(
        f"  the same games turn about, {PIECE} at a time in one process per engine: ratio "
        f"{sum(pieces['new']) / sum(pieces['ref']):.2f} (rounds {', '.join(f'{r:.2f}' for r in ratios)}; "
        "target <= 0.35)"
    )
    same = (
        len(outputs["new"]) == 1
        and {_as_reference(o, outputs["ref"]) for o in outputs["new"]} == outputs["ref"]
    )
    print(f"  --json output identical to the reference: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
