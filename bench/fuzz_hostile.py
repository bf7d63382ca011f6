"""Full fuzz runs: hostile scenario files and hostile saves through the real commands.

Run:
  python bench/fuzz_hostile.py scenarios [--examples 10000] [--seed 0]
  python bench/fuzz_hostile.py saves [--examples 2000] [--seed 0]

The inputs and the checks are those of tests/test_fuzz_hostile.py (see
tests/hostile.py), with many more examples. A scenario file is validated and,
when playable, played in the terminal, its debrief exported and simulated; a
save goes to `debrief` and `play --text --load`, and a save the game then
writes must load again. Prints the counts; exits 1 at the first traceback,
control code or secret shown, or save that fails to load again (hypothesis
then prints the smallest input that does it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings

from tests.hostile import check_save, check_scenario, hostile_saves, hostile_scenarios

KINDS = {"scenarios": (hostile_scenarios, check_scenario), "saves": (hostile_saves, check_save)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=sorted(KINDS))
    parser.add_argument("--examples", type=int, default=None, help="default: 10000 scenarios, 2000 saves")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    examples = args.examples or (10_000 if args.what == "scenarios" else 2_000)
    strategy, check = KINDS[args.what]
    folder = Path(tempfile.mkdtemp(prefix=f"brinkmanship-fuzz-{args.what}-"))
    seen: Counter[str] = Counter()

    @seed(args.seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=["generate", "shrink"],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy())
    def run(data: bytes) -> None:
        seen[check(data, folder)] += 1
        if sum(seen.values()) % 500 == 0:  # a long run shows how far it got, even if it is stopped
            print(f"{args.what}: {sum(seen.values())} inputs so far, 0 tracebacks", flush=True)

    start = time.monotonic()
    try:
        run()
    except Exception as error:  # noqa: BLE001 - reported with the counts, then exit 1
        print(f"{args.what}: FAILED after {sum(seen.values())} inputs: {type(error).__name__}: {error}")
        return 1
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(seen.items()))
    total = sum(seen.values())
    print(f"{args.what}: {total} inputs in {time.monotonic() - start:.0f} s ({counts}); 0 tracebacks")
    return 0 if total >= examples else 1


if __name__ == "__main__":
    sys.exit(main())
