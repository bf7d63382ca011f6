"""Files the game writes for a user: saves (read, written safely, kept aside, opened) and debriefs.

The engine turns a game into a plain record and back (`game.engine.saves`);
this module is where those records meet files, folders and the clock. Every
front end opens a save through `open_saved`, so the window, the terminal and
`debrief` find a save's scenario the same way and refuse a bad save with the
same sentence.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from game.engine.game import Game
from game.engine.saves import SaveError, game_to_save
from game.lesson.review import debrief_html, debrief_markdown
from game.paths import SCENARIO_DIR
from game.scenario.finder import scenario_file_for
from game.scenario.loader import load_scenario

MAX_SAVE_BYTES = 2 * 1024 * 1024

__all__ = [
    "MAX_SAVE_BYTES",
    "SaveError",
    "keep_earlier_game",
    "open_saved",
    "read_save",
    "write_debriefs",
    "write_save",
    "write_text_atomically",
]


def open_saved(
    path: str | os.PathLike[str],
    scenario: str | os.PathLike[str] | None = None,
    folders: Iterable[Path] = (SCENARIO_DIR,),
) -> Game:
    """The game saved in `path`, replayed on its scenario.

    The scenario is `scenario` when given (`--scenario FILE`); otherwise the
    file the game was played from if it is still there, else the first file
    with the save's scenario id in `folders`, in order — a class moves its
    project folder, a student copies a save home. Raises `SaveError` (an
    unreadable save, or no scenario for it) or `ScenarioError` (a broken
    scenario file); both messages are ready to show a user.
    """
    data = read_save(path)
    if not isinstance(data, dict):
        raise SaveError(f"{path}: this is not a Brinkmanship save file")
    scenario_path = Path(scenario) if scenario is not None else _scenario_of(data, folders)
    if scenario_path is None:
        places = " or ".join(str(f) for f in dict.fromkeys(folders))
        raise SaveError(
            f"{path}: neither the scenario file it was played with nor one with its id "
            f"'{data.get('scenario_id')}' in {places} is there"
        )
    return Game.from_save(load_scenario(scenario_path), data)


def _scenario_of(data: dict, folders: Iterable[Path]) -> Path | None:
    for folder in dict.fromkeys(folders):  # each folder once, in the order given
        found = scenario_file_for(data, folder)
        if found is not None:
            return found
    return None


def read_save(path: str | os.PathLike[str]) -> dict:
    """The JSON in a save file; a `SaveError` naming the file when it is missing, too large or not JSON."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: too large to be a save file")
        data: dict = json.loads(path.read_text(encoding="utf-8"))
        return data
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SaveError(f"{path}: not a readable save file ({error})") from None


def write_save(game: Game, path: str | os.PathLike[str]) -> None:
    """Save the game to `path` (atomically: a crash never leaves half a save)."""
    write_text_atomically(path, json.dumps(game_to_save(game), ensure_ascii=False, indent=1))


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename: a crash never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def keep_earlier_game(path: str | os.PathLike[str]) -> Path | None:
    """Before a new game takes over `path`, move a game already played there aside; return where it went.

    A save with no turn played holds nothing a player made, and is simply
    replaced; anything else (finished games too: their debrief is wanted)
    is renamed with the time it was last saved, in the same folder.
    """
    path = Path(path)
    try:
        data = read_save(path)
        played = isinstance(data, dict) and bool(data.get("turns"))
    except SaveError:
        played = path.is_file()  # unreadable, but perhaps a player can still rescue it by hand
    if not played:
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
    kept = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    n = 2
    while kept.exists():
        kept = path.with_name(f"{path.stem}-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(path, kept)
    return kept


def write_debriefs(game: Game, folder: Path) -> tuple[Path, Path]:
    """The debrief as a printable HTML page and as Markdown, side by side in `folder`; their paths.

    Named after the scenario and the moment, so a class's sessions never overwrite each other.
    """
    stem = f"debrief-{game.scenario.id}-{time.strftime('%Y%m%d-%H%M%S')}"
    page, notes = folder / f"{stem}.html", folder / f"{stem}.md"
    write_text_atomically(page, debrief_html(game))
    write_text_atomically(notes, debrief_markdown(game))
    return page, notes
