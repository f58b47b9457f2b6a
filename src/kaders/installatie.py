"""The installed package, and the register inside it: never a target for any write."""

from __future__ import annotations

import os
from pathlib import Path

PAKKET = Path(os.path.realpath(Path(__file__).parent))  # .../site-packages/kaders, or src/kaders


def in_pakket(pad: Path) -> bool:
    """Whether a path (links followed, as a write would) lies inside the installed package.

    That is where the bundled register of an installed kaders lives (kaders/data/kaders.toml):
    replacing it would break every later run. Never raises: a link loop is simply not inside.
    """
    try:
        echt = Path(os.path.realpath(pad))
    except (OSError, ValueError):
        return False
    return echt == PAKKET or PAKKET in echt.parents
