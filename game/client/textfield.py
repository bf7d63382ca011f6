"""A one-line text field: a team's "why?" beside its order.

Characters arrive as TEXTINPUT events (so accents and any keyboard layout
work); editing keys as KEYDOWN. While a field has the focus, a screen hands
it every key it would otherwise take as a shortcut, so typing "1" or "s"
never picks an option or sends an order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.text import Painter
from game.client.widgets import focus_ring

MAX_CHARS = 200  # one line: a reason, not an essay


@dataclass(eq=False)
class TextField:
    label: str
    placeholder: str = ""
    text: str = ""
    cursor: int = 0
    on_enter: Callable[[], Any] | None = None
    enabled: bool = True
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))

    def height(self, p: Painter) -> int:
        return p.line_height("small") + p.line_height("body") + p.theme.pad()

    def activate(self) -> Any:
        """Enter in the field: what the screen made of it (send the order)."""
        return self.on_enter() if self.on_enter and self.enabled else None

    def insert(self, chars: str) -> None:
        chars = "".join(c for c in chars if c.isprintable())[: MAX_CHARS - len(self.text)]
        self.text = self.text[: self.cursor] + chars + self.text[self.cursor :]
        self.cursor += len(chars)

    def key(self, name: str) -> bool:
        """An editing key; True when the field used it."""
        edits: dict[str, Callable[[], None]] = {
            "backspace": self._backspace,
            "delete": lambda: self._set(self.text[: self.cursor] + self.text[self.cursor + 1 :], self.cursor),
            "left": lambda: self._set(self.text, self.cursor - 1),
            "right": lambda: self._set(self.text, self.cursor + 1),
            "home": lambda: self._set(self.text, 0),
            "end": lambda: self._set(self.text, len(self.text)),
        }
        edit = edits.get(name)
        if edit is None:
            return False
        edit()
        return True

    def _backspace(self) -> None:
        if self.cursor:
            self._set(self.text[: self.cursor - 1] + self.text[self.cursor :], self.cursor - 1)

    def _set(self, text: str, cursor: int) -> None:
        self.text, self.cursor = text, max(0, min(len(text), cursor))

    def draw(self, p: Painter, focused: bool, hovered: bool) -> None:
        pad = p.theme.pad()
        p.text(
            self.label,
            (self.rect.left, self.rect.top),
            "small",
            th.MUTED,
            bold=True,
            max_width=self.rect.width,
        )
        box = Rect(
            self.rect.left,
            self.rect.top + p.line_height("small"),
            self.rect.width,
            self.rect.height - p.line_height("small"),
        )
        pygame.draw.rect(p.surface, th.BACKGROUND, box, border_radius=4)
        pygame.draw.rect(p.surface, th.TEXT if focused or hovered else th.PANEL_EDGE, box, 2, border_radius=4)
        inner = box.width - pad
        if not self.text and not focused:
            p.text(
                self.placeholder,
                (box.left + pad // 2, box.centery),
                "body",
                th.DISABLED,
                anchor="midleft",
                max_width=inner,
            )
        else:
            # Long text scrolls so the cursor stays in view.
            before = self.text[: self.cursor]
            while before and p.text_width(before, "body") > inner - 8:
                before = before[1:]
            shown = before + self.text[self.cursor :]
            p.text(
                shown, (box.left + pad // 2, box.centery), "body", th.TEXT, anchor="midleft", max_width=inner
            )
            if focused:
                x = box.left + pad // 2 + p.text_width(before, "body")
                pygame.draw.line(p.surface, th.FOCUS, (x, box.top + 5), (x, box.bottom - 5), 2)
        if focused:
            focus_ring(p, box)


def feed(field_: TextField, event: pygame.event.Event, key_name: str) -> bool:
    """Give an event to a focused field; True when the field took it (the screen must not)."""
    if event.type == pygame.TEXTINPUT:
        field_.insert(event.text)
        return True
    if event.type != pygame.KEYDOWN:
        return False
    if field_.key(key_name):
        return True
    # Keys that type characters belong to the field (their TEXTINPUT follows); the rest move on.
    typed = key_name.removeprefix("shift+")
    return len(typed) == 1 or typed == "space" or (typed.startswith("[") and len(typed) == 3)
