"""Views of the difference between registers and of a timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..models import Kader
from ..stand import Veldwijziging
from ..tijdlijn import Tijdlijn
from ..verschil import Verschil
from .overzicht import kader_json, personeel_tekst
from .tabel import Kolom, teken
from .tekst import cel
from .totalen import SOM_UITLEG, WAARVAN_AFGELEID, plat, totaal_json
from .weergave import Plan, Scherm, Weergave

VERSCHIL_KOLOMMEN = ("soort", "id", "veld", "oud", "nieuw", "peildatum")
TIJDLIJN_KOLOMMEN = (
    "periode",
    "peildatum",
    "groep",
    "personeel",
    "kaders",
    "zonder_aantal",
    "personeel_afgeleid",  # added later: at the end, so columns scripts cut stay put
    "kaders_afgeleid",
    "gelijktijdig",
    "per_jaar",
    "niet_vermeld",
    "indeling_afgeleid",
    "opgeschort_personeel",
    "opgeschort_kaders",
)
_KLEUR = {
    "toegevoegd": "green",
    "verwijderd": "red",
    "gewijzigd": "yellow",
    "hernoemd": "yellow",
    "register": "yellow",
    "regio-toegevoegd": "green",
    "regio-verwijderd": "red",
    "regio-gewijzigd": "yellow",
}

Rij = dict[str, Any]


# --- verschil ------------------------------------------------------------------------------


def wijziging_json(wijziging: Veldwijziging) -> dict[str, Any]:
    """A changed field as {"veld", "oud", "nieuw"}."""
    return {"veld": wijziging.veld, "oud": wijziging.oud, "nieuw": wijziging.nieuw}


def _stand(personeel: int | None, zonder_aantal: int) -> dict[str, Any]:
    return {"personeel": personeel, "zonder_aantal": zonder_aantal}


def verschil_json(verschil: Verschil) -> dict[str, Any]:
    """The difference as one object, in the documented JSON contract."""
    regios = verschil.regios
    return {
        "peildatum": verschil.peildatum.isoformat(),
        "toegevoegd": [kader_json(k) for k in verschil.toegevoegd],
        "verwijderd": [kader_json(k) for k in verschil.verwijderd],
        "gewijzigd": [
            {
                "id": g.id,
                "wijzigingen": [
                    {**wijziging_json(w), "document": verschil.document(g.id, w.veld)}
                    if verschil.met_documenten
                    else wijziging_json(w)
                    for w in g.wijzigingen
                ],
            }
            for g in verschil.gewijzigd
        ],
        "hernoemd": [
            {
                "oud_id": h.oud_id,
                "nieuw_id": h.nieuw_id,
                "wijzigingen": [wijziging_json(w) for w in h.wijzigingen],
            }
            for h in verschil.hernoemd
        ],
        "register": [wijziging_json(w) for w in verschil.metadata],
        "regios": {
            "toegevoegd": [r.model_dump(mode="json") for r in regios.toegevoegd],
            "verwijderd": [r.model_dump(mode="json") for r in regios.verwijderd],
            "gewijzigd": [
                {"id": g.id, "wijzigingen": [wijziging_json(w) for w in g.wijzigingen]}
                for g in regios.gewijzigd
            ],
        },
        "totaal": {
            "oud": _stand(verschil.oud_totaal.personeel, verschil.oud_totaal.zonder_aantal),
            "nieuw": _stand(verschil.nieuw_totaal.personeel, verschil.nieuw_totaal.zonder_aantal),
            "verschil": verschil.totaal_verschil,
        },
        **_standen(verschil),
    }


def _standen(verschil: Verschil) -> dict[str, Any]:
    """The two days of knowledge of a difference inside one file; nothing for two files."""
    if verschil.sinds is None or verschil.tot is None:
        return {}
    return {"sinds": verschil.sinds.isoformat(), "tot": verschil.tot.isoformat()}


def samenvatting(kader: Kader) -> str:
    """A framework in one line: 'EULEX Kosovo (westelijke-balkan), circa 15 per jaar, …'."""
    return (
        f"{kader.missie} ({kader.regio}), {personeel_tekst(kader)}, "
        f"{kader.begin} – {kader.eind}, {kader.status}"
    )


def verschil_rijen(verschil: Verschil) -> list[Rij]:
    """One row per change: soort, id, veld, oud, nieuw, peildatum; the two totals last."""
    rijen: list[Rij] = []
    datum = verschil.peildatum.isoformat()

    def rij(soort: str, id_: str | None, veld: str | None, oud: Any, nieuw: Any) -> None:
        rijen.append(
            {
                "soort": soort,
                "id": id_,
                "veld": veld,
                "oud": oud,
                "nieuw": nieuw,
                "peildatum": datum,
            }
        )
        if verschil.met_documenten:  # which document made the change
            rijen[-1]["document"] = None if soort == "totaal" else verschil.document(id_, veld)

    for wijziging in verschil.metadata:
        rij("register", None, wijziging.veld, wijziging.oud, wijziging.nieuw)
    for regio in verschil.regios.verwijderd:
        rij("regio-verwijderd", regio.id, None, regio.naam, None)
    for regio in verschil.regios.toegevoegd:
        rij("regio-toegevoegd", regio.id, None, None, regio.naam)
    for gewijzigd in verschil.regios.gewijzigd:
        for w in gewijzigd.wijzigingen:
            rij("regio-gewijzigd", gewijzigd.id, w.veld, w.oud, w.nieuw)
    for kader in verschil.verwijderd:
        rij("verwijderd", kader.id, None, samenvatting(kader), None)
    for kader in verschil.toegevoegd:
        rij("toegevoegd", kader.id, None, None, samenvatting(kader))
    for hernoemd in verschil.hernoemd:
        rij("hernoemd", hernoemd.nieuw_id, "id", hernoemd.oud_id, hernoemd.nieuw_id)
        for w in hernoemd.wijzigingen:
            rij("hernoemd", hernoemd.nieuw_id, w.veld, w.oud, w.nieuw)
    for gewijzigd in verschil.gewijzigd:
        for w in gewijzigd.wijzigingen:
            rij("gewijzigd", gewijzigd.id, w.veld, w.oud, w.nieuw)
    oud, nieuw = verschil.oud_totaal, verschil.nieuw_totaal
    rij("totaal", None, "personeel", oud.personeel, nieuw.personeel)
    rij("totaal", None, "zonder_aantal", oud.zonder_aantal, nieuw.zonder_aantal)
    return rijen


def _getal(waarde: int | None) -> str:
    return "onbekend" if waarde is None else str(waarde)


def _verschil_voet(verschil: Verschil) -> str:
    """The effect on the grand total, for people."""
    oud, nieuw = verschil.oud_totaal, verschil.nieuw_totaal
    delta = verschil.totaal_verschil
    effect = "" if delta is None else f" ({delta:+d})"
    return (
        f"Totaal op {verschil.peildatum}: {_getal(oud.personeel)} → {_getal(nieuw.personeel)}"
        f"{effect} personen; zonder aantal {oud.zonder_aantal} → {nieuw.zonder_aantal} kaders."
    )


def _tellingen(verschil: Verschil) -> str:
    delen = [
        f"{len(verschil.toegevoegd)} toegevoegd",
        f"{len(verschil.verwijderd)} verwijderd",
        f"{len(verschil.gewijzigd)} gewijzigd",
        f"{len(verschil.hernoemd)} waarschijnlijk hernoemd",
    ]
    return ", ".join(delen)


def _toon_waarde(waarde: Any) -> str:
    """A value for people: absent is '—'."""
    return "—" if waarde is None else cel(waarde)


def verschil(verschil: Verschil, oud: str, nieuw: str) -> Weergave:
    """The difference; the table colours added, removed and changed rows."""
    rijen = verschil_rijen(verschil)
    titel = f"Verschil: {oud} → {nieuw}"
    return Weergave(
        soort="verschil",
        titel=titel,
        kolommen=(*VERSCHIL_KOLOMMEN, "document") if verschil.met_documenten else VERSCHIL_KOLOMMEN,
        rijen=rijen,
        json=verschil_json(verschil),
        jsonl=rijen,
        tabel=lambda scherm: _verschil_tabel(verschil, rijen, titel, scherm, oud, nieuw),
    )


def _verschil_tabel(
    verschil: Verschil, rijen: Sequence[Rij], titel: str, scherm: Scherm, oud: str, nieuw: str
) -> str:
    """One row per changed field, the kind and id only on a record's first row."""
    if verschil.gelijk:
        return f"Geen verschillen tussen {oud} en {nieuw}.\n{_verschil_voet(verschil)}\n"
    tabelrijen: list[tuple[Sequence[str], str]] = []
    vorige: tuple[str, str] | None = None
    for r in rijen:
        if r["soort"] == "totaal":
            continue
        sleutel = (r["soort"], r["id"])
        soort = "hernoemd?" if r["soort"] == "hernoemd" else r["soort"]
        kop = ("", "") if sleutel == vorige else (soort, cel(r["id"]))
        vorige = sleutel
        cellen: tuple[str, ...] = (*kop, cel(r["veld"]), _toon_waarde(r["oud"]))
        cellen = (*cellen, _toon_waarde(r["nieuw"]))
        if r["soort"] in ("toegevoegd", "verwijderd", "regio-toegevoegd", "regio-verwijderd"):
            cellen = (*kop, "", cel(r["oud"]), cel(r["nieuw"]))
        if verschil.met_documenten:
            cellen = (*cellen, cel(r["document"]))
        tabelrijen.append((cellen, _KLEUR[r["soort"]]))
    koppen = [
        Kolom("Soort", vast=True),
        Kolom("ID", vast=True),
        Kolom("Veld", vast=True),
        Kolom("Oud"),
        Kolom("Nieuw"),
        *([Kolom("Document", vast=True, prioriteit=1)] if verschil.met_documenten else []),
    ]
    voet = f"{_tellingen(verschil)}. {_verschil_voet(verschil)}"
    if verschil.hernoemd:
        voet += " 'hernoemd?': ander id, zelfde missie en regio; waarschijnlijk hernoemd."
    return teken(titel, koppen, tabelrijen, scherm, voet)


