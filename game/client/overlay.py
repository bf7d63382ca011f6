"""A sheet over the current screen: a title, some text, buttons. The help, the instructor console,
the pause and a news flash are all sheets.

A sheet either shades the screen below (it stays visible, dimmed) or covers
it entirely (a pause: nothing of a team's turn shows on the projector).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.screen import Pop, Screen, Transition
from game.client.text import Painter
from game.client.theme import RGB
from game.client.widgets import Button, ScrollPane, panel

if TYPE_CHECKING:
    from game.client.app import App


@dataclass(frozen=True)
class Line:
    """One paragraph of a sheet."""

    text: str
    role: str = "body"
    colour: RGB = th.TEXT
    bold: bool = False


class Sheet(Screen):
    """A modal sheet; Esc closes it (as `on_close` says), number keys press its buttons."""

    bindings: ClassVar[dict[str, str]] = Screen.bindings | {"escape": "close"}

    def __init__(
        self,
        app: App,
        title: str,
        lines: list[Line],
        buttons: list[Button],
        on_close: Callable[[], Transition | None] | None = None,
        cover: bool = False,
    ) -> None:
        super().__init__(app)
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.on_close = on_close
        self.cover = cover
        self.pane = ScrollPane()
        self.box = Rect(0, 0, 0, 0)

    @property
    def opaque(self) -> bool:  # type: ignore[override]
        return self.cover

    def cmd_close(self) -> Transition | None:
        return self.on_close() if self.on_close else Pop()

    def on_number(self, n: int) -> Transition | None:
        live = [b for b in self.buttons if b.enabled]
        return live[n - 1].activate() if n <= len(live) else None

    def layout(self, p: Painter) -> None:
        w, h = p.size
        pad = p.theme.pad()
        width = min(w - 4 * pad, max(560, int(w * 0.72)))
        text_w = width - 4 * pad - 12
        text_h = sum(p.paragraph_height(line.text, text_w, line.role, line.bold) for line in self.lines)
        bh = self.buttons[0].height(p) if self.buttons else 0
        # Many buttons (a scenario with many news flashes, large text) go in two columns.
        self.columns = 2 if len(self.buttons) * (bh + pad // 2) > h * 0.6 else 1
        rows = -(-len(self.buttons) // self.columns)
        buttons_h = rows * (bh + pad // 2)
        chrome = p.line_height("title") + 4 * pad
        height = min(h - 2 * pad, chrome + text_h + buttons_h)
        self.box = Rect((w - width) // 2, (h - height) // 2, width, height)
        # The text gets what the buttons leave; it scrolls when longer.
        top = self.box.top + pad + p.line_height("title") + pad
        text_room = max(p.line_height("body"), self.box.bottom - pad - buttons_h - top)
        self.pane.rect = Rect(self.box.left + 2 * pad, top, width - 4 * pad, text_room)
        top = self.pane.rect.bottom + pad // 2
        column_w = (width - 4 * pad - (self.columns - 1) * pad) // self.columns
        for i, button in enumerate(self.buttons):
            row, column = divmod(i, self.columns) if self.columns > 1 else (i, 0)
            x = self.box.left + 2 * pad + column * (column_w + pad)
            button.rect = Rect(x, top + row * (bh + pad // 2), column_w, bh)
        self.controls = [b for b in self.buttons if b.enabled]
        self.panes = [self.pane]
        self.regions = {"sheet": self.box}

    def paint(self, p: Painter) -> None:
        if self.cover:
            p.surface.fill(th.BACKGROUND)
        else:
            shade = pygame.Surface(p.size, pygame.SRCALPHA)
            shade.fill((0, 0, 0, 185))
            p.surface.blit(shade, (0, 0))
        panel(p, self.box)
        pygame.draw.rect(p.surface, th.FOCUS, self.box, 3, border_radius=8)
        pad = p.theme.pad()
        p.text(
            self.title,
            (self.box.left + 2 * pad, self.box.top + pad),
            "title",
            bold=True,
            max_width=self.box.width - 4 * pad,
        )
        self.pane.draw(p, self._paint_lines)
        for button in self.buttons:
            button.draw(p, self.is_focused(button), button is self.hover)

    def _paint_lines(self, p: Painter, x: int, y: int, width: int) -> int:
        top = y
        for line in self.lines:
            y += p.paragraph(line.text, x, y, width, line.role, line.colour, line.bold)
        return y - top
