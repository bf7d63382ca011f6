"""What the terminal game prints, as lists of lines no wider than `WIDTH`: short by default, the
important first, the full story one command away (`why`, `quotes`).

Pure functions of the game; `text_mode` prints them. They say what the window says: the same
headline measure, positions table and one-page debrief from `game.engine`.
"""

from __future__ import annotations

import re
import textwrap

from game.engine.chance import ladder_risks, nearest_risk, percent_words, risk_line, risk_words
from game.engine.deal_words import debrief_short, event_sentence, visible_events
from game.engine.game import Game
from game.engine.headline import as_last_turn, brief_reading, sides_by_weight, turn_headlines
from game.engine.positions import positions_table
from game.engine.readings import issue_moves
from game.engine.reads import hidden_aims, own_aims, own_reads, read_details, read_line, short_read, subjects
from game.engine.records import TurnRecord, net_changes
from game.engine.summary import chains, summarise
from game.scenario.evidence import cite_evidence, known_by, stated_later
from game.scenario.model import Position, Scenario
from game.wording import nice_date

WIDTH = 78
COMMANDS = "  N: order · i N: about · why N: turn in full · quotes · deal · help · q: stop"


def wrap(text: str, indent: str = "", hang: str | None = None) -> list[str]:
    """One paragraph (or several, split at newlines) wrapped to WIDTH; never breaks a word."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if not paragraph:
            lines.append("")
            continue
        lines += textwrap.wrap(
            paragraph,
            WIDTH,
            initial_indent=indent,
            subsequent_indent=indent if hang is None else hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines


def briefing_lines(scenario: Scenario) -> list[str]:
    """The situation, then where each side stands as one table; the quotes are one command away."""
    lines = [f"=== {scenario.title} ===", *wrap(scenario.briefing.strip()), ""]
    lines += wrap("Where each side stands (✔ wants, ≈ accepts, ✖ red line; 'quotes': own words):")
    for table in positions_table(scenario):
        lines += wrap(f"{table.name} — now “{table.now}”", "  ")
        for row in table.rows:
            lines += wrap(f"{row.name}: " + " · ".join(row.cells()), "    ", "      ")
    # The ladder's risks close the briefing, in place of its blank last line: what is at stake
    # before the first turn, and a whole briefing within one screen of 60 lines.
    return [*lines, *(ladder_risk_lines(scenario) or [""])]


def quotes_lines(scenario: Scenario, who: str = "", on: str = "") -> list[str]:
    """Each actor's stated positions with the words said by the date `on` (ISO; '' for all), each kind
    labelled; a position not yet stated says so instead. `who` (an id or short name) keeps one actor."""
    wanted = who.strip().casefold()
    lines: list[str] = []
    for actor in scenario.actors:
        if wanted and wanted not in (actor.id.casefold(), actor.short_name.casefold()):
            continue
        positions = scenario.positions_of(actor.id)
        if not positions:
            continue
        lines += wrap(f"{actor.name}:", "  ")
        for position in positions:
            lines += _position_lines(scenario, position, on)
    return lines or [f"No stated positions for '{who}'."]


def _position_lines(scenario: Scenario, position: Position, on: str) -> list[str]:
    issue = scenario.issue(position.issue).name
    known = known_by(position, on)
    if position.evidence and not known:  # said only later: no summary to give the story away
        return wrap(f"- {issue}: {stated_later(position)}", "    ", "      ")
    lines = wrap(f"- {issue}: {position.summary}", "    ", "      ")
    for evidence in known:
        lines += wrap(cite_evidence(evidence), "      ")
    return lines


def _deal_lines(game: Game, record: TurnRecord, said: set[str]) -> list[str]:
    """The turn's deals, short: the answers, kept and broken promises the reader is a party to.
    Proposals to the reader wait at its next order; a public broken promise leads the headline;
    the rest ('why', 'deal', the debrief) is one command away."""
    sc, who = game.scenario, viewer(game)
    events = visible_events(sc, record, who)
    mine = [e for e in events if who in e.deal.bundle(sc).parties and e.kind not in ("proposed", "lapsed")]
    sentences = [event_sentence(sc, e) for e in mine]
    return [line for text in sentences if text not in said for line in wrap(f"Deal: {text}", "", "  ")]


def viewer(game: Game) -> str:
    """Whose eyes a report is for: the one human side in solo play; in a classroom the whole class
    (only what is public: a back-channel deal stays with its parties' own screens)."""
    return game.humans[0] if len(game.humans) == 1 and not game.classroom else ""


def side_label(game: Game, actor_id: str) -> str:
    """'Team US' in a classroom game, 'US (you)' in solo play, 'Russia (computer)'."""
    actor = game.scenario.actor(actor_id)
    if actor_id not in game.humans:
        return f"{actor.short_name} (computer)"
    if len(game.humans) > 1 or game.classroom:
        return f"Team {actor.short_name}"
    return f"{actor.short_name} (you)"


def situation_lines(game: Game, side: str, show_issues: bool = False) -> list[str]:
    """The state of play in a few lines, then the options open now; the closed ones by number only
    ('i N' says why). Issues are listed on request: the briefing's table and each turn's "In sum"
    already say where they stand."""
    st, sc = game.state, game.scenario
    turn = min(st.turn, sc.turn_limit)
    lines = [
        f"--- Turn {turn} of {sc.turn_limit} · {nice_date(st.date)} · tension {st.tension}/100: {game.rung.name} ---"
    ]
    meters = " · ".join(
        f"{a.short_name}: " + ", ".join(f"{m.name} {st.meters[a.id][m.id]}" for m in a.meters)
        for a in sc.playable_actors
        if a.meters
    )
    lines += wrap(meters, "  ", "    ")
    lines += read_lines(game, side)
    lines += risk_lines(game)
    if show_issues:
        lines += wrap(
            "Now: " + "; ".join(f"{i.name}: {i.state(st.issues[i.id]).name}" for i in sc.issues), "  ", "    "
        )
    lines.append(f"Your options as {side_label(game, side)}:")
    closed = []
    for n, status in enumerate(game.options_for(side), 1):
        if status.available:
            lines += wrap(_option_line(n, status.option.label, status.option.category), "  ", "     ")
        else:
            closed.append(str(n))
    if closed:
        lines += wrap(f"Not open now: {', '.join(closed)} ('i N' says why).", "  ", "    ")
    # The commands once, on the first turn: after that 'help' lists them (a whole game stays readable).
    return [*lines, COMMANDS] if st.turn == 1 else lines


def _option_line(n: int, label: str, category: str) -> str:
    """'3. Offer talks on missiles… (diplomatic)'; the kind is left to 'i N' when it alone would take
    a second line: a whole game is read top to bottom, and each wrapped option costs a line a turn."""
    full = f"{n}. {label} ({category})"
    return full if len(full) <= WIDTH - 2 or len(f"{n}. {label}") > WIDTH - 2 else f"{n}. {label}"


def read_lines(game: Game, side: str) -> list[str]:
    """The side's own read of each other side with hidden types, in one short line each, when it is new
    or has moved since last turn ('reads': in full, with what moved it). Only this side's: in a
    classroom game it is printed while the other teams look away."""
    sc, st = game.scenario, game.state
    if not game.history:  # nothing seen yet: the priors say only that there is something to read
        own = own_aims(sc, st, side)
        return [f"  {own} ('reads')"] * bool(own) + [
            f"  {hidden_aims(sc, s)} ('reads')" for s in subjects(sc, st, side)
        ]
    before = [short_read(sc, r) for r in own_reads(sc, game.states[-2], side)]
    now = [short_read(sc, r) for r in own_reads(sc, st, side)]
    return [
        line for text in now if text not in before for line in wrap(f"{text} ('reads': why)", "  ", "    ")
    ]


def reads_lines(game: Game, side: str) -> list[str]:
    """'reads': the side's own reads in full (each type's share, the likeliest by turn, last turn's moves)."""
    sc, own = game.scenario, own_aims(game.scenario, game.state, side, full=True)
    said = [read_line(sc, r) + "." for r in own_reads(sc, game.state, side)] if game.history else []
    found = [own] * bool(own) + said + read_details(sc, game.states, side)
    if not found:
        return ["No other side's aims are hidden in this scenario."]
    return [line for text in found for line in wrap(text, "  ", "    ")]


def risk_lines(game: Game) -> list[str]:
    """The nearest of the ladder's chances, shown before anyone orders when the crisis stands on its
    rung or one below it ('Next risk, from tension 74 — Brink of war: 8 % a turn that …')."""
    rung = nearest_risk(game.scenario, game.state.tension)
    ladder = game.scenario.ladder
    if rung is None or ladder.index(rung) > ladder.index(game.rung) + 1:
        return []
    where = "Risk now" if rung is game.rung else f"Next risk, from tension {rung.at}"
    return wrap(f"{where} — {risk_line(rung)}.", "  ", "    ")


def ladder_risk_lines(scenario: Scenario) -> list[str]:
    """The ladder's chances in one line, for the briefing ('ladder' gives them in words)."""
    risks = ladder_risks(scenario)
    if not risks:
        return []
    each = ", ".join(f"{rung.name} {percent_words(chance.percent)}" for rung, chance in risks)
    return wrap(f"Risk each turn: {each} ('ladder' for more).")


def ladder_lines(game: Game) -> list[str]:
    """The escalation ladder, top first: each rung's threshold, the one the crisis stands on, and each
    rung's chance in words (rolled once a turn while the crisis stands on the rung after the orders)."""
    lines = [f"Escalation ladder (tension {game.state.tension}/100):"]
    for rung in reversed(game.scenario.ladder):
        mark = "▶" if rung is game.rung else " "
        risk = f": {risk_words(rung.chance)}" if rung.chance is not None else ""
        lines += wrap(f"{mark} {rung.at:>3}  {rung.name}{risk}", "  ", "          ")
    if ladder_risks(game.scenario):
        lines += wrap(
            "A chance is rolled once a turn, on the rung the crisis stands on after the orders.", "  "
        )
    return lines


def readings_lines(game: Game, option_id: str, closed_because: str = "") -> list[str]:
    """How an option would read against every other actor's stated position (and why it is closed)."""
    lines = wrap(game.scenario.option(option_id).description, "    ")
    if closed_because:
        lines += wrap(f"Not open now: {closed_because}.", "    ", "      ")
    moves = issue_moves(game.scenario.option(option_id), game.state.issues)
    if moves:
        sc = game.scenario
        done = "; ".join(f"{sc.issue(i).name} → “{sc.issue(i).state(st).name}”" for i, st in moves)
        lines += wrap(f"It changes: {done}.", "    ", "      ")
    readings = game.readings(option_id)
    if not readings:
        lines += wrap("No other actor has a stated position this order touches.", "    ")
    for reading in readings:
        lines += wrap(f"- {reading.sentence}", "    ", "      ")
    return lines


def record_lines(game: Game, record: TurnRecord) -> list[str]:
    """A resolved turn, short: what mattered most, each side's order by weight (a repeat folded
    into one line), the turn in sum; 'why' prints the rest."""
    sc = game.scenario
    rung = sc.rung_for(record.tension_after).name
    lines = [
        "",
        f"=== Resolution of turn {record.turn}: tension {record.tension_before} → {record.tension_after}, “{rung}” ===",
    ]
    headlines = turn_headlines(sc, record)
    for headline in headlines:
        lines += wrap(f"▶ {headline.sentence}", "", "  ")
    lines += _deal_lines(game, record, {h.sentence for h in headlines})
    for inject_id in record.injects:
        inject = next(i for i in sc.injects if i.id == inject_id)
        lines += wrap(f"News flash — {inject.title}: {inject.text}", "", "  ")
    previous = next((r for r in game.history if r.turn == record.turn - 1), None)
    for actor_id in sides_by_weight(sc, record):
        label = sc.option(record.orders[actor_id]).label
        reading = brief_reading(sc, record, actor_id)
        if as_last_turn(previous, record, actor_id):
            reading = f"as last turn: {reading}"
        lines += wrap(f"{side_label(game, actor_id)}: “{label}” — {reading}.", "  ", "    ")
        if record.rationales.get(actor_id):  # the team's own reason, revealed with its order
            lines += wrap(f"Team's reason: “{record.rationales[actor_id]}”", "      ", "      ")
    moved = [n.short for n in net_changes(record) if n.kind != "tension"]
    if moved:
        lines += wrap("In sum: " + "; ".join(moved) + ".", "  ", "    ")
    return lines


def chain_lines(game: Game, record: TurnRecord) -> list[str]:
    """Turn N in full: the computer's reasons, then every change under its cause, quoting the positions."""
    sc = game.scenario
    lines = [f"=== Turn {record.turn} ({nice_date(record.date)}) in full ==="]
    for actor_id, decision in record.decisions.items():
        lines += wrap(f"{sc.actor(actor_id).short_name} (computer): {decision.explanation}", "  ", "    ")
    for event in visible_events(sc, record, viewer(game)):
        lines += wrap(f"Deal: {event_sentence(sc, event)}", "  ", "    ")
    lines.append("What followed, and why:")
    for depth, text in chains(game, record):
        lines += wrap(("- " if depth == 1 else "") + text, "  " * (depth + 1), "  " * (depth + 2))
    return lines


def revealed_block(game: Game) -> list[str]:
    """After the game: each hidden type, what every side believed of it, what its stated positions hid."""
    found = summarise(game).revealed
    return (
        ["", "Hidden aims, revealed:", *[line for t in found for line in wrap(f"- {t}", "  ", "    ")]]
        if found
        else []
    )


def end_lines(game: Game) -> list[str]:
    """The one-page debrief, as the Markdown and HTML exports and the window's end screen lead with."""
    page = summarise(game)
    lines = [f"Outcome: {page.outcome}", *wrap(page.outcome_text), *wrap(f"Why: {page.why}"), ""]
    lines += wrap("Tension by turn: " + " → ".join(str(t) for t in page.tension))
    if page.turning_points:
        lines.append("The turning points:")
        for point in page.turning_points:
            lines += wrap(f"- Turn {point.turn}: {point.headline.sentence}", "  ", "    ")
    if page.deals:  # after the turning points, in a few words: what was agreed is part of how it went
        lines += wrap(f"The deals (in full: the debrief): {debrief_short(game.scenario, game.state.deals)}.")
    lines += revealed_block(game)
    for heading, items, numbered in (
        ("What really happened:", page.history, False),
        ("For discussion:", page.questions, True),
        # Each note's first sentence: the notes in full are in `debrief` (the last line names the file).
        ("Notes for the instructor (in full: the debrief):", [first_sentence(n) for n in page.notes], False),
    ):
        if items:
            lines += ["", heading]
            for n, item in enumerate(items, 1):
                lines += wrap(
                    f"{n}. {item}" if numbered else f"- {item}", "  ", "     " if numbered else "    "
                )
    return lines


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”)]?\s+(?=[A-Z“\"(])")


def first_sentence(text: str) -> str:
    """The first sentence of a note, with an ellipsis when more follows; a short note whole."""
    parts = _SENTENCE_END.split(text.strip(), maxsplit=1)
    return parts[0] + (" …" if len(parts) > 1 else "")
