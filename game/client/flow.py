"""Which screen comes next in a game: hand-off, turn, resolution or end.

Kept in one place so each screen only says "my part is done". Working out the
next screen never changes the game: a screen that moves the game on asks the
session to resolve the turn first (`GameScreen.move_on`), then comes here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.client.screen import Screen

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session


def next_screen(app: App, session: Session) -> Screen:
    """The screen for whoever must act now: the end, a team's hand-off, or a side's turn."""
    from game.client.briefing import BriefingScreen
    from game.client.end import EndScreen
    from game.client.handoff import HandOffScreen
    from game.client.turn import TurnScreen

    if session.game.is_over:
        return EndScreen(app, session)
    side = session.waiting_for()
    if side is None:
        # No side waits only in a save with no human side: its briefing's Begin lets the computer play on.
        return BriefingScreen(app, session)
    if session.hotseat:
        return HandOffScreen(app, session, side)
    return TurnScreen(app, session, side)
