"""Which scenario file a save belongs to, when the save is opened on another day or machine."""
from __future__ import annotations

from pathlib import Path

from game.scenario.loader import check_file


def scenario_file_for(save: dict, folder: Path) -> Path | None:
    """The file the save was played from if it is still there, else a file in `folder` with the save's id.

    A class moves its project folder, a student copies a save home: the
    recorded path goes stale, the scenario's id does not.
    """
    recorded = save.get("scenario_path")
    if isinstance(recorded, str) and recorded and Path(recorded).is_file():
        return Path(recorded)
    wanted = save.get("scenario_id")
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        scenario, _ = check_file(path)
        if scenario is not None and scenario.id == wanted:
            return path
    return None
