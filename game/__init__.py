"""Brinkmanship: a turn-based crisis-simulation teaching game.

`game.scenario` loads and checks scenario files, `game.engine` is the pure
rules core, `game.client` (the window) and `game.text_mode` (the terminal) are
its shells, `game.commands` holds the sub-commands and `game.cli` dispatches
them. `docs/architecture.md` says which layer may import which.
"""
