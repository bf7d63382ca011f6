"""Whether SDL should put frames on screen through OpenGL: not when the only OpenGL is software.

With the X11 video driver and no instruction from the user, SDL 2.28 shows the
window's surface through an OpenGL texture whenever OpenGL works at all. On a
desktop with a GPU that is its fast path, and we leave it alone. Where the only
OpenGL is Mesa's software rasteriser (Xvfb, VNC, virtual machines and old
laptops without a GPU driver) it costs ~55-100 MiB (libLLVM and its buffers)
and makes each 1080p flip several times slower than X11 shared memory, for a
window drawn in software anyway. So we tell SDL to use shared memory
(SDL_FRAMEBUFFER_ACCELERATION=0) exactly when no hardware OpenGL can be had:

- the user forced software OpenGL (LIBGL_ALWAYS_SOFTWARE), or
- no GPU that can render is visible (no /dev/dri/renderD*, no /dev/nvidia*), or
- the X server offers no way to render on a GPU (none of the DRI3, DRI2 or
  NVIDIA GLX extensions: Xvfb, most VNC servers).

Anything we cannot tell counts as "may be hardware": SDL then decides as before.
A choice the user made (the hint itself, or SDL_RENDER_DRIVER) always stands.
"""

from __future__ import annotations

import ctypes
import glob
import os
import sys
from collections.abc import Callable, MutableMapping

HINT = "SDL_FRAMEBUFFER_ACCELERATION"
GPU_NODES = ("/dev/dri/renderD*", "/dev/nvidia[0-9]*")  # render-capable GPUs (Mesa drivers, NVIDIA's)
DIRECT_GL = (b"DRI3", b"DRI2", b"NV-GLX")  # X extensions through which OpenGL reaches a GPU


def has_gpu_node() -> bool:
    return any(glob.glob(pattern) for pattern in GPU_NODES)


def server_renders_on_gpu(display: str) -> bool | None:
    """Whether the X server offers a GPU to OpenGL clients; None when it cannot be asked."""
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return None
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    int_out = ctypes.POINTER(ctypes.c_int)
    xlib.XQueryExtension.argtypes = [ctypes.c_void_p, ctypes.c_char_p, int_out, int_out, int_out]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = xlib.XOpenDisplay(display.encode())
    if not connection:
        return None
    try:
        codes = [ctypes.c_int() for _ in range(3)]
        return any(
            xlib.XQueryExtension(connection, name, *(ctypes.byref(c) for c in codes)) for name in DIRECT_GL
        )
    finally:
        xlib.XCloseDisplay(connection)


def skip_gl_framebuffer(
    env: MutableMapping[str, str] | None = None,
    platform: str = sys.platform,
    gpu_node: Callable[[], bool] = has_gpu_node,
    server_gpu: Callable[[str], bool | None] = server_renders_on_gpu,
) -> bool:
    """Set SDL_FRAMEBUFFER_ACCELERATION=0 when the window's OpenGL could only be software.

    Returns whether it was set. Call before the first window is opened.
    """
    env = os.environ if env is None else env
    if not (platform.startswith("linux") or "bsd" in platform):
        return False  # Windows and macOS have their own fast paths
    if HINT in env or env.get("SDL_RENDER_DRIVER"):
        return False  # the user's own choice stands
    if env.get("SDL_VIDEODRIVER", "x11" if env.get("DISPLAY") else "") != "x11" or not env.get("DISPLAY"):
        return False  # dummy and offscreen have no OpenGL; Wayland has no other path
    software = env.get("LIBGL_ALWAYS_SOFTWARE", "0") not in ("", "0", "false") or not gpu_node()
    if not software and server_gpu(env["DISPLAY"]) is False:
        software = True
    if software:
        env[HINT] = "0"
    return software