# --- tijdlijn ------------------------------------------------------------------------------


def tijdlijn_json(lijn: Tijdlijn, stand: dt.date | None = None) -> list[dict[str, Any]]:
    """An array of periods, each the `totaal` object of its first day plus the period label."""
    return [{"periode": p.label, **totaal_json(p.totaal, stand)} for p in lijn.periodes]


def tijdlijn_rijen(lijn: Tijdlijn) -> list[Rij]:
    """One row per period and group, then the period's total as group 'totaal'."""
    rijen: list[Rij] = []
    for periode in lijn.periodes:
        for groep in [*periode.totaal.groepen, periode.totaal.totaal]:
            data = plat(groep)
            rijen.append(
                {
                    "periode": periode.label,
                    "peildatum": periode.peildatum.isoformat(),
                    **{k: data[k] for k in TIJDLIJN_KOLOMMEN[2:]},
                }
            )
    return rijen


_BALK_MIN, _BALK_MAX = 10, 50


def _breedte(kolommen: Sequence[Sequence[str]]) -> int:
    """Width of a simple Rich table without its bar: cells, padding, separators and edges."""
    return sum(max(len(regel) for c in kolom for regel in c.split("\n")) + 3 for kolom in kolommen)


Kolommen = list[tuple[str, list[str]]]  # (header, a cell per period)


