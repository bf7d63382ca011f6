"""Text from a scenario or a save, made safe to print on a terminal.

A scenario title written as `"X \\e[2J\\e]0;pwned\\a"` would clear a student's
screen and retitle the window if printed raw: terminals obey control codes
wherever they come from. Everything a command prints that it did not write
itself (scenario texts, save fields, file names, messages quoting them) goes
through `printable` first; `json_printable` does the same for JSON output.
"""

from __future__ import annotations

import re
import sys

# C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte
# CSI on some terminals). Carriage return is among them: it can hide what went before.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates: a terminal that honours them shows a
# line's characters in another order than the file holds them, so a student would read
# something other than what the validator and the instructor saw.
_CONTROL_OR_BIDI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` with every terminal control character (and bidi override) shown as a visible escape
    such as `\\x1b` or `\\u202e`."""
    return _CONTROL_OR_BIDI.sub(_escaped, str(text))


def json_printable(text: str) -> str:
    """JSON text from `json.dumps` with the controls it leaves raw (DEL, C1) written as `\\u00XX`.

    `json.dumps` escapes C0 controls itself; with `ensure_ascii=False` it leaves
    DEL and C1 raw. Outside strings JSON holds no such character, so this only
    changes string contents, and the result still parses to the same values.
    """
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def tolerate_bad_encoding() -> None:
    """Never a traceback for a byte the terminal's encoding cannot hold.

    Under `PYTHONIOENCODING=utf-8:strict` (the default of an `en_US.UTF-8`
    locale) a Latin-1 byte typed or piped in would stop the game with
    `UnicodeDecodeError`: it is read as U+FFFD instead, which no answer
    accepts, so the question is simply asked again. Output that the terminal
    cannot show is escaped rather than fatal.
    """
    wanted = ((sys.stdin, "replace"), (sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace"))
    for stream, errors in wanted:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors=errors)
