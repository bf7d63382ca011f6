"""Focusable controls shared by screens: buttons, toggles and a scrolling pane.

A control knows its rect, whether it is enabled, how to draw itself focused or
not, and what activating it does (a callable the owning screen supplies).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.text import Painter


def focus_ring(p: Painter, rect: Rect) -> None:
    """A thick bright ring plus an inner dark line: visible on any fill, not a colour-only cue."""
    width = max(3, p.px("body") // 6)
    pygame.draw.rect(p.surface, th.FOCUS, rect.inflate(width * 2, width * 2), width, border_radius=6)


@dataclass(eq=False)
class Button:
    """A push button; `key_hint` (e.g. "Enter") is shown so keyboard users know the shortcut."""

    label: str
    on_activate: Callable[[], Any]
    key_hint: str = ""
    primary: bool = False
    enabled: bool = True
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))

    def caption(self) -> str:
        return f"{self.label}  [{self.key_hint}]" if self.key_hint else self.label

    def width(self, p: Painter) -> int:
        return p.text_width(self.caption(), "body", bold=True) + 2 * p.theme.pad() + 4

    def fitted_caption(self, p: Painter, width: int) -> str:
        """The caption, its label shortened with '…' when too wide, so the key hint always shows."""
        return p.fit_keeping(
            self.label, f"  [{self.key_hint}]" if self.key_hint else "", width, "body", bold=True
        )

    def height(self, p: Painter) -> int:
        return p.line_height("body") + p.theme.pad()

    def draw(self, p: Painter, focused: bool, hovered: bool) -> None:
        fill = th.BUTTON_PRIMARY if self.primary else th.BUTTON
        if hovered and self.enabled:
            fill = th.lighter(fill, 24)
        if not self.enabled:
            fill = th.PANEL
        pygame.draw.rect(p.surface, fill, self.rect, border_radius=6)
        pygame.draw.rect(p.surface, th.TEXT if self.enabled else th.DISABLED, self.rect, 2, border_radius=6)
        p.text(
            self.fitted_caption(p, self.rect.width - 8),
            self.rect.center,
            "body",
            th.TEXT if self.enabled else th.DISABLED,
            bold=True,
            anchor="center",
            max_width=self.rect.width - 8,
        )
        if focused:
            focus_ring(p, self.rect)

    def activate(self) -> Any:
        return self.on_activate() if self.enabled else None


@dataclass(eq=False)
class Toggle:
    """A choice that is on or off, drawn as a box with a tick or a radio dot and a label."""

    label: str
    on_activate: Callable[[], Any]
    checked: bool = False
    radio: bool = False
    detail: str = ""
    enabled: bool = True
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    short_label: str = ""  # said instead of a label too long for the row, e.g. an actor's short name
    keep_detail: bool = False  # the detail matters more than the label's end ("— people" / "— computer")

    def height(self, p: Painter) -> int:
        return p.line_height("body") + p.theme.pad() // 2

    def fitted_text(self, p: Painter, width: int) -> str:
        tail = f" — {self.detail}" if self.detail else ""
        if p.text_width(self.label + tail, "body", self.checked) <= width:
            return self.label + tail
        label = self.short_label or self.label
        if self.keep_detail:
            return p.fit_keeping(label, tail, width, "body", self.checked)
        return label + tail  # p.text elides the end

    def draw(self, p: Painter, focused: bool, hovered: bool) -> None:
        if hovered:
            pygame.draw.rect(p.surface, th.BUTTON, self.rect, border_radius=4)
        box = p.line_height("body") - 6
        mark = Rect(self.rect.left + 4, self.rect.centery - box // 2, box, box)
        colour = th.TEXT if self.enabled else th.DISABLED
        if self.radio:
            pygame.draw.circle(p.surface, colour, mark.center, box // 2, 2)
            if self.checked:
                pygame.draw.circle(p.surface, colour, mark.center, box // 2 - 4)
        else:
            pygame.draw.rect(p.surface, colour, mark, 2)
            if self.checked:
                pygame.draw.lines(
                    p.surface,
                    colour,
                    False,
                    [
                        (mark.left + 3, mark.centery),
                        (mark.centerx - 1, mark.bottom - 4),
                        (mark.right - 3, mark.top + 3),
                    ],
                    3,
                )
        width = self.rect.right - mark.right - 12
        text = self.fitted_text(p, width)
        p.text(
            text,
            (mark.right + 8, self.rect.centery),
            "body",
            colour,
            bold=self.checked,
            anchor="midleft",
            max_width=width,
        )
        if focused:
            focus_ring(p, self.rect)

    def activate(self) -> Any:
        return self.on_activate() if self.enabled else None


class ScrollPane:
    """A clipped viewport onto content taller than its rect; the wheel and PgUp/PgDn move it."""

    def __init__(self) -> None:
        self.rect = Rect(0, 0, 0, 0)
        self.offset = 0
        self.content_height = 0

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.height)

    def scroll(self, pixels: int) -> bool:
        before = self.offset
        self.offset = max(0, min(self.max_offset, self.offset + pixels))
        return self.offset != before

    def draw(self, p: Painter, content: Callable[[Painter, int, int, int], int]) -> None:
        """content(p, x, y, width) draws from y and returns its height; drawing is clipped to the pane."""
        bar = max(6, p.px("body") // 3)
        old_clip = p.surface.get_clip()
        p.surface.set_clip(self.rect.clip(old_clip))
        self.content_height = content(
            p, self.rect.left, self.rect.top - self.offset, self.rect.width - bar - 6
        )
        self.offset = min(self.offset, self.max_offset)
        p.surface.set_clip(old_clip)
        if self.max_offset:
            # The scroll bar also tells the reader there is more below.
            track = Rect(self.rect.right - bar, self.rect.top, bar, self.rect.height)
            pygame.draw.rect(p.surface, th.PANEL_EDGE, track, border_radius=3)
            h = max(bar * 2, self.rect.height * self.rect.height // max(1, self.content_height))
            y = track.top + (track.height - h) * self.offset // max(1, self.max_offset)
            pygame.draw.rect(p.surface, th.TEXT, Rect(track.left, y, bar, h), border_radius=3)

    def reveal(self, top: int, bottom: int) -> None:
        """Scroll so that content between top and bottom (content coordinates) is visible."""
        if top < self.offset:
            self.offset = max(0, top)
        elif bottom > self.offset + self.rect.height:
            self.offset = min(self.max_offset, bottom - self.rect.height)


def panel(p: Painter, rect: Rect, title: str = "", short: str = "") -> Rect:
    """Draw a panel with an optional heading (`short` when the heading does not fit); return the inner rect."""
    pygame.draw.rect(p.surface, th.PANEL, rect, border_radius=8)
    pygame.draw.rect(p.surface, th.PANEL_EDGE, rect, 1, border_radius=8)
    pad = p.theme.pad()
    inner = Rect(rect.left + pad, rect.top + pad // 2, rect.width - 2 * pad, rect.height - pad)
    if short and p.text_width(title, "heading", bold=True) > inner.width:
        title = short
    if title:
        p.text(title, inner.topleft, "heading", th.TEXT, bold=True, max_width=inner.width)
        h = p.line_height("heading") + pad // 3
        inner = Rect(inner.left, inner.top + h, inner.width, inner.height - h)
    return inner


def title_height(p: Painter) -> int:
    return p.line_height("heading") + p.theme.pad() // 3
