"""What each audience may see, as JSON-able dicts: a team, the projector, the instructor.

The secrecy rule lives here and only here: before resolution a view names
*which* teams have ordered, never *what* or *why* — except a team's own view,
which shows that team its own order. Rationales appear only with the turn
they belong to, once it is resolved. Everything else is read from the engine
(state, readings, records), so the pages and the window say the same things.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import Any

from game.engine.chance import risk_words
from game.engine.changing import in_force
from game.engine.game import OptionStatus
from game.engine.index import memo
from game.engine.readings import STRENGTH_WORDS
from game.engine.reads import hidden_aims, own_aims, own_reads, read_line, subjects
from game.engine.records import TurnRecord, explained, net_changes
from game.engine.summary import summarise
from game.scenario.evidence import cite
from game.scenario.model import Option, Scenario
from game.server.room import Room


def welcome(room: Room, side: str = "") -> dict:
    """What does not change during a game: the situation, every actor's stated positions, and for a
    team what each of its options is and how it reads to the others (views then say only which are open)."""
    sc = positions_now(room)
    actors = []
    for actor in sc.actors:
        positions = [_position(room, p) for p in sc.positions_of(actor.id)]
        if positions or actor.playable:
            actors.append(
                {
                    "id": actor.id,
                    "name": actor.name,
                    "description": actor.description,
                    "colour": actor.colour,
                    "positions": positions,
                }
            )
    return {
        "type": "welcome",
        "game": room.row.id,
        "title": sc.title,
        "summary": sc.summary,
        "briefing": sc.briefing,
        "actors": actors,
        "ladder": [
            {"id": r.id, "name": r.name, "at": r.at, "risk": risk_words(r.chance) if r.chance else ""}
            for r in sc.ladder
        ],
        "options": told(room, side) if side else {},
    }


def positions_now(room: Room) -> Scenario:
    """The scenario with the positions in force now (they may change at a date or on an event): the same
    object while nothing changed, so what is drawn from it is kept, and re-sent when it changes."""
    return in_force(room.scenario, room.game.state)


def _position(room: Room, position) -> dict:
    issue = room.scenario.issue(position.issue)

    def names(ids: tuple[str, ...]) -> list[str]:
        return [issue.state(i).name for i in ids]

    return {
        "issue": issue.name,
        "summary": position.summary,
        "strength": STRENGTH_WORDS.get(position.strength, ""),
        "wants": names(position.preferred),
        "accepts": names(position.acceptable),
        "red_lines": names(position.red_lines),
        "words": cite(position, room.game.state.date),
    }


def common(room: Room) -> dict:
    """The shared picture: the world, the clock, who has ordered (never what), the last resolution."""
    game, sc, st = room.game, room.scenario, room.game.state
    last = game.history[-1] if game.history else None
    rationales = room.rationales()
    return {
        **progress(room),
        "type": "view",
        "version": room.version,
        "turn": st.turn,
        "turn_limit": sc.turn_limit,
        "date": st.date,
        "tension": st.tension,
        "rung": game.rung.name,
        "meters": [
            {
                "actor": a.short_name,
                "colour": a.colour,
                "meters": [
                    {"name": m.name, "value": st.meters[a.id][m.id], "min": m.min, "max": m.max}
                    for m in a.meters
                ],
            }
            for a in sc.playable_actors
        ],
        "issues": [{"name": i.name, "state": i.state(st.issues[i.id]).name} for i in sc.issues],
        "paused": room.row.paused,
        "timer_seconds": room.row.timer_seconds,
        "seconds_left": room.seconds_left(),
        "over": room.finished,
        "outcome": _outcome(room),
        "last": cached(room, "last", lambda: result(room, last, rationales.get(last.turn, {})))
        if last
        else None,
        "revealed": _revealed(room, rationales) if room.row.revealed else None,
    }


def progress(room: Room) -> dict:
    """Who has a seat and who has ordered this turn — never what."""
    sc, seated = room.scenario, room.store.seats(room.row.id)
    teams = [
        {
            "id": side,
            "name": sc.actor(side).name,
            "short": sc.actor(side).short_name,
            "colour": sc.actor(side).colour,
            "seated": side in seated,
            "ordered": side in room.pending,
        }
        for side in room.teams
    ]
    return {"type": "progress", "teams": teams, "ordered": len(room.pending)}


def own_order(room: Room, side: str) -> dict:
    """A team's own order this turn, for that team's page only."""
    mine = room.pending.get(side)
    label = room.scenario.option(mine[0]).label if mine else ""
    return {"my_order": {"option": mine[0], "label": label, "rationale": mine[1]} if mine else None}


def cached(room: Room, key: object, make: Callable[[], Any]) -> Any:
    """`make()` once per state of the game: what is drawn from the state alone is not rebuilt per order."""
    if room.cache.get("state") is not room.game.state:
        room.cache.clear()
        room.cache["state"] = room.game.state
    if key not in room.cache:
        room.cache[key] = make()
    return room.cache[key]


def result(room: Room, record: TurnRecord, rationales: dict[str, str]) -> dict:
    """A resolved turn as the class reads it: each order (with its team's reason), then why things moved."""
    sc = room.scenario
    injects = {i.id: i for i in sc.injects}
    return {
        "turn": record.turn,
        "date": record.date,
        "headline": _headline(room, record),
        "orders": [
            {
                "side": side,
                "name": sc.actor(side).name,
                "order": sc.option(option).label,
                "rationale": rationales.get(side, ""),
                "computer": record.decisions[side].explanation if side in record.decisions else "",
            }
            for side, option in record.orders.items()
        ],
        "injects": [
            {"title": injects[i].title, "text": injects[i].text} for i in record.injects if i in injects
        ],
        "net": [n.short for n in net_changes(record)],
        "causes": [
            {"cause": cause, "changes": [c.short for c in group]}
            for cause, group in explained(record.changes)
        ],
    }


def _headline(room: Room, record: TurnRecord) -> str:
    sc = room.scenario
    rung = sc.rung_for(record.tension_after).name
    text = f"Turn {record.turn}: tension {record.tension_before} → {record.tension_after} — {rung}."
    if record.outcome:
        text += f" The crisis ends: {sc.outcome(record.outcome).title}."
    return text


def _outcome(room: Room) -> dict | None:
    outcome = room.game.outcome
    if outcome is not None:
        return {"title": outcome.title, "debrief": outcome.debrief}
    if room.row.ended:
        return {
            "title": "The instructor ended the game",
            "debrief": "The crisis is left open: no outcome was reached.",
        }
    return None


def _revealed(room: Room, rationales: dict[int, dict[str, str]]) -> dict:
    """After the game: what the computer sides were, and every team's reasons turn by turn."""
    sc = room.scenario
    return {
        "types": cached(room, "types", lambda: list(summarise(room.game).revealed)),
        "temperaments": [
            {"name": sc.actor(side).name, "temperament": t.replace("_", "-")}
            for side, t in room.game.temperaments.items()
        ],
        "reasons": [
            {"turn": turn, "name": sc.actor(side).name, "text": text}
            for turn in sorted(rationales)
            for side, text in rationales[turn].items()
            if text
        ],
    }


def team_view(room: Room, side: str, shared: str | None = None) -> str:
    """The shared picture, this team's options with how each reads to the others, and its own order.

    Views are sent as text: `shared` (see `shared_text`) is written once per change for every page of
    the game, and each team's options once per state, so an order in a busy server costs little.
    """
    options = cached(
        room,
        ("options", side),
        lambda: json.dumps([_option(s) for s in room.game.options_for(side)], ensure_ascii=False),
    )
    reads = cached(room, ("reads", side), lambda: team_reads(room, side))
    return _joined(
        shared or shared_text(room), {"side": side, **own_order(room, side), "reads": reads}, options
    )


def team_reads(room: Room, side: str) -> list[str]:
    """This team's own read of each side with hidden aims (and its own aims): never another team's."""
    game, sc = room.game, room.scenario
    own = own_aims(sc, game.state, side)
    if not game.history:
        return [own] * bool(own) + [hidden_aims(sc, s) for s in subjects(sc, game.state, side)]
    return [own] * bool(own) + [read_line(sc, r) for r in own_reads(sc, game.state, side)]


def shared_text(room: Room) -> str:
    """What every page of the game is shown, as JSON text."""
    return json.dumps(common(room), ensure_ascii=False)


def _joined(shared: str, extra: dict, options: str | None = None) -> str:
    """The shared JSON object with more keys: a JSON object's text ends with its closing brace."""
    more = json.dumps(extra, ensure_ascii=False)[1:-1]
    return shared[:-1] + (", " + more if more else "") + (f', "options": {options}' if options else "") + "}"


def _option(status: OptionStatus) -> dict:
    """What changes about an option from turn to turn; what does not is in the team's welcome."""
    return {"id": status.option.id, "available": status.available, "reason": status.reason}


def told(room: Room, side: str) -> dict[str, dict]:
    """What never changes about a team's options: what each is and signals, how it reads to the others."""
    return {
        o.id: memo(positions_now(room), ("server-option", o.id), partial(_told, room, o))
        for o in room.scenario.options_of(side)
    }


def _told(room: Room, option: Option) -> dict:
    sc = room.scenario
    return {
        "label": option.label,
        "category": option.category,
        "description": option.description,
        "signals": [f"{sc.issue(i).name}: “{sc.issue(i).state(state).name}”" for i, state in option.stances],
        "reads": [
            {"verdict": r.verdict, "sentence": r.sentence, "words": cite(r.position, room.game.state.date)}
            for r in room.game.readings(option.id)
        ],
    }


def projector_view(room: Room, join_url: str, shared: str | None = None) -> str:
    return _joined(shared or shared_text(room), _join(room, join_url))


def _join(room: Room, join_url: str) -> dict:
    return {"join": {"code": room.row.join_code, "url": join_url}}


def instructor_view(room: Room, join_url: str, shared: str | None = None) -> str:
    """The projector's picture plus the console: events to fire, undo, the seats."""
    game = room.game
    console = {
        "injects": [
            {
                "id": i.id,
                "title": i.title,
                "instructor_only": i.instructor_only,
                "done": i.id in game.state.fired_injects,
                "queued": i.id in game.pending_injects,
            }
            for i in room.scenario.injects
        ],
        "can_undo": bool(game.history) and not room.row.ended,
        "revealed_already": room.row.revealed,
    }
    return _joined(shared or shared_text(room), {**_join(room, join_url), **console})
