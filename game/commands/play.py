"""`python main.py play` (and no command at all): the game in the window, or with `--text` in this terminal."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from game.engine.ai import TEMPERAMENTS
from game.engine.dispositions import draw_types
from game.engine.game import Game, IllegalOrder
from game.lesson.reveal import with_fixed_types
from game.paths import DEFAULT_SCENARIO, saves_dir
from game.savefiles import SaveError, check_save_target, keep_earlier_game, open_saved
from game.savelock import own_free_save, own_save
from game.scenario.loader import ScenarioError, load_scenario
from game.seeds import choose_seed
from game.textsafe import printable


def run_play(args: Namespace) -> int:
    return run_text(args) if args.text else run_window(args)


def run_window(args: Namespace) -> int:
    """The window (no command, `play`, `--screenshot DIR`); pygame is imported only now."""
    from game.client.launch import run_client

    return run_client(args)


def run_text(args: Namespace) -> int:
    """`play --text`: resume `--load SAVE` or begin a new game, then play it in this terminal."""
    from game import text_mode

    try:
        if args.load:
            game, side, save_path = _resume_text_game(args)
        else:
            game, side, save_path = _begin_text_game(args)
    except ScenarioError as error:
        print(printable(error), file=sys.stderr)
        return 1
    except (IllegalOrder, SaveError) as error:
        print(printable(f"play: {_naming_the_save(args.load, error)}"), file=sys.stderr)
        return 1 if isinstance(error, SaveError) else 2  # a wrong --as is a usage error
    except text_mode.InputEnded:
        print("Input ended before the game began; nothing to save.")
        return 0
    return text_mode.play(game, side, save_path)


def _resume_text_game(args: Namespace) -> tuple[Game, str, Path]:
    from game import text_mode

    # Owned before anything else: a save another running game writes is refused, not raced.
    save_path = own_save(check_save_target(args.save)) if args.save else own_save(args.load)
    game = open_saved(args.load, args.scenario)
    side = game.humans[0] if game.humans else text_mode.choose_side(game.scenario, args.side)
    print(printable(f"Resumed {args.load} at turn {game.state.turn}."))
    for warning in game.load_warnings:
        print(printable(f"Note: {warning}."))
    return game, side, save_path


def _begin_text_game(args: Namespace) -> tuple[Game, str, Path]:
    from game import text_mode

    scenario = load_scenario(args.scenario or DEFAULT_SCENARIO)
    if args.side is not None:
        text_mode.choose_side(scenario, args.side)  # a wrong --as is refused before the briefing scrolls by
    save_path = _own_new_save(args.save, saves_dir() / f"{scenario.id}-text.json")
    text_mode.show_briefing(scenario)
    seed = choose_seed(args.seed)
    if getattr(args, "classroom", False):
        humans: tuple[str, ...] = tuple(a.id for a in scenario.playable_actors)
        side = humans[0]
    else:
        side = text_mode.choose_side(scenario, args.side)
        humans = (side,)
    fixed = fixed_types(getattr(args, "computer", []))
    hidden = dict(pair.partition("=")[::2] for pair in getattr(args, "hidden", []))
    game = Game.new(
        scenario,
        seed=seed,
        humans=humans,
        temperaments=with_fixed_types(scenario, seed, humans, fixed),
        classroom=len(humans) > 1,
        types={**draw_types(scenario, seed), **hidden}
        if hidden
        else None,  # a wrong pair is refused, with why
    )
    stray = [s for s in fixed if s not in game.computer_sides]
    if stray:
        raise IllegalOrder(f"--computer {stray[0]}: not a side the computer plays in this game")
    game.settings = {"fixed_types": sorted(fixed), "fixed_hidden_types": sorted(hidden)}
    kept = None if args.save else keep_earlier_game(save_path)
    if kept is not None:
        print(printable(f"Your earlier game is kept as {kept}."))
    text_mode.introduce(game, side)
    return game, side, save_path


def _own_new_save(asked: str | None, usual: Path) -> Path:
    """The file a new game saves to, owned by it while it runs (see game.savelock).

    `--save FILE` must be a place for a save and free; without it, the usual
    file, or the next free name while another running game owns that one.
    """
    if asked:
        return own_save(check_save_target(asked))
    path = own_free_save(usual)
    if path != usual:
        print(printable(f"Another game running now saves to {usual}; this one saves to {path}."))
    return path


def fixed_types(pairs: list[str]) -> dict[str, str]:
    """`--computer russia=hard_line` as {side: type}; a badly written pair is refused, never ignored."""
    fixed = {}
    for pair in pairs:
        side, _, kind = pair.partition("=")
        if kind not in TEMPERAMENTS:
            raise IllegalOrder(
                f"--computer {pair}: write SIDE=TYPE with TYPE one of {', '.join(sorted(TEMPERAMENTS))}"
            )
        fixed[side.strip()] = kind
    return fixed


def _naming_the_save(load: str | None, error: Exception) -> str:
    """The error, led by the save's path unless it already names it: every line says which file."""
    if load and not str(error).startswith((str(load), str(Path(load)))):
        return f"{load}: {error}"
    return str(error)
