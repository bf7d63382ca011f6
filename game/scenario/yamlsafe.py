"""Reading a scenario file safely into a small tree of values that remember where they were written.

This module owns everything between the bytes on disk and a tree of `YMap`,
`YSeq` and `YScalar`: the size limit, UTF-8 decoding, YAML syntax errors,
tags, duplicate keys and aliases. Nothing here knows what a scenario is.

Why events and not `yaml.compose`: libyaml's composer recurses in C, and a
1 MiB file of `[[[[...` crashes the interpreter (a segfault, not an
exception); its parser also slows down quadratically with nesting. Building
the tree from the event stream ourselves lets us stop at a sane depth, count
alias expansions as they happen (a "billion laughs" file is refused after a
few dozen events), and refuse every non-standard tag. Nothing is ever
constructed from a tag, so no YAML input can run code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from game.files import NotAFile, open_regular
from game.scenario.open_quote import swallowing_quote
from game.scenario.problems import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40  # a scenario nests about 8 deep; anything far deeper is hostile or broken
NESTING_MESSAGE = f"values nested more than {MAX_DEPTH} deep; a scenario never needs this"
MAX_VALUES = 200_000  # values in the tree with every alias expanded; a real scenario has ~5,000

_Loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")}
_TAG_WORDS = {_TAG + "seq": "a list", _TAG + "map": "a mapping"}


@dataclass(slots=True, eq=False)
class YScalar:
    """A plain value (text, number, true/false or null) and where it starts (1-based)."""

    value: object
    text: str  # as written, for text fields: `name: 1914` is the text "1914"
    tag: str
    line: int
    column: int
    size: int = 1


@dataclass(slots=True, eq=False)
class YSeq:
    """A YAML list."""

    items: list[YNode]
    line: int
    column: int
    size: int = 1


@dataclass(slots=True, eq=False)
class YMap:
    """A YAML mapping: key text -> (key as written, value). Insertion order is file order."""

    entries: dict[str, tuple[YScalar, YNode]] = field(default_factory=dict)
    line: int = 1
    column: int = 1
    size: int = 1


YNode = YScalar | YSeq | YMap


def kind_of(node: YNode) -> str:
    """The node's kind in an author's words, for messages such as "expected a list, found text"."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    if node.value is None:
        return "nothing"
    if isinstance(node.value, bool):
        return "true/false"
    if isinstance(node.value, (int, float)):
        return "a number"
    return "text"


class _Refused(Exception):
    """The file cannot be read any further; carries the one located reason."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def read_tree(path: str | Path) -> tuple[YMap | None, list[Problem], bytes]:
    """Read a file into a positioned tree; never raises. Returns (tree or None, problems, file bytes)."""
    data, problems = read_file(path)
    if data is None:
        return None, problems, b""
    tree, problems = parse_bytes(data, str(path))
    return tree, problems, data


def read_file(path: str | Path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a scenario file, or None and why it cannot be one; never raises."""
    name = str(path)
    data = b""
    try:
        # Only a regular file is opened: a FIFO named `f.yaml` would otherwise block for ever.
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise _Refused(
                    1,
                    1,
                    f"the file is {size:,} bytes; a scenario file may be at most 1 MiB ({MAX_BYTES:,} bytes)",
                )
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # grew since it was opened
            raise _Refused(1, 1, "the file is larger than 1 MiB, the most a scenario file may be")
    except _Refused as refused:
        return None, [Problem(name, refused.line, refused.column, "error", refused.message)]
    except FileNotFoundError:
        return None, [Problem(name, 0, 0, "error", "no such file")]
    except IsADirectoryError:
        return None, [Problem(name, 0, 0, "error", "this is a folder, not a scenario file")]
    except NotAFile:
        message = "this is a pipe, a device or a socket, not a scenario file; only files are read"
        return None, [Problem(name, 0, 0, "error", message)]
    except OSError as exc:
        return None, [Problem(name, 0, 0, "error", f"cannot read the file: {exc.strerror or exc}")]
    return data, []


def parse_bytes(data: bytes, name: str = "<scenario>") -> tuple[YMap | None, list[Problem]]:
    """Decode and parse YAML bytes into a positioned tree; never raises."""
    problems: list[Problem] = []
    try:
        text = _decode(data)
        tree = _Composer(text, name, problems).run()
    except _Refused as refused:
        problems.append(Problem(name, refused.line, refused.column, "error", refused.message))
        return None, problems
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as exc:
        # The composer turns every YAML error into _Refused; this is the last net.
        problems.append(Problem(name, 1, 1, "error", f"cannot read the file as YAML: {exc}"))
        return None, problems
    if any(p.is_error for p in problems):
        return None, problems
    return tree, problems


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        bad = data[exc.start]
        raise _Refused(
            line,
            column,
            f"the file is not UTF-8 text: byte 0x{bad:02x} cannot start a "
            f"character here (save the file as UTF-8)",
        ) from None
    text = text.removeprefix("\ufeff")
    # Checked here, not left to the reader: libyaml reports a byte offset, not a line.
    bad_char = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad_char:
        line, column = _position_of(text, bad_char.start())
        raise _Refused(
            line,
            column,
            f"character U+{ord(bad_char.group()):04X} is not allowed in a YAML file (is this a text file?)",
        )
    return text


