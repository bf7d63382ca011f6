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
from game.engine.saves import SaveError, brief, game_to_save, parse_save_bytes
from game.files import NotAFile, read_bounded
from game.lesson.review import debrief_html, debrief_markdown
from game.paths import SCENARIO_DIR
from game.scenario.finder import is_scenario_name, scenario_file_for
from game.scenario.loader import load_scenario

MAX_SAVE_BYTES = 2 * 1024 * 1024

__all__ = [
    "MAX_SAVE_BYTES",
    "SaveError",
    "check_save_target",
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
    file the game was played from if it is still there and still a valid
    scenario with the save's id, else the first file with that id in
    `folders`, in order — a class moves its project folder, a student copies
    a save home. Raises `SaveError` (an unreadable save, or no scenario for
    it: one line naming the save, quoting nothing of any other file) or
    `ScenarioError` (a `--scenario` file that is broken); both messages are
    ready to show a user.
    """
    data = read_save(path)
    if not isinstance(data, dict):
        raise SaveError(f"{path}: this is not a Brinkmanship save file")
    scenario_path = Path(scenario) if scenario is not None else scenario_file_for(data, folders)
    if scenario_path is None:
        raise SaveError(f"{path}: {_no_scenario(data, folders)}")
    try:
        return Game.from_save(load_scenario(scenario_path), data)
    except SaveError as error:  # every refusal names the file it is about
        raise SaveError(f"{path}: {error}") from None


def _no_scenario(data: dict, folders: Iterable[Path]) -> str:
    """Why no scenario was found for a save, without a word of any file that is not its scenario."""
    recorded = data.get("scenario_path")
    places = " or ".join(str(f) for f in dict.fromkeys(folders))
    wanted = f"one with its id {brief(data.get('scenario_id'))} in {places}"
    if is_scenario_name(recorded):  # there, but broken or another crisis: the author may want to know
        return (
            f"the scenario file it was played with, {brief(recorded, 200)}, is not a valid scenario of that "
            f"game (python main.py validate FILE says why), and there is no {wanted}"
        )
    return f"neither the scenario file it was played with nor {wanted} is there"


def read_save(path: str | os.PathLike) -> dict:
    """The JSON of a save file, read within bounds; `SaveError` naming the file for anything else.

    Only a regular file of at most 2 MiB is read. A UTF-8 BOM (Notepad adds
    one) is allowed. The JSON may not nest deeper than a save ever does, nor
    hold numbers Python cannot turn into an int or a finite float: hostile
    files are refused here, in one sentence, instead of failing later in a
    traceback (`RecursionError`, `OverflowError`, the int-digit limit).
    """
    path = Path(path)
    try:
        data = read_bounded(path, MAX_SAVE_BYTES)
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except IsADirectoryError:
        raise SaveError(f"{path}: this is a folder, not a save file") from None
    except NotAFile:
        raise SaveError(f"{path}: this is a pipe, a device or a socket, not a save file") from None
    except OSError as error:  # a name too long, no permission...
        raise SaveError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(f"{path}: too large to be a save file (a save is at most 2 MiB)")
    try:
        return parse_save_bytes(data)
    except SaveError as error:
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


def check_save_target(path: str | os.PathLike) -> Path:
    """`path` if a save can be written there without destroying anything; else `SaveError` saying why.

    Asked before a game begins, so that a wrong `--save` is refused at once,
    not after the first turn: a folder, a pipe, a file that is not a save (a
    scenario, say: it would be overwritten), a folder that cannot be made.
    """
    path = Path(path)
    try:
        is_folder, exists = path.is_dir(), path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a name too long, a file where a folder should be...
        raise SaveError(f"{path}: a save cannot be written here ({error.strerror or error})") from None
    if is_folder:
        raise SaveError(
            f"{path}: this is a folder; name a file in it for the save, such as {path / 'game.json'}"
        )
    if exists:
        try:
            read_save(path)  # a save may be written over (the game is resumed or replaced); nothing else
        except SaveError:
            raise SaveError(
                f"{path}: holds something other than a save, so it is left as it is; save elsewhere"
            ) from None
    return path


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
