"""The floor with kaders' one exit step, `gc.freeze()`: to compare kaders like for like.

`kaders` freezes the collector when its command is done, so that the interpreter's last
collection does not walk every object Typer, Pydantic and Rich made. Any Typer app could do
the same; this floor does, so the benchmark shows kaders' own overhead both ways.
"""

from __future__ import annotations

import gc

from vloer import app

if __name__ == "__main__":
    try:
        app()
    finally:
        gc.freeze()
