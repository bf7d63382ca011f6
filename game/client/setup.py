"""Lesson settings, before a game starts (title screen, L or F9): the turn timer and each computer
side's type, fixed by the instructor or left to chance."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.client import theme as th
from game.client.overlay import Line, Sheet
from game.client.screen import Pop, Transition
from game.client.timer import TIMER_CHOICES
from game.client.widgets import Button

if TYPE_CHECKING:
    from game.client.app import App
    from game.scenario.model import Scenario

CHANCE = ""  # no fixed type: the seed draws it


@dataclass
class LessonSettings:
    timer_minutes: int = 0
    fixed: dict[str, str] = field(default_factory=dict)  # computer side -> temperament id

    def as_game_settings(self, computer: tuple[str, ...]) -> dict[str, object]:
        """What the game keeps (and its save): the timer and which sides' types were fixed."""
        return {
            "timer_minutes": self.timer_minutes,
            "fixed_types": sorted(s for s in computer if self.fixed.get(s)),
        }


def _type_name(kind: str) -> str:
    from game.engine.ai import TEMPERAMENTS  # here: the title screen shows before the rules are loaded

    return TEMPERAMENTS[kind].name if kind in TEMPERAMENTS else "left to chance"


class LessonSettingsSheet(Sheet):
    def __init__(
        self, app: App, settings: LessonSettings, scenario: Scenario, computer: tuple[str, ...]
    ) -> None:
        self.settings = settings
        self.scenario = scenario
        self.timer_button = Button("", self._next_timer, "Enter")
        self.side_buttons = {side: Button("", self._cycler(side)) for side in computer}
        lines = [
            Line(
                "The turn timer gives each team its discussion time, shown large; at zero it warns and "
                "never chooses for the team.",
                "small",
                th.MUTED,
            ),
            Line(
                "A computer side's type is hidden during play; fix it here or leave it to chance. After the "
                "game the console (F9) reveals it.",
                "small",
                th.MUTED,
            ),
        ]
        if not computer:
            lines.append(Line("Every side is played by people: no computer side to set.", "small"))
        buttons = [self.timer_button, *self.side_buttons.values(), Button("Done", Pop, "Esc", primary=True)]
        super().__init__(app, "Lesson settings", lines, buttons)
        self._relabel()

    def _relabel(self) -> None:
        minutes = self.settings.timer_minutes
        self.timer_button.label = f"Turn timer: {f'{minutes} min per team' if minutes else 'off'}"
        for side, button in self.side_buttons.items():
            kind = self.settings.fixed.get(side, CHANCE)
            button.label = f"{self.scenario.actor(side).name} (computer): {_type_name(kind)}"
        self.app.dirty = True

    def _next_timer(self) -> Transition | None:
        now = (
            TIMER_CHOICES.index(self.settings.timer_minutes)
            if self.settings.timer_minutes in TIMER_CHOICES
            else 0
        )
        self.settings.timer_minutes = TIMER_CHOICES[(now + 1) % len(TIMER_CHOICES)]
        self._relabel()
        return None

    def _cycler(self, side: str) -> Callable[[], Transition | None]:
        return lambda: self._next_type(side)

    def _next_type(self, side: str) -> Transition | None:
        from game.engine.ai import TEMPERAMENTS

        cycle = [CHANCE, *sorted(TEMPERAMENTS)]
        now = self.settings.fixed.get(side, CHANCE)
        self.settings.fixed[side] = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else CHANCE
        self._relabel()
        return None
