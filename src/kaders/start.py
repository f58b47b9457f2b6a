"""The entry point (`kaders`, `python -m kaders`): Ctrl-C and odd standard streams are handled
from the first line, before Typer, Pydantic and Rich are imported.

Importing those takes about 100 ms; a Ctrl-C in that time would otherwise print a traceback
from deep inside an import. Until the command runs, SIGINT ends the program at once, quietly,
with exit 130. A closed stdin, stdout or stderr (`<&-`, `>&-`, `2>&-`) gets /dev/null on its
descriptor, so no file the program opens later takes its number and no message lands in the
data; a closed stdout says so when something is written to it.
"""

from __future__ import annotations

import os
import signal
from typing import Any

AFGEBROKEN = 130


def _stil_stoppen(signum: int, frame: Any) -> None:
    """Ctrl-C before the command runs: nothing is written yet, so stop at once."""
    os._exit(AFGEBROKEN)


def main() -> None:
    """Console entry point: guard Ctrl-C and the standard streams, then run the command line."""
    signal.signal(signal.SIGINT, _stil_stoppen)
    from .strommen import herstel_strommen

    herstel_strommen()
    from .cli import main as cli_main

    # From here Ctrl-C raises KeyboardInterrupt, which the command line turns into exit 130.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    cli_main()
