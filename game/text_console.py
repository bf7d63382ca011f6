"""The instructor's commands in the terminal game, typed at any order prompt.

The same actions as the window's console (F9): `pause`, `news` / `news N`,
`undo`, `end`, and `help`. Each is an engine command; this module only reads
the words and says what happened. Undo and end change the turn under the
prompt, so they are raised as exceptions the turn loop catches.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine.game import Game, IllegalOrder
from game.wording import counted

HELP = (
    "At 'Your order:' type a number (a reason may follow it: '2 we want talks'), 'i N' to see how "
    "option N reads, 'reads' for your read of the others' hidden aims, 'ladder' (the rungs and the "
    "chance of an incident on each), 'deal' for the proposals you may make or answer (one deal move "
    "a turn goes with your order: 'propose N', 'accept N', 'reject N', 'counter N M', 'compose', "
    "'nodeal'), or an instructor "
    "command: 'pause', 'news' (the list of news flashes, the instructor-only ones marked), 'news N' "
    "(announce one now, instructor-only ones included; it lands when the turn resolves), 'undo' "
    "(take back the last turn), 'end' "
    "(end the game now and show the debrief), 'help'; 'q' saves and stops."
)


class TurnRestarted(Exception):
    """The instructor undid the last turn: every team orders again."""


class GameEnded(Exception):
    """The instructor ended the game."""


def command(game: Game, answer: str, say: Callable[[str], None], ask: Callable[[str], str]) -> bool:
    """Carry out an instructor command; False when the answer is not one (it may be an order)."""
    words = answer.split()
    if not words:
        return False
    verb = words[0]
    if verb in ("help", "?", "h"):
        say(HELP)
    elif verb == "pause":
        ask("Paused. Press Enter to go on. ")
    elif verb == "news":
        _news(game, words[1:], say)
    elif verb == "undo":
        if not game.history:
            say("No turn has been played yet: nothing to undo.")
            return True
        turn = len(game.history)
        game.undo()
        say(f"Turn {turn} was undone: every team gives its order for it again.")
        raise TurnRestarted
    elif verb == "end":
        game.end_now()
        say(f"The instructor ended the game after {counted(len(game.history), 'turn')}.")
        raise GameEnded
    else:
        return False
    return True


def _news(game: Game, args: list[str], say: Callable[[str], None]) -> None:
    injects = game.scenario.injects
    if not injects:
        say("This scenario has no news flashes.")
        return
    if not args:
        for n, inject in enumerate(injects, 1):
            state = (
                " (already happened)"
                if inject.id in game.state.fired_injects
                else " (announced: lands this turn)"
                if inject.id in game.pending_injects
                else ""
            )
            tag = " [instructor only]" if inject.instructor_only else ""
            say(f"{n}. {inject.title}{tag}{state}")
        say("Type 'news N' to announce one now.")
        return
    if not args[0].isdecimal() or not 1 <= int(args[0]) <= len(injects):
        say(f"Type 'news N' with N from 1 to {len(injects)}.")
        return
    inject = injects[int(args[0]) - 1]
    try:
        game.inject(inject.id)
    except IllegalOrder as error:
        say(f"Not announced: {error}.")
        return
    say(f"NEWS FLASH — {inject.title}: {inject.text.strip()} (its effects land when this turn resolves)")
