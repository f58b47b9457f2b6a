"""One registry of output formats: every format writes any view (`Weergave`) or says it cannot.

A command builds a `Weergave` (uitvoer.overzicht, .levend, .totalen, .vergelijking) and hands
it to `schrijf` with the format the user chose. Adding a format is one entry in `FORMATEN` (and,
for anything heavier than a few lines, one module, imported inside its writer so nobody
else pays for loading it). A binary format writes bytes and goes only to a file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from .weergave import Datering, Rij, Scherm, Weergave

__all__ = ["FORMATEN", "Formaat", "Rij", "Scherm", "Weergave", "namen", "schrijf"]


class Formaat(NamedTuple):
    """An output format: its name, what it is, how it writes a view, and which views."""

    naam: str
    omschrijving: str
    schrijf: Callable[[Weergave, Scherm], str | bytes]  # bytes exactly when `binair`
    soorten: frozenset[str] | None = None  # None: every kind of view
    kop_bij_leeg: bool = False  # an empty answer still prints (its header row; JSON: [])
    binair: bool = False  # a file, never a terminal or stdout
    pijp: bool = False  # binary, yet allowed on stdout when that is a pipe (not a terminal)


def _tabel(weergave: Weergave, scherm: Scherm) -> str:
    from .tabel import weergave_tabel  # Rich: only when a table is drawn

    return weergave_tabel(weergave, scherm)


def _gedateerd(waarde: Any, datering: Datering | None) -> Any:
    """Every JSON object of an answer names its stand (and the day it shows, if one), unless
    it names its own."""
    if datering is None:
        return waarde
    if isinstance(waarde, list):
        return [_gedateerd(w, datering) for w in waarde]
    if not isinstance(waarde, dict):
        return waarde
    extra = {"stand": datering.stand.isoformat()}
    if datering.peildatum is not None:
        extra["peildatum"] = datering.peildatum.isoformat()
    return waarde | {k: v for k, v in extra.items() if k not in waarde}


def _json(weergave: Weergave, scherm: Scherm) -> str:
    from .tekst import json_tekst

    return json_tekst(_gedateerd(weergave.json, weergave.datering))


def _jsonl(weergave: Weergave, scherm: Scherm) -> str:
    from .tekst import jsonl_tekst

    return jsonl_tekst(_gedateerd(list(weergave.jsonl), weergave.datering))


def _csv(weergave: Weergave, scherm: Scherm) -> str:
    from .tekst import csv_tekst

    return csv_tekst(weergave.kolommen, weergave.rijen, excel=scherm.excel)


def _tsv(weergave: Weergave, scherm: Scherm) -> str:
    from .tekst import tsv

    return tsv(weergave.kolommen, weergave.rijen)


def _markdown(weergave: Weergave, scherm: Scherm) -> str:
    from .markdown import document

    return document(weergave)


def _xlsx(weergave: Weergave, scherm: Scherm) -> bytes:
    from .xlsx import werkboek  # XlsxWriter: only when a workbook is written

    return werkboek(weergave)


def _sqlite(weergave: Weergave, scherm: Scherm) -> bytes:
    from .sqlite import database  # sqlite3: only when a database is written

    bron = weergave.bron
    return database(bron.register, bron.kaders, bron.bestand, bron.bronnen, weergave.datering)


def _svg(weergave: Weergave, scherm: Scherm) -> bytes:
    from .grafiek import grafiek  # matplotlib: only when a chart is drawn

    return grafiek(weergave, "svg")


def _png(weergave: Weergave, scherm: Scherm) -> bytes:
    from .grafiek import grafiek  # matplotlib: only when a chart is drawn

    return grafiek(weergave, "png")


_GRAFIEKEN = frozenset({"totaal", "tijdlijn"})


def _toml(weergave: Weergave, scherm: Scherm) -> str:
    from ..tomltabel import register_toml  # tomli-w: only when TOML is written

    # The file as it stood on the stand, with the history of the chosen frameworks: it loads
    # back to the same register, and folds to the same frameworks.
    bestand, ids = weergave.bron.bestand, {k.id for k in weergave.bron.kaders}
    return register_toml(bestand, [k for k in bestand.kader if k.id in ids])


FORMATEN: dict[str, Formaat] = {
    f.naam: f
    for f in (
        Formaat("tabel", "een tabel voor mensen", _tabel),
        Formaat("json", "één JSON-document", _json, kop_bij_leeg=True),
        Formaat("jsonl", "één JSON-object per regel", _jsonl),
        Formaat("csv", "komma-gescheiden, met kopregel", _csv, kop_bij_leeg=True),
        Formaat("tsv", "tab-gescheiden, met kopregel", _tsv, kop_bij_leeg=True),
        Formaat(
            "markdown", "Markdown: kop, tabel voor mensen, legenda", _markdown, kop_bij_leeg=True
        ),
        Formaat("xlsx", "een Excel-werkboek (met --uitvoer)", _xlsx, binair=True),
        Formaat("toml", "een register dat weer inleest", _toml, frozenset({"export"})),
        Formaat(
            "sqlite",
            "een SQLite-database (met --uitvoer)",
            _sqlite,
            frozenset({"export"}),
            binair=True,
        ),
        Formaat(
            "svg",
            "een grafiek als SVG (met --uitvoer of in een pijp)",
            _svg,
            _GRAFIEKEN,
            binair=True,
            pijp=True,
        ),
        Formaat(
            "png",
            "een grafiek als PNG (met --uitvoer of in een pijp)",
            _png,
            _GRAFIEKEN,
            binair=True,
            pijp=True,
        ),
    )
}


def namen(soort: str) -> tuple[str, ...]:
    """The formats that can write a view of this kind, in registry order."""
    return tuple(n for n, f in FORMATEN.items() if f.soorten is None or soort in f.soorten)


def schrijf(weergave: Weergave, formaat: str, scherm: Scherm) -> str | bytes:
    """The view written in the format (a name from `namen(weergave.soort)`): bytes if binary."""
    gekozen = FORMATEN[formaat]
    if gekozen.soorten is not None and weergave.soort not in gekozen.soorten:
        raise ValueError(f"formaat {formaat} kan geen {weergave.soort} schrijven")
    return gekozen.schrijf(weergave, scherm)
