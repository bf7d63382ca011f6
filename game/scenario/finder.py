"""Finding scenario files: those in a folder, and the one a save belongs to on another day or machine."""

from __future__ import annotations

from pathlib import Path

from game.scenario.loader import check_file


def scenario_paths(folder: Path) -> list[Path]:
    """The scenario files in a folder: every .yaml and .yml file, by name (a folder so named is included,
    so that whoever lists it can say it is not a file)."""
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def scenario_file_for(save: dict[str, object], folder: Path) -> Path | None:
    """The file the save was played from if it is still there, else a file in `folder` with the save's id.

    A class moves its project folder, a student copies a save home: the
    recorded path goes stale, the scenario's id does not.
    """
    recorded = save.get("scenario_path")
    if isinstance(recorded, str) and recorded and Path(recorded).is_file():
        return Path(recorded)
    wanted = save.get("scenario_id")
    for path in scenario_paths(folder):
        scenario, _ = check_file(path)
        if scenario is not None and scenario.id == wanted:
            return path
    return None