def _tijdlijn_kolommen(lijn: Tijdlijn) -> tuple[Kolommen, Kolommen]:
    """The columns for people: the fixed ones (period first) and one per group."""
    totaal_rij = [p.totaal.totaal for p in lijn.periodes]
    vast: Kolommen = [
        ("Periode", [p.label for p in lijn.periodes]),
        ("Totaal", [_getal_of_vraag(t.personeel) if t.kaders else "" for t in totaal_rij]),
        ("Waarvan\nper jaar", [str(t.per_telling.get("per-jaar", 0)) for t in totaal_rij]),
        ("Opge-\nschort", [str(t.opgeschort_personeel) for t in totaal_rij]),
        (
            "Waarvan\nafgeleid",
            [_getal_of_vraag(t.personeel_afgeleid) if t.kaders else "" for t in totaal_rij],
        ),
        ("Zonder\naantal", [str(t.zonder_aantal) for t in totaal_rij]),
    ]
    per_groep: list[tuple[str, list[str]]] = []
    for naam in lijn.groepen:
        cellen = []
        for periode in lijn.periodes:
            groep = next((g for g in periode.totaal.groepen if g.groep == naam), None)
            cellen.append("" if groep is None else _getal_of_vraag(groep.personeel))
        per_groep.append((naam.replace("+", "+\n"), cellen))
    return vast, per_groep


