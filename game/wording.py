"""Small wording helpers shared by the text mode, the window and the reports."""
from __future__ import annotations


def counted(n: int, word: str, plural: str = "") -> str:
    """'1 turn', '3 turns', '0 games'; `plural` for words that do not just add an s."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
