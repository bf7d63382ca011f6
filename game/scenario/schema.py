"""The JSON Schema (draft 2020-12) of the scenario format, for editors that complete and flag while typing.

`python main.py schema` prints it; `scenarios/scenario.schema.json` is that
output, kept in step by a test. Which keys exist and which are required comes
from `keys.KEYS`, the loader's own table, so schema and loader cannot drift.
The schema checks shape only; names that point elsewhere are the validator's job.
"""

from __future__ import annotations

from typing import Any

from game.scenario.keys import CATEGORIES, COSTS, KEYS, NOTE_KINDS
from game.scenario.model import EVIDENCE_KINDS
from game.scenario.rules import CONDITION_KEYS

# A piece of JSON Schema, as json.dumps writes it.
Schema = dict[str, Any]

_ID = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
_DATE = {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"}
_METER_REF = "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$"


def _id(text: str) -> Schema:
    return {**_ID, "description": text}


def _text(text: str) -> Schema:
    return {"type": "string", "description": text}


def _int(text: str, low: int | None = None, high: int | None = None) -> Schema:
    out: Schema = {"type": "integer", "description": text}
    if low is not None:
        out["minimum"] = low
    if high is not None:
        out["maximum"] = high
    return out


def _num(text: str, low: float, high: float) -> Schema:
    return {"type": "number", "minimum": low, "maximum": high, "description": text}


def _bool(text: str) -> Schema:
    return {"type": "boolean", "description": text}


def _list(of: Schema, text: str) -> Schema:
    return {"type": "array", "items": of, "description": text}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _states(text: str) -> Schema:
    return _list(_id("an issue state id"), text)


_PROPS: dict[str, dict[str, Schema]] = {
    "scenario": {
        "format": {"const": 1, "description": "Version of the scenario format; always 1."},
        "id": _id("Unique id of the scenario (lower_case_with_underscores)."),
        "title": _text("Title shown on the title screen."),
        "summary": _text("One or two sentences shown on the title screen."),
        "briefing": _text("The situation, in the scenario's own words."),
        "start_date": {
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "description": 'Date of turn 1, "YYYY-MM-DD" (quote it).',
        },
        "turn_days": _int("Days one turn stands for.", 1, 365),
        "turn_limit": _int("The game ends after this many turns.", 1, 50),
        "turn_dates": _list(
            _DATE,
            "The date of each turn, for turns of uneven length: the first is start_date, one per turn.",
        ),
        "start_tension": _int("Where tension (0–100) starts.", 0, 100),
        "map": _ref("map"),
        "sources": _list(_ref("source"), "Where the facts and quotes come from."),
        "instructor_notes": _list(_ref("instructor_note"), "Notes for the teacher."),
        "ladder": _list(_ref("rung"), "Escalation rungs, lowest first; the first has at: 0."),
        "actors": _list(_ref("actor"), "Everyone who takes part."),
        "issues": _list(_ref("issue"), "What the crisis is about."),
        "positions": _list(_ref("position"), "Each actor's stated position on each issue it cares about."),
        "places": _list(_ref("place"), "Named places on the map."),
        "areas": _list(_ref("area"), "Regions drawn on the map (a closure zone)."),
        "forces": _list(_ref("force"), "Military forces and where they are."),
        "options": _list(_ref("option"), "What each playable actor may order."),
        "injects": _list(_ref("inject"), "Scripted events (news flashes)."),
        "outcomes": _list(
            _ref("outcome"), "How the game ends, checked in order; exactly one is the default."
        ),
        "questions": _list({"type": "string"}, "Discussion questions for the debrief."),
        "historical_orders": _list(
            _ref("historical_order"),
            "Optional: what each real side did, turn by turn, for the after-action review.",
        ),
        "beliefs": {
            **_ref("beliefs"),
            "description": "Optional: how far an order seen moves beliefs about its giver's hidden type.",
        },
    },
    "beliefs": {
        "words": _num(
            "Weight per point of fit for words (signalling, diplomatic orders); default 0.2.", 0, 10
        ),
        "acts": _num(
            "Weight per point of fit for costly acts (military, economic orders); default 0.6.", 0, 10
        ),
        "floor": _num("No type's share of a belief falls below this; default 0.02.", 0, 0.2),
        "exposed": _num(
            "How far an exposed false claim moves beliefs from accommodating types; default 1.5.", 0, 10
        ),
    },
    "map": {
        k: _num(f"The map's {k} edge, in degrees.", *((-90, 90) if k in ("south", "north") else (-180, 180)))
        for k in ("west", "east", "south", "north")
    },
    "source": {
        "id": _id("Id used by evidence and forces to cite this source."),
        "title": _text("Title of the article, book or document."),
        "publisher": _text("Who published it."),
        "date": _text("When it was published (YYYY-MM-DD)."),
        "covers": _text("What this source is used for."),
        "url": _text("Where to find it (optional)."),
    },
    "instructor_note": {
        "id": _id("Id of the note."),
        "text": _text("The note for the teacher."),
        "kind": {"enum": list(NOTE_KINDS), "description": "'discrepancy' marks an error in a source."},
    },
    "rung": {
        "id": _id("Id used by rung_at_least / rung_below."),
        "name": _text("Name shown on the escalation ladder."),
        "at": _int("Tension (0–100) from which this rung holds; rises strictly.", 0, 100),
        "description": _text("What this rung means."),
        "chance": _ref("chance"),
    },
    "chance": {
        "percent": _num("Chance (0–100 %) each turn the crisis stands on this rung that it ends.", 0, 100),
        "outcome": _id("The outcome that chance ends the game in."),
        "words": _text("What would happen, e.g. 'an incident at sea starts the fighting'."),
    },
    "actor": {
        "id": _id("Id of the actor."),
        "name": _text("Full name."),
        "short_name": _text("Short name for tight spaces (defaults to name)."),
        "colour": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "description": 'Colour, "#rrggbb".'},
        "acts": _bool("Not playable, yet the computer gives it an order every turn (an ally, a bystander)."),
        "playable": _bool("Whether a team can play this actor; a playable actor needs options."),
        "side": _text("Camp or alliance; actors of one side are drawn alike (defaults to id)."),
        "countries": _list(
            {"type": "string", "pattern": "^[A-Z]{3}$"}, "ISO 3166 alpha-3 codes coloured on the map."
        ),
        "description": _text("Who this actor is."),
        "meters": _list(_ref("meter"), "Meters such as credibility or domestic support."),
        "reactions": _ref("reactions"),
        "private_briefing": {
            **_ref("private_briefing"),
            "description": "Optional: what only this side's team reads (its role sheet, its hand-off).",
        },
        "types": _list(
            _ref("actor_type"),
            "Optional: hidden dispositions; the seed draws one per game, by the priors.",
        ),
    },
    "actor_type": {
        "id": _id("Id of the type (the actor's own)."),
        "name": _text("Name shown in the debrief and in belief reads, e.g. security-seeking."),
        "prior": _num("The author's prior, above 0; an actor's priors are normalised.", 0, 1000),
        "description": _text("What this disposition wants and fears."),
        "accommodating": _bool("A kept deal or a concession points to this type."),
        "positions": _list(
            _ref("type_position"), "This type's true positions, overriding the stated ones by issue."
        ),
        "reactions": {
            **_ref("reactions"),
            "description": "Optional: how this type truly reacts when a position is honoured or crossed "
            "(absent: the actor's reactions).",
        },
    },
    "type_position": {
        "issue": _id("The issue; the actor must state a position on it."),
        "strength": _int("1 mild, 2 firm, 3 vital (absent: the stated strength).", 1, 3),
        "summary": _text("The true position in one line."),
        "preferred": _states("States this type truly wants (absent: the stated list)."),
        "acceptable": _states("States it can truly live with (absent: the stated list)."),
        "red_lines": _states("States it truly will not accept (absent: the stated list)."),
    },
    "private_briefing": {
        "objectives": _list({"type": "string"}, "What this side wants to achieve, one per item."),
        "knows": _list({"type": "string"}, "What this side knows that the others do not."),
    },
    "historical_order": {
        "turn": _int("The turn (from 1) whose weeks it happened in.", 1, 50),
        "actor": _id("The playable actor who did it."),
        "did": _text("What the real actor did, in the project's words."),
        "option": _id("The scenario option closest to it, if there is one."),
        "source": _id("The source id it comes from."),
    },
    "meter": {
        "id": _id("Id; named elsewhere as ACTOR.METER."),
        "name": _text("Name shown to players."),
        "min": _int("Lowest value."),
        "max": _int("Highest value (greater than min)."),
        "start": _int("Starting value, within min–max."),
        "description": _text("What the meter measures."),
    },
    "reactions": {
        "honoured": {
            **_ref("effects"),
            "description": "What happens when this actor's position is honoured.",
        },
        "crossed": {**_ref("effects"), "description": "What happens when this actor's position is crossed."},
    },
    "issue": {
        "id": _id("Id of the issue."),
        "name": _text("Name of the issue."),
        "description": _text("What is at stake."),
        "states": {
            **_list(_ref("issue_state"), "The issue's possible states (at least two)."),
            "minItems": 2,
        },
        "start": _id("The state at the start of the game."),
    },
    "issue_state": {
        "id": _id("Id of the state."),
        "name": _text("Name of the state."),
        "description": _text("What the state means."),
    },
    "position": {
        "actor": _id("The actor holding the position."),
        "issue": _id("The issue it is about."),
        "strength": _int("1 mild, 2 firm, 3 vital.", 1, 3),
        "summary": _text("The position in one line, in the project's words."),
        "preferred": _states("States the actor wants."),
        "acceptable": _states("States the actor can live with."),
        "red_lines": _states("States the actor will not accept."),
        "evidence": _list(_ref("evidence"), "The actor's own words or a marked paraphrase, with source."),
        "if_crossed": {
            **_ref("effects"),
            "description": "The actor's own response when a red line is crossed.",
        },
        "if_honoured": {
            **_ref("effects"),
            "description": "The actor's response when the position is honoured.",
        },
        "changes": _list(_ref("position_change"), "How the position shifts at a date or on an event."),
    },
    "position_change": {
        "when": {**_ref("conditions"), "description": "From when this holds (a date_at_least, a flag ...)."},
        "summary": _text("The position in one line from then on."),
        "preferred": _states("States the actor wants from then on (absent: unchanged)."),
        "acceptable": _states("States it can live with from then on (absent: unchanged)."),
        "red_lines": _states("States it will not accept from then on (absent: unchanged)."),
    },
    "evidence": {
        "speaker": _text("Who said it."),
        "source": _id("The source id."),
        "quote": {
            **_text(
                "Words in quotation marks: verbatim, reported or translated (see kind); not with paraphrase."
            ),
            "pattern": "\\S",
        },
        "paraphrase": {**_text("Our words, shown as a paraphrase (not with quote)."), "pattern": "\\S"},
        "kind": {
            "enum": list(EVIDENCE_KINDS),
            "description": "quote (verbatim), reported (a source's wording of the words), translation "
            "(with language) or paraphrase; inferred from quote/paraphrase when left out.",
        },
        "date": {
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
            "description": 'When the words were said, "YYYY-MM-DD"; the game shows them only from then on.',
        },
        "language": _text("The original language of a translation, e.g. Russian."),
    },
    "place": {
        "id": _id("Id of the place."),
        "name": _text("The place's whole name, shown on the map unless it has a short_name."),
        "short_name": _text(
            "What the map shows when the name is long (e.g. 'Vilseck' for 'Vilseck (Rose Barracks), Germany')."
        ),
        "lat": _num("Latitude in degrees.", -90, 90),
        "lon": _num("Longitude in degrees.", -180, 180),
        "country": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO alpha-3 code."},
    },
    "area": {
        "id": _id("Id of the area."),
        "name": _text("Name shown on the map."),
        "points": {
            "type": "array",
            "minItems": 3,
            "items": {
                "type": "array",
                "prefixItems": [_num("Latitude.", -90, 90), _num("Longitude.", -180, 180)],
                "minItems": 2,
                "maxItems": 2,
            },
            "description": "The corners, each [lat, lon].",
        },
        "note": _text("What the area is, and where it comes from."),
    },
    "force": {
        "id": _id("Id of the force."),
        "owner": _id("The actor it belongs to."),
        "name": _text("Name of the unit."),
        "type": _text("e.g. mechanised, airborne, ground, air, naval."),
        "size": _int("Number of people.", 0),
        "home": _id("Home place id."),
        "at": _id("Place id at the start (defaults to home)."),
        "posture": _text("e.g. garrison, deployed, alert, exercise."),
        "source": _id("Source id of the figure."),
        "note": _text("A note on the figure."),
    },
    "option": {
        "id": _id("Id of the option."),
        "actor": _id("The playable actor who may order it."),
        "label": _text("Short label on the order screen."),
        "description": _text("What the order means."),
        "category": {"enum": list(CATEGORIES), "description": "Kind of order."},
        "once": _bool("May be ordered only once per game."),
        "cost": {
            "enum": list(COSTS),
            "description": "How far others' beliefs move on seeing it: words (little) or act (more); "
            "default from the category (signalling, diplomatic: words; military, economic: act).",
        },
        "stances": {
            "type": "object",
            "propertyNames": _ID,
            "additionalProperties": _ID,
            "description": "How the order reads on each issue: {ISSUE: STATE}.",
        },
        "requires": _ref("conditions"),
        "effects": _ref("effects"),
        "intelligence": {
            **_ref("intelligence"),
            "description": "Optional: the order sharpens a belief about another actor's hidden type.",
        },
        "claim": {
            **_ref("claim"),
            "description": "Optional: the order claims something true only for some of its giver's types.",
        },
    },
    "intelligence": {
        "about": _id("The actor (with hidden types) it is about."),
        "weight": _num("How far the belief moves toward the true type (log-odds); default 1.", 0, 10),
        "public": _bool("Made public: the orderer's allies (same side) learn it too."),
    },
    "claim": {
        "says": {
            "type": "object",
            "propertyNames": _ID,
            "additionalProperties": _ID,
            "description": "What it claims: {ISSUE: STATE}.",
        },
        "true_for": _list(_ID, "The giver's types for which the claim is true."),
        "exposed_after": _int("Turns after which a false claim shows by itself (default 1; 0 never).", 0, 50),
        "if_exposed": {**_ref("effects"), "description": "What an exposed false claim costs."},
    },
    "inject": {
        "id": _id("Id of the inject."),
        "title": _text("Headline."),
        "text": _text("The news flash."),
        "instructor_only": _bool("Fires only when the instructor injects it."),
        "when": _ref("conditions"),
        "effects": _ref("effects"),
        "exposes": _list(_ID, "Options whose false claims this news exposes."),
    },
    "outcome": {
        "id": _id("Id of the outcome."),
        "title": _text("Title on the end screen."),
        "when": _ref("conditions"),
        "debrief": _text("What the debrief says about this ending."),
        "default": _bool("The outcome when the turn limit passes; exactly one, with no 'when'."),
        "historical": _bool("Marks what really happened."),
        "historical_note": _text("What really happened."),
    },
}

