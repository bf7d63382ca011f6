"""`python -m game` behaves exactly like `python main.py`."""

import sys

from game.cli import main

sys.exit(main())
