"""The help overlay (F1 or ?): every key, for the teams and for the instructor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.client import theme as th
from game.client.overlay import Line, Sheet
from game.client.screen import Pop, Push, Transition
from game.client.widgets import Button

if TYPE_CHECKING:
    from game.client.app import App

HELP: list[tuple[str, list[str]]] = [
    (
        "Everywhere",
        [
            "F1 or ?: this help",
            "Tab / Shift-Tab / arrows: move · Enter or Space: choose · Page Up / Page Down: scroll",
            "Esc: leave (asks first) · F2: large text · F11: full screen",
        ],
    ),
    (
        "Giving an order",
        [
            "1–9: pick an option; Enter again or S sends it",
            "W: type one line saying why (kept with the order, shown at the resolution and in the debrief)",
            "B: your team's private briefing again",
            "R: your side's read of the others' hidden aims, in full (only yours)",
        ],
    ),
    (
        "For the instructor",
        [
            (
                "F9: the instructor console — pause, a news flash now (instructor-only ones too), undo the "
                "last turn, end the game and go to the debrief; after the game, reveal the computer sides"
            ),
            "F6: pause or resume (covers the screen and stops the turn's clock)",
            "Title screen, L or F9: lesson settings — the turn timer, computer temperaments, hidden aims",
            "End screen, R: what if — replay from a turn with another order and compare",
        ],
    ),
]


def help_for(app: App) -> Transition:
    """F1 / ?: the keys, for players and for the instructor; pressed again, closed."""
    if isinstance(app.top, Sheet) and app.top.title == "Keys and commands":
        return Pop()
    lines: list[Line] = []
    for heading, entries in HELP:
        lines.append(Line(heading, "heading", th.FOCUS, True))
        lines += [Line(entry, "body") for entry in entries]
    return Push(Sheet(app, "Keys and commands", lines, [Button("Close", Pop, "Esc", primary=True)]))
