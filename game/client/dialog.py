"""The "are you sure?" dialog: Esc and closing the window ask before leaving, never lose a game."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.screen import Pop, Quit, Reset, Screen, Transition
from game.client.text import Painter
from game.client.widgets import Button, panel

if TYPE_CHECKING:
    from game.client.app import App

SAVED_NOTE = (
    "Your game is saved after every turn: choose “Continue” on the title screen to pick it up "
    "again. Orders given but not yet resolved this turn will be asked for again."
)


class ConfirmDialog(Screen):
    """A modal question over the screen below; Esc means 'stay', Y means 'leave'."""

    opaque = False
    bindings: ClassVar[dict[str, str]] = Screen.bindings | {"escape": "stay", "y": "confirm", "n": "stay"}

    def __init__(
        self, app: App, title: str, message: str, confirm_label: str, on_confirm: Callable[[], Transition]
    ) -> None:
        super().__init__(app)
        self.title = title
        self.message = message
        self.on_confirm = on_confirm
        self.stay = Button("Stay", self.cmd_stay, "Esc", primary=True)
        self.leave = Button(confirm_label, self.cmd_confirm, "Y")
        self.box = Rect(0, 0, 0, 0)

    def cmd_stay(self) -> Transition:
        return Pop()

    def cmd_confirm(self) -> Transition:
        return self.on_confirm()

    def layout(self, p: Painter) -> None:
        w, h = p.size
        pad = p.theme.pad()
        width = min(w - 4 * pad, max(480, w // 2))
        text_h = p.paragraph_height(self.message, width - 4 * pad)
        bh = self.stay.height(p)
        height = p.line_height("title") + text_h + bh + 6 * pad
        self.box = Rect((w - width) // 2, (h - height) // 2, width, height)
        self.controls = [self.stay, self.leave]
        widths = [self.stay.width(p), self.leave.width(p)]
        x = self.box.right - 2 * pad - sum(widths) - pad
        y = self.box.bottom - 2 * pad - bh
        self.stay.rect = Rect(x, y, widths[0], bh)
        self.leave.rect = Rect(x + widths[0] + pad, y, widths[1], bh)
        self.regions = {"dialog": self.box}

    def paint(self, p: Painter) -> None:
        shade = pygame.Surface(p.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        p.surface.blit(shade, (0, 0))
        inner = panel(p, self.box)
        pad = p.theme.pad()
        pygame.draw.rect(p.surface, th.FOCUS, self.box, 3, border_radius=8)
        p.text(self.title, (inner.left + pad, inner.top + pad), "title", bold=True, max_width=inner.width)
        p.paragraph(
            self.message,
            inner.left + pad,
            inner.top + pad + p.line_height("title") + pad,
            inner.width - 2 * pad,
        )
        for button in self.controls:
            button.draw(p, self.is_focused(button), button is self.hover)


def _title_screen(app: App) -> Screen:
    from game.client.title import TitleScreen

    return TitleScreen(app)


def confirm_leave(app: App) -> ConfirmDialog:
    """Asked when leaving a game for the title screen."""
    return ConfirmDialog(
        app, "Leave this game?", SAVED_NOTE, "Leave to title", lambda: Reset(_title_screen(app))
    )


def confirm_quit(app: App) -> ConfirmDialog:
    """Asked when closing the window or pressing Esc on the title screen."""
    return ConfirmDialog(app, "Quit Brinkmanship?", SAVED_NOTE, "Quit", Quit)
