"""The title screen: every scenario file (broken ones listed with their first error), solo or
classroom mode, the human side(s), Start, and Continue for the autosaved game."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.chrome import draw_footer, draw_header, frame
from game.client.dialog import confirm_quit
from game.client.layout import columns
from game.client.screen import Push, Replace, Screen, Transition
from game.client.setup import LessonSettings, LessonSettingsSheet
from game.client.text import Painter
from game.client.widgets import Button, ScrollPane, Toggle, focus_ring, panel, title_height
from game.wording import counted, nice_date

if TYPE_CHECKING:
    from game.client.app import App
    from game.scenario.model import Scenario


@dataclass(eq=False)
class ScenarioEntry:
    """One file of the scenarios folder: playable (scenario) or not (error says why)."""

    path: Path
    scenario: Scenario | None
    error: str = ""
    on_activate: Any = None
    pane: ScrollPane | None = None
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))

    def activate(self) -> Any:
        return self.on_activate(self) if self.on_activate else None


def keep_earlier_autosave(app: App) -> Path | None:
    """The file a new game autosaves to, owned by it; None if none can be (the game then goes unsaved).

    A new game takes the autosave's place; the game that was there is
    renamed, never lost, and the window says where it went. While another
    running game (a second window, a text game) owns the autosave, the new
    game takes the next free name instead and says so.
    """
    from game.paths import autosave_path
    from game.savefiles import SaveError, keep_earlier_game
    from game.savelock import own_free_save

    try:
        path = own_free_save(autosave_path())
        kept = keep_earlier_game(path)
    except (OSError, SaveError) as error:
        app.notify(f"Could not keep the earlier autosave aside ({error}); this game is not autosaved.")
        return None
    if path != autosave_path():
        app.notify(f"Another game running now saves to {autosave_path()}; this one saves to {path}.")
    if kept is not None:
        app.notify(f"Your earlier game is kept as {kept} (to resume it: python main.py play --load {kept})")
    return path


def scenario_entry(path: Path) -> ScenarioEntry:
    """One file, checked: playable, or carrying its first error."""
    from game.scenario.loader import check_file

    try:
        scenario, problems = check_file(path)
    except Exception as error:  # noqa: BLE001 - check_file promises not to raise; the title must not die
        scenario, problems, crash = None, [], f"{path.name}: could not be read ({error})"
    else:
        crash = ""
    errors = [p for p in problems if p.is_error]
    if scenario is not None and not errors:
        return ScenarioEntry(path, scenario)
    # The card sits in its folder's list: the file name says where; a long absolute path would push
    # the line and column off the card.
    first = (
        replace(errors[0], path=path.name).format() if errors else crash or f"{path.name}: cannot be played"
    )
    more = f" (and {len(errors) - 1} more: run python main.py validate {path})" if len(errors) > 1 else ""
    return ScenarioEntry(path, None, first + more)


def list_scenarios(folder: Path) -> list[ScenarioEntry]:
    """Every .yaml (or .yml) file in the folder, checked; a broken file becomes an entry with its first error."""
    from game.scenario.finder import scenario_paths

    entries = [scenario_entry(path) for path in scenario_paths(folder)]
    # By title, as a teacher looks for them; files that cannot be played follow, by file name.
    return sorted(
        entries,
        key=lambda e: (e.scenario is None, (e.scenario.title if e.scenario else e.path.name).casefold()),
    )


ABOUT = (
    "Each turn every side gives one order; the orders are revealed together. When an order honours or "
    "crosses what an actor has said it wants or will not accept, that actor reacts, and the game says why, "
    "quoting it. The game is saved after every turn."
)


class TitleScreen(Screen):
    bindings: ClassVar[dict[str, str]] = Screen.bindings | {
        "c": "continue_game",
        "s": "serve",
        "l": "lesson_settings",
    }

    def __init__(self, app: App, lazy: bool = False) -> None:
        super().__init__(app)
        self.entries: list[ScenarioEntry] = []
        self.chosen: ScenarioEntry | None = None
        self.loaded = False
        self.classroom = False
        self.sides: list[str] = []
        self.notice = ""
        self.list_pane = ScrollPane()
        self.toggles: list[Toggle] = []
        self._toggle_key: tuple = ()
        self.start = Button("Start", self._start, "Enter", primary=True)
        self.lesson = LessonSettings()
        self.settings_button = Button("Lesson settings: timer, computer sides", self.cmd_lesson_settings, "L")
        self.saved: tuple[str, dict] | None = None
        self.resume = Button("Continue (no saved game yet)", self.cmd_continue_game, "C", enabled=False)
        self.quit = Button("Quit", self.cmd_leave, "Esc")
        if not lazy:
            self.load()

    def after_render(self) -> None:
        # At start-up the window shows first and the scenario files are read just after:
        # checking them (YAML parsing, validation) is the slowest part of opening the game.
        if not self.loaded:
            self.load()
            self.app.dirty = True

    def load(self) -> None:
        """Read and check every scenario file, and the autosave."""
        self.entries = list_scenarios(self.app.scenario_dir)
        extra = getattr(self.app, "extra_scenario", None)
        if extra is not None:
            # A file named on the command line comes first, chosen, even from outside scenarios/.
            self.entries = [e for e in self.entries if e.path.resolve() != extra.resolve()]
            self.entries.insert(0, scenario_entry(extra))
        for entry in self.entries:
            entry.on_activate = self._pick
        self.chosen = next((e for e in self.entries if e.scenario), None)
        self._default_sides()
        self.saved = self._read_autosave()
        if self.saved:
            self.resume.label, self.resume.enabled = self.saved[0], True
        if self.chosen is not None:
            self.focus = self.entries.index(self.chosen)
        self.loaded = True

    # ---------------------------------------------------------------- state
    def _default_sides(self) -> None:
        scenario = self.chosen.scenario if self.chosen else None
        playable = [a.id for a in scenario.playable_actors] if scenario else []
        preset = getattr(self.app, "preset_side", None)
        if self.classroom:
            self.sides = playable
        else:
            self.sides = [preset] if preset in playable else playable[:1]

    def _pick(self, entry: ScenarioEntry) -> Transition | None:
        if entry.scenario is None:
            self.notice = f"{entry.path.name} cannot be played: fix it and come back (see its error)."
            return None
        if entry is self.chosen:
            # Enter on the chosen scenario (where focus starts) means "start", as the Start button promises.
            return self._start()
        self.chosen, self.notice = entry, ""
        self._default_sides()
        return None

    def _set_mode(self, classroom: bool) -> None:
        self.classroom = classroom
        self._default_sides()

    def _toggle_side(self, side: str) -> None:
        if not self.classroom:
            self.sides = [side]
        elif side in self.sides:
            self.sides.remove(side)
        else:
            self.sides.append(side)

    def _start(self) -> Transition | None:
        if self.chosen is None or self.chosen.scenario is None:
            self.notice = "Choose a playable scenario first."
            return None
        if not self.sides:
            self.notice = "Choose at least one side for people to play."
            return None
        from game.client.briefing import BriefingScreen
        from game.client.session import Session
        from game.engine.game import Game
        from game.lesson.reveal import with_fixed_hidden_types, with_fixed_types
        from game.seeds import choose_seed

        scenario = self.chosen.scenario
        playable = [a.id for a in scenario.playable_actors]
        humans = tuple(s for s in playable if s in self.sides)
        seed = choose_seed(self.app.seed)
        computer = tuple(s for s in playable if s not in humans)
        game = Game.new(
            scenario,
            seed=seed,
            humans=humans,
            temperaments=with_fixed_types(scenario, seed, humans, self.lesson.fixed),
            classroom=self.classroom,
            types=with_fixed_hidden_types(scenario, seed, self.lesson.hidden),
        )
        game.settings = self.lesson.as_game_settings(computer)
        save_path = keep_earlier_autosave(self.app)
        session = Session(game, hotseat=self.classroom, autosave=save_path is not None, save_path=save_path)
        self._save_quietly(session)
        return Replace(BriefingScreen(self.app, session))

    def cmd_lesson_settings(self) -> Transition | None:
        if self.chosen is None or self.chosen.scenario is None:
            self.notice = "Choose a playable scenario first."
            return None
        scenario = self.chosen.scenario
        computer = tuple(a.id for a in scenario.playable_actors if a.id not in self.sides)
        return Push(LessonSettingsSheet(self.app, self.lesson, scenario, computer))

    open_lesson_settings = cmd_lesson_settings  # F9 on this screen

    def _save_quietly(self, session: Any) -> None:
        try:
            session.save()
        except OSError as error:
            self.app.notify(f"Could not autosave ({error}); the game goes on.")

    def _read_autosave(self) -> tuple[str, dict] | None:
        from game.paths import autosave_path
        from game.savefiles import SaveError, read_save

        path = autosave_path()
        if not path.exists():
            return None
        try:
            data = read_save(path)
            turns = len(data.get("turns", []))
            scenario = next(
                (e.scenario for e in self.entries if e.scenario and e.scenario.id == data.get("scenario_id")),
                None,
            )
            name = scenario.title if scenario else data.get("scenario_id", "?")
            ended = (data.get("final_state") or {}).get("outcome")
        except (SaveError, AttributeError, TypeError, ValueError) as error:
            # Valid JSON of the wrong shape is as unreadable as broken JSON; the title must still open.
            self.notice = f"The autosave cannot be read: {error}"
            return None
        if ended:
            # A finished game reopens on its debrief: say so rather than promise a game to go on with.
            outcome = (
                next((o.title for o in scenario.outcomes if o.id == ended), ended) if scenario else ended
            )
            return f"Review the last game: {name}, {outcome}", data
        if data.get("ended_by_instructor"):
            return f"Review the last game: {name}, ended after turn {turns}", data
        return f"Continue: {name}, after turn {turns}", data

    def cmd_continue_game(self) -> Transition | None:
        if self.saved is None:
            return None
        from game.client.flow import next_screen
        from game.client.session import Session
        from game.paths import autosave_path
        from game.savefiles import SaveError, open_saved
        from game.savelock import own_save
        from game.scenario.loader import ScenarioError

        extra = self.app.extra_scenario
        folders = (self.app.scenario_dir, *([extra.parent] if extra else []))
        try:
            save_path = own_save(autosave_path())  # refused while another running game writes it
            game = open_saved(autosave_path(), folders=folders)
        except (SaveError, ScenarioError) as error:  # SaveInUse too: never two games writing one file
            self.notice = f"The saved game cannot be resumed: {error}"
            self.app.dirty = True  # say so now, not at the next redraw
            return None
        return Replace(next_screen(self.app, Session(game, hotseat=game.classroom, save_path=save_path)))

    def cmd_serve(self) -> Transition | None:
        """Host the chosen scenario as a network game: each team on its own device (docs/server.md)."""
        if self.chosen is None or self.chosen.scenario is None:
            return None
        from game.client.hosting import HostingScreen

        return Push(HostingScreen(self.app, self.chosen.path))

    def cmd_leave(self) -> Transition:
        return Push(confirm_quit(self.app))

    # --------------------------------------------------------------- layout
    def layout(self, p: Painter) -> None:
        self.header, body, self.footer = frame(p)
        pad = p.theme.pad()
        self.left, self.right = columns(body, [0.55, None], pad)
        top = self.left.top + pad // 2 + title_height(p)
        self.list_pane.rect = Rect(
            self.left.left + pad, top, self.left.width - 2 * pad, self.left.bottom - pad // 2 - top
        )
        y = 0
        width = self.list_pane.rect.width - 12
        for entry in self.entries:
            h = self._entry_height(p, entry, width - 2 * pad)
            entry.rect = Rect(
                self.list_pane.rect.left, self.list_pane.rect.top + y - self.list_pane.offset, width, h
            )
            entry.pane = self.list_pane
            y += h + pad // 2
        self.list_pane.content_height = y
        key = (id(self.chosen), self.classroom, tuple(self.sides))
        if key != self._toggle_key:
            # Rebuilt only when the choices change, so hover and focus keep pointing at live controls.
            self.toggles, self._toggle_key = self._build_toggles(), key
        inner_x, inner_w = self.right.left + pad, self.right.width - 2 * pad
        y = self.right.top + pad // 2 + title_height(p)
        self.mode_label_y = y
        y += p.line_height("small")
        buttons = (self.start, self.settings_button, self.resume, self.quit)
        buttons_h = sum(b.height(p) + pad // 2 for b in buttons)
        y = self._lay_toggles(p, inner_x, inner_w, y, self.right.bottom - pad - buttons_h)
        y += pad
        for button in buttons:
            button.rect = Rect(inner_x, y, min(inner_w, max(button.width(p), inner_w)), button.height(p))
            y += button.rect.height + pad // 2
        self.notice_y = y
        self.controls = [*self.entries, *self.toggles, *buttons]
        self.panes = [self.list_pane]
        self.regions = {
            "header": self.header,
            "scenarios": self.left,
            "setup": self.right,
            "footer": self.footer,
        }

    def _lay_toggles(self, p: Painter, x: int, width: int, y: int, bottom: int) -> int:
        """Mode and side toggles one per line; the sides in two columns when one would push the
        buttons off the panel (many sides, large text). Returns the y below them."""
        pad = p.theme.pad()
        sides = self.toggles[self.toggles.index(self.side_toggles_start) :] if self.side_toggles_start else []
        one_column = sum(t.height(p) + 2 for t in self.toggles) + p.line_height("small") + pad // 2
        two = len(sides) > 2 and y + one_column > bottom
        column = 0
        for t in self.toggles:
            if t is self.side_toggles_start:
                self.side_label_y = y + pad // 2
                y += p.line_height("small") + pad // 2
            if two and t in sides:
                half = (width - pad) // 2
                t.rect = Rect(x + column * (half + pad), y, half, t.height(p))
                column = 1 - column
                if column == 0 or t is sides[-1]:
                    y += t.rect.height + 2
                continue
            t.rect = Rect(x, y, width, t.height(p))
            y += t.rect.height + 2
        return y

    def _build_toggles(self) -> list[Toggle]:
        toggles = [
            Toggle(
                "Solo",
                lambda: self._set_mode(False),
                not self.classroom,
                radio=True,
                detail="you play one side",
            ),
            Toggle(
                "Classroom",
                lambda: self._set_mode(True),
                self.classroom,
                radio=True,
                detail="teams order in secret, in turn",
            ),
        ]
        self.side_toggles_start = None
        if self.chosen and self.chosen.scenario:
            for actor in self.chosen.scenario.playable_actors:
                t = Toggle(
                    actor.name,
                    partial(self._toggle_side, actor.id),
                    actor.id in self.sides,
                    radio=not self.classroom,
                    detail="people" if actor.id in self.sides else "computer",
                    short_label=actor.short_name,
                    keep_detail=True,
                )
                self.side_toggles_start = self.side_toggles_start or t
                toggles.append(t)
        return toggles

    def _entry_height(self, p: Painter, entry: ScenarioEntry, width: int) -> int:
        pad = p.theme.pad()
        if entry.scenario is None:
            return (p.line_height("body") + p.paragraph_height(entry.error, width, "small")) + pad + pad // 2
        summary = p.wrap(entry.scenario.summary, width, "small")[:3]
        return (
            p.paragraph_height(entry.scenario.title, width, "body", True)
            + len(summary) * p.line_height("small")
            + p.line_height("small")
            + pad
            + pad // 2  # clear of the chosen card's thick border below the file name
        )

    # ---------------------------------------------------------------- paint
    def paint(self, p: Painter) -> None:
        draw_header(p, self.header, "Brinkmanship", "a crisis-simulation teaching game")
        panel(p, self.left, "Scenarios")
        self.list_pane.draw(p, self._paint_entries)
        panel(p, self.right, "New game")
        pad = p.theme.pad()
        x = self.right.left + pad
        p.text("Mode", (x, self.mode_label_y), "small", th.MUTED, bold=True)
        if self.side_toggles_start is not None:
            label = "Sides played by people (tick each team)" if self.classroom else "Your side"
            p.text(label, (x, self.side_label_y), "small", th.MUTED, bold=True)
        controls: list[Toggle | Button] = [
            *self.toggles,
            self.start,
            self.settings_button,
            self.resume,
            self.quit,
        ]
        for control in controls:
            control.draw(p, self.is_focused(control), control is self.hover)
        y, width, bottom = self.notice_y, self.right.width - 2 * pad, self.right.bottom - pad // 2
        # Below the buttons, each text only as far as the panel reaches: a scenario with many
        # sides leaves less room, and text must never run into the footer.
        if self.notice:
            y += p.paragraph_above(self.notice, x, y, width, bottom, "small", th.FOCUS) + pad
        y += p.paragraph_above(ABOUT, x, y, width, bottom, "small", th.MUTED) + pad
        if self.chosen and self.chosen.scenario:
            self._paint_facts(p, self.chosen.scenario, x, y, width, bottom)
        draw_footer(
            p,
            self.footer,
            "Tab / arrows: move   Enter: choose   C: continue   L: lesson settings   F1: help   "
            "F2: large text   F11: full screen   Esc: quit",
        )

    @staticmethod
    def _paint_facts(p: Painter, scenario: Scenario, x: int, y: int, width: int, bottom: int) -> None:
        """What a teacher weighs before choosing: dates, length, who plays, who reacts, the sources.

        Drawn only as far as the panel reaches, so a small window shortens it instead of overflowing."""
        played = [a.short_name for a in scenario.playable_actors]
        reacting = [a.short_name for a in scenario.actors if not a.playable]
        facts = [
            (f"About “{scenario.title}”", "small", th.MUTED, True),
            (
                (
                    f"Starts {nice_date(scenario.start_date)}; at most {counted(scenario.turn_limit, 'turn')} "
                    f"of {counted(scenario.turn_days, 'day')}."
                ),
                "small",
                th.TEXT,
                False,
            ),
            ("Sides to play: " + ", ".join(played) + ".", "small", th.TEXT, False),
        ]
        if reacting:
            facts.append(("Also reacting: " + ", ".join(reacting) + ".", "small", th.TEXT, False))
        if scenario.sources:
            first = scenario.sources[0]
            made = ", ".join(part for part in (first.publisher, nice_date(first.date)) if part)
            lead = (
                "Source"
                if len(scenario.sources) == 1
                else f"Built from {len(scenario.sources)} sources, first"
            )
            facts.append(
                (f"{lead}: {first.title}" + (f" ({made})" if made else "") + ".", "small", th.MUTED, False)
            )
        for text, role, colour, bold in facts:
            y += p.paragraph_above(text, x, y, width, bottom, role, colour, bold)

    def _paint_entries(self, p: Painter, x: int, y: int, width: int) -> int:
        pad = p.theme.pad()
        if not self.loaded:
            return p.paragraph("Reading the scenario files…", x, y, width, "body", th.MUTED)
        if not self.entries:
            return p.paragraph(
                f"No scenario files (*.yaml) in {self.app.scenario_dir}.", x, y, width, "body", th.MUTED
            )
        for entry in self.entries:
            r = entry.rect
            chosen = entry is self.chosen
            pygame.draw.rect(p.surface, th.BUTTON if entry.scenario else th.BACKGROUND, r, border_radius=6)
            pygame.draw.rect(
                p.surface, th.TEXT if chosen else th.PANEL_EDGE, r, 4 if chosen else 1, border_radius=6
            )
            tx, tw, ty = r.left + pad, r.width - 2 * pad, r.top + pad // 2
            if entry.scenario:
                mark = "✓ " if chosen else ""
                ty += p.paragraph(mark + entry.scenario.title, tx, ty, tw, "body", bold=True)
                ty += p.paragraph(entry.scenario.summary, tx, ty, tw, "small", th.MUTED, max_lines=3)
                p.text(entry.path.name, (tx, ty), "small", th.DISABLED, max_width=tw)
            else:
                ty += p.paragraph(
                    f"⚠ {entry.path.name} cannot be played", tx, ty, tw, "body", th.FOCUS, bold=True
                )
                p.paragraph(entry.error, tx, ty, tw, "small", th.TEXT)
            if self.is_focused(entry):
                focus_ring(p, r)
        return self.list_pane.content_height

    def on_focus_changed(self) -> None:
        focused = self.focused
        if isinstance(focused, ScenarioEntry):
            top = focused.rect.top - self.list_pane.rect.top + self.list_pane.offset
            self.list_pane.reveal(top, top + focused.rect.height)
