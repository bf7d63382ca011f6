"""Benchmark: `simulate --games 1000` on the seed scenario, in CPU time, against a reference commit.

    python bench/bench_simulate.py [--games N] [--repeat R] [--reference COMMIT]

Each round runs the batch once with this tree's engine and once with the
reference commit's (a temporary `git worktree`, removed afterwards), each in
a fresh process, and measures the CPU time of `simulate()` alone and of the
whole command (`python main.py simulate … --json`, start-up included). It
prints the medians, the ratio new / reference (target ≤ 0.35 for the batch),
and whether both gave the same report, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

from reference import REFERENCE, ROOT, reference_tree, run_in

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
    same = (
        len(outputs["new"]) == 1
        and {_as_reference(o, outputs["ref"]) for o in outputs["new"]} == outputs["ref"]
    )
    print(f"  --json output identical to the reference: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
