"""Where the game keeps what a user made: saves and autosaves.

`BRINKMANSHIP_HOME` overrides the location (tests and portable installs use it);
otherwise the XDG data folder, so nothing is written inside the project.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_data_dir() -> Path:
    override = os.environ.get("BRINKMANSHIP_HOME")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "brinkmanship"


def saves_dir() -> Path:
    path = user_data_dir() / "saves"
    path.mkdir(parents=True, exist_ok=True)
    return path


def autosave_path() -> Path:
    return saves_dir() / "autosave.json"
