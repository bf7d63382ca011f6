"""Running `python main.py` as a user does, for the tests of the terminal commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], stdin: str = "", home: Path | None = None, timeout: int = 120):
    """`python main.py ARGS` with `stdin` piped in; `home` keeps its saves apart."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if home is not None:
        env["BRINKMANSHIP_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )
