"""Views of the overview commands (list, toon, verloopt, export): rows, JSON and table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..models import Kader, Regio, Register
from ..query import Verloop
from ..stand import Bron
from .tabel import weergave_tabel
from .tekst import kaders_tekst, mens_tekst
from .weergave import Plan, Rij, Weergave

if TYPE_CHECKING:
    from ..bronmodellen import Mandaat
    from ..stand import Bron

LIJST_KOLOMMEN = (
    "id",
    "missie",
    "regio",
    "typen",
    "personeel",
    "duiding",
    "telling",
    "begin",
    "eind",
    "status",
    "organisatie",
)
# (key, header, priority): on a narrow screen the highest priority goes first; 0 stays.
LIJST_TABEL = (
    ("id", "ID", 0),
    ("markering", "A", 3),
    ("missie", "Missie", 1),
    ("regio", "Regio", 6),
    ("typen_tekst", "Typen", 5),
    ("personeel_tekst", "Personeel", 0),
    ("begin", "Begin", 9),
    ("eind", "Eind", 4),
    ("status", "Status", 7),
    ("organisatie", "Org.", 8),
)
MARKERING = "*"
LIJST_LEGENDA = (
    f"{MARKERING} in kolom A: met afgeleide velden (niet letterlijk uit de brief; "
    "zie kaders toon ID)."
)
# The list column that shows a field a filter or sort names.
LIJST_KOLOM_VAN_VELD = {
    "typen": "typen_tekst",
    "personeel": "personeel_tekst",
    "duiding": "personeel_tekst",
    "telling": "personeel_tekst",
}
EXPORT_KOLOMMEN = tuple(Kader.model_fields)
VERLOOP_KOLOMMEN = (  # reden and mandaat_eind came later: at the end
    "id",
    "missie",
    "regio",
    "eind",
    "dagen_over",
    "afgelopen",
    "status",
    "personeel",
    "duiding",
    "telling",
    "reden",
    "mandaat_eind",
)


def kader_json(kader: Kader) -> dict[str, Any]:
    """A framework as the documented JSON record (dates ISO, unknown count null)."""
    return kader.als_json()


def personeel_tekst(kader: Kader) -> str:
    """The count with its qualifier, for people: 'circa 15 per jaar', 'max. 15', 'onbekend'."""
    if kader.personeel is None:
        return "onbekend"
    voorvoegsel = {"circa": "circa ", "maximaal": "max. ", "exact": ""}[kader.duiding or "exact"]
    achtervoegsel = " per jaar" if kader.telling == "per-jaar" else ""
    return f"{voorvoegsel}{kader.personeel}{achtervoegsel}"


def _lijst_rij(kader: Kader, record: dict[str, Any]) -> dict[str, Any]:
    """A framework as a row: its JSON record plus texts for people."""
    return {
        **record,
        "typen_tekst": "+".join(kader.typen),
        "personeel_tekst": personeel_tekst(kader),
        "markering": MARKERING if kader.afgeleid else "",
        "afgeleid": " | ".join(f"{a['veld']}: {a['reden']}" for a in record["afgeleid"]),
    }


def _kaders(
    soort: str, kaders: Sequence[Kader], titel: str, kolommen: Sequence[str], plan: Plan
) -> Weergave:
    """Frameworks as a view; each record is turned into JSON data once."""
    records = [kader_json(k) for k in kaders]
    rijen = [_lijst_rij(k, r) for k, r in zip(kaders, records, strict=True)]
    plan = plan._replace(rijen=rijen)
    return Weergave(
        soort=soort,
        titel=titel,
        kolommen=kolommen,
        rijen=rijen,
        json=records,
        jsonl=records,
        mens=plan,
    )


def lijst(kaders: Sequence[Kader], titel: str, gevraagd: Collection[str] = ()) -> Weergave:
    """The list of frameworks; the table marks those with derived fields and keeps the
    columns of the fields a filter or sort names (`gevraagd`) on any screen."""
    afgeleid = sum(1 for k in kaders if k.afgeleid)
    voet = f"{kaders_tekst(len(kaders))}, waarvan {afgeleid} met afgeleide velden."
    plan = Plan(titel, LIJST_TABEL, (), voet, {"markering": LIJST_LEGENDA})
    return _kaders(
        "kaders", kaders, titel, LIJST_KOLOMMEN, plan.met_behouden(_lijstkolommen(gevraagd))
    )


def _lijstkolommen(velden: Collection[str]) -> set[str]:
    """The table columns that show these fields."""
    return {LIJST_KOLOM_VAN_VELD.get(veld, veld) for veld in velden}


class Exportbron(NamedTuple):
    """What an export writes beyond its rows: the register as known (`register`, folded), the
    chosen frameworks as known, the register file as it stood then (`bestand`: the
    frameworks as introduced and their changes), which TOML writes and SQLite lists, and per
    framework where each value comes from (`bronnen`)."""

    register: Register
    kaders: list[Kader]
    bestand: Register
    bronnen: Mapping[str, Mapping[str, Bron]]


def export(
    register: Register,
    kaders: Sequence[Kader],
    bestand: Register | None = None,
    bronnen: Mapping[str, Mapping[str, Bron]] | None = None,
    gevraagd: Collection[str] = (),
) -> Weergave:
    """Every field of every framework, with the source of each value (JSON: `bronnen`);
    the table shows the list view (keeping the columns of `gevraagd`); TOML the register."""
    bronnen = bronnen or {}
    plan = Plan("Register", LIJST_TABEL, (), legenden={"markering": LIJST_LEGENDA})
    plan = plan.met_behouden(_lijstkolommen(gevraagd))
    weergave = _kaders("export", kaders, "Register", EXPORT_KOLOMMEN, plan)
    records = [
        {**r, "bronnen": {v: b.als_json() for v, b in bronnen.get(k.id, {}).items()}}
        for k, r in zip(kaders, weergave.json, strict=True)
    ]
    return weergave._replace(
        json=records,
        jsonl=records,
        bron=Exportbron(register, list(kaders), bestand or register, bronnen),
    )


# In the table of `toon`: the framework's own provenance is where it came in, not the source of
# every value (a value a later document set has its own, numbered below).
INVOERING = {veld: f"{veld} (invoering)" for veld in ("document", "bron", "citaat")}


def bron_tekst(bron: Bron) -> str:
    """Where a value comes from, for people: document, place, words, from when, derived."""
    delen = [bron.document or "(geen document)"]
    if bron.plek:
        delen.append(bron.plek)
    tekst = ", ".join(delen)
    if bron.citaat:
        tekst += f": «{bron.citaat}»"
    if bron.vanaf is not None:
        tekst += f" — geldt vanaf {bron.vanaf.isoformat()}"
        if bron.vanaf_citaat:
            tekst += f" («{bron.vanaf_citaat}»)"
        if bron.vanaf_afgeleid:
            tekst += f" (afgeleid: {bron.vanaf_afgeleid})"
    return tekst


def toon(
    kader: Kader,
    regionaam: str,
    bronnen: Mapping[str, Bron],
    titel: str | None = None,
    peildatum: dt.date | None = None,
    mandaat: Mandaat | None = None,
) -> Weergave:
    """Everything about one framework as it holds on the date; every value that a later
    document set has its source on a line below it. The title is the mission unless given."""
    kop = titel or kader.missie
    if peildatum is not None:
        kop += f" (geldig op {peildatum.isoformat()})"
    data = kader_json(kader)
    eigen = (kader.document, kader.bron, kader.citaat, None)
    later: dict[Bron, int] = {}  # the sources of later documents, numbered in field order
    rijen: list[Rij] = []
    for veld, waarde in data.items():
        if veld == "afgeleid" or (veld == "eerdere_ids" and not waarde):
            continue
        tekst = mens_tekst(waarde)
        if veld == "regio":
            tekst = f"{waarde} ({regionaam})"
        if veld == "personeel":
            tekst = personeel_tekst(kader)
        bron = bronnen.get(veld)
        if bron is not None and (bron.document, bron.plek, bron.citaat, bron.vanaf) != eigen:
            bron = bron._replace(afgeleid=None)
            tekst += f" [{later.setdefault(bron, len(later) + 1)}]"
        rijen.append({"veld": INVOERING.get(veld, veld), "waarde": tekst})
    bronnen = dict(bronnen)
    if mandaat is not None:  # a fact about the mission, with its own source
        from ..stand import Bron

        bron = Bron(mandaat.document, mandaat.plek, mandaat.citaat, None)
        bronnen["mandaat_eind"] = bron
        nummer = later.setdefault(bron, len(later) + 1)
        tekst = f"{mandaat.eind.isoformat()} [{nummer}]"
        if mandaat.eind < kader.eind:
            tekst += f" — vóór het eind van het kader ({kader.eind.isoformat()})"
        rijen.append({"veld": "mandaat missie tot", "waarde": tekst})
    for bron, nummer in later.items():
        rijen.append({"veld": f"bron [{nummer}]", "waarde": bron_tekst(bron)})
    for afleiding in kader.afgeleid:
        rijen.append({"veld": f"afgeleid: {afleiding.veld}", "waarde": afleiding.reden})
    data["mandaat_eind"] = None if mandaat is None else mandaat.eind.isoformat()
    data["bronnen"] = {veld: b.als_json() for veld, b in bronnen.items()}
    if peildatum is not None:
        data["peildatum"] = peildatum.isoformat()
    plan = Plan(kop, (("veld", "Veld"), ("waarde", "Waarde")), rijen)
    return Weergave(
        soort="kader",
        titel=kop,
        kolommen=("veld", "waarde"),
        rijen=rijen,
        json=data,
        jsonl=[data],
        mens=plan,
    )


def toon_kaders(
    kaders: Sequence[Kader],
    regios: Mapping[str, Regio],
    bronnen: Sequence[Mapping[str, Bron]],
    bestand: str | None = None,
    peildatum: dt.date | None = None,
    mandaten: Mapping[str, Mandaat] | None = None,
) -> Weergave:
    """One framework as `toon`; several as an array (JSON) and one table after another.

    `bestand` is named in every table title (a register that is not the bundled one).
    """
    delen = [
        toon(
            k,
            regios[k.regio].naam if k.regio in regios else k.regio,
            b,
            f"{k.missie} — {bestand}" if bestand else None,
            peildatum,
            (mandaten or {}).get(k.missie),
        )
        for k, b in zip(kaders, bronnen, strict=True)
    ]
    if len(delen) == 1:
        return delen[0]
    rijen = [{"id": k.id, **r} for k, d in zip(kaders, delen, strict=True) for r in d.rijen]
    return Weergave(
        soort="kader",
        titel=", ".join(k.missie for k in kaders),
        kolommen=("id", "veld", "waarde"),
        rijen=rijen,
        json=[d.json for d in delen],
        jsonl=[d.json for d in delen],
        tabel=lambda scherm: "\n".join(weergave_tabel(d, scherm) for d in delen),
    )


def verloop(verlopen: Sequence[Verloop], titel: str, gevraagd: Collection[str] = ()) -> Weergave:
    """Frameworks ending early, with the days left or marked as ended."""
    json_data: list[dict[str, Any]] = []
    rijen: list[dict[str, Any]] = []
    for v in verlopen:
        record = kader_json(v.kader)
        record["dagen_over"] = v.dagen_over
        record["afgelopen"] = v.afgelopen
        record["reden"] = v.reden
        record["mandaat_eind"] = None if v.mandaat_eind is None else v.mandaat_eind.isoformat()
        json_data.append(record)
        rij = _lijst_rij(v.kader, record)
        rij["resterend"] = "afgelopen" if v.afgelopen else f"{v.dagen_over} dagen"
        rij["reden_tekst"] = (
            v.reden if v.mandaat_eind is None else f"mandaat eindigt {v.mandaat_eind}"
        )
        rijen.append(rij)
    tabel_kolommen = (
        ("id", "ID", 0),
        ("missie", "Missie", 2),
        ("eind", "Eind", 0),
        ("reden_tekst", "Reden", 1),
        ("resterend", "Resterend", 1),
        ("status", "Status", 4),
        ("personeel_tekst", "Personeel", 3),
    )
    plan = Plan(titel, tabel_kolommen, rijen).met_behouden(_lijstkolommen(gevraagd))
    return Weergave(
        soort="verloop",
        titel=titel,
        kolommen=VERLOOP_KOLOMMEN,
        rijen=rijen,
        json=json_data,
        jsonl=json_data,
        mens=plan,
    )
