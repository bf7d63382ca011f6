"""Finding scenario files: those in a folder, and the one a save belongs to on another day or machine."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeGuard

from game.files import is_regular_file
from game.scenario.loader import check_file

SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenario_paths(folder: Path) -> list[Path]:
    """The scenario files in a folder: every .yaml and .yml file, by name (a folder so named is included,
    so that whoever lists it can say it is not a file)."""
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def scenario_file_for(save: dict[str, object], folders: Iterable[Path]) -> Path | None:
    """The file the save was played from if it is still there, else the first file in `folders` with its id.

    A class moves its project folder, a student copies a save home: the
    recorded path goes stale, the scenario's id does not. The recorded path
    is a value in a file anyone can edit, so it is trusted only as far as it
    names a `.yaml`/`.yml` file that is a valid scenario with the save's id;
    nothing read from any other file is ever shown.
    """
    wanted = save.get("scenario_id")
    if not isinstance(wanted, str):
        return None
    recorded = save.get("scenario_path")
    if is_scenario_name(recorded) and _has_id(Path(recorded), wanted):
        return Path(recorded)
    for folder in dict.fromkeys(folders):  # each folder once, in the order given
        for path in scenario_paths(folder):
            if _has_id(path, wanted):
                return path
    return None


def is_scenario_name(path: object) -> TypeGuard[str]:
    """True when `path` names a regular file ending in .yaml or .yml (never raises: names can be hostile)."""
    return isinstance(path, str) and Path(path).suffix.lower() in SCENARIO_SUFFIXES and is_regular_file(path)


def _has_id(path: Path, wanted: str) -> bool:
    scenario, _ = check_file(path)
    return scenario is not None and scenario.id == wanted
