"""Views of the living register: the documents (`kaders documenten`) and a framework's
versions (`kaders historie`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..documenten import Documentregel
from ..stand import Versie
from .overzicht import kader_json, personeel_tekst
from .tekst import cel
from .weergave import Plan, Rij, Weergave

DOCUMENTEN_KOLOMMEN = (
    "id",
    "soort",
    "kamerstuk",
    "datum",
    "titel",
    "url",
    "kaders",
    "wijzigingen",
    "tekst_beschikbaar",  # added later: at the end, so the columns scripts cut stay put
    "opmerking",
)
HISTORIE_KOLOMMEN = (
    "versie",
    "datum",
    "document",
    "plek",
    "veld",
    "oud",
    "nieuw",
    "citaat",
    "vanaf",  # added with valid time: at the end, so the columns scripts cut stay put
)


def document_json(regel: Documentregel) -> dict[str, Any]:
    """A document as in the JSON contract, with its counts."""
    return {**regel.document.als_json(), "kaders": regel.kaders, "wijzigingen": regel.wijzigingen}


def documenten(regels: Sequence[Documentregel], stand: dt.date) -> Weergave:
    """The documents known on the stand: one row each, with what they introduced and changed."""
    records = [document_json(r) for r in regels]
    rijen = [
        {**r, "titel": r["titel"] + ("" if r["tekst_beschikbaar"] else " (tekst niet beschikbaar)")}
        for r in records
    ]
    titel = f"Documenten, zoals bekend op {stand}"
    kolommen = (
        ("id", "ID", 0),
        ("datum", "Datum", 0),
        ("soort", "Soort", 5),
        ("kamerstuk", "Kamerstuk", 4),
        ("titel", "Titel", 0),  # how a person finds a letter: never dropped
        ("kaders", "Kaders", 1),
        ("wijzigingen", "Wijzigingen", 2),
        ("url", "Adres", 6),
    )
    voet = (
        "'Tekst niet beschikbaar': het document is bekend, zijn tekst niet; niets in het "
        "register berust erop."
    )
    legenden = {
        "kaders": "'Kaders': kaders die het document invoerde.",
        "wijzigingen": "'Wijzigingen': wijzigingen van kaders die het bracht.",
    }
    plan = Plan(titel, kolommen, rijen, voet, legenden)
    return Weergave(
        soort="documenten",
        titel=titel,
        kolommen=DOCUMENTEN_KOLOMMEN,
        rijen=records,
        json=records,
        jsonl=records,
        mens=plan,
    )


def _samenvatting(versie: Versie) -> str:
    """A framework in one line, as its introduction left it."""
    k = versie.kader
    return f"{k.missie} ({k.regio}), {personeel_tekst(k)}, {k.begin} – {k.eind}, {k.status}"


def versie_json(nummer: int, versie: Versie) -> dict[str, Any]:
    """One version as in the JSON contract: when, which document, what changed, and the
    framework as it then stood."""
    return {
        "versie": nummer,
        "datum": None if versie.datum is None else versie.datum.isoformat(),
        "document": versie.document,
        "plek": versie.plek,
        "citaat": versie.citaat,
        "vanaf": None if versie.vanaf is None else versie.vanaf.isoformat(),
        "vanaf_citaat": versie.vanaf_citaat,
        "wijzigingen": [
            {"veld": w.veld, "oud": w.oud, "nieuw": w.nieuw} for w in versie.wijzigingen
        ],
        "kader": kader_json(versie.kader),
    }


def _kop(rij: Rij) -> dict[str, Any]:
    """The cells that name a version, on its first row."""
    vanaf = rij["vanaf"] if rij["versie"] != 1 and rij["vanaf"] else "—"
    return {
        "versie": rij["versie"],
        "datum": rij["datum"],
        "vanaf_tekst": "" if rij["versie"] == 1 else vanaf,
        "document": rij["document"],
    }


def historie(kader_id: str, versies: Sequence[Versie], stand: dt.date) -> Weergave:
    """Every version of one framework, oldest first: a row per changed field.

    The first version is the framework as its document introduced it, on one row with a
    summary as 'nieuw'.
    """
    data = [versie_json(i, v) for i, v in enumerate(versies, start=1)]
    rijen: list[Rij] = []
    for record, versie in zip(data, versies, strict=True):
        kop = {k: record[k] for k in ("versie", "datum", "document", "plek", "vanaf")}
        kop["vanaf_citaat"] = record["vanaf_citaat"]
        velden: list[tuple[str | None, Any, Any]]
        if versie.wijziging is None:
            velden = [(None, None, _samenvatting(versie))]
        else:
            velden = [(w.veld, w.oud, w.nieuw) for w in versie.wijzigingen]
        for veld, oud, nieuw in velden:
            rijen.append({**kop, "veld": veld, "oud": oud, "nieuw": nieuw, "citaat": versie.citaat})
    tabelrijen: list[Rij] = []
    for i, rij in enumerate(rijen):
        eerste = i == 0 or rij["versie"] != rijen[i - 1]["versie"]
        laatste = i + 1 == len(rijen) or rij["versie"] != rijen[i + 1]["versie"]
        koppen = ("versie", "datum", "vanaf_tekst", "document")
        tabelrijen.append(
            {
                **dict.fromkeys(koppen),
                **(_kop(rij) if eerste else {}),
                "veld": rij["veld"],
                "oud_tekst": "—" if rij["oud"] is None else cel(rij["oud"]),
                "nieuw_tekst": cel(rij["nieuw"]),
            }
        )
        if laatste and rij["citaat"]:  # the words on a row of their own: never dropped
            tabelrijen.append(
                {**dict.fromkeys(koppen), "veld": "citaat", "nieuw_tekst": rij["citaat"]}
            )
        if laatste and rij["vanaf_citaat"]:  # the words the valid-from day rests on
            tekst = rij["vanaf_citaat"]
            tabelrijen.append({**dict.fromkeys(koppen), "veld": "vanaf", "nieuw_tekst": tekst})
    missie = versies[0].kader.missie if versies else kader_id
    titel = f"Historie van {kader_id} ({missie}), zoals bekend op {stand}"
    kolommen = (
        ("versie", "#", 0),
        ("datum", "Bekend sinds", 0),
        ("vanaf_tekst", "Geldig vanaf", 0),
        ("document", "Document", 0),
        ("veld", "Veld", 0),
        ("oud_tekst", "Oud", 2),
        ("nieuw_tekst", "Nieuw", 0),
    )
    voet = (
        "Versie 1 is het kader zoals zijn document het invoerde; elke volgende versie is een "
        "wijziging door een later document, per veld oud → nieuw, met het citaat. 'Bekend "
        "sinds': de datum van het document; 'Geldig vanaf': vanaf die dag gelden de nieuwe "
        "waarden (—: over de hele looptijd)."
    )
    plan = Plan(titel, kolommen, tabelrijen, voet)
    return Weergave(
        soort="historie",
        titel=titel,
        kolommen=HISTORIE_KOLOMMEN,
        rijen=rijen,
        json={"id": kader_id, "stand": stand.isoformat(), "versies": data},
        jsonl=data,
        mens=plan,
    )
