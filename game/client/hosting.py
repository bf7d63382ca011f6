"""The title screen's "serve" mode: this window hosts the classroom network game (key S on the title).

The network game is a front end of its own (`python main.py serve`); the
window does not import it but runs it, reads the addresses it announces, and
shows the join address, a QR code and the code, large enough for the back of
the room. The server stops when the instructor leaves this screen or closes
the game. The instructor's address is shown only on demand (key I): this
window is usually on the projector.
"""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import draw_footer, draw_header, frame
from game.client.screen import Pop, Screen, Transition
from game.client.text import Painter
from game.client.widgets import Button

if TYPE_CHECKING:
    from game.client.app import App

PORT = 8000


class HostingScreen(Screen):
    bindings: ClassVar[dict[str, str]] = Screen.bindings | {"i": "toggle_instructor"}
    lan: ClassVar[bool] = True  # the classroom network; tests set False to stay on 127.0.0.1

    def __init__(self, app: App, scenario: Path) -> None:
        super().__init__(app)
        self.lines: dict[str, str] = {}
        self.problem = ""
        self.show_instructor = False
        self.back = Button("Stop serving", self.cmd_leave, "Esc", primary=True)
        self._qr: tuple[str, int, pygame.Surface] | None = None
        command = [
            sys.executable,
            "-m",
            "game",
            "serve",
            "--port",
            str(_port(self.lan)),
            "--scenario",
            str(scenario),
        ]
        self.process = subprocess.Popen(
            command + (["--lan"] if self.lan else []),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        atexit.register(self.stop)
        for stream, read in ((self.process.stdout, self._announced), (self.process.stderr, self._complained)):
            threading.Thread(target=read, args=(stream,), daemon=True).start()

    # ------------------------------------------------------------ the server
    def _announced(self, stream) -> None:
        for line in stream:
            words = line.split()
            if line.startswith("  Teams join at") and len(words) >= 7:
                self.lines["join"], self.lines["code"] = words[3], words[-1]
            elif words and words[0] in ("Projector", "Instructor"):
                self.lines[words[0].lower()] = words[-1]
            self.app.dirty = True

    def _complained(self, stream) -> None:
        for line in stream:
            if line.strip() and not line.startswith(("INFO", "WARNING")):
                self.problem = line.strip()
                self.app.dirty = True

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def cmd_leave(self) -> Transition:
        self.stop()
        return Pop()

    def cmd_toggle_instructor(self) -> None:
        self.show_instructor = not self.show_instructor
        self.app.dirty = True

    # ----------------------------------------------------------- the picture
    def layout(self, p: Painter) -> None:
        self.header, self.body, self.footer = frame(p)
        w, h = self.back.width(p), self.back.height(p)
        self.back.rect = Rect(self.body.right - w - p.theme.pad(), self.body.bottom - h - p.theme.pad(), w, h)
        self.controls = [self.back]
        self.regions = {"header": self.header, "body": self.body, "footer": self.footer}

    def paint(self, p: Painter) -> None:
        draw_header(p, self.header, "Serving the classroom network game")
        pad, body = p.theme.pad(), self.body
        if "join" not in self.lines or self.process.poll() is not None:
            message = "Starting the server…" if self.process.poll() is None else "The server has stopped."
            p.paragraph_above(
                f"{message} {self.problem}".strip(),
                body.left + pad,
                body.top + pad,
                body.width - 2 * pad,
                self.back.rect.top - pad,
                "heading",
            )
        else:
            side = min(body.height - 2 * pad, body.width // 2 - 2 * pad)
            p.surface.blit(
                self._qr_surface(self.lines["join"] + "join/" + self.lines["code"], side),
                (body.left + pad, body.top + pad),
            )
            self._paint_addresses(p, body.left + side + 3 * pad, body.top + pad, body.right - side - 5 * pad)
        self.back.draw(p, self.is_focused(self.back), self.back is self.hover)
        draw_footer(p, self.footer, "I show or hide the instructor's address · Esc stop serving")

    def _paint_addresses(self, p: Painter, x: int, y: int, width: int) -> None:
        bottom = self.back.rect.top - p.theme.pad()
        y += p.paragraph_above("Join on your phone or laptop:", x, y, width, bottom, "heading")
        y += p.paragraph_above(self.lines["join"], x, y, width, bottom, "title", bold=True) + p.theme.pad()
        y += p.paragraph_above("Code", x, y, width, bottom, "heading")
        y += p.paragraph_above(self.lines["code"], x, y, width, bottom, "huge", bold=True) + p.theme.pad()
        y += p.paragraph_above(
            f"Projector page: {self.lines.get('projector', '')}", x, y, width, bottom, "body"
        )
        if self.show_instructor:
            text = f"Instructor's console (keep it to yourself): {self.lines.get('instructor', '')}"
        else:
            text = "Press I to show the instructor's address (not while the class can see this screen)."
        p.paragraph_above(text, x, y + p.theme.pad(), width, bottom, "body", th.MUTED)

    def _qr_surface(self, url: str, side: int) -> pygame.Surface:
        """The join address as a QR code, drawn once per address and size."""
        if self._qr is None or self._qr[:2] != (url, side):
            import segno

            matrix = segno.make(url, error="m").matrix
            cells = len(matrix) + 8  # the quiet zone of four modules each side
            small = pygame.Surface((cells, cells))
            small.fill((255, 255, 255))
            for row, values in enumerate(matrix):
                for col, dark in enumerate(values):
                    if dark:
                        small.set_at((col + 4, row + 4), (0, 0, 0))
            self._qr = (url, side, pygame.transform.scale(small, (side // cells * cells,) * 2))
        return self._qr[2]


def _port(lan: bool) -> int:
    """8000 when it is free, else any free port (another program may already use 8000)."""
    host = "0.0.0.0" if lan else "127.0.0.1"
    with socket.socket() as probe:
        try:
            probe.bind((host, PORT))
            return PORT
        except OSError:
            probe.bind((host, 0))
            return probe.getsockname()[1]