# Deals (game/scenario/proposals.py): the ready-made proposals and the issues open to composed ones.
_ACCEPTS: Schema = {
    "type": "object",
    "propertyNames": _ID,
    "additionalProperties": {"anyOf": [_ID, {"type": "array", "items": _ID, "minItems": 1}]},
    "description": "{ISSUE: STATE or [STATE, ...]}: the states this party's orders keep the issue to.",
}
_PROPS["scenario"].update(
    {
        "proposals": _list(_ref("proposal"), "Optional: ready-made deals a side may propose."),
        "deal_issues": _list(_ID, "Optional: the issues a player may compose a proposal from."),
    }
)
_PROPS["proposal"] = {
    "id": _id("Id of the proposal."),
    "title": _text("What the proposal offers, in one line."),
    "by": _id("The side that makes it."),
    "to": _list(_ID, "The sides asked to accept it."),
    "terms": _list(_ref("term"), "What each party gives: orders it promises, states it accepts."),
    "public": _bool("Made in public (default) or through a back channel (false)."),
    "deadline": _int("Turns, from the turn of acceptance, to give the promised orders.", 1, 10),
    "description": _text("The proposal in a few sentences."),
    "requires": _ref("conditions"),
    "effects": {**_ref("effects"), "description": "What the agreement itself changes when accepted."},
    "counters": _list(_ID, "Proposals this one may answer as a counter-offer."),
    "leaks_when": {**_ref("conditions"), "description": "A private deal becomes known when these hold."},
    "source": _id("The source id it comes from."),
    "note": _text("Where it comes from, for the instructor."),
}
_PROPS["term"] = {
    "party": _id("The party this term binds."),
    "orders": _list(_ID, "Options the party promises to order (any one of them) by the deadline."),
    "accepts": _ACCEPTS,
}


