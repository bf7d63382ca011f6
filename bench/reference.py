"""Run the same measurement in this tree and in a reference commit, in one run of a bench.

Figures on a shared machine drift from minute to minute; a ratio of CPU times
taken in the same run, turn about, is what can be compared between machines.
The reference is checked out in a temporary `git worktree` that is removed
afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = "e666ba1"  # main when the speed work of issue 16 began (after `ruff format`)


@contextlib.contextmanager
def reference_tree(commit: str) -> Iterator[Path]:
    """A temporary checkout of `commit`, removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="brinkmanship-ref-"))
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(folder), commit],
        check=True,
        capture_output=True,
    )
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], check=False)


def run_in(tree: Path, code: str, *args: str) -> dict:
    """Run `code` with `tree`'s `game` package; it prints one JSON object, returned here."""
    env = dict(os.environ, PYTHONPATH=f"{tree}{os.pathsep}{ROOT / 'bench'}", PYTHONHASHSEED="0")
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=tree, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"the measurement failed in {tree}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class Worker:
    """A process with `tree`'s `game` package that runs `code` once, then answers one JSON line per
    request line: two of them (this tree's and the reference's) can be asked turn about, in small
    pieces, so that drift in a shared machine's speed falls on both alike."""

    def __init__(self, tree: Path, code: str, *args: str) -> None:
        env = dict(os.environ, PYTHONPATH=f"{tree}{os.pathsep}{ROOT / 'bench'}", PYTHONHASHSEED="0")
        self.tree = tree
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            cwd=tree,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, request: str) -> dict:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the measurement failed in {self.tree} (no answer to {request!r})")
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)
