"""The optional parts of a scenario that serve a lesson: each side's private briefing and the
historical order per side per turn (for the after-action review).

Read by the loader like any other entity; checked once every id is known
(an option must be the actor's own, a turn within the game).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario import model as m
from game.scenario.fields import Reader
from game.scenario.yamlsafe import YMap, YNode

if TYPE_CHECKING:
    from game.scenario.loader import _Builder


def private_briefing(b: _Builder, node: YNode | None, actor: str) -> m.PrivateBriefing:
    if node is None:
        return m.PrivateBriefing()
    what = f"the private briefing of '{actor}'"
    f = b.fields(node, "private_briefing", what)
    if f is None:
        return m.PrivateBriefing()
    return m.PrivateBriefing(b.r.texts(f, "objectives", what), b.r.texts(f, "knows", what))


def historical_order(b: _Builder, node: YNode) -> m.HistoricalOrder | None:
    f = b.fields(node, "historical_order", "a historical order")
    if f is None:
        return None
    r, what = b.r, "a historical order"
    return m.HistoricalOrder(
        turn=r.integer(f, "turn", what, 1, 50, 1),
        actor=r.ref(f, "actor", "actor", what),
        did=r.text(f, "did", what),
        option=r.ref(f, "option", "option", what),
        source=r.ref(f, "source", "source", what),
    )


def check_history(r: Reader, scenario: m.Scenario, node: YNode | None) -> None:
    """Meaning, not shape: a playable side's own option, a turn the game has, one entry per side and turn."""
    items = (
        [n for n in r.items(node, "'historical_orders'") if isinstance(n, YMap)] if node is not None else []
    )
    actors = {a.id: a for a in scenario.actors}
    options = {o.id: o for o in scenario.options}
    seen: set[tuple[int, str]] = set()
    for entry, item in zip(scenario.historical_orders, items, strict=False):
        if entry.actor in actors and not actors[entry.actor].playable:
            r.error(
                item, f"'{entry.actor}' is not playable: only the sides teams play have orders to compare"
            )
        if entry.option in options and options[entry.option].actor != entry.actor:
            r.error(
                item,
                f"option '{entry.option}' belongs to '{options[entry.option].actor}', not '{entry.actor}'",
            )
        if entry.turn > scenario.turn_limit:
            r.error(item, f"turn {entry.turn} is past the turn limit ({scenario.turn_limit})")
        if (entry.turn, entry.actor) in seen:
            r.error(item, f"'{entry.actor}' already has a historical order for turn {entry.turn}")
        seen.add((entry.turn, entry.actor))
