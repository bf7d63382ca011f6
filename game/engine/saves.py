"""Saves as records: a versioned JSON-ready dict of scenario id + content hash + seed + orders.

A save holds no derived state: loading replays the orders through the engine,
so a save always gives back exactly the game that was saved. The final state
is stored too, only to check the replay. Reading and writing the files is
`game.savefiles`' work: the engine touches no files.
"""

from __future__ import annotations

import codecs
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.deal_values import DealMove, move_from_json
from game.engine.resolve import IllegalOrder

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.scenario.model import Scenario

SAVE_FORMAT = "brinkmanship-save"
SAVE_VERSION = 1
MAX_SAVE_DEPTH = 64  # a save nests about 5 deep; room for what later versions add
MAX_INT_DIGITS = 4300  # Python's own limit for int(str): any larger would fail there


class SaveError(ValueError):
    """A save file that cannot be used; the message says why and what to do."""


def game_to_save(game: Game) -> dict[str, Any]:
    return {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "scenario_id": game.scenario.id,
        "scenario_hash": game.scenario.content_hash,
        "scenario_path": str(Path(game.scenario.path).resolve()) if game.scenario.path else "",
        "seed": game.seed,
        "humans": list(game.humans),
        "mode": "classroom" if game.classroom else "solo",
        "temperaments": game.temperaments,
        **({"types": dict(game.types)} if game.types else {}),  # optional: older saves draw from the seed
        "turns": [
            {"orders": orders.to_json(), "injects": injects}
            | ({"rationales": why} if why else {})
            | ({"deals": [m.to_json() for m in moves]} if moves else {})  # optional: older saves lack it
            for orders, injects, why, moves in zip(
                game.orders, game.injects, game.rationales, game.deal_moves, strict=True
            )
        ],
        "pending_injects": list(game.pending_injects),
        # Optional keys (a lesson's): older saves lack them and load as before.
        "pending_orders": dict(game.pending_orders),
        "pending_rationales": dict(game.pending_rationales),
        "ended_by_instructor": game.ended_by_instructor,
        "settings": dict(game.settings),
        "pending_deals": [m.to_json() for m in game.pending_deal_moves.values()],
        "final_state": game.state.to_json(),
    }


def game_from_save(cls: type[Game], scenario: Scenario, data: object) -> Game:
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError("this is not a Brinkmanship save file")
    if data.get("version") != SAVE_VERSION:
        raise SaveError(
            f"save version {brief(data.get('version'))} is not supported (this game reads {SAVE_VERSION})"
        )
    if data.get("scenario_id") != scenario.id:
        raise SaveError(f"the save is of scenario {brief(data.get('scenario_id'))}, not '{scenario.id}'")
    try:
        seed = int(data["seed"])
        humans = tuple(str(h) for h in data["humans"])
        temperaments = {str(k): str(v) for k, v in dict(data["temperaments"]).items()}
        turns = list(data["turns"])
        types = {str(k): str(v) for k, v in dict(data["types"]).items()} if "types" in data else None
        game = cls(scenario, seed, humans, temperaments, data.get("mode") == "classroom", types)
        for turn in turns:
            game.pending_injects = [str(i) for i in turn.get("injects", [])]
            orders = {str(k): str(v) for k, v in dict(turn["orders"]).items()}
            # Computer choices are deterministic: recomputing them restores their explanations.
            moves = _saved_moves(game, turn.get("deals") or [])
            mine = {m.actor: m for m in moves}
            decisions = {
                side: game.computer_choice(side, mine.get(side))
                for side in game.computer_sides
                if side in orders
            }
            why = {str(k): str(v) for k, v in dict(turn.get("rationales") or {}).items()}
            chosen = {s: d for s, d in decisions.items() if d.option_id == orders[s]}
            game.resolve_orders(orders, chosen, why, moves)
        game.pending_injects = [str(i) for i in data.get("pending_injects", [])]
        _restore_lesson(game, data)
        game.load_warnings = _differences(game, data)
    except SaveError:
        raise
    except IllegalOrder as error:
        raise SaveError(f"the save does not replay on this scenario: {brief(error, 200)}") from None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise SaveError(f"the save file is damaged ({type(error).__name__}: {brief(error)})") from None
    return game


def brief(value: object, most: int = 80) -> str:
    """A value from a save, quoted short enough for a one-line message (a save can hold 2 MiB of text)."""
    text = repr(value) if not isinstance(value, BaseException) else str(value)
    return text if len(text) <= most else text[: most - 3] + "..."


def _saved_moves(game: Game, saved: list[Any]) -> tuple[DealMove, ...]:
    """A turn's deal moves as saved; a computer's, recomputed alike, keeps its reason in words."""
    moves = []
    for data in saved:
        move = move_from_json(game.scenario, dict(data))
        if move.actor in game.computer_sides:
            again = game.computer_deal_move(move.actor)
            move = again if again == move else move
        moves.append(move)
    return tuple(moves)


def _restore_lesson(game: Game, data: dict[str, Any]) -> None:
    """The optional lesson keys: orders entered but not resolved, an early end, the settings."""
    pending = {str(k): str(v) for k, v in dict(data.get("pending_orders") or {}).items()}
    unknown = [side for side in pending if side not in game.humans]
    if unknown:
        raise SaveError(f"the save holds an order for '{unknown[0]}', which no team plays")
    game.pending_orders = pending
    game.pending_rationales = {
        str(k): str(v) for k, v in dict(data.get("pending_rationales") or {}).items() if k in pending
    }
    game.ended_by_instructor = bool(data.get("ended_by_instructor", False))
    for move in _saved_moves(game, list(data.get("pending_deals") or [])):
        if move.actor in game.humans:
            game.deal(move)
    game.settings = dict(data.get("settings") or {})


def _differences(game: Game, data: dict[str, Any]) -> list[str]:
    """What a player should know when the scenario file changed since the game was saved."""
    if data.get("scenario_hash") in (None, "", game.scenario.content_hash):
        return []
    warnings = [
        "the scenario file has changed since this game was saved; the orders were replayed on the new version"
    ]
    if data.get("final_state") is not None and data["final_state"] != game.state.to_json():
        warnings.append(
            "the replayed game now stands differently from the saved one (the new rules gave other results)"
        )
    return warnings


def parse_save_bytes(data: bytes) -> dict[str, Any]:
    """Decode and parse the bytes of a save, or raise `SaveError` saying what is wrong with them."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")  # Notepad's "Unicode"
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SaveError(f"not UTF-8 text: byte {error.start} cannot be read") from None
    try:
        value = json.loads(
            text, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant
        )
    except RecursionError:
        raise SaveError(f"values nested more than {MAX_SAVE_DEPTH} deep") from None
    except json.JSONDecodeError as error:
        raise SaveError(f"{error.msg} at line {error.lineno}, column {error.colno}") from None
    if _depth(value) > MAX_SAVE_DEPTH:
        raise SaveError(f"values nested more than {MAX_SAVE_DEPTH} deep")
    if not isinstance(value, dict):
        raise SaveError("a save is a JSON object ({...})")
    return value


def _bounded_int(digits: str) -> int:
    # Python refuses to turn more than 4,300 digits into an int, with a ValueError json does not expect.
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise SaveError(f"a number of {len(digits):,} digits; a save holds none over {MAX_INT_DIGITS:,}")
    return int(digits)


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise SaveError(f"the number {text[:40]} is too large")
    return number


def _no_constant(name: str) -> float:
    raise SaveError(f"{name} is not a number a save can hold")


def _depth(value: object) -> int:
    """How deep lists and objects nest in a parsed JSON value, walked without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_SAVE_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest
