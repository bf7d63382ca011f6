"""The rules core: game state, resolution from stated positions, computer players, saves. Never imports pygame."""
