"""Reading the parts of a scenario that carry time and drawing: evidence (kinds and dates), turn dates, areas.

A mixin of the loader's builder: it uses the builder's `r` (the Reader),
`fields`, `register` and `choice`, and reports in the same located way.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from game.scenario import model as m
from game.scenario.fields import Fields, Reader
from game.scenario.rules import conditions
from game.scenario.yamlsafe import YNode, YSeq

if TYPE_CHECKING:
    from collections.abc import Callable


class DatedAndDrawnReaders:
    """Builder methods for evidence, the calendar, positions that change, and areas."""

    r: Reader
    fields: Callable[[YNode, str, str], Fields | None]
    register: Callable[..., str]
    choice: Callable[[Fields, str, tuple[str, ...], str], str]

    def turn_dates(self, f: Fields, start_date: str) -> tuple[str, ...]:
        """`turn_dates`: one ISO date per turn, the first the start date, each later than the one before."""
        r = self.r
        nodes = r.items(f.get("turn_dates"), "'turn_dates'")
        if not nodes:
            return ()
        dates = [r.text_value(n, "an item of 'turn_dates'") for n in nodes]
        for before, node, text in zip([start_date, *dates[:-1]], nodes, dates, strict=True):
            if not is_iso_date(text):
                r.error(node, f"turn date '{text}' is not a date written YYYY-MM-DD")
                return ()
            if node is nodes[0] and text != start_date:
                r.error(node, f"the first turn date must be the start_date '{start_date}', not '{text}'")
            elif node is not nodes[0] and text <= before:
                r.error(node, f"turn date '{text}' must come after '{before}': turn dates rise")
        limit_node = f.get("turn_limit")
        limit = getattr(limit_node, "value", None)
        if dates and isinstance(limit, int) and len(dates) != limit:
            r.error(
                f["turn_dates"],
                f"'turn_dates' has {len(dates)} dates but 'turn_limit' is {limit}: give one date per turn",
            )
        return tuple(dates)

    def evidence(self, node: YNode) -> m.Evidence | None:
        f = self.fields(node, "evidence", "evidence")
        if f is None:
            return None
        r = self.r
        if ("quote" in f) == ("paraphrase" in f):
            r.error(
                node,
                "evidence needs either 'quote' (the speaker's own words) or 'paraphrase' "
                "(ours), " + ("not both" if "quote" in f else "and has neither"),
            )
        # A blank quote would print as "Joseph Nye (paraphrased):" with nothing after it.
        quote = r.text_value(f["quote"], "'quote' of evidence") if "quote" in f else ""
        paraphrase = r.text_value(f["paraphrase"], "'paraphrase' of evidence") if "paraphrase" in f else ""
        kind = self.choice(f, "kind", m.EVIDENCE_KINDS, "evidence")
        self.check_evidence_kind(f, kind)
        date = r.text(f, "date", "evidence")
        if date and not is_iso_date(date):
            r.error(f["date"], f"the date of evidence '{date}' is not a date written YYYY-MM-DD")
        return m.Evidence(
            r.text(f, "speaker", "evidence"),
            r.ref(f, "source", "source", "evidence"),
            quote,
            paraphrase,
            kind if kind in m.EVIDENCE_KINDS else "",
            date if is_iso_date(date) else "",
            r.text(f, "language", "evidence"),
        )

    def check_evidence_kind(self, f: Fields, kind: str) -> None:
        """The kind must match the field that holds the words; a translation names its language."""
        r = self.r
        if kind == m.PARAPHRASE and "quote" in f and "paraphrase" not in f:
            r.error(f["kind"], "evidence of kind 'paraphrase' holds our words in 'paraphrase:', not 'quote:'")
        elif kind in (m.QUOTE, m.REPORTED, m.TRANSLATION) and "paraphrase" in f and "quote" not in f:
            r.error(f["kind"], f"evidence of kind '{kind}' holds the words in 'quote:', not 'paraphrase:'")
        if kind == m.TRANSLATION and "language" not in f:
            r.error(f["kind"], "a translation names its original language, e.g. 'language: Russian'")
        elif "language" in f and kind != m.TRANSLATION:
            r.error(f["language"], "'language' is only for evidence of 'kind: translation'")

    def area(self, node: YNode) -> m.Area | None:
        f = self.fields(node, "area", "an area")
        if f is None:
            return None
        r, what = self.r, "an area"
        ident = self.register("area", f, what)
        corners = r.items(f.get("points"), f"'points' of area '{ident}'")
        points = tuple(p for p in (self.corner(c) for c in corners) if p is not None)
        if "points" in f and len(corners) < 3:
            r.error(f["points"], f"area '{ident}' needs at least three corners, each written [lat, lon]")
        return m.Area(ident, r.text(f, "name", what), points, r.text(f, "note", what))

    def corner(self, node: YNode) -> tuple[float, float] | None:
        """One `[lat, lon]` corner of an area."""
        if not isinstance(node, YSeq) or len(node.items) != 2:
            self.r.error(node, "a corner of an area is written [lat, lon], e.g. [25.2, 122.0]")
            return None
        lat = self.r.float_value(node.items[0], "the latitude of a corner", -90, 90)
        return lat, self.r.float_value(node.items[1], "the longitude of a corner", -180, 180)

    def stance_lists(self, f: Fields, issue: str, what: str) -> dict[str, tuple[str, ...] | None]:
        """preferred / acceptable / red_lines as given (None when a key is absent); a state in two is an error."""
        r = self.r
        seen: dict[str, str] = {}
        lists: dict[str, tuple[str, ...] | None] = {}
        for key in ("preferred", "acceptable", "red_lines"):
            for item in r.items(f.get(key), f"'{key}' of {what}"):
                state = r.ref_value(item, "state", f"an item of '{key}'", scope=issue)
                if state and state in seen:
                    both = (
                        f"twice in '{key}'" if seen[state] == key else f"in both '{seen[state]}' and '{key}'"
                    )
                    r.error(item, f"state '{state}' is listed {both} of {what}")
                elif state:
                    seen[state] = key
            lists[key] = tuple(s for s, k in seen.items() if k == key) if key in f else None
        return lists

    def position_change(self, node: YNode, issue: str, what: str) -> m.PositionChange | None:
        """One entry of `changes`: from when its `when` holds, the lists it gives replace the position's."""
        f = self.fields(node, "position_change", f"a change of {what}")
        if f is None:
            return None
        when, _ = conditions(self.r, f.get("when"), f"'when' of a change of {what}")
        lists = self.stance_lists(f, issue, f"a change of {what}")
        summary = self.r.text(f, "summary", f"a change of {what}")
        return m.PositionChange(when, lists["preferred"], lists["acceptable"], lists["red_lines"], summary)


def is_iso_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None
