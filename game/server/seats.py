"""Join codes, seat tokens, instructor keys, and the limit on wrong guesses.

A join code is short enough to type from the projector (8 letters and digits,
shown as two groups of four) yet unguessable: 30^8 ≈ 6.6 × 10^11 codes, and
each address may miss only a few times a minute. Seat tokens are long random
strings kept in the team's browser; the server stores only their SHA-256, so
a copied database does not hand out seats.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import deque

# No 0/O, 1/I/L, U (read aloud, or on a low-resolution projector, they are mistaken for each other).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8


def new_join_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normal_code(typed: str) -> str:
    """What a student typed, as the stored code: case, spaces and the dash do not matter."""
    raw = "".join(ch for ch in typed.upper() if ch.isalnum())[: CODE_LENGTH + 4]
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == CODE_LENGTH else raw


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_game_id() -> str:
    return secrets.token_hex(6)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def same_secret(given: object, expected: str) -> bool:
    """Constant-time comparison, so the time a refusal takes tells nothing about the key."""
    return isinstance(given, str) and secrets.compare_digest(given.encode(), expected.encode())


class GuessLimit:
    """At most `allowed` wrong codes per address in any `window` seconds."""

    def __init__(self, allowed: int = 10, window: float = 60.0, clock=time.monotonic):
        self.allowed, self.window, self.clock = allowed, window, clock
        self.misses: dict[str, deque[float]] = {}

    def blocked(self, address: str) -> bool:
        misses = self.misses.get(address)
        if not misses:
            return False
        cutoff = self.clock() - self.window
        while misses and misses[0] < cutoff:
            misses.popleft()
        return len(misses) >= self.allowed

    def missed(self, address: str) -> None:
        if len(self.misses) > 10_000:  # a flood of addresses must not grow memory without end
            self.misses.clear()
        self.misses.setdefault(address, deque()).append(self.clock())
