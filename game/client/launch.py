"""Starting the window from the command line: display checks, driver choice, first screen.

Everything a user can get wrong before the window opens (no desktop, Wayland
only, a broken scenario or save) ends in one readable line, never a traceback.
"""

from __future__ import annotations

import os
import sys
import traceback
from argparse import Namespace
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.screen import Screen

NO_DISPLAY = (
    "No display found: the game window needs a desktop. "
    "Play in this terminal with: python main.py play --text"
)
WAYLAND_ONLY = (
    "No X display found (this pygame cannot open a Wayland-only window; enable XWayland). "
    "Play in this terminal with: python main.py play --text"
)


def display_problem(env: MutableMapping[str, str], platform: str = sys.platform) -> str | None:
    """Why no window can open here, or None; picks x11 when a DISPLAY exists and no driver is chosen."""
    if env.get("SDL_VIDEODRIVER"):
        return None  # the user chose a driver: respect it
    if not (platform.startswith("linux") or "bsd" in platform):
        return None  # Windows and macOS always have their own display
    if env.get("DISPLAY"):
        # pygame 2.6.1 segfaults when SDL picks Wayland; XWayland via DISPLAY works.
        env["SDL_VIDEODRIVER"] = "x11"
        return None
    return WAYLAND_ONLY if env.get("WAYLAND_DISPLAY") else NO_DISPLAY


def prepare_sdl(env: MutableMapping[str, str], screenshots: bool = False) -> str | None:
    """Set SDL's drivers before pygame starts; why no window can open here, or None."""
    env.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if screenshots:
        # Screenshots never need a visible window; the dummy driver works everywhere.
        env.setdefault("SDL_VIDEODRIVER", "dummy")
    else:
        problem = display_problem(env)
        if problem:
            return problem
    env.setdefault("SDL_AUDIODRIVER", "dummy")  # the game has no sound; never fail on audio
    # Leave Ctrl-C and SIGTERM to Python: SDL would turn them into a window-close, which asks
    # "leave?" and so never lets a terminal or a shutdown end the game. Every turn is autosaved.
    env.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    return None


def run_client(args: Namespace) -> int:
    shots = getattr(args, "screenshot", None)
    large_text = bool(getattr(args, "large_text", False))
    problem = prepare_sdl(os.environ, screenshots=bool(shots))
    if problem:
        print(problem, file=sys.stderr)
        return 1
    import pygame

    try:
        if shots:
            return _screenshots(Path(shots), args)
        from game.client.app import App

        app = App(large_text=large_text)
    except pygame.error as error:
        print(
            f"Could not open the game window ({error}). Play in this terminal with: python main.py play --text",
            file=sys.stderr,
        )
        return 1
    try:
        first = first_screen(app, args)
        if isinstance(first, str):
            from game.textsafe import printable

            print(printable(first), file=sys.stderr)
            return 1
        app.stack = [first]
        return app.run()
    except Exception:  # noqa: BLE001 - the last line of defence between a bug and a player
        print(crash_report(), file=sys.stderr)
        return 1
    finally:
        pygame.quit()


def crash_report() -> str:
    """Never a traceback at a player: keep it in a file for whoever fixes the bug, and say where."""
    from game.paths import user_data_dir

    log = user_data_dir() / "crash.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(traceback.format_exc(), encoding="utf-8")
    return (
        f"The game stopped on an internal error (details in {log}). Your game was saved after its last "
        "turn: choose Continue on the title screen."
    )


def first_screen(app: App, args: Namespace) -> Screen | str:
    """The title screen, or for `play --load SAVE` / `play --as SIDE` the game itself; a str is an error line."""
    from game.client.title import TitleScreen, keep_earlier_autosave

    if getattr(args, "command", None) != "play":
        return TitleScreen(app, lazy=True)
    app.seed = args.seed
    app.preset_side = args.side
    if not (args.load or args.side):
        if args.scenario:  # `play --scenario FILE`: that file, listed first and chosen
            app.extra_scenario = Path(args.scenario)
        return TitleScreen(app, lazy=True)
    from game.client.flow import next_screen
    from game.client.session import Session
    from game.engine.game import Game, IllegalOrder
    from game.paths import DEFAULT_SCENARIO, SCENARIO_DIR
    from game.savefiles import SaveError, open_saved
    from game.savelock import own_save
    from game.scenario.loader import ScenarioError, load_scenario
    from game.seeds import choose_seed

    scenario_path = args.scenario or DEFAULT_SCENARIO
    try:
        if args.load:
            # The resumed game saves where it came from, as in the terminal, and owns that file meanwhile.
            save_path = own_save(args.load)
            game = open_saved(args.load, args.scenario, folders=(app.scenario_dir, SCENARIO_DIR))
            return next_screen(app, Session(game, hotseat=game.classroom, save_path=save_path))
        scenario = load_scenario(scenario_path)
        game = Game.new(scenario, seed=choose_seed(args.seed), humans=(args.side,))
        autosave = keep_earlier_autosave(app)
        session = Session(game, autosave=autosave is not None, save_path=autosave)
        session.save()
    except ScenarioError as error:
        first = error.problems[0].format() if error.problems else str(error)
        if args.load:
            return f"{args.load}: its scenario cannot be played: {first}"
        return f"{scenario_path}: cannot be played: {first}"
    except (SaveError, IllegalOrder, OSError) as error:
        where = str(args.load or "")
        # Every line names the file it is about, as `validate` does.
        return str(error) if not where or str(error).startswith(where) else f"{where}: {error}"
    from game.client.briefing import BriefingScreen

    return BriefingScreen(app, session)


def _screenshots(out_dir: Path, args: Namespace) -> int:
    """`--screenshot DIR [--scenario FILE]`: that scenario's screens, or one clear line if it cannot be played."""
    from game.client.screenshot import run_screenshots
    from game.scenario.loader import ScenarioError, load_scenario

    chosen = getattr(args, "scenario", None)
    if chosen:
        try:
            load_scenario(chosen)  # never fall back silently to another scenario's screens
        except ScenarioError as error:
            first = error.problems[0].format() if error.problems else str(error)
            print(f"{chosen}: cannot be played: {first}", file=sys.stderr)
            return 1
    large = bool(getattr(args, "large_text", False))
    for path in run_screenshots(out_dir, large_text=large, scenario_file=Path(chosen) if chosen else None):
        print(path)
    return 0
