"""Small wording helpers shared by the text mode, the window and the reports."""

from __future__ import annotations

from datetime import date


def counted(n: int, word: str, plural: str = "") -> str:
    """'1 turn', '3 turns', '0 games'; `plural` for words that do not just add an s."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def possessive(name: str) -> str:
    """'Russia' → "Russia's", 'US' → "US's", 'NATO allies' → "NATO allies'": a plural in s takes the bare apostrophe."""
    return f"{name}'" if name.endswith("s") and not name.endswith(("ss", "us", "is")) else f"{name}'s"


def nice_date(iso: str) -> str:
    """'2022-02-09' → '9 February 2022'; a date the loader kept as text stays as it is."""
    try:
        return date.fromisoformat(iso).strftime("%-d %B %Y")
    except ValueError:
        return iso


def short_date(iso: str) -> str:
    """'9 Feb 2022': the year is what a reader needs most after the day."""
    try:
        return date.fromisoformat(iso).strftime("%-d %b %Y")
    except ValueError:
        return iso
