"""Reading conditions and effects: the only "logic" a scenario holds, and it is plain data.

Each condition kind is one entry in `_CONDITIONS` (key -> reader), so adding a
kind is one small function here, one dataclass in the model, and one rule in
the engine. Nothing is ever evaluated as code.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from game.scenario import model as m
from game.scenario.fields import Reader, Ref
from game.scenario.problems import did_you_mean
from game.scenario.yamlsafe import YMap, YNode, YScalar, YSeq, kind_of

EFFECT_KEYS = ("tension", "meters", "issues", "move", "set_flags", "clear_flags")
MOVE_KEYS = ("to", "posture")

Located = tuple[int, int]


def _one_entry(r: Reader, node: YNode, key: str, example: str) -> tuple[YScalar, YNode] | None:
    pairs = r.entries(node, f"'{key}'")
    if len(pairs) != 1:
        if isinstance(node, YMap):
            r.error(node, f"'{key}' takes exactly one entry, e.g. {{{example}}}")
        return None
    return pairs[0]


def _flag(r: Reader, node: YNode, what: str) -> str:
    name = r.id_value(node, what)
    if name:
        r.refs.append(Ref("flag", name, node.line, node.column))
    return name


def _meter_threshold(r: Reader, node: YNode, key: str, cls: type) -> m.Condition | None:
    pair = _one_entry(r, node, key, "russia.resolve: 50")
    if pair is None:
        return None
    actor, meter = r.meter_ref(pair[0], "a meter")
    value = r.int_value(pair[1], f"the threshold of '{key}'")
    return cls(actor, meter, value) if actor else None


def _issue_is(r: Reader, node: YNode, key: str) -> m.Condition | None:
    pair = _one_entry(r, node, key, "ukraine_nato: legal_bar")
    if pair is None:
        return None
    issue = r.ref_value(pair[0], "issue", "an issue")
    value = pair[1]
    state_nodes = value.items if isinstance(value, YSeq) else [value]
    if not state_nodes:
        r.error(value, f"'{key}' needs at least one state")
    states = tuple(r.ref_value(s, "state", "an issue state", scope=issue) for s in state_nodes)
    return m.IssueIs(issue, tuple(s for s in states if s))


def _force_at(r: Reader, node: YNode, key: str) -> m.Condition | None:
    pair = _one_entry(r, node, key, "stryker_squadron: mk_airbase")
    if pair is None:
        return None
    return m.ForceAt(r.ref_value(pair[0], "force", "a force"), r.ref_value(pair[1], "place", "a place"))


def _iso_date(r: Reader, node: YNode, key: str) -> str:
    text = r.text_value(node, f"'{key}'")
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        if text:
            r.error(node, f"'{key}' is '{text}', not a date written \"YYYY-MM-DD\" (in quotes)")
        return ""
    return text


def _any(r: Reader, node: YNode, key: str) -> m.Condition | None:
    if not isinstance(node, YSeq) or not node.items:
        r.error(node, f"'any' must be a non-empty list of conditions, not {kind_of(node)}")
        return None
    parsed = [condition(r, item) for item in node.items]
    return m.AnyOf(tuple(c for c in parsed if c is not None))


def _not(r: Reader, node: YNode, key: str) -> m.Condition | None:
    inner = condition(r, node)
    return m.Not(inner) if inner is not None else None


_Parse = Callable[[Reader, YNode, str], "m.Condition | None"]
_CONDITIONS: dict[str, _Parse] = {
    "flag": lambda r, n, k: m.FlagSet(_flag(r, n, "a flag")),
    "not_flag": lambda r, n, k: m.FlagNotSet(_flag(r, n, "a flag")),
    "tension_at_least": lambda r, n, k: m.TensionAtLeast(r.int_value(n, f"'{k}'")),
    "tension_below": lambda r, n, k: m.TensionBelow(r.int_value(n, f"'{k}'")),
    "rung_at_least": lambda r, n, k: m.RungAtLeast(r.ref_value(n, "rung", "a rung")),
    "rung_below": lambda r, n, k: m.RungBelow(r.ref_value(n, "rung", "a rung")),
    "meter_at_least": lambda r, n, k: _meter_threshold(r, n, k, m.MeterAtLeast),
    "meter_below": lambda r, n, k: _meter_threshold(r, n, k, m.MeterBelow),
    "issue_is": _issue_is,
    "turn_at_least": lambda r, n, k: m.TurnAtLeast(r.int_value(n, f"'{k}'", 1)),
    "date_at_least": lambda r, n, k: m.DateAtLeast(_iso_date(r, n, k)),
    "chosen": lambda r, n, k: m.Chosen(r.ref_value(n, "option", "an option")),
    "force_at": _force_at,
    "any": _any,
    "not": _not,
}
CONDITION_KEYS = tuple(_CONDITIONS)


# Words authors reach for, and the condition each of them means: 'tension_above' is 'tension_at_least'.
_SAME_AS_AT_LEAST = (
    "_above",
    "_over",
    "_more_than",
    "_greater_than",
    "_min",
    "_gte",
    "_atleast",
    "_at_or_above",
)
_SAME_AS_BELOW = ("_under", "_less_than", "_max", "_lt", "_lower_than")


def _condition_hint(written: str) -> str:
    for endings, meant in ((_SAME_AS_AT_LEAST, "_at_least"), (_SAME_AS_BELOW, "_below")):
        for ending in endings:
            if written.endswith(ending) and written[: -len(ending)] + meant in CONDITION_KEYS:
                return f" (did you mean '{written[: -len(ending)] + meant}'?)"
    return did_you_mean(written, CONDITION_KEYS) or f"; the conditions are: {', '.join(CONDITION_KEYS)}"


def condition(r: Reader, node: YNode) -> m.Condition | None:
    """One condition (a mapping with exactly one key), or None after reporting why not."""
    if not isinstance(node, YMap) or len(node.entries) != 1:
        shown = f"{len(node.entries)} keys" if isinstance(node, YMap) else kind_of(node)
        r.error(
            node,
            f"a condition is a mapping with exactly one key such as 'flag:' or "
            f"'tension_at_least:', not {shown}",
        )
        return None
    ((key_text, (key, value)),) = node.entries.items()
    parse = _CONDITIONS.get(key_text)
    if parse is None:
        r.error(key, f"unknown condition '{key_text}'{_condition_hint(key_text)}")
        return None
    return parse(r, value, key_text)


def conditions(
    r: Reader, node: YNode | None, what: str
) -> tuple[tuple[m.Condition, ...], tuple[Located, ...]]:
    """A list of conditions (all must hold) and where each was written."""
    if isinstance(node, YMap):  # a single condition without the list dash: accept it
        node = YSeq([node], node.line, node.column)
    parsed, where = [], []
    for item in r.items(node, what):
        cond = condition(r, item)
        if cond is not None:
            parsed.append(cond)
            where.append((item.line, item.column))
    return tuple(parsed), tuple(where)


def effects(r: Reader, node: YNode | None, what: str) -> m.Effects:
    """An effects mapping; every key optional; absent -> no effect."""
    if node is None or (isinstance(node, YScalar) and node.value is None):
        return m.Effects()
    f = r.fields(node, what, (), EFFECT_KEYS)
    if f is None:
        return m.Effects()
    meters = []
    for key, value in r.entries(f.get("meters"), f"'meters' of {what}"):
        actor, meter = r.meter_ref(key, "a meter")
        delta = r.int_value(value, f"the change to '{key.text}'", -100, 100)
        if actor:
            meters.append(m.MeterChange(actor, meter, delta))
    issues = []
    for key, value in r.entries(f.get("issues"), f"'issues' of {what}"):
        issue = r.ref_value(key, "issue", "an issue")
        issues.append((issue, r.ref_value(value, "state", f"the new state of '{issue}'", scope=issue)))
    moves = [_move(r, key, value) for key, value in r.entries(f.get("move"), f"'move' of {what}")]
    return m.Effects(
        tension=r.integer(f, "tension", what, -100, 100),
        meters=tuple(meters),
        issues=tuple(i for i in issues if all(i)),
        moves=tuple(mv for mv in moves if mv is not None),
        set_flags=tuple(
            n for n in (r.id_value(i, "a flag") for i in r.items(f.get("set_flags"), "'set_flags'")) if n
        ),
        clear_flags=tuple(
            n for n in (_flag(r, i, "a flag") for i in r.items(f.get("clear_flags"), "'clear_flags'")) if n
        ),
    )


def _move(r: Reader, key: YScalar, value: YNode) -> m.ForceMove | None:
    force = r.ref_value(key, "force", "a force")
    if isinstance(value, YMap):
        f = r.fields(value, f"the move of '{force}'", ("to",), ("posture",))
        if f is None:
            return None
        to = r.ref(f, "to", "place", f"the move of '{force}'")
        posture = r.text(f, "posture", f"the move of '{force}'") or None
    else:
        to, posture = r.ref_value(value, "place", f"where '{force}' moves"), None
    return m.ForceMove(force, to, posture) if force and to else None
