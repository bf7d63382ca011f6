"""Brinkmanship: a turn-based crisis-simulation teaching game.

`game.scenario` loads and checks scenario files, `game.engine` is the pure
rules core, `game.client` is the Pygame shell; `game.cli` dispatches commands.
"""
