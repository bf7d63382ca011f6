"""The window and its event loop: a stack of screens, drawn only when something changed.

The loop polls `event.get()` and sleeps 20 ms between polls, 50 ms after a
second without input: a turn-based game needs no 60 fps loop, and idle CPU
stays under 1 %. Window-wide keys (F11 fullscreen, F2 large text, F5 reload
the scenario file) are data in `App.bindings`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import ClassVar

import pygame

from game.client import theme as th
from game.client.framebuffer import skip_gl_framebuffer
from game.client.screen import Pop, Push, Quit, Replace, Reset, Screen, Transition, key_name
from game.client.text import Painter, TextCache
from game.client.theme import Theme
from game.paths import SCENARIO_DIR

BUSY_SLEEP = 0.02  # just after input: feel instant
IDLE_SLEEP = 0.05  # after a second with no input: a sleeping classroom laptop stays cool


class App:
    """Owns the window, the caches and the screen stack; screens own everything they show."""

    bindings: ClassVar[dict[str, str]] = {
        "f11": "toggle_fullscreen",
        "f2": "toggle_large_text",
        "f5": "reload_scenario",
        "f1": "show_help",
        "shift+/": "show_help",  # "?" on most layouts
        "f9": "open_console",
        "f6": "toggle_pause",
    }

    def __init__(
        self, size: tuple[int, int] = (1280, 720), large_text: bool = False, scenario_dir: Path | None = None
    ) -> None:
        skip_gl_framebuffer()  # before the window opens: SDL reads the hint when it makes its surface
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Brinkmanship")
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.key.set_repeat(400, 60)
        self.windowed_size = size
        self.fullscreen = False
        self.large_text = large_text
        self.scenario_dir = scenario_dir or SCENARIO_DIR
        self.texts = TextCache()
        self.stack: list[Screen] = []
        self.dirty = True
        self.running = True
        self.frames = 0
        self.last_input = 0.0
        self.painter: Painter | None = None  # the last frame's painter: its record is what was shown
        self.message = ""  # one-line notice shown over any screen (e.g. a save error)
        self.message_screens = 0  # how many more screen changes the notice stays for
        self.seed: int | None = None  # from `play --seed`; None: a fresh game is random
        self.preset_side: str | None = None  # from `play --as`: preselected on the title screen
        self.extra_scenario: Path | None = None  # from `play --scenario FILE`: listed first on the title

    # --------------------------------------------------------------- stack
    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def apply(self, transition: Transition | None) -> None:
        if transition is None:
            return
        if isinstance(transition, Push):
            self.stack.append(transition.screen)
        elif isinstance(transition, Pop):
            if len(self.stack) > 1:
                self.stack.pop()
        elif isinstance(transition, Replace):
            self.stack[-1] = transition.screen
        elif isinstance(transition, Reset):
            self.stack = [transition.screen]
        elif isinstance(transition, Quit):
            self.running = False
        if self.message:
            self.message_screens -= 1
            if self.message_screens <= 0:
                self.message = ""
        self.dirty = True

    def notify(self, text: str, screens: int = 2) -> None:
        """A one-line notice at the foot of the window, kept for this screen and the next one."""
        self.message, self.message_screens, self.dirty = text, screens, True

    # -------------------------------------------------------------- events
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            # Closing the window asks first, like Esc; a second close while asking quits.
            from game.client.dialog import ConfirmDialog, confirm_quit

            self.apply(Quit() if isinstance(self.top, ConfirmDialog) else Push(confirm_quit(self)))
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self._resized(event)
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            self.dirty = True
            return
        if event.type == pygame.KEYDOWN:
            command = self.bindings.get(key_name(event))
            if command == "show_help" and key_name(event) != "f1" and getattr(self.top, "typing", False):
                command = None  # a '?' typed in a text field is a character, not a request for help
            if command:
                getattr(self, command)()
                return
        self.apply(self.top.handle(event))

    def reload_scenario(self) -> None:
        """F5: read the scenario file again; errors over this screen, or the game replayed on the new version."""
        from game.client.reload import reload_into

        self.apply(reload_into(self))

    def _resized(self, event: pygame.event.Event) -> None:
        surface = pygame.display.get_surface()
        wanted = (getattr(event, "w", surface.get_width()), getattr(event, "h", surface.get_height()))
        if surface.get_size() != wanted and event.type == pygame.VIDEORESIZE:
            # Drivers that do not resize the surface themselves (dummy) get a new one.
            surface = pygame.display.set_mode(wanted, pygame.RESIZABLE)
        self.window = surface
        if not self.fullscreen:
            self.windowed_size = surface.get_size()
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        """Resize as a window manager would (tests and screenshots use this)."""
        self.handle(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))

    def toggle_fullscreen(self) -> None:
        try:
            if self.fullscreen:
                self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            else:
                self._open_fullscreen()
            self.fullscreen = not self.fullscreen
        except pygame.error as error:
            self.notify(f"Full screen is not available here ({error}).")
            if pygame.display.get_surface() is None:  # never leave the game without a window
                self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self.dirty = True

    def _open_fullscreen(self) -> None:
        """A fullscreen window, created afresh at the screen's corner on X11.

        An X server with no window manager (a bare Xvfb, some kiosks) leaves a
        window that turns fullscreen where it was, half off the screen, and
        pygame's public API cannot move an existing window. A window opened at
        0,0 is right with or without a window manager; every surface we draw is
        our own, so nothing is lost by reopening it.
        """
        if pygame.display.get_driver() != "x11":
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            return
        before = os.environ.get("SDL_VIDEO_WINDOW_POS")
        os.environ["SDL_VIDEO_WINDOW_POS"] = "0,0"
        try:
            pygame.display.quit()
            pygame.display.init()
            pygame.display.set_caption("Brinkmanship")
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            pygame.key.set_repeat(400, 60)
        finally:
            if before is None:
                os.environ.pop("SDL_VIDEO_WINDOW_POS", None)
            else:
                os.environ["SDL_VIDEO_WINDOW_POS"] = before

    def show_help(self) -> None:
        from game.client.help import help_for

        self.apply(help_for(self))

    def open_console(self) -> None:
        from game.client.console import console_for

        self.apply(console_for(self))

    def toggle_pause(self) -> None:
        from game.client.console import pause_for

        self.apply(pause_for(self))

    def toggle_large_text(self) -> None:
        self.large_text = not self.large_text
        self.dirty = True

    # ------------------------------------------------------------- drawing
    @property
    def theme(self) -> Theme:
        return Theme(self.window.get_height(), self.large_text)

    def line_height(self) -> int:
        return self.texts.font(self.theme.size("body")).get_linesize()

    def render(self) -> Painter:
        """Draw the stack from its last opaque screen up, then flip."""
        painter = Painter(self.window, self.texts, self.theme)
        start = max((i for i, s in enumerate(self.stack) if s.opaque), default=0)
        if not (self.stack and self.stack[start].fills_window):
            self.window.fill(th.BACKGROUND)
        for screen in self.stack[start:]:
            screen.draw(painter)
        if self.message:
            # On a band of its own over the footer, so it never mixes with the key hints under it.
            w, h = self.window.get_size()
            band = pygame.Rect(0, h - painter.line_height("small") - 8, w, painter.line_height("small") + 8)
            pygame.draw.rect(self.window, th.BACKGROUND, band)
            pygame.draw.line(self.window, th.FOCUS, band.topleft, band.topright, 1)
            painter.text(
                self.message, (w // 2, h - 4), "small", th.FOCUS, anchor="midbottom", max_width=w - 20
            )
        pygame.display.flip()
        self.painter = painter
        self.dirty = False
        self.frames += 1
        return painter

    def shown_text(self) -> str:
        """Everything drawn in the last frame, as one string (for tests)."""
        return self.painter.shown_text() if self.painter else ""

    # ---------------------------------------------------------------- loop
    def pump(self) -> bool:
        """Handle every waiting event, redraw if anything changed; False once the game should close."""
        for event in pygame.event.get():
            self.last_input = time.monotonic()
            self.handle(event)
            if not self.running:
                return False
        if any(screen.tick() for screen in self.stack):
            self.dirty = True  # a clock on screen changed its second
        if self.dirty:
            self.render()
            after = getattr(self.top, "after_render", None)
            if after is not None:
                after()
        return self.running

    def run(self, max_seconds: float | None = None) -> int:
        """The event loop; max_seconds stops it early (the idle-CPU benchmark uses that)."""
        deadline = None if max_seconds is None else time.monotonic() + max_seconds
        while self.pump():
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                break
            time.sleep(BUSY_SLEEP if now - self.last_input < 1.0 else IDLE_SLEEP)
        return 0

    def screenshot(self, path: Path) -> None:
        self.render()
        pygame.image.save(self.window, str(path))
