"""The floor: a minimal Typer app whose one command validates one small Pydantic model.

`kaders` cannot start faster than this: the same interpreter, the same Typer and the same
Pydantic, doing the least a command of this kind can do. The benchmark runs it exactly like
`kaders` (the interpreter with a script path) and reports every time as a ratio to this one.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import typer
from pydantic import BaseModel, ConfigDict

app = typer.Typer()


class Ding(BaseModel):
    """A small record, strict like the register's models."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str
    aantal: int | None = None
    begin: dt.date


@app.command()
def toon(id: str = "vloer", aantal: int = 1) -> None:
    """Validate one record and print it as JSON."""
    ding = Ding.model_validate({"id": id, "aantal": aantal, "begin": dt.date(2025, 1, 1)})
    sys.stdout.write(json.dumps(ding.model_dump(mode="json")) + "\n")


if __name__ == "__main__":
    app()
