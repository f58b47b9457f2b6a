"""What every format writes: a view (`Weergave`) of an answer, and the screen it may go to."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

Rij = Mapping[str, Any]


class Scherm(NamedTuple):
    """Where an answer goes: a table's width, whether colour is allowed, and for csv whether
    Dutch Excel will open it (a byte order mark and ';')."""

    breedte: int = 100
    kleur: bool = False
    excel: bool = False


class Weergave(NamedTuple):
    """One answer in every shape a format may need; built once, written by any format."""

    soort: str  # kaders, export, kader, totaal, verloop, verschil, tijdlijn
    titel: str
    kolommen: Sequence[str]  # the columns of the flat formats, in order
    rijen: Sequence[Rij]  # one flat row per line of csv and tsv
    json: Any  # the documented JSON object or array
    jsonl: Sequence[Any]  # one JSON value per line
    tabel: Callable[[Scherm], str]  # the table for people, drawn for a screen
    bron: Any = None  # the domain objects, for a format that writes more than rows
