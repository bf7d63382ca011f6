"""The window leaves OpenGL out only where OpenGL could only be software; a GPU desktop is untouched."""

from __future__ import annotations

from game.client.framebuffer import HINT, server_renders_on_gpu, skip_gl_framebuffer


def decide(
    env: dict[str, str], platform: str = "linux", gpu: bool = True, server: bool | None = True
) -> dict[str, str]:
    skip_gl_framebuffer(env, platform, lambda: gpu, lambda display: server)
    return env


def test_a_desktop_with_a_gpu_keeps_sdls_own_choice() -> None:
    assert HINT not in decide({"DISPLAY": ":0"})
    assert HINT not in decide({"DISPLAY": ":0"}, server=None), "what cannot be asked counts as hardware"


def test_software_only_opengl_is_left_out() -> None:
    assert decide({"DISPLAY": ":99"}, server=False)[HINT] == "0", "an X server without DRI (Xvfb, VNC)"
    assert decide({"DISPLAY": ":0"}, gpu=False)[HINT] == "0", "no GPU that can render"
    assert decide({"DISPLAY": ":0", "LIBGL_ALWAYS_SOFTWARE": "1"})[HINT] == "0"


def test_a_users_own_setting_and_other_systems_are_left_alone() -> None:
    assert decide({"DISPLAY": ":0", HINT: "1"}, gpu=False)[HINT] == "1"
    assert HINT not in decide({"DISPLAY": ":0", "SDL_RENDER_DRIVER": "opengl"}, gpu=False)
    assert HINT not in decide({"DISPLAY": ":0"}, platform="darwin", gpu=False)
    assert HINT not in decide({"SDL_VIDEODRIVER": "dummy"}, gpu=False)
    assert HINT not in decide({"WAYLAND_DISPLAY": "wayland-0"}, gpu=False)


def test_an_x_server_that_cannot_be_reached_is_not_judged() -> None:
    assert server_renders_on_gpu(":12345") is None
