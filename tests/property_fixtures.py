"""How many examples each property test tries: every one in the full run, a quarter in the fast run.

The full run (`python -m pytest`, as CI runs it) tries each property test's full count. The fast run
(`python -m pytest -m "not slow"`, the edit-and-test loop) still runs every property test, on every
scenario it names, with a quarter of the examples (at least 10): a broken invariant usually shows in
the first few, and the full run finds the rest. Hypothesis replays a failure it has seen first, in
either run. `tests/conftest.py` sets `FULL` from the marker expression before any test is collected.
"""

from __future__ import annotations

FULL = True


def examples(full: int) -> int:
    """`full` in the full run; in the fast run a quarter of it, never fewer than 10."""
    return full if FULL else min(full, max(10, full // 4))