def _position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# How PyYAML's message for a syntax error begins -> what went wrong and what to do about it, in an
# author's words; {where} is where the list, mapping or key that is at fault began.
_PLAIN_WORDS = (
    (
        "mapping values are not allowed",
        "unexpected ':' here: put text that holds ': ' in quotes, or indent this line like the keys around it",
    ),
    (
        "did not find expected ',' or ']'",
        "the list opened with '[' at {where} is not closed: add ']' (and ',' between items)",
    ),
    (
        "did not find expected ',' or '}'",
        "the mapping opened with '{{' at {where} is not closed: add '}}' (and ',' between entries)",
    ),
    (
        "did not find expected '-' indicator",
        "this line does not line up with the list that starts at {where}: indent it like the other items",
    ),
    (
        "did not find expected key",
        (
            "this line does not fit the keys above it: check its indentation, and put a value that "
            "starts with a quote mark but goes on after it wholly in quotes"
        ),
    ),
    ("could not find expected ':'", "the key begun at {where} has no ':' after it: write 'key: value'"),
    ("found undefined alias", "this alias ('*name') names no anchor ('&name') written before it"),
)


def _friendly(problem: str, at: str, context: str = "", opened: tuple[int, int] | None = None) -> str:
    """PyYAML's words for a syntax error, turned into what went wrong and what to do about it.

    `context` and `opened` are PyYAML's note of what it was reading and where
    that began (a quote, a '[' list), often the real place of the mistake.
    """
    if at == "\t" or "'\\t'" in problem:
        return "a tab character here; indent YAML with spaces, never tabs"
    if "nesting depth" in problem:
        # Newer PyYAML/libyaml releases stop deep nesting in the parser, before our own depth check.
        return NESTING_MESSAGE
    if context == "while scanning a quoted scalar":
        return "the quoted text that opens here is never closed: add its closing quote mark"
    where = f"line {opened[0]}, column {opened[1]}" if opened else "earlier"
    for begins, words in _PLAIN_WORDS:
        if problem.startswith(begins):
            return words.format(where=where)
    if problem.startswith("found character that cannot start any token"):
        return f"'{at}' cannot start a value: put the text in quotes" if at.strip() else problem
    return problem


