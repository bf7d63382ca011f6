"""The keys each kind of mapping in a scenario file may have: (required, optional).

One table shared by the loader (unknown/missing keys, did-you-mean) and the
JSON Schema (properties, required), so the two can never disagree.
"""

from __future__ import annotations

KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "scenario": (
        (
            "format",
            "id",
            "title",
            "summary",
            "briefing",
            "start_date",
            "turn_days",
            "turn_limit",
            "start_tension",
            "sources",
            "ladder",
            "actors",
            "issues",
            "positions",
            "options",
            "outcomes",
        ),
        (
            "map",
            "instructor_notes",
            "places",
            "forces",
            "injects",
            "questions",
            "turn_dates",
            "areas",
            "historical_orders",
            "beliefs",
            "proposals",
            "deal_issues",
        ),
    ),
    "beliefs": ((), ("words", "acts", "floor", "exposed")),
    "map": (("west", "east", "south", "north"), ()),
    "source": (("id", "title"), ("publisher", "date", "covers", "url")),
    "instructor_note": (("id", "text"), ("kind",)),
    "rung": (("id", "name", "at"), ("description", "chance")),
    "chance": (("percent", "outcome"), ("words",)),
    "actor": (
        ("id", "name", "colour", "playable"),
        (
            "short_name",
            "side",
            "countries",
            "description",
            "meters",
            "reactions",
            "acts",
            "private_briefing",
            "types",
        ),
    ),
    "actor_type": (("id", "name", "prior"), ("description", "accommodating", "positions", "reactions")),
    "type_position": (("issue",), ("strength", "summary", "preferred", "acceptable", "red_lines")),
    "private_briefing": ((), ("objectives", "knows")),
    "historical_order": (("turn", "actor", "did"), ("option", "source")),
    "meter": (("id", "name", "min", "max", "start"), ("description",)),
    "reactions": ((), ("honoured", "crossed")),
    "issue": (("id", "name", "states", "start"), ("description",)),
    "issue_state": (("id", "name"), ("description",)),
    "position": (
        ("actor", "issue", "strength", "evidence"),
        ("summary", "preferred", "acceptable", "red_lines", "if_crossed", "if_honoured", "changes"),
    ),
    "evidence": (("speaker", "source"), ("quote", "paraphrase", "kind", "date", "language")),
    "position_change": (("when",), ("summary", "preferred", "acceptable", "red_lines")),
    "place": (("id", "name", "lat", "lon"), ("country", "short_name")),
    "area": (("id", "name", "points"), ("note",)),
    "force": (("id", "owner", "name", "type", "size", "home"), ("at", "posture", "source", "note")),
    "option": (
        ("id", "actor", "label", "category"),
        ("description", "once", "stances", "requires", "effects", "cost", "intelligence", "claim"),
    ),
    "intelligence": (("about",), ("weight", "public")),
    "claim": (("says", "true_for"), ("exposed_after", "if_exposed")),
    "inject": (("id", "title", "text"), ("instructor_only", "when", "effects", "exposes")),
    "outcome": (("id", "title", "debrief"), ("when", "default", "historical", "historical_note")),
    "proposal": (
        ("id", "title", "by", "to", "terms"),
        (
            "public",
            "deadline",
            "description",
            "requires",
            "effects",
            "counters",
            "leaks_when",
            "source",
            "note",
        ),
    ),
    "term": (("party",), ("orders", "accepts")),
}

CATEGORIES = ("military", "diplomatic", "economic", "signalling")
NOTE_KINDS = ("note", "discrepancy")
COSTS = ("words", "act")