def _tijdlijn_tabel(lijn: Tijdlijn, scherm: Scherm, stand: dt.date | None = None) -> str:
    """Periods as rows, a column per group when they fit, and a bar of the total."""
    totaal_rij = [p.totaal.totaal for p in lijn.periodes]
    grootste = max((t.personeel or 0 for t in totaal_rij), default=0)
    vast, per_groep = _tijdlijn_kolommen(lijn)
    rest = scherm.breedte - 1 - 3  # the right edge, the bar's padding and separator
    if rest - _breedte([[k, *c] for k, c in [*vast, *per_groep]]) < _BALK_MIN:
        per_groep = []
    balk = max(
        _BALK_MIN, min(_BALK_MAX, rest - _breedte([[k, *c] for k, c in [*vast, *per_groep]]))
    )
    kolommen = [vast[0], *per_groep, *vast[1:]]
    rijen: list[tuple[Sequence[str], str]] = []
    for i, totaal_ in enumerate(totaal_rij):
        lengte = 0
        if totaal_.personeel and grootste:
            lengte = max(1, round(totaal_.personeel / grootste * balk))
        rijen.append(([*(c[i] for _, c in kolommen), "█" * lengte], ""))
    # On a narrow screen the groups go first, then the count without number, then the bar.
    prioriteit = {
        "Totaal": 0,
        "Waarvan\nper jaar": 0,
        "Waarvan\nafgeleid": 1,
        "Opge-\nschort": 1,
        "Zonder\naantal": 3,
    }
    koppen = [
        Kolom(kolommen[0][0], vast=True),
        *(Kolom(kop, "right", prioriteit=prioriteit.get(kop, 4)) for kop, _ in kolommen[1:]),
        Kolom("", "bar", prioriteit=2),
    ]
    elk = "elke maand" if lijn.stap == "maand" else "elk kwartaal"
    titel = f"Personeel per {lijn.stap} per {lijn.per}, op de eerste dag van {elk}"
    if stand is not None:
        titel += f", zoals bekend op {stand}"
    voet = (
        "'?': alleen kaders zonder aantal; leeg: geen lopend kader. 'Zonder aantal' telt "
        "kaders zonder getal in de brief; die tellen niet mee in de som, ook niet als 0. "
        f"{SOM_UITLEG} 'Opgeschort': personen in opgeschorte kaders, niet in de som. "
        f"{WAARVAN_AFGELEID}"
    )
    if lijn.groepen and not per_groep:
        voet += " Per groep: te breed voor dit scherm; zie --formaat tsv of json."
    return teken(titel, koppen, rijen, scherm, voet)


def _getal_of_vraag(waarde: int | None) -> str:
    return "?" if waarde is None else str(waarde)


def tijdlijn(
    lijn: Tijdlijn, stand: dt.date | None = None, stand_in_titel: bool = False
) -> Weergave:
    """The timeline: a row per period and group, and a table with a bar per period; the
    table's title names the stand when one was asked for (JSON always has it)."""
    rijen = tijdlijn_rijen(lijn)
    titel = f"Personeel per {lijn.stap} per {lijn.per}"
    vast, per_groep = _tijdlijn_kolommen(lijn)
    kolommen = [vast[0], *per_groep, *vast[1:]]
    plan = Plan(
        titel,
        [
            (kop, kop.replace("+\n", "+").replace("-\n", "").replace("\n", " "))
            for kop, _ in kolommen
        ],
        [{kop: cellen[i] for kop, cellen in kolommen} for i in range(len(lijn.periodes))],
        "'?': alleen kaders zonder aantal; leeg: geen lopend kader. "
        f"{SOM_UITLEG} {WAARVAN_AFGELEID}",
    )
    return Weergave(
        soort="tijdlijn",
        titel=titel,
        kolommen=TIJDLIJN_KOLOMMEN,
        rijen=rijen,
        json=tijdlijn_json(lijn, stand),
        jsonl=rijen,
        tabel=lambda scherm: _tijdlijn_tabel(lijn, scherm, stand if stand_in_titel else None),
        mens=plan,
    )