def _object(kind: str) -> Schema:
    required, optional = KEYS[kind]
    props = _PROPS[kind]
    out: Schema = {
        "type": "object",
        "properties": {k: _filled(props[k]) if k in required else props[k] for k in required + optional},
        "additionalProperties": False,
    }
    if required:
        out["required"] = list(required)
    return out


def _filled(prop: Schema) -> Schema:
    """A required text must hold something other than blanks, as the loader insists."""
    if prop.get("type") == "string" and "pattern" not in prop:
        return {**prop, "pattern": "\\S"}
    return prop


def _condition_defs() -> Schema:
    meter_threshold = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"pattern": _METER_REF},
        "additionalProperties": {"type": "integer"},
    }
    one_pair = {"type": "object", "minProperties": 1, "maxProperties": 1, "propertyNames": _ID}
    kinds = {
        "flag": _id("Holds when the flag is set."),
        "not_flag": _id("Holds while the flag is not set."),
        "tension_at_least": _int("Tension ≥ N.", 0, 100),
        "tension_below": _int("Tension < N.", 0, 101),
        "rung_at_least": _id("The ladder is at or above this rung."),
        "rung_below": _id("The ladder is below this rung."),
        "meter_at_least": {**meter_threshold, "description": "{ACTOR.METER: N}: the meter ≥ N."},
        "meter_below": {**meter_threshold, "description": "{ACTOR.METER: N}: the meter < N."},
        "issue_is": {
            **one_pair,
            "additionalProperties": {"anyOf": [_ID, {"type": "array", "items": _ID}]},
            "description": "{ISSUE: STATE} or {ISSUE: [STATE, ...]}.",
        },
        "turn_at_least": _int("The turn counter (from 1) ≥ N.", 1),
        "date_at_least": {**_DATE, "description": 'The turn\'s date is this day or later, "YYYY-MM-DD".'},
        "chosen": _id("The option was ordered in an earlier turn."),
        "force_at": {**one_pair, "additionalProperties": _ID, "description": "{FORCE: PLACE}."},
        "any": {
            "type": "array",
            "items": _ref("condition"),
            "minItems": 1,
            "description": "At least one holds.",
        },
        "not": {**_ref("condition"), "description": "The condition does not hold."},
    }
    assert tuple(kinds) == CONDITION_KEYS
    return {
        "condition": {
            "type": "object",
            "properties": kinds,
            "additionalProperties": False,
            "minProperties": 1,
            "maxProperties": 1,
            "description": "One condition: exactly one key.",
        },
        "conditions": {
            "anyOf": [{"type": "array", "items": _ref("condition")}, _ref("condition")],
            "description": "Conditions that must all hold.",
        },
    }


