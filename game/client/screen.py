"""The screen contract: one class per screen, a stack of them, and key bindings as data.

A screen turns events into either nothing, a change of its own view, or a
Transition (push, pop, replace, reset to a screen, quit) that the App applies.
Keys are looked up by name ("shift+tab", "page down") in a `bindings` dict that
maps them to `cmd_*` methods, so no screen needs an if-ladder over keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import pygame
from pygame import Rect

from game.client.text import Painter
from game.client.widgets import ScrollPane

if TYPE_CHECKING:
    from game.client.app import App


@dataclass(frozen=True)
class Push:
    screen: Screen


@dataclass(frozen=True)
class Pop:
    pass


@dataclass(frozen=True)
class Replace:
    screen: Screen


@dataclass(frozen=True)
class Reset:
    """Clear the whole stack and show this screen (e.g. back to the title)."""

    screen: Screen


@dataclass(frozen=True)
class Quit:
    pass


Transition = Push | Pop | Replace | Reset | Quit

NUMBER_KEYS = {f"{n}": n for n in range(10)} | {f"[{n}]": n for n in range(10)}


def key_name(event: pygame.event.Event) -> str:
    """'shift+tab', 'ctrl+z', 'return': the name a bindings dict is keyed by."""
    name = pygame.key.name(event.key)
    mods = getattr(event, "mod", 0)
    prefix = ("ctrl+" if mods & pygame.KMOD_CTRL else "") + ("shift+" if mods & pygame.KMOD_SHIFT else "")
    return prefix + name


class Screen:
    """Base of every screen: focus, hover, scrolling and the key table."""

    opaque: ClassVar[bool] = True  # a dialog is not: the screen below shows through
    fills_window: ClassVar[bool] = False  # paints every pixel itself (a Backdrop): the App need not clear
    bindings: ClassVar[dict[str, str]] = {
        "tab": "focus_next",
        "shift+tab": "focus_prev",
        "down": "focus_next",
        "right": "focus_next",
        "up": "focus_prev",
        "left": "focus_prev",
        "return": "activate",
        "enter": "activate",
        "space": "activate",
        "escape": "leave",
        "page down": "page_down",
        "page up": "page_up",
        "home": "scroll_top",
        "end": "scroll_end",
    }

    def __init__(self, app: App) -> None:
        self.app = app
        self.controls: list[Any] = []  # focusable widgets in focus order, rebuilt by layout()
        self.focus = 0
        self.hover: Any = None
        self.panes: list[ScrollPane] = []  # scrollable areas, the first is the main one
        self.regions: dict[str, Rect] = {}  # top-level areas, which must never overlap

    # ------------------------------------------------------------- drawing
    def layout(self, p: Painter) -> None:
        """Compute rects and controls for the current window size and text size."""

    def paint(self, p: Painter) -> None:
        """Draw; rects come from layout()."""

    def draw(self, p: Painter) -> None:
        # Layout on every redraw is cheap and keeps rects true to the window and text size.
        self.layout(p)
        self.focus = min(self.focus, max(0, len(self.controls) - 1))
        self.paint(p)

    @property
    def focused(self) -> Any:
        return self.controls[self.focus] if self.controls else None

    def is_focused(self, control: Any) -> bool:
        return control is self.focused

    # -------------------------------------------------------------- events
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            name = key_name(event)
            command = self.bindings.get(name) or self.bindings.get(name.split("+")[-1])
            if command:
                return getattr(self, f"cmd_{command}")()
            if name in NUMBER_KEYS:
                return self.on_number(NUMBER_KEYS[name])
        elif event.type == pygame.MOUSEMOTION:
            hit = self.control_at(event.pos)
            if hit is not self.hover:
                self.hover = hit
                self.on_hover(hit)
                self.app.dirty = True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = self.control_at(event.pos)
            if hit is not None:
                self.focus = self.controls.index(hit)
                self.app.dirty = True
                return hit.activate()
        elif event.type == pygame.MOUSEWHEEL:
            pane = self.pane_at(pygame.mouse.get_pos())
            if pane and pane.scroll(-event.y * 3 * self.app.line_height()):
                self.app.dirty = True
        return None

    def control_at(self, pos: tuple[int, int]) -> Any:
        for control in self.controls:
            if self.hit_rect(control).collidepoint(pos):
                return control
        return None

    def hit_rect(self, control: Any) -> Rect:
        """Where the control can be seen and clicked: inside a scroll pane, only the part the pane shows."""
        pane = getattr(control, "pane", None)
        return control.rect.clip(pane.rect) if pane is not None else control.rect

    def pane_at(self, pos: tuple[int, int]) -> ScrollPane | None:
        for pane in self.panes:
            if pane.rect.collidepoint(pos):
                return pane
        return self.panes[0] if self.panes else None

    def tick(self) -> bool:
        """True when something shown changes with time alone (a clock): the window redraws."""
        return False

    def on_hover(self, control: Any) -> None:
        """A screen may show details of what the pointer is over."""

    def on_number(self, n: int) -> Transition | None:
        return None

    def on_focus_changed(self) -> None:
        """Called after keyboard focus moves (e.g. to scroll the focused card into view)."""

    # ------------------------------------------------------------ commands
    def _move_focus(self, step: int) -> None:
        if self.controls:
            self.focus = (self.focus + step) % len(self.controls)
            self.on_focus_changed()
            self.app.dirty = True

    def cmd_focus_next(self) -> Transition | None:
        self._move_focus(1)
        return None

    def cmd_focus_prev(self) -> Transition | None:
        self._move_focus(-1)
        return None

    def cmd_activate(self) -> Transition | None:
        self.app.dirty = True
        return self.focused.activate() if self.focused is not None else None

    def cmd_leave(self) -> Transition | None:
        from game.client.dialog import confirm_leave

        return Push(confirm_leave(self.app))

    def _scroll(self, pixels: int) -> Transition | None:
        if self.panes and self.panes[0].scroll(pixels):
            self.app.dirty = True
        return None

    def cmd_page_down(self) -> Transition | None:
        return self._scroll(max(40, self.panes[0].rect.height - 40) if self.panes else 0)

    def cmd_page_up(self) -> Transition | None:
        return self._scroll(-max(40, self.panes[0].rect.height - 40) if self.panes else 0)

    def cmd_scroll_top(self) -> Transition | None:
        return self._scroll(-(10**7))

    def cmd_scroll_end(self) -> Transition | None:
        return self._scroll(10**7)
