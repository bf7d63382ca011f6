"""The sub-commands of `python main.py`, one module each; `game.cli` parses the line and calls one.

Each module is a thin shell: it reads the arguments, opens files, prints and
returns the exit status, and leaves every rule to `game.engine` and every
check of a scenario to `game.scenario`.
"""
