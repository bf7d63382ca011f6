"""The instructor console (F9): pause, a news flash now, undo the last turn, end the game, reveal.

Every action is an engine command (`Game.inject`, `Game.undo`, `Game.end_now`)
or a clock's: the console only chooses which and says what happened. Nothing
it shows gives away an order a team has entered and not yet seen resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.client import theme as th
from game.client.overlay import Line, Sheet
from game.client.screen import Pop, Push, Replace, Reset, Transition
from game.client.widgets import Button
from game.engine.game import IllegalOrder
from game.lesson.reveal import reveal_lines

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session
    from game.scenario.model import Inject


def session_of(app: App) -> Session | None:
    """The game shown under whatever sheets are open, if any."""
    for screen in reversed(app.stack):
        session = getattr(screen, "session", None)
        if session is not None:
            return session
    return None


def console_for(app: App) -> Transition | None:
    """F9: the console over a game; on the title, the lesson's settings; pressed again, closed."""
    if isinstance(app.top, ConsoleSheet):
        return Pop()
    session = session_of(app)
    if session is None:
        opener = getattr(app.top, "open_lesson_settings", None)
        if opener is not None:
            return opener()
        app.notify(
            "The instructor console opens during a game (F9); on the title screen it sets up the lesson."
        )
        return None
    return Push(ConsoleSheet(app, session))


def pause_for(app: App) -> Transition | None:
    """F6: pause (the screen is covered, the clock stops) or, when paused, resume."""
    if isinstance(app.top, PauseSheet):
        return app.top.cmd_close()
    session = session_of(app)
    if session is None:
        return None
    return Push(PauseSheet(app, session))


class PauseSheet(Sheet):
    def __init__(self, app: App, session: Session) -> None:
        self.session = session
        session.timer.pause()
        lines = [
            Line("The lesson is paused; the turn's clock has stopped.", "heading"),
            Line(
                "Nothing of the game is shown while paused. Press Enter, F6 or Esc to go on.",
                "body",
                th.MUTED,
            ),
        ]
        super().__init__(
            app,
            "Paused",
            lines,
            [Button("Resume", self._resume, "Enter", primary=True)],
            self._resume,
            cover=True,
        )

    def _resume(self) -> Transition:
        self.session.timer.resume()
        return Pop()


class ConsoleSheet(Sheet):
    """The instructor's actions, as buttons (number keys press them)."""

    def __init__(self, app: App, session: Session) -> None:
        self.session = session
        game = session.game
        buttons = [Button("Pause (covers the screen, stops the clock)", self._pause, "F6")]
        if game.is_over:
            buttons.append(Button("Reveal the computer sides: what each was and believed", self._reveal))
        else:
            buttons += [self._news_button(inject) for inject in game.scenario.injects]
            last = len(game.history)
            undo = Button(
                f"Undo turn {last}: teams order again" if last else "Undo (no turn played yet)", self._undo
            )
            undo.enabled = last > 0
            buttons += [undo, Button("End the game now and go to the debrief", self._end)]
        buttons.append(Button("Close the console", Pop, "Esc"))
        live = [b for b in buttons if b.enabled]
        for n, button in enumerate(live[:9], 1):  # what the number keys press, shown on each
            button.key_hint = f"{n}" if not button.key_hint else f"{n} / {button.key_hint}"
        lines = [
            Line(
                f"{game.scenario.title} — turn {game.state.turn}; tension {game.state.tension}/100.", "body"
            ),
            Line(
                "Number keys press the buttons below. No team's entered order is shown here.",
                "small",
                th.MUTED,
            ),
        ]
        super().__init__(app, "Instructor console", lines, buttons)

    def _news_button(self, inject: Inject) -> Button:
        game = self.session.game
        # The kind first: a long headline is shortened at its end, never the kind.
        kind = "Instructor-only news flash" if inject.instructor_only else "News flash now"
        button = Button(f"{kind}: {inject.title}", lambda: self._announce(inject))
        if inject.id in game.state.fired_injects:
            button.label, button.enabled = f"Already happened: {inject.title}", False
        elif inject.id in game.pending_injects:
            button.label, button.enabled = f"Announced, lands this turn: {inject.title}", False
        return button

    def _pause(self) -> Transition:
        return Replace(PauseSheet(self.app, self.session))

    def _announce(self, inject: Inject) -> Transition | None:
        try:
            self.session.game.inject(inject.id)
        except IllegalOrder as error:
            self.app.notify(str(error))
            return None
        self.session.save_quietly()
        lines = [
            Line(inject.text.strip()[:1].upper() + inject.text.strip()[1:], "heading"),
            Line(
                "Its effects land when this turn is resolved; the resolution reports them with their reasons.",
                "small",
                th.MUTED,
            ),
        ]
        return Replace(
            Sheet(
                self.app,
                f"News flash: {inject.title}",
                lines,
                [Button("Back to the game", Pop, "Enter", primary=True)],
            )
        )

    def _undo(self) -> Transition:
        from game.client.flow import next_screen

        turn = len(self.session.game.history)
        self.session.game.undo()
        self.session.save_quietly()
        self.app.notify(f"Turn {turn} was undone: every team gives its order for it again.")
        return Reset(next_screen(self.app, self.session))

    def _end(self) -> Transition:
        from game.client.dialog import ConfirmDialog

        def end() -> Transition:
            from game.client.end import EndScreen

            self.session.game.end_now()
            self.session.save_quietly()
            return Reset(EndScreen(self.app, self.session))

        return Replace(
            ConfirmDialog(
                self.app,
                "End the game now?",
                "No more turns are played; the debrief covers the turns played so far. Orders entered this turn "
                "are dropped. Undo (F9) can take back the last turn afterwards.",
                "End now",
                end,
            )
        )

    def _reveal(self) -> Transition:
        lines = [Line(text, "body") for text in reveal_lines(self.session.game)]
        return Replace(
            Sheet(
                self.app,
                "Revealed: hidden aims and the computer sides",
                lines,
                [Button("Close", Pop, "Enter", primary=True)],
            )
        )
