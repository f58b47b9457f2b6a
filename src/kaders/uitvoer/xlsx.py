"""Excel: a real .xlsx with typed cells (numbers as numbers, dates as dates), via XlsxWriter.

Imported only when an xlsx file is written: XlsxWriter costs start-up time nobody else pays.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from ..errors import KadersFout
from ..models import Kader
from .tekst import cel
from .weergave import Rij, Weergave

# The sheet an answer goes to, by the kind of view: one sheet per kind of output.
BLADEN = {
    "kaders": "Kaders",
    "export": "Kaders",
    "kader": "Kader",
    "totaal": "Totaal",
    "verloop": "Verloopt",
    "verschil": "Verschil",
    "tijdlijn": "Tijdlijn",
    "documenten": "Documenten",
    "historie": "Historie",
}
DOCUMENTKOLOMMEN = (
    *("id", "soort", "kamerstuk", "datum", "titel", "url"),
    *("tekst_beschikbaar", "opmerking"),
)
DATUMKOLOMMEN = frozenset({"begin", "eind", "peildatum", "datum", "vanaf", "mandaat_eind"})
EXCEL_MAX_TEKENS = 32_767  # characters in one cell
EXCEL_EERSTE_JAAR = 1900  # an earlier date becomes #VALUE!: written as ISO text instead
_BREEDST = 60  # characters; longer text wraps inside its cell


def _datum(waarde: Any) -> dt.datetime | None:
    """An ISO date text as a datetime for Excel, or None if it is not one."""
    if isinstance(waarde, dt.date):
        return dt.datetime(waarde.year, waarde.month, waarde.day)
    if isinstance(waarde, str) and len(waarde) == 10:
        try:
            datum = dt.date.fromisoformat(waarde)
        except ValueError:
            return None
        return dt.datetime(datum.year, datum.month, datum.day)
    return None


def _past_in_cel(tekst: str, blad: str, rij: Rij, kolom: str) -> str:
    """Text that fits an Excel cell; longer text is refused by record and field, never cut."""
    if len(tekst) <= EXCEL_MAX_TEKENS:
        return tekst
    wie = f"kader '{rij['id']}'" if isinstance(rij.get("id"), str) else "een rij"
    lang, max_ = (f"{n:,}".replace(",", ".") for n in (len(tekst), EXCEL_MAX_TEKENS))
    raise KadersFout(
        [
            f"xlsx: blad {blad}, {wie}, veld '{kolom}': {lang} tekens; een Excel-cel houdt er "
            f"hoogstens {max_} en zou de rest stil weglaten. Er is niets geschreven; csv, json "
            "en sqlite houden de hele tekst"
        ]
    )


def _blad(boek: Any, naam: str, kolommen: Sequence[str], rijen: Sequence[Rij]) -> None:
    """One sheet: a frozen bold header, an autofilter, typed cells and widths that fit."""
    blad = boek.add_worksheet(naam)
    kop = boek.add_format({"bold": True})
    datum = boek.add_format({"num_format": "yyyy-mm-dd"})
    breedtes = [len(k) for k in kolommen]
    for j, kolom in enumerate(kolommen):
        blad.write_string(0, j, kolom, kop)
    for i, rij in enumerate(rijen, start=1):
        for j, kolom in enumerate(kolommen):
            waarde = rij.get(kolom)
            if waarde is None or waarde == []:
                continue  # unknown stays empty, never 0
            if isinstance(waarde, bool):
                blad.write_boolean(i, j, waarde)
            elif isinstance(waarde, int | float):
                blad.write_number(i, j, waarde)
            elif kolom in DATUMKOLOMMEN and (als_datum := _datum(waarde)) is not None:
                if als_datum.year < EXCEL_EERSTE_JAAR:  # Excel has no dates before 1900
                    blad.write_string(i, j, als_datum.date().isoformat())
                else:
                    blad.write_datetime(i, j, als_datum, datum)
            else:
                # write_string: text is never turned into a formula, a number or a link
                blad.write_string(i, j, _past_in_cel(cel(waarde), naam, rij, kolom))
            breedtes[j] = max(breedtes[j], len(cel(waarde)))
    for j, breedte in enumerate(breedtes):
        blad.set_column(j, j, min(breedte, _BREEDST) + 2)
    blad.freeze_panes(1, 0)
    blad.autofilter(0, 0, max(len(rijen), 1), max(len(kolommen) - 1, 0))


BRONKOLOMMEN = (
    "kader",
    "veld",
    "document",
    "plek",
    "citaat",
    "afgeleid",
    "vanaf",
    "vanaf_citaat",
    "vanaf_afgeleid",
)


def afleidingen(kaders: Sequence[Kader]) -> list[Rij]:
    """One row per derived field: which framework, which field, and why."""
    return [{"kader": k.id, "veld": a.veld, "reden": a.reden} for k in kaders for a in k.afgeleid]


def werkboek(weergave: Weergave) -> bytes:
    """The view as an .xlsx file; an export also gets a sheet of the derived fields."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    boek = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    naam = BLADEN.get(weergave.soort, "Uitvoer")
    if weergave.datering is not None and weergave.datering.stand_gegeven:
        naam += f" stand {weergave.datering.stand}"  # at most 31 characters, as Excel wants
    _blad(boek, naam, weergave.kolommen, weergave.rijen)
    if weergave.soort == "export":
        _blad(boek, "Afgeleid", ("kader", "veld", "reden"), afleidingen(weergave.bron.kaders))
        documenten = [d.als_json() for d in weergave.bron.register.document]
        _blad(boek, "Documenten", DOCUMENTKOLOMMEN, documenten)
        bronnen = [
            {"kader": kader, "veld": veld, **b.als_json()}
            for kader, velden in weergave.bron.bronnen.items()
            for veld, b in velden.items()
        ]
        _blad(boek, "Bronnen", BRONKOLOMMEN, bronnen)
    boek.close()
    return buffer.getvalue()
