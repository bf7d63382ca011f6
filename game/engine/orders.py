"""`Orders`: one turn's orders, side -> option id, as an immutable value in the order sides are resolved."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping


class Orders(Mapping[str, str]):
    """One order per side, kept in the scenario's order of sides; reads like a dict, cannot change."""

    __slots__ = ("_by_side",)

    def __init__(self, pairs: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        self._by_side: dict[str, str] = {str(side): str(option) for side, option in items}

    def __getitem__(self, side: str) -> str:
        return self._by_side[side]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_side)

    def __len__(self) -> int:
        return len(self._by_side)

    def __hash__(self) -> int:
        return hash(tuple(self._by_side.items()))

    def __repr__(self) -> str:
        return f"Orders({self._by_side!r})"

    def to_json(self) -> dict[str, str]:
        """As a save file holds it: a JSON object, side -> option id."""
        return dict(self._by_side)
