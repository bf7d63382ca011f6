"""Which running game owns which save file, so that two games on one machine never lose a turn.

A game that writes a save first owns it: it holds an exclusive lock on a
hidden lock file beside it (`.NAME.lock`) for as long as it runs. The lock is
the operating system's (`flock`, or `msvcrt.locking` on Windows), so it goes
with the process however it ends, `kill -9` and power cuts included: there is
never a stale lock to clear by hand. A second game that would save to the
same file either takes the next free name (a new game) or is refused (a game
loaded from, or told to save to, that very file).

Owning a save also makes the owner the only writer of its temporary files,
so the ones an interrupted write left behind can safely be removed then.
"""

from __future__ import annotations

import atexit
import os
import re
import stat
import time
from pathlib import Path

from game.engine.saves import SaveError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

STALE_SECONDS = 24 * 3600  # a write takes milliseconds; any other temp file this old was abandoned

_held: dict[Path, int] = {}  # save path -> open lock file, for the saves this process owns


class SaveInUse(SaveError):
    """Another game, running now, owns this save file."""


def own_save(path: str | os.PathLike) -> Path:
    """Make this process the owner of the save at `path`, or raise `SaveInUse`; return the path.

    Owning it again from the same process is allowed (the window starts one
    game after another on the same autosave).
    """
    path = Path(path)
    key = path.absolute()
    if key in _held:
        return path
    lock = path.with_name(f".{path.name}.lock")
    try:
        fd = _lock(lock)
    except FileNotFoundError:
        raise SaveError(f"{path}: the folder {path.parent} does not exist") from None
    except OSError as error:  # a name too long for the system, a folder not writable...
        raise SaveError(f"{path}: cannot be used for a save ({error.strerror or error})") from None
    if fd is None:
        raise SaveInUse(
            f"{path}: another game running on this computer now saves to this file; "
            "finish that game first, or play with another --save FILE"
        )
    _held[key] = fd
    remove_leftovers(path)
    return path


def own_free_save(path: str | os.PathLike) -> Path:
    """Own `path`, or when another running game does, the first of `NAME-2`, `NAME-3`... that is free."""
    path = Path(path)
    for n in range(1, 1000):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            return own_save(candidate)
        except SaveInUse:
            continue
    raise SaveInUse(f"{path}: a thousand games are running here at once; finish one first")


def release(path: str | os.PathLike) -> None:
    """Give up the ownership of a save (it ends with the process anyway)."""
    path = Path(path)
    fd = _held.pop(path.absolute(), None)
    if fd is None:
        return
    lock = path.with_name(f".{path.name}.lock")
    if fcntl is not None:
        # Removed while still locked: whoever opened it meanwhile sees it is gone and opens it afresh.
        lock.unlink(missing_ok=True)
    os.close(fd)


def release_all() -> None:
    """Give up every save this process owns."""
    for key in list(_held):
        release(key)


atexit.register(release_all)  # tidy: the locks themselves would go with the process anyway


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files that interrupted writes of `path` left, and day-old ones of any file.

    Called by the owner of `path`, the only process that writes its temporary files.
    """
    now = time.time()
    # `.NAME.XXXXXXXX.tmp`, as savefiles.write_text_atomically names them; the random part has no dot,
    # so the temp files of `NAME.bak.json` (another save, perhaps being written now) are not taken for ours.
    ours = re.compile(re.escape(f".{path.name}.") + r"[^.]+\.tmp")
    try:
        leftovers = list(path.parent.glob(".*.tmp"))
    except OSError:
        return
    for tmp in leftovers:
        try:
            if ours.fullmatch(tmp.name) or now - tmp.lstat().st_mtime > STALE_SECONDS:
                tmp.unlink()
        except OSError:
            continue  # someone else removed it first, or cannot: never a reason to stop a game


def _lock(lock: Path) -> int | None:
    """An open descriptor holding the exclusive lock on `lock`, or None when another process holds it.

    The folder must exist: a save to be loaded is in one, a new one's folder is made before.
    """
    for _ in range(10):
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o600)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise SaveError(f"{lock}: not a lock file; remove it")
            if not _try_lock(fd):
                os.close(fd)
                return None
            if fcntl is None or _same_file(fd, lock):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the owner removed it as we locked it: try the new one
    return None


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _same_file(fd: int, lock: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(lock))
    except FileNotFoundError:
        return False
