"""F5: the scenario file reloaded from disk while the game runs, so an author sees each edit at once.

An invalid file never stops the game: its located errors are shown over the
current screen and the version already loaded keeps running. A valid one
takes over: the orders given so far are replayed on it (a game is scenario +
seed + orders), and the window shows where that game now stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from pygame import Rect

from game.client import theme as th
from game.client.screen import Pop, Push, Reset, Screen, Transition
from game.client.text import Painter
from game.client.widgets import panel
from game.engine.game import Game
from game.engine.saves import SaveError
from game.scenario.loader import check_file
from game.wording import counted

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session

SHOWN_PROBLEMS = 12  # the rest are counted: `validate` lists them all


@dataclass
class Reloaded:
    """The game replayed on the file as it is now, or None and why not."""

    game: Game | None
    problems: list[str] = field(default_factory=list)


def reload_game(game: Game) -> Reloaded:
    """Read the game's scenario file again and replay the game's orders on it."""
    path = game.scenario.path
    scenario, problems = check_file(path)
    errors = [p.format() for p in problems if p.is_error]
    if scenario is None or errors:
        return Reloaded(None, errors or [f"{path}: error: the file cannot be read"])
    try:
        return Reloaded(Game.from_save(scenario, game.to_save()))
    except SaveError as error:
        return Reloaded(None, [f"{path}: error: the orders given so far do not replay on it: {error}"])


def reload_into(app: App) -> Transition | None:
    """What F5 does on the current screen."""
    from game.client.chrome import GameScreen
    from game.client.title import TitleScreen

    session = next((s.session for s in reversed(app.stack) if isinstance(s, GameScreen)), None)
    if session is None:
        if app.stack and isinstance(app.stack[0], TitleScreen):
            app.stack[0].load()  # the title lists the scenario files: read them again
            app.notify("Scenario files read again from disk.")
        return None
    result = reload_game(session.game)
    if result.game is None:
        return Push(ReloadProblems(app, result.problems))
    adopt(session, result.game)
    turns = len(result.game.history)
    app.notify(
        f"Reloaded {session.game.scenario.path}: {counted(turns, 'turn')} replayed on the new version."
    )
    from game.client.flow import next_screen

    return Reset(next_screen(app, session))


def adopt(session: Session, game: Game) -> None:
    """The session plays on with the reloaded game; orders for options that no longer exist are asked again."""
    options = {o.id for o in game.scenario.options}
    # Orders entered this turn live in the game (so a save mid-turn keeps them): carry them over.
    kept = {side: o for side, o in session.pending.items() if o in options}
    game.pending_orders = kept
    game.pending_rationales = {s: why for s, why in session.game.pending_rationales.items() if s in kept}
    session.game = game
    session.save()


class ReloadProblems(Screen):
    """The changed file's errors over the current screen; Esc or Enter goes back to the running game."""

    opaque = False
    bindings: ClassVar[dict[str, str]] = Screen.bindings | {"escape": "back", "return": "back"}

    def __init__(self, app: App, problems: list[str]) -> None:
        super().__init__(app)
        self.problems = problems
        self.box = Rect(0, 0, 0, 0)

    def cmd_back(self) -> Transition:
        return Pop()

    def lines(self) -> list[str]:
        shown = self.problems[:SHOWN_PROBLEMS]
        more = len(self.problems) - len(shown)
        return shown + ([f"… and {more} more: run `python main.py validate` to see them all"] if more else [])

    def layout(self, p: Painter) -> None:
        w, h = p.size
        pad = p.theme.pad()
        self.box = Rect(2 * pad, 2 * pad, w - 4 * pad, h - 4 * pad)
        self.controls = []

    def paint(self, p: Painter) -> None:
        pad = p.theme.pad()
        panel(p, self.box, "The changed scenario file has errors")
        x, width = self.box.left + pad, self.box.width - 2 * pad
        y = self.box.top + p.line_height("title") + pad
        y += p.paragraph(
            "The game goes on with the version loaded before; fix the file and press F5 again.",
            x,
            y,
            width,
            "body",
            th.FOCUS,
        )
        for line in self.lines():
            y += p.paragraph(line, x, y, width, "small")
        p.paragraph(
            "Esc or Enter: back to the game",
            x,
            self.box.bottom - p.line_height("small") - pad // 2,
            width,
            "small",
            th.MUTED,
        )
