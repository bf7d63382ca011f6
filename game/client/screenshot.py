"""`python main.py --screenshot DIR`: play a short scripted game and save each screen as a PNG.

The script is a classroom game with every playable side at the keyboard, so the
hand-off screen appears too; each team's "choice" is what the computer would
pick for it. Nothing is autosaved: screenshots never touch a player's games.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.client.app import App
from game.client.briefing import BriefingScreen
from game.client.console import ConsoleSheet
from game.client.end import EndScreen
from game.client.handoff import HandOffScreen
from game.client.help import help_for
from game.client.resolution import ResolutionScreen
from game.client.session import Session
from game.client.timer import TurnTimer
from game.client.title import TitleScreen
from game.client.turn import TurnScreen
from game.client.whatif import WhatIfChooser
from game.engine.game import Game

SEED = 7
# What teams type as their reasons in the scripted game.
REASONS = (
    "Show we mean it, but leave the door to talks open.",
    "Allies first: no step that splits the alliance.",
    "Make them pay for every step, without firing a shot.",
)


def run_screenshots(
    out_dir: Path,
    size: tuple[int, int] = (1280, 720),
    large_text: bool = False,
    scenario_dir: Path | None = None,
    suffix: str = "",
    scenario_file: Path | None = None,
) -> list[Path]:
    """Render title, briefing, hand-off, turn, resolution and end (of `scenario_file` if given); return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = App(size, large_text, scenario_dir)
    app.extra_scenario = scenario_file
    written: list[Path] = []

    def shoot(name: str) -> None:
        path = out_dir / f"{name}{suffix}.png"
        app.screenshot(path)
        written.append(path)

    title = TitleScreen(app)
    app.stack = [title]
    shoot("1-title")
    entry = title.chosen
    if entry is None or entry.scenario is None:
        return written
    scenario = entry.scenario
    humans = tuple(a.id for a in scenario.playable_actors)
    session = _classroom_session(scenario, humans)
    app.stack = [BriefingScreen(app, session)]
    shoot("2-briefing")

    record = _play_scripted_turn(session, prefer_moves=True)
    side = humans[0]
    app.stack = [HandOffScreen(app, session, side)]
    shoot("3-handoff")
    turn = _turn_with_clock(app, session, side)
    shoot("4-turn")
    _lesson_shots(app, shoot, turn)
    app.stack = [ResolutionScreen(app, session, record)]
    shoot("5-resolution")
    while not session.game.is_over:
        _play_scripted_turn(session)
    end = EndScreen(app, session)
    app.stack = [end]
    shoot("6-end")
    chooser = WhatIfChooser(app, session)
    app.apply(chooser.buttons[3].activate())  # "Replay and compare": the last turn, another order
    shoot("10-whatif")
    return written


def _classroom_session(scenario, humans: tuple[str, ...]) -> Session:
    """Every playable side at the keyboard (so the hand-off screen shows), never autosaved."""
    classroom = len(humans) > 1
    game = Game.new(scenario, seed=SEED, humans=humans, classroom=classroom)
    return Session(game, hotseat=classroom, autosave=False)


def _turn_with_clock(app: App, session: Session, side: str) -> TurnScreen:
    """The turn screen with an option chosen, a reason typed and a five-minute clock 1:48 in."""
    session.timer = TurnTimer(limit=300, clock=lambda: 108.0)
    turn = TurnScreen(app, session, side)
    session.timer.started = 0.0
    app.stack = [turn]
    app.render()  # lay out once so cards have places
    pick = next((i for i, s in enumerate(turn.statuses) if s.available and i > 0), 0)
    turn.on_number(pick + 1)
    turn.why.insert(REASONS[0])
    return turn


def _lesson_shots(app: App, shoot: Callable[[str], None], turn: TurnScreen) -> None:
    """The team's own read (R), the instructor's console and the help, over the turn screen; the lesson
    settings, over the title."""
    if turn.read is not None:  # the team's own read of the others' hidden aims, in full
        app.apply(turn.cmd_reads())
        shoot("11-reads")
    app.stack = [turn, ConsoleSheet(app, turn.session)]
    shoot("7-console")
    app.stack = [turn]
    app.apply(help_for(app))
    shoot("8-help")
    title = TitleScreen(app)
    app.stack = [title]
    app.apply(title.cmd_lesson_settings())
    shoot("9-lesson-settings")


def _play_scripted_turn(session: Session, prefer_moves: bool = False):
    """Each team orders what the computer would; on the first turn, a troop move if it can (map arrows)."""
    for side in session.humans:
        choice = session.game.computer_choice(side).option_id
        if prefer_moves:
            moving = [
                s.option.id for s in session.game.options_for(side) if s.available and s.option.effects.moves
            ]
            choice = moving[0] if moving else choice
        session.order(side, choice, REASONS[len(session.pending) % len(REASONS)])
    return session.resolve()
