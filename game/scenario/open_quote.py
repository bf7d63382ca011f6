"""Finding the quote an author forgot to close, when YAML only notices it lines later.

A quoted value may legally run over several lines, so `title: "Crisis` is not
an error by itself: the scanner reads on to the next quote mark, perhaps nine
lines down, and the file stops making sense only there. The message then
points at the wrong place. This module finds the quoted value that swallowed
those lines, so the message can name the line where it opens.
"""

from __future__ import annotations

import yaml

_Loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def swallowing_quote(text: str, error_line: int) -> tuple[int, int, int] | None:
    """(line, column, last line) of a quoted value that spans lines and ends at or just before the error.

    Lines and columns are 1-based; None when no quoted value explains the error.
    """
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if not isinstance(token, yaml.ScalarToken) or token.style not in ('"', "'"):
                continue
            start, end = token.start_mark.line + 1, token.end_mark.line + 1
            if start < end <= error_line:
                found = (start, token.start_mark.column + 1, end)
    except yaml.YAMLError:
        pass  # the error itself: the tokens before it are what we wanted
    if found is None or found[2] < error_line - 1:
        return None
    return found
