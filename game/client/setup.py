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
from game.wording import possessive

if TYPE_CHECKING:
    from game.client.app import App
    from game.scenario.model import Scenario

CHANCE = ""  # no fixed type: the seed draws it


@dataclass
class LessonSettings:
    timer_minutes: int = 0
    fixed: dict[str, str] = field(default_factory=dict)  # computer side -> temperament id
    hidden: dict[str, str] = field(default_factory=dict)  # actor with hidden types -> the type fixed for it

    def as_game_settings(self, computer: tuple[str, ...]) -> dict[str, object]:
        """What the game keeps (and its save): the timer and which sides' types were fixed."""
        return {
            "timer_minutes": self.timer_minutes,
            "fixed_types": sorted(s for s in computer if self.fixed.get(s)),
            "fixed_hidden_types": sorted(a for a, t in self.hidden.items() if t),
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
        self.aim_buttons = {
            a.id: Button("", self._aim_cycler(a.id)) for a in scenario.actors if len(a.types) > 1
        }
        lines = [
            Line(
                "The turn timer gives each team its discussion time, shown large; at zero it warns and "
                "never chooses for the team.",
                "small",
                th.MUTED,
            ),
            Line(
                "A computer side's temperament and each side's hidden aims are not shown during play; fix "
                "them here or leave them to chance. The debrief and the console (F9) reveal them after the game.",
                "small",
                th.MUTED,
            ),
        ]
        if not computer:
            lines.append(Line("Every side is played by people: no computer side to set.", "small"))
        buttons = [
            self.timer_button,
            *self.side_buttons.values(),
            *self.aim_buttons.values(),
            Button("Done", Pop, "Esc", primary=True),
        ]
        super().__init__(app, "Lesson settings", lines, buttons)
        self._relabel()

    def _relabel(self) -> None:
        minutes = self.settings.timer_minutes
        self.timer_button.label = f"Turn timer: {f'{minutes} min per team' if minutes else 'off'}"
        for side, button in self.side_buttons.items():
            kind = self.settings.fixed.get(side, CHANCE)
            button.label = f"{self.scenario.actor(side).name} (computer), temperament: {_type_name(kind)}"
        for actor_id, button in self.aim_buttons.items():
            actor = self.scenario.actor(actor_id)
            chosen = self.settings.hidden.get(actor_id, CHANCE)
            name = actor.actor_type(chosen).name if chosen else "left to chance"
            button.label = f"{possessive(actor.short_name)} hidden aims: {name}"
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

    def _aim_cycler(self, actor_id: str) -> Callable[[], Transition | None]:
        return lambda: self._next_aim(actor_id)

    def _next_aim(self, actor_id: str) -> Transition | None:
        """Chance, then each hidden type of the actor in the scenario's order, then chance again."""
        cycle = [CHANCE, *(t.id for t in self.scenario.actor(actor_id).types)]
        now = self.settings.hidden.get(actor_id, CHANCE)
        self.settings.hidden[actor_id] = (
            cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else CHANCE
        )
        self._relabel()
        return None

    def _next_type(self, side: str) -> Transition | None:
        from game.engine.ai import TEMPERAMENTS

        cycle = [CHANCE, *sorted(TEMPERAMENTS)]
        now = self.settings.fixed.get(side, CHANCE)
        self.settings.fixed[side] = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else CHANCE
        self._relabel()
        return None
