"""Loading a scenario file into the immutable model, reporting every problem in it at once.

Public API (the rest of the game depends on exactly this):
    load_scenario(path) -> Scenario        raises ScenarioError when the file has any error
    check_file(path) -> (Scenario | None, [Problem])   never raises, whatever the file holds
    ScenarioError                          .problems; str() is the formatted lines

This module owns the shape of each entity; `fields` reads typed values,
`rules` reads conditions and effects, `crosscheck` checks names and
reachability once every id is known.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from game.scenario import claims, lesson_parts, types
from game.scenario import model as m
from game.scenario.anachronism import check_anachronism
from game.scenario.crosscheck import Site, crosscheck
from game.scenario.fields import Fields, Reader
from game.scenario.keys import CATEGORIES, COSTS, KEYS, NOTE_KINDS
from game.scenario.problems import Problem, did_you_mean, sort_problems
from game.scenario.proposal_reader import check_proposals, read_deal_issues, read_proposals
from game.scenario.readers import DatedAndDrawnReaders, is_iso_date
from game.scenario.rules import conditions, effects
from game.scenario.yamlsafe import YMap, YNode, YScalar, YSeq, parse_bytes, read_file

T = TypeVar("T")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_COUNTRY = re.compile(r"[A-Z]{3}")


class ScenarioError(Exception):
    """A scenario file that cannot be played; `problems` lists every error and warning found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


def load_scenario(path: str | Path) -> m.Scenario:
    """The scenario in the file, or ScenarioError listing every problem."""
    scenario, problems = check_file(path)
    if scenario is None or any(p.is_error for p in problems):
        raise ScenarioError(problems)
    return scenario


# Files already checked, by name and exact bytes: the window, the server and a save being opened read
# the same unchanged file again and again; the model is immutable, so one reading serves them all.
_CHECKED: OrderedDict[tuple[str, bytes], tuple[m.Scenario | None, tuple[Problem, ...]]] = OrderedDict()
_CHECKED_KEPT = 8


def check_file(path: str | Path) -> tuple[m.Scenario | None, list[Problem]]:
    """(the scenario, or None when it has errors; every problem found). Never raises for any content."""
    name = str(path)
    data, problems = read_file(path)
    if data is None:
        return None, sort_problems(problems)
    key = (name, data)
    if key in _CHECKED:
        _CHECKED.move_to_end(key)
    else:
        _CHECKED[key] = _check_bytes(name, data)
        if len(_CHECKED) > _CHECKED_KEPT:
            _CHECKED.popitem(last=False)
    scenario, found = _CHECKED[key]
    return scenario, list(found)


def _check_bytes(name: str, data: bytes) -> tuple[m.Scenario | None, tuple[Problem, ...]]:
    tree, problems = parse_bytes(data, name)
    if tree is None:
        return None, tuple(sort_problems(problems))
    reader = Reader(name)
    reader.problems.extend(problems)
    try:
        scenario = _Builder(reader).scenario(tree)
    except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"; fuzz tests hunt these
        reader.error(tree, f"internal error while checking this file, please report it: {exc!r}")
        scenario = None
    if scenario is not None and not any(p.is_error for p in reader.problems):
        check_anachronism(reader, scenario, tree)  # on a sound model only: it reads dates the build checked
    problems = sort_problems(reader.problems)
    if scenario is None or any(p.is_error for p in problems):
        return None, tuple(problems)
    return replace(scenario, content_hash=hashlib.sha256(data).hexdigest(), path=name), tuple(problems)


