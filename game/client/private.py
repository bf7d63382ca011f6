"""A team's private briefing at the keyboard: its objectives and what only it knows.

In hot-seat play it opens after the team's own hand-off in the first turn, so
only that team sees it; later, B on its turn screen shows it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.client import theme as th
from game.client.overlay import Line, Sheet
from game.client.screen import Transition
from game.client.widgets import Button
from game.lesson.roles import private_lines

if TYPE_CHECKING:
    from game.client.app import App
    from game.scenario.model import Actor


def private_sheet(app: App, actor: Actor, then: Callable[[], Transition | None], label: str) -> Sheet | None:
    """The sheet (covering the screen), or None when the scenario gives this side no private briefing."""
    sections = private_lines(actor)
    if not sections:
        return None
    lines = [Line(f"For Team {actor.short_name} only: the other teams do not see this.", "small", th.MUTED)]
    for heading, items in sections:
        lines.append(Line(heading, "heading", th.FOCUS, True))
        lines += [Line(f"• {item}", "body") for item in items]
    return Sheet(
        app,
        f"Team {actor.short_name}: your private briefing",
        lines,
        [Button(label, then, "Enter", primary=True)],
        then,
        cover=True,
    )
