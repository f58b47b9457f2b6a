"""What every format writes: a view (`Weergave`) of an answer, and the screen it may go to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, NamedTuple

Rij = Mapping[str, Any]


class Scherm(NamedTuple):
    """Where an answer goes: a table's width, whether colour is allowed, and for csv whether
    Dutch Excel will open it (a byte order mark and ';')."""

    breedte: int = 100
    kleur: bool = False
    excel: bool = False


class Plan(NamedTuple):
    """A table for people before it meets a screen: the box table and Markdown draw it.

    `kolommen` are (key, header[, priority]): 0 is always shown, otherwise the highest goes
    first on a narrow screen. `legenden` explain a column in the footer and go with it.
    """

    titel: str
    kolommen: Sequence[tuple[str, str] | tuple[str, str, int]]
    rijen: Sequence[Rij]
    voet: str | None = None
    legenden: Mapping[str, str] | None = None

    def met_behouden(self, sleutels: Collection[str]) -> Plan:
        """The plan with these columns never dropped (a filter or sort asked about them)."""
        kolommen = [
            (k[0], k[1], 0 if k[0] in sleutels or len(k) == 2 else k[2]) for k in self.kolommen
        ]
        return self._replace(kolommen=kolommen)


class Datering(NamedTuple):
    """Which day an answer shows and as known on which day; `stand_gegeven`: the stand was
    asked for (not today), so a title names it."""

    peildatum: dt.date | None
    stand: dt.date
    stand_gegeven: bool = False

    def tekst(self) -> str:
        """'Peildatum …, zoals bekend op ….' for a heading."""
        if self.peildatum is None:
            return f"Zoals bekend op {self.stand}."
        return f"Peildatum {self.peildatum}, zoals bekend op {self.stand}."


class Weergave(NamedTuple):
    """One answer in every shape a format may need; built once, written by any format."""

    soort: str  # kaders, export, kader, totaal, verloop, verschil, tijdlijn
    titel: str
    kolommen: Sequence[str]  # the columns of the flat formats, in order
    rijen: Sequence[Rij]  # one flat row per line of csv and tsv
    json: Any  # the documented JSON object or array
    jsonl: Sequence[Any]  # one JSON value per line
    # The table for people, drawn for a screen, when it is more than its plan (`mens`) drawn.
    tabel: Callable[[Scherm], str] | None = None
    bron: Any = None  # the domain objects, for a format that writes more than rows
    mens: Plan | None = None  # the table for people as data: the box table and Markdown
    datering: Datering | None = None  # set by the command: which day, as known on which
