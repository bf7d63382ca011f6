"""Where things are: the shipped scenarios, and where the game keeps what a user made (saves, autosave).

`BRINKMANSHIP_HOME` overrides the user's folder (tests and portable installs use
it); otherwise the XDG data folder, so nothing is written inside the project.
Every front end (the window, text mode, the commands) takes its paths from here.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCENARIO_DIR = PROJECT_ROOT / "scenarios"
DEFAULT_SCENARIO = SCENARIO_DIR / "eastern_flank_2022.yaml"


def user_data_dir() -> Path:
    """The folder for everything a user made: `BRINKMANSHIP_HOME`, else `$XDG_DATA_HOME/brinkmanship`."""
    override = os.environ.get("BRINKMANSHIP_HOME")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "brinkmanship"


class UserFolderError(OSError):
    """The user's folder cannot be used (a file where a folder should be, no permission); says what to do."""


def saves_dir() -> Path:
    """The saves folder, created on first use."""
    path = user_data_dir() / "saves"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # A file named like the folder, or a read-only disk: a sentence, not a traceback.
        raise UserFolderError(
            f"cannot use {path} for saves ({error.strerror or error}): point BRINKMANSHIP_HOME "
            "at a folder you can write to, or remove what is in the way"
        ) from error
    return path


def autosave_path() -> Path:
    """The one autosave the window writes after every turn ("Continue" on the title resumes it)."""
    return saves_dir() / "autosave.json"