class _Builder(DatedAndDrawnReaders):
    """Builds each entity, registering ids and the places where conditions are written."""

    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.ids: dict[str, dict[str, YNode]] = {}  # kind -> id -> where it was defined
        self.states: dict[str, set[str]] = {}  # issue -> its state ids
        self.meters: dict[str, dict[str, m.Meter]] = {}  # actor -> meter id -> meter
        self.sites: list[Site] = []
        self.position_nodes: dict[tuple[str, str], YNode] = {}
        self.chance_outcomes: set[str] = set()  # outcomes a rung's chance can end the game in

    def fields(self, node: YNode, kind: str, what: str) -> Fields | None:
        required, optional = KEYS[kind]
        return self.r.fields(node, what, required, optional)

    def register(self, kind: str, f: Fields, what: str, table: dict[str, YNode] | None = None) -> str:
        """Read and check the `id` of an entity, refusing a second entity with the same id."""
        ident = self.r.ident(f, "id", what)
        table = self.ids.setdefault(kind, {}) if table is None else table
        if ident and ident in table:
            first = table[ident]
            self.r.error(f["id"], f"duplicate {kind} id '{ident}' (first at line {first.line})")
        elif ident:
            table[ident] = f["id"]
        return ident

    def listed(self, f: Fields, key: str, build: Callable[[YNode], T | None]) -> tuple[T, ...]:
        built = (build(item) for item in self.r.items(f.get(key), f"'{key}'"))
        return tuple(b for b in built if b is not None)

    # ---------------------------------------------------------- top level
    def scenario(self, tree: YMap) -> m.Scenario | None:
        r = self.r
        f = self.fields(tree, "scenario", "the scenario")
        if f is None:
            return None
        start_date = self.format_and_start(f)
        ladder = self.listed(f, "ladder", self.rung)
        self.check_ladder(f, ladder)
        actors = self.listed(f, "actors", self.actor)
        issues = self.listed(f, "issues", self.issue)
        outcomes = self.listed(f, "outcomes", self.outcome)
        scenario = m.Scenario(
            id=r.ident(f, "id", "the scenario"),
            title=r.text(f, "title", "the scenario"),
            summary=r.text(f, "summary", "the scenario"),
            briefing=r.text(f, "briefing", "the scenario"),
            start_date=start_date,
            turn_days=r.integer(f, "turn_days", "the scenario", 1, 365, 1),
            turn_limit=r.integer(f, "turn_limit", "the scenario", 1, 50, 1),
            start_tension=r.integer(f, "start_tension", "the scenario", 0, 100),
            sources=self.listed(f, "sources", self.source),
            actors=actors,
            issues=issues,
            positions=self.listed(f, "positions", self.position),
            places=self.listed(f, "places", self.place),
            forces=self.listed(f, "forces", self.force),
            options=self.listed(f, "options", self.option),
            ladder=ladder,
            injects=self.listed(f, "injects", self.inject),
            outcomes=outcomes,
            questions=r.texts(f, "questions", "the scenario"),
            instructor_notes=self.listed(f, "instructor_notes", self.note),
            turn_dates=self.turn_dates(f, start_date),
            areas=self.listed(f, "areas", self.area),
            historical_orders=self.listed(f, "historical_orders", self.historical_order),
            map=self.map_view(f["map"]) if "map" in f else None,
            beliefs=types.belief_rule(self, f.get("beliefs")),
            proposals=read_proposals(self, f),
            deal_issues=read_deal_issues(self, f),
        )
        for key in ("actors", "ladder", "outcomes"):
            if key in f and _is_empty(f[key]):
                r.error(f[key], f"'{key}' needs at least one entry")
        if "positions" in f and _is_empty(f["positions"]):
            r.warning(
                f["positions"],
                "'positions' is empty: no order will honour or cross anyone's stated "
                "position, so nobody reacts and the game has little to explain",
            )
        return self.checked(scenario, tree, f)

    def checked(self, scenario: m.Scenario, tree: YMap, f: Fields) -> m.Scenario:
        """Once every id is known: names, reachability, and the lesson's historical orders."""
        crosscheck(self.r, scenario, self.ids, self.states, self.meters, self.sites, tree)
        lesson_parts.check_history(self.r, scenario, f.get("historical_orders"))
        types.check_types(self.r, scenario, f, tree)
        claims.check_claims(self.r, scenario, f, tree)
        check_proposals(self.r, scenario, f.get("proposals"))
        return scenario

    def format_and_start(self, f: Fields) -> str:
        """Check the format number; the start date, checked."""
        version = self.version(f)
        if version is not None and version != 1:
            self.r.error(f["format"], f"format {version} is not known; this version reads format 1")
        start_date = self.r.text(f, "start_date", "the scenario")
        if start_date and not is_iso_date(start_date):
            self.r.error(f["start_date"], f"start_date '{start_date}' is not a date written YYYY-MM-DD")
        return start_date

    def historical_order(self, node: YNode) -> m.HistoricalOrder | None:
        return lesson_parts.historical_order(self, node)

    def version(self, f: Fields) -> int | None:
        """The format number, or None when absent or not a number (already reported)."""
        node = f.get("format")
        value = getattr(node, "value", None)
        if node is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.r.int_value(node, "'format'")
            return None
        return value

    def check_ladder(self, f: Fields, ladder: tuple[m.Rung, ...]) -> None:
        nodes = [n for n in self.r.items(f.get("ladder"), "'ladder'") if isinstance(n, YMap)]
        if ladder and ladder[0].at != 0 and nodes:
            self.r.error(
                nodes[0], f"the first rung '{ladder[0].id}' must have 'at: 0' (it has {ladder[0].at})"
            )
        for before, rung, node in zip(ladder, ladder[1:], nodes[1:], strict=False):
            if rung.at <= before.at:
                self.r.error(
                    node,
                    f"rung '{rung.id}' at {rung.at} must be higher than "
                    f"'{before.id}' at {before.at}: thresholds rise strictly",
                )

    def map_view(self, node: YNode) -> m.MapView:
        f = self.fields(node, "map", "the map") or Fields()
        r = self.r
        view = m.MapView(
            r.number(f, "west", "the map", -180, 180),
            r.number(f, "east", "the map", -180, 180),
            r.number(f, "south", "the map", -90, 90),
            r.number(f, "north", "the map", -90, 90),
        )
        if len(f) == 4 and not (view.west < view.east and view.south < view.north):
            r.error(node, "the map needs west < east and south < north")
        return view

    # ------------------------------------------------------------ entities
    def source(self, node: YNode) -> m.Source | None:
        f = self.fields(node, "source", "a source")
        if f is None:
            return None
        r, what = self.r, "a source"
        return m.Source(
            self.register("source", f, what),
            r.text(f, "title", what),
            r.text(f, "publisher", what),
            r.text(f, "date", what),
            r.text(f, "covers", what),
            r.text(f, "url", what),
        )

    def note(self, node: YNode) -> m.InstructorNote | None:
        f = self.fields(node, "instructor_note", "an instructor note")
        if f is None:
            return None
        r, what = self.r, "an instructor note"
        kind = self.choice(f, "kind", NOTE_KINDS, what) or "note"
        return m.InstructorNote(self.register("instructor note", f, what), r.text(f, "text", what), kind)

    def rung(self, node: YNode) -> m.Rung | None:
        f = self.fields(node, "rung", "a rung")
        if f is None:
            return None
        r, what = self.r, "a rung"
        ident = self.register("rung", f, what)
        return m.Rung(
            ident,
            r.text(f, "name", what),
            r.integer(f, "at", what, 0, 100),
            r.text(f, "description", what),
            self.chance(f["chance"], ident) if "chance" in f else None,
        )

    def chance(self, node: YNode, rung: str) -> m.Chance | None:
        """A rung's `chance`: percent per turn (0–100) and the outcome it ends the game in."""
        what = f"the chance of rung '{rung}'"
        f = self.fields(node, "chance", what)
        if f is None:
            return None
        r = self.r
        outcome = r.ref(f, "outcome", "outcome", what)
        self.chance_outcomes.add(outcome)
        return m.Chance(r.number(f, "percent", what, 0, 100), outcome, r.text(f, "words", what))

    def actor(self, node: YNode) -> m.Actor | None:
        f = self.fields(node, "actor", "an actor")
        if f is None:
            return None
        r, what = self.r, "an actor"
        ident = self.register("actor", f, what)
        colour_node = f.get("colour")
        if isinstance(colour_node, YScalar) and colour_node.value is None:
            # Nearly always `colour: #c0392b` unquoted, which YAML reads as an empty value and a comment.
            r.error(
                colour_node,
                "'colour' of an actor has no value: write it in quotes, e.g. colour: \"#c0392b\" "
                "(without quotes, '#' starts a comment)",
            )
            colour = ""
        else:
            colour = r.text(f, "colour", what)
        if colour and not _COLOUR.fullmatch(colour):
            r.error(f["colour"], f'colour \'{colour}\' must be written "#rrggbb", e.g. "#c0392b" (in quotes)')
        countries = r.texts(f, "countries", what)
        for item, code in zip(r.items(f.get("countries"), "countries"), countries, strict=False):
            if not _COUNTRY.fullmatch(code):
                r.error(item, f"country '{code}' must be an ISO 3166 alpha-3 code such as 'POL'")
        self.meters[ident] = {}
        meter_ids: dict[str, YNode] = {}
        meters = self.listed(f, "meters", lambda n: self.meter(n, ident, meter_ids))
        reactions = m.Reactions()
        if "reactions" in f:
            rf = self.fields(f["reactions"], "reactions", f"the reactions of '{ident}'") or Fields()
            reactions = m.Reactions(
                effects(r, rf.get("honoured"), "'honoured'"), effects(r, rf.get("crossed"), "'crossed'")
            )
        name = r.text(f, "name", what)
        return m.Actor(
            id=ident,
            name=name,
            short_name=r.text(f, "short_name", what) or name,
            colour=colour,
            playable=r.boolean(f, "playable", what),
            side=r.text(f, "side", what) or ident,
            meters=meters,
            countries=countries,
            reactions=reactions,
            description=r.text(f, "description", what),
            acts=r.boolean(f, "acts", what),
            private_briefing=lesson_parts.private_briefing(self, f.get("private_briefing"), ident),
            types=types.actor_types(self, f, ident),
        )

    def meter(self, node: YNode, actor: str, ids: dict[str, YNode]) -> m.Meter | None:
        f = self.fields(node, "meter", f"a meter of '{actor}'")
        if f is None:
            return None
        r, what = self.r, f"a meter of '{actor}'"
        meter = m.Meter(
            self.register("meter", f, what, ids),
            r.text(f, "name", what),
            r.integer(f, "min", what),
            r.integer(f, "max", what),
            r.integer(f, "start", what),
            r.text(f, "description", what),
        )
        if {"min", "max"} <= f.keys() and meter.min >= meter.max:
            r.error(f["max"], f"meter '{meter.id}': max ({meter.max}) must be greater than min ({meter.min})")
        elif "start" in f and not meter.min <= meter.start <= meter.max:
            r.error(
                f["start"],
                f"meter '{meter.id}' starts at {meter.start}, outside its range {meter.min}–{meter.max}",
            )
        self.meters[actor][meter.id] = meter
        return meter

    def issue(self, node: YNode) -> m.Issue | None:
        f = self.fields(node, "issue", "an issue")
        if f is None:
            return None
        r, what = self.r, "an issue"
        ident = self.register("issue", f, what)
        state_ids: dict[str, YNode] = {}
        states = self.listed(f, "states", lambda n: self.issue_state(n, ident, state_ids))
        listed = f.get("states")
        if isinstance(listed, YSeq) and len(listed.items) < 2:
            r.error(listed, f"issue '{ident}' needs at least two states")
        self.states[ident] = set(state_ids)
        return m.Issue(
            ident,
            r.text(f, "name", what),
            r.text(f, "description", what),
            states,
            r.ref(f, "start", "state", f"issue '{ident}'", scope=ident),
        )

    def issue_state(self, node: YNode, issue: str, ids: dict[str, YNode]) -> m.IssueState | None:
        f = self.fields(node, "issue_state", f"a state of '{issue}'")
        if f is None:
            return None
        what = f"a state of '{issue}'"
        return m.IssueState(
            self.register("state", f, what, ids),
            self.r.text(f, "name", what),
            self.r.text(f, "description", what),
        )

    def position(self, node: YNode) -> m.Position | None:
        f = self.fields(node, "position", "a position")
        if f is None:
            return None
        r, what = self.r, "a position"
        actor, issue = r.ref(f, "actor", "actor", what), r.ref(f, "issue", "issue", what)
        what = f"the position of '{actor}' on '{issue}'"
        first = self.position_nodes.setdefault((actor, issue), node)
        if first is not node and actor and issue:
            r.error(
                node,
                f"actor '{actor}' already has a position on issue '{issue}' (line {first.line}); "
                f"merge them into one",
            )
        lists = {key: value or () for key, value in self.stance_lists(f, issue, what).items()}
        if "evidence" in f and _is_empty(f["evidence"]):
            r.warning(f["evidence"], f"{what} has no evidence: add the speaker's words or a paraphrase")
        return m.Position(
            actor=actor,
            issue=issue,
            strength=r.integer(f, "strength", what, 1, 3, 1),
            evidence=self.listed(f, "evidence", self.evidence),
            summary=r.text(f, "summary", what),
            if_crossed=effects(r, f.get("if_crossed"), f"'if_crossed' of {what}"),
            if_honoured=effects(r, f.get("if_honoured"), f"'if_honoured' of {what}"),
            changes=self.listed(f, "changes", lambda n: self.position_change(n, issue, what)),
            **lists,
        )

    def place(self, node: YNode) -> m.Place | None:
        f = self.fields(node, "place", "a place")
        if f is None:
            return None
        r, what = self.r, "a place"
        return m.Place(
            self.register("place", f, what),
            r.text(f, "name", what),
            r.number(f, "lat", what, -90, 90),
            r.number(f, "lon", what, -180, 180),
            r.text(f, "country", what),
            r.text(f, "short_name", what),
        )

    def force(self, node: YNode) -> m.Force | None:
        f = self.fields(node, "force", "a force")
        if f is None:
            return None
        r, what = self.r, "a force"
        home = r.ref(f, "home", "place", what)
        return m.Force(
            id=self.register("force", f, what),
            owner=r.ref(f, "owner", "actor", what),
            name=r.text(f, "name", what),
            type=r.text(f, "type", what),
            size=r.integer(f, "size", what, 0),
            home=home,
            at=r.ref(f, "at", "place", what) or home,
            posture=r.text(f, "posture", what) or "garrison",
            source=r.ref(f, "source", "source", what),
            note=r.text(f, "note", what),
        )

    def option(self, node: YNode) -> m.Option | None:
        f = self.fields(node, "option", "an option")
        if f is None:
            return None
        r, what = self.r, "an option"
        ident = self.register("option", f, what)
        what = f"option '{ident}'"
        stances = []
        for key, value in r.entries(f.get("stances"), f"'stances' of {what}"):
            issue = r.ref_value(key, "issue", "an issue")
            stances.append((issue, r.ref_value(value, "state", f"the stance on '{issue}'", scope=issue)))
        requires, where = conditions(r, f.get("requires"), f"'requires' of {what}")
        self.sites.append(Site("option", ident, requires, where))
        return m.Option(
            id=ident,
            actor=r.ref(f, "actor", "actor", what),
            label=r.text(f, "label", what),
            description=r.text(f, "description", what),
            category=self.choice(f, "category", CATEGORIES, what),
            stances=tuple(s for s in stances if all(s)),
            requires=requires,
            effects=effects(r, f.get("effects"), f"'effects' of {what}"),
            once=r.boolean(f, "once", what),
            cost=self.choice(f, "cost", COSTS, what),
            intelligence=claims.intelligence(self, f.get("intelligence"), what),
            claim=claims.claim(self, f.get("claim"), what),
        )

    def inject(self, node: YNode) -> m.Inject | None:
        f = self.fields(node, "inject", "an inject")
        if f is None:
            return None
        r, what = self.r, "an inject"
        ident = self.register("inject", f, what)
        instructor_only = r.boolean(f, "instructor_only", what)
        when, where = conditions(r, f.get("when"), f"'when' of inject '{ident}'")
        if instructor_only and when:
            r.warning(f["when"], f"inject '{ident}' is instructor-only, so its 'when' is never used")
        elif not instructor_only:
            self.sites.append(Site("inject", ident, when, where))
        return m.Inject(
            ident,
            r.text(f, "title", what),
            r.text(f, "text", what),
            instructor_only,
            when,
            effects(r, f.get("effects"), f"'effects' of inject '{ident}'"),
            claims.exposes(self, f, f"inject '{ident}'"),
        )

    def outcome(self, node: YNode) -> m.Outcome | None:
        f = self.fields(node, "outcome", "an outcome")
        if f is None:
            return None
        r, what = self.r, "an outcome"
        ident = self.register("outcome", f, what)
        when, where = conditions(r, f.get("when"), f"'when' of outcome '{ident}'")
        default = r.boolean(f, "default", what)
        if default and "when" in f:
            r.error(
                f["when"],
                f"outcome '{ident}' is the default (reached at the turn limit), so it must have no 'when'",
            )
        elif not default and not when and "when" not in f and ident not in self.chance_outcomes:
            r.error(
                node,
                f"outcome '{ident}' needs 'when' conditions, or 'default: true' "
                f"if it is the outcome at the turn limit (or a rung's 'chance' that ends in it)",
            )
        self.sites.append(Site("outcome", ident, when, where, node))
        return m.Outcome(
            ident,
            r.text(f, "title", what),
            when,
            r.text(f, "debrief", what),
            default,
            r.boolean(f, "historical", what),
            r.text(f, "historical_note", what),
        )

    def choice(self, f: Fields, key: str, allowed: tuple[str, ...], what: str) -> str:
        value = self.r.text(f, key, what)
        if value and value not in allowed:
            self.r.error(
                f[key],
                f"'{key}' of {what} is '{value}'; it must be one of "
                f"{', '.join(allowed)}{did_you_mean(value, allowed)}",
            )
        return value


def _is_empty(node: YNode) -> bool:
    """An empty list (`[]`) or no value at all (`key:`); other shapes are reported as wrong types."""
    return (isinstance(node, YSeq) and not node.items) or (isinstance(node, YScalar) and node.value is None)