def _effects_def() -> Schema:
    move_to = {
        "type": "object",
        "properties": {"to": _id("Place id."), "posture": _text("New posture.")},
        "required": ["to"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "What happens; every key optional.",
        "properties": {
            "tension": _int("Add N (may be negative) to tension.", -100, 100),
            "meters": {
                "type": "object",
                "propertyNames": {"pattern": _METER_REF},
                "additionalProperties": {"type": "integer", "minimum": -100, "maximum": 100},
                "description": "{ACTOR.METER: N}: add N to the meter.",
            },
            "issues": {
                "type": "object",
                "propertyNames": _ID,
                "additionalProperties": _ID,
                "description": "{ISSUE: STATE}: the issue moves to the state.",
            },
            "move": {
                "type": "object",
                "propertyNames": _ID,
                "additionalProperties": {"anyOf": [_ID, move_to]},
                "description": "{FORCE: PLACE} or {FORCE: {to: PLACE, posture: P}}.",
            },
            "set_flags": _list(_ID, "Flags to set."),
            "clear_flags": _list(_ID, "Flags to clear."),
        },
    }


def scenario_schema() -> Schema:
    """The JSON Schema of a scenario file, as a plain dict ready for json.dumps."""
    defs = {kind: _object(kind) for kind in KEYS if kind != "scenario"}
    defs.update(_condition_defs())
    defs["effects"] = _effects_def()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Brinkmanship scenario",
        "description": "A crisis scenario for Brinkmanship. Check it with `python main.py validate FILE`.",
        **_object("scenario"),
        "$defs": defs,
    }
