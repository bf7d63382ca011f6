"""Opening a file a user named (a scenario, a save) without trusting what the name points at.

Only regular files are read. A FIFO named `f.yaml` would block `open` for
ever, and `/dev/zero` or `/dev/stdin` never end; a folder gets its own
message. The check is made on the open file, not on the name, so nothing can
be swapped in between.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotAFile(OSError):
    """The name is a pipe, a device or a socket: something that is not a file and is never read."""


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """Open `path` for reading in binary if it is a regular file; raise `OSError` otherwise.

    `IsADirectoryError` for a folder, `NotAFile` for anything else that is not
    a regular file, the usual `OSError`s (missing, too long a name) as `open` raises them.
    """
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    nonblock = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "this is a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            raise NotAFile(errno.EINVAL, "this is a pipe, a device or a socket, not a file", str(path))
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit + 1` of them (so a caller can tell "too large")."""
    with open_regular(path) as handle:
        return handle.read(limit + 1)


def is_regular_file(path: str | os.PathLike) -> bool:
    """True when `path` names a regular file; never raises (a name too long is simply not a file)."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):  # ENAMETOOLONG, a NUL byte in the name
        return False
