"""The one seed policy for a new game: the seed asked for (`--seed N`), else a fresh random one.

A fresh seed has at most six digits, so a teacher can read it out and a
student type it back (`play --seed N`) to replay the same computer players.
"""

from __future__ import annotations

import random

FRESH_SEEDS = 1_000_000  # fresh seeds are 0 .. 999 999


def choose_seed(asked: int | None = None) -> int:
    """`asked` when the player gave one, else a fresh seed from the system's randomness."""
    if asked is not None:
        return asked
    return random.SystemRandom().randrange(FRESH_SEEDS)
