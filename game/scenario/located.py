"""Finding where an entity of a built scenario was written, for checks that run after the build.

The loader reports as it reads; later checks (anachronism, the strict lint)
work on the finished model and ask here for the node to point at: the list
item whose `id` is X, the position of actor A on issue I, a key of a mapping.
"""

from __future__ import annotations

from game.scenario.yamlsafe import YMap, YNode, YScalar, YSeq


class Locator:
    """Nodes of one file's tree, found by the ids the model uses."""

    def __init__(self, tree: YMap) -> None:
        self.tree = tree

    def top(self, key: str) -> YNode | None:
        entry = self.tree.entries.get(key)
        return entry[1] if entry else None

    def items(self, key: str) -> list[YMap]:
        node = self.top(key)
        return [i for i in node.items if isinstance(i, YMap)] if isinstance(node, YSeq) else []

    def item(self, key: str, ident: str) -> YNode:
        """The mapping in the top-level list `key` whose id is `ident` (the list itself if none)."""
        for item in self.items(key):
            if _text(field(item, "id")) == ident:
                return item
        return self.top(key) or self.tree

    def position(self, actor: str, issue: str) -> YNode:
        for item in self.items("positions"):
            if (_text(field(item, "actor")), _text(field(item, "issue"))) == (actor, issue):
                return item
        return self.top("positions") or self.tree

    def evidence(self, actor: str, issue: str, index: int) -> YNode:
        node = field(self.position(actor, issue), "evidence")
        if isinstance(node, YSeq) and index < len(node.items):
            return node.items[index]
        return self.position(actor, issue)


def field(node: YNode | None, key: str) -> YNode | None:
    """The value of `key` in a mapping, or None."""
    if isinstance(node, YMap) and key in node.entries:
        return node.entries[key][1]
    return None


def at(node: YNode | None, key: str, fallback: YNode) -> YNode:
    """The value of `key` in `node` to point at, or the fallback when it is not there."""
    found = field(node, key)
    return found if found is not None else fallback


def _text(node: YNode | None) -> str:
    return node.text if isinstance(node, YScalar) else ""
