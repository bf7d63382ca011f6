"""Helpers for the real-browser tests: the real server in a subprocess, and headless Chromium under Selenium.

Selenium is pointed at Debian's chromedriver by path, so its driver manager
never downloads anything; every browser gets a fresh profile, so each team's
seat token lives in its own browser as it would on its own device.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerProcess:
    """`python main.py serve` on 127.0.0.1; stopping and starting again over the same folder is a restart."""

    def __init__(self, home: Path, port: int | None = None, args: tuple[str, ...] = ("--seed", "4")):
        self.home, self.port, self.args = home, port or free_port(), args
        self.process: subprocess.Popen | None = None
        self.lines: dict[str, str] = {}

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        env = dict(os.environ, BRINKMANSHIP_HOME=str(self.home), PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        command = [sys.executable, str(ROOT / "main.py"), "serve", "--port", str(self.port), *self.args]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        while "More classes" not in self.lines:  # the announcement ends with the host's address
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped before announcing its addresses")
            for name in ("join", "Projector", "Instructor", "More classes"):
                if name in line:
                    self.lines[name] = line.split()[-1] if name != "join" else line
        self.code = re.search(r"code (\S+)", self.lines["join"]).group(1)
        self._wait_until_listening()
        return self

    def _wait_until_listening(self, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start listening")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.process = None


def browser(profile: Path, width: int = 1280, height: int = 900, phone: bool = False):
    """Headless Chromium with a fresh profile; `phone` emulates a phone's viewport of `width` CSS pixels."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-', dir=profile)}")
    options.add_argument(f"--window-size={width},{height}")
    if phone:
        metrics = {"width": width, "height": height, "pixelRatio": 1}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