class _Composer:
    """Turns the YAML event stream into a YMap tree, refusing whatever a scenario never needs."""

    def __init__(self, text: str, name: str, problems: list[Problem]) -> None:
        self.text, self.name, self.problems = text, name, problems
        self.loader = _Loader(text)
        self.constructor = SafeConstructor()
        self.anchors: dict[str, YNode] = {}
        self.open_anchors: set[str] = set()
        self.values = 0

    def run(self) -> YMap | None:
        try:
            return self._document()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            at = self.text[mark.index : mark.index + 1] if mark and mark.index is not None else ""
            opened = (exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else None
            message = _friendly(exc.problem or exc.context or str(exc), at, exc.context or "", opened)
            if exc.context == "while scanning a quoted scalar" and opened:
                line, column = opened  # the quote left open, not the end of the file where it was noticed
            elif (quote := swallowing_quote(self.text, line)) is not None:
                line, column = quote[0], quote[1]
                message = (
                    f"the quoted text that opens here is not closed on its line: it runs on to the next "
                    f"quote mark, on line {quote[2]}, where the file stops making sense; add its closing "
                    f"quote mark on this line"
                )
            raise _Refused(line, column, message) from None
        except yaml.reader.ReaderError as exc:  # _decode should have caught these first
            raise _Refused(1, 1, f"character U+{exc.character:04X} is not allowed in a YAML file") from None
        finally:
            self.loader.dispose()

    def _next(self) -> yaml.Event:
        event: yaml.Event = self.loader.get_event()
        return event

    def _document(self) -> YMap | None:
        self._next()  # StreamStart
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):
            raise _Refused(1, 1, "the file is empty; a scenario starts with keys such as 'id:' and 'title:'")
        root = self._node(self._next(), 1)  # after DocumentStart
        self._next()  # DocumentEnd
        event = self._next()
        if not isinstance(event, yaml.StreamEndEvent):
            line, column = _mark(event)
            raise _Refused(line, column, "a second YAML document ('---'); a scenario file holds one")
        if isinstance(root, YScalar) and root.value is None:
            raise _Refused(1, 1, "the file is empty; a scenario starts with keys such as 'id:' and 'title:'")
        if not isinstance(root, YMap):
            raise _Refused(
                root.line,
                root.column,
                f"the top level must be a mapping of keys such as 'id:' and 'title:', not {kind_of(root)}",
            )
        return root

    def _count(self, amount: int, line: int, column: int) -> None:
        self.values += amount
        if self.values > MAX_VALUES:
            raise _Refused(
                line,
                column,
                f"the file expands to more than {MAX_VALUES:,} values (aliases "
                f"'*name' repeating anchors '&name'); a scenario needs far fewer",
            )

    def _alias(self, event: yaml.AliasEvent, line: int, column: int) -> YNode:
        """The node an alias ('*name') repeats, counted again: aliases are how a file explodes in size."""
        if event.anchor in self.open_anchors:
            raise _Refused(line, column, f"alias '*{event.anchor}' is inside its own anchor")
        target = self.anchors.get(event.anchor) if event.anchor else None
        if target is None:
            raise _Refused(
                line,
                column,
                f"alias '*{event.anchor}' names no anchor '&{event.anchor}' written above it",
            )
        self._count(target.size, line, column)
        return target

    def _node(self, event: yaml.Event, depth: int) -> YNode:
        line, column = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, line, column)
        if depth > MAX_DEPTH:
            raise _Refused(line, column, NESTING_MESSAGE)
        self._count(1, line, column)
        if not isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):  # the parser sends no other
            raise _Refused(line, column, f"a value was expected here, not {type(event).__name__}")
        anchor = event.anchor
        if isinstance(event, yaml.ScalarEvent):
            node: YNode = self._scalar(event, line, column)
        elif isinstance(event, yaml.SequenceStartEvent):
            self._check_collection_tag(event.tag, _TAG + "seq", line, column)
            if anchor:
                self.open_anchors.add(anchor)
            node = self._sequence(line, column, depth)
        else:
            self._check_collection_tag(event.tag, _TAG + "map", line, column)
            if anchor:
                self.open_anchors.add(anchor)
            node = self._mapping(line, column, depth)
        if anchor:
            self.open_anchors.discard(anchor)
            self.anchors[anchor] = node
        return node

    def _check_collection_tag(self, tag: str | None, expected: str, line: int, column: int) -> None:
        if tag not in (None, "!", expected):
            self._bad_tag(tag, line, column)

    def _bad_tag(self, tag: str, line: int, column: int) -> None:
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        self.problems.append(
            Problem(
                self.name,
                line,
                column,
                "error",
                f"tag '{shown}' is not allowed; a scenario holds only plain text, "
                f"numbers, true/false, lists and mappings",
            )
        )

    def _scalar(self, event: yaml.ScalarEvent, line: int, column: int) -> YScalar:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            self._bad_tag(tag, line, column)
            return YScalar(event.value, event.value, _TAG + "str", line, column)
        value: object = event.value
        short = tag[len(_TAG) :]
        if short in ("int", "float", "bool", "null"):
            try:
                value = getattr(self.constructor, f"construct_yaml_{short}")(
                    yaml.ScalarNode(tag, event.value)
                )
            except (ValueError, TypeError, KeyError, yaml.YAMLError):
                self.problems.append(
                    Problem(self.name, line, column, "error", f"'{event.value}' cannot be read as !!{short}")
                )
        # Timestamps stay text: the model keeps dates as ISO strings, and
        # `start_date: 2022-02-03` unquoted should mean what the author wrote.
        return YScalar(value, event.value, tag, line, column)

    def _sequence(self, line: int, column: int, depth: int) -> YSeq:
        node = YSeq([], line, column)
        event = self._next()
        while not isinstance(event, yaml.SequenceEndEvent):
            item = self._node(event, depth + 1)
            node.items.append(item)
            node.size += item.size
            event = self._next()
        return node

    def _mapping(self, line: int, column: int, depth: int) -> YMap:
        node = YMap({}, line, column)
        event = self._next()
        while not isinstance(event, yaml.MappingEndEvent):
            key = self._node(event, depth + 1)
            value = self._node(self._next(), depth + 1)
            event = self._next()
            refused = self._refused_key(key, node)
            if refused or not isinstance(key, YScalar):  # (a key that is not a word is always refused)
                self.problems.append(Problem(self.name, key.line, key.column, "error", refused))
                continue
            node.entries[key.text] = (key, value)
            node.size += key.size + value.size
        return node

    @staticmethod
    def _refused_key(key: YNode, mapping: YMap) -> str:
        """Why this key cannot stand in the mapping (not a plain word, a merge key, said twice), or ""."""
        if not isinstance(key, YScalar):
            return f"a key must be a plain word, not {kind_of(key)}"
        if key.tag == _TAG + "merge":
            return "merge keys ('<<') are not supported; write the keys out"
        first = mapping.entries.get(key.text)
        if first is not None:
            return (
                f"duplicate key '{key.text}' (first written at line "
                f"{first[0].line}, column {first[0].column})"
            )
        return ""


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
