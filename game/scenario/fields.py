"""Reading typed fields out of the positioned YAML tree, collecting every problem on the way.

The `Reader` is the loader's notebook: every check appends a located
`Problem` and returns a harmless default, so one pass reports everything
wrong at once. Names that point elsewhere in the file (an actor, an issue
state, a meter) are written down as `Ref`s and checked once every id is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from game.scenario.problems import Problem, did_you_mean
from game.scenario.yamlsafe import YMap, YNode, YScalar, YSeq, kind_of

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


class Fields(dict[str, YNode]):
    """A mapping's known keys -> values, remembering which keys the format requires.

    A required key written with no value (`title:`) or only blanks is as good
    as missing, so the text readers report it rather than carry "" onwards.
    """

    required: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Ref:
    """A name used at (line, column) that must be the id of a `kind` ("actor", "state", "meter", ...).

    `scope` narrows the lookup: the issue for a state, the actor for a meter.
    """

    kind: str
    name: str
    line: int
    column: int
    scope: str = ""


class Placed(Protocol):
    """Anything that knows where in the file it was written: a YAML node, a `Ref`, a (line, column) mark."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Reader:
    """Typed access to the tree; each method reports what is wrong and returns a usable default."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.refs: list[Ref] = []
        self._seen: set[Problem] = set()

    # ------------------------------------------------------------ reporting
    def error(self, node: Placed, message: str) -> None:
        self._add(Problem(self.path, node.line, node.column, "error", message))

    def warning(self, node: Placed, message: str) -> None:
        self._add(Problem(self.path, node.line, node.column, "warning", message))

    def _add(self, problem: Problem) -> None:
        # A node read twice (say, to build and then to check order) must not be reported twice.
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    # --------------------------------------------------------------- shapes
    def fields(
        self, node: YNode, what: str, required: Iterable[str], optional: Iterable[str]
    ) -> Fields | None:
        """The mapping's keys -> values, after reporting unknown and missing keys; None if not a mapping."""
        if not isinstance(node, YMap):
            self.error(node, f"{what} must be a mapping of keys, not {kind_of(node)}")
            return None
        required = tuple(required)
        known = required + tuple(optional)
        meant: set[str] = set()
        for key_text, (key, _) in node.entries.items():
            if key_text not in known:
                hint = did_you_mean(key_text, [k for k in known if k not in node.entries])
                meant.add(hint.partition("'")[2].partition("'")[0])
                self.error(key, f"unknown key '{key_text}' in {what}{hint}")
        for key_text in required:
            # A misspelt key was reported just above with its hint; "missing" would say it twice.
            if key_text not in node.entries and key_text not in meant:
                self.error(node, f"{what} is missing '{key_text}'")
        found = Fields((k, v) for k, (_, v) in node.entries.items() if k in known)
        found.required = frozenset(required)
        return found

    def items(self, node: YNode | None, what: str) -> list[YNode]:
        """A list's items; an absent or empty (`key:`) list is just empty."""
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return []
        if not isinstance(node, YSeq):
            self.error(node, f"{what} must be a list, not {kind_of(node)}")
            return []
        return node.items

    def entries(self, node: YNode | None, what: str) -> list[tuple[YScalar, YNode]]:
        """A mapping's (key, value) pairs, for mappings whose keys are names (`meters: {us.credibility: 5}`)."""
        if node is None or (isinstance(node, YScalar) and node.value is None):
            return []
        if not isinstance(node, YMap):
            self.error(node, f"{what} must be a mapping, not {kind_of(node)}")
            return []
        return list(node.entries.values())

    # --------------------------------------------------------------- values
    def text_value(self, node: YNode, what: str, required: bool = True) -> str:
        if isinstance(node, YScalar):
            if node.value is None or (required and not node.text.strip()):
                if required:
                    self.error(node, f"{what} has no value: write it after the ':'")
                return ""
            return node.text
        self.error(node, f"{what} must be text, not {kind_of(node)}")
        return ""

    def int_value(self, node: YNode, what: str, low: int | None = None, high: int | None = None) -> int:
        value = node.value if isinstance(node, YScalar) else None
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(node, f"{what} must be a whole number, not {_shown(node)}")
            return low if low is not None and low > 0 else 0
        if (low is not None and value < low) or (high is not None and value > high):
            self.error(node, f"{what} is {value}; it must be {_range(low, high)}")
        return value

    def float_value(self, node: YNode, what: str, low: float, high: float) -> float:
        value = node.value if isinstance(node, YScalar) else None
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.error(node, f"{what} must be a number, not {_shown(node)}")
            return 0.0
        if not low <= value <= high:  # also refuses .nan
            self.error(node, f"{what} is {value:g}; it must be {_range(low, high)}")
        return float(value)

    def bool_value(self, node: YNode, what: str) -> bool:
        value = node.value if isinstance(node, YScalar) else None
        if not isinstance(value, bool):
            self.error(node, f"{what} must be true or false, not {_shown(node)}")
            return False
        return value

    def id_value(self, node: YNode, what: str) -> str:
        text = self.text_value(node, what)
        if text and not ID_PATTERN.fullmatch(text):
            hint = re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")
            suggestion = f" such as '{hint}'" if hint and ID_PATTERN.fullmatch(hint) else ""
            self.error(
                node,
                f"{what} is '{text}', which is not a valid id: use lower-case letters, "
                f"digits and '_', starting with a letter{suggestion}",
            )
        return text

    def ref_value(self, node: YNode, kind: str, what: str, scope: str = "") -> str:
        """A name that must be the id of a `kind`; checked later against every id in the file."""
        text = self.text_value(node, what)
        if text:
            self.refs.append(Ref(kind, text, node.line, node.column, scope))
        return text

    def meter_ref(self, node: YScalar | YNode, what: str) -> tuple[str, str]:
        """An `ACTOR.METER` name -> (actor, meter), recorded for the cross-check."""
        text = self.text_value(node, what)
        actor, dot, meter = text.partition(".")
        if not dot or not actor or not meter:
            if text:
                self.error(node, f"meter '{text}' must be written ACTOR.METER, e.g. 'russia.resolve'")
            return "", ""
        self.refs.append(Ref("actor", actor, node.line, node.column))
        self.refs.append(Ref("meter", meter, node.line, node.column + len(actor) + 1, actor))
        return actor, meter

    # ------------------------------------------------- field convenience
    def text(self, f: Fields, key: str, what: str, default: str = "") -> str:
        if key not in f:
            return default
        return self.text_value(f[key], f"'{key}' of {what}", required=key in getattr(f, "required", ()))

    def integer(
        self,
        f: Fields,
        key: str,
        what: str,
        low: int | None = None,
        high: int | None = None,
        default: int = 0,
    ) -> int:
        return self.int_value(f[key], f"'{key}' of {what}", low, high) if key in f else default

    def number(self, f: Fields, key: str, what: str, low: float, high: float, default: float = 0.0) -> float:
        return self.float_value(f[key], f"'{key}' of {what}", low, high) if key in f else default

    def boolean(self, f: Fields, key: str, what: str, default: bool = False) -> bool:
        return self.bool_value(f[key], f"'{key}' of {what}") if key in f else default

    def ident(self, f: Fields, key: str, what: str) -> str:
        return self.id_value(f[key], f"'{key}' of {what}") if key in f else ""

    def ref(self, f: Fields, key: str, kind: str, what: str, scope: str = "") -> str:
        return self.ref_value(f[key], kind, f"'{key}' of {what}", scope) if key in f else ""

    def texts(self, f: Fields, key: str, what: str) -> tuple[str, ...]:
        items = self.items(f.get(key), f"'{key}' of {what}")
        return tuple(t for t in (self.text_value(i, f"an item of '{key}'") for i in items) if t)

    def refs_list(self, f: Fields, key: str, kind: str, what: str, scope: str = "") -> tuple[str, ...]:
        items = self.items(f.get(key), f"'{key}' of {what}")
        return tuple(t for t in (self.ref_value(i, kind, f"an item of '{key}'", scope) for i in items) if t)


def _shown(node: YNode) -> str:
    if isinstance(node, YScalar) and node.value is not None:
        return f"{kind_of(node)} '{node.text}'"
    return kind_of(node)


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    return f"at least {low:g}" if low is not None else f"at most {high:g}"
