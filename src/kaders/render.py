"""Records and totals to table, json, jsonl, csv and tsv text; Rich only when a table is drawn."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from .models import Kader
from .query import Groep, Totaal, Verloop

FORMATEN = ("tabel", "json", "jsonl", "csv", "tsv")
_EEN_REGEL = r"[\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]"  # all str.splitlines breaks
_CSV_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
_NIET_AFBREKEN = frozenset({"begin", "eind", "dagen_over", "groep", "status"})

Rij = Mapping[str, Any]


class Scherm(NamedTuple):
    """How a table is drawn: width and whether colour is allowed."""

    breedte: int = 100
    kleur: bool = False


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


def _cel(waarde: Any) -> str:
    """A value as flat text for tsv/csv: lists joined by commas, booleans as true/false."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, list):
        return ",".join(_cel(w) for w in waarde)
    if isinstance(waarde, dict):
        return ": ".join(_cel(w) for w in waarde.values())
    return str(waarde)


def _afgeleid_tekst(afgeleid: list[dict[str, str]]) -> str:
    """Derived fields as 'veld: reden' joined by ' | '."""
    return " | ".join(f"{a['veld']}: {a['reden']}" for a in afgeleid)


def tsv(kolommen: Sequence[str], rijen: Iterable[Rij]) -> str:
    """Tab-separated lines with one header row; tabs and newlines inside values become spaces."""
    uit = ["\t".join(kolommen)]
    een_regel = re.compile(_EEN_REGEL)  # compiled here, not on every start
    for rij in rijen:
        cellen = (_cel(rij.get(k)) for k in kolommen)
        uit.append("\t".join(een_regel.sub(" ", c) for c in cellen))
    return "\n".join(uit) + "\n"


def _csv_veilig(waarde: Any) -> str:
    """A cell as text; text a spreadsheet would run as a formula gets a quote (OWASP)."""
    tekst = _cel(waarde)
    is_getal = isinstance(waarde, int | float) and not isinstance(waarde, bool)
    if not is_getal and tekst.startswith(_CSV_GEVAARLIJK):
        return "'" + tekst
    return tekst


def csv_tekst(kolommen: Sequence[str], rijen: Iterable[Rij]) -> str:
    """RFC 4180 CSV with a header row, safe to open in a spreadsheet."""
    import csv  # only for csv output: not on every start

    buffer = io.StringIO()
    schrijver = csv.writer(buffer, lineterminator="\r\n")
    schrijver.writerow(kolommen)
    for rij in rijen:
        schrijver.writerow([_csv_veilig(rij.get(k)) for k in kolommen])
    return buffer.getvalue()


_JSON_REGELBREUK = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _json(data: Any, indent: int | None = None) -> str:
    """JSON with UTF-8 kept, except the characters other tools read as a line break."""
    tekst = json.dumps(data, ensure_ascii=False, indent=indent)
    if "\x85" in tekst or "\u2028" in tekst or "\u2029" in tekst:  # translate is slow
        return tekst.translate(_JSON_REGELBREUK)
    return tekst


def json_tekst(data: Any) -> str:
    """Indented JSON."""
    return _json(data, indent=2) + "\n"


def jsonl_tekst(rijen: Iterable[Any]) -> str:
    """One compact JSON object per line."""
    return "".join(_json(r) + "\n" for r in rijen)


def tabel(
    titel: str,
    kolommen: Sequence[tuple[str, str]],
    rijen: Iterable[Rij],
    scherm: Scherm,
    voet: str | None = None,
) -> str:
    """A Rich table rendered to text; Rich is imported only here."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    cellen = [[_cel(rij.get(k)) for k, _ in kolommen] for rij in rijen]
    vast = [sleutel in _NIET_AFBREKEN for sleutel, _ in kolommen]
    breedtes = schermbreedtes([kop for _, kop in kolommen], cellen, vast, scherm)
    tafel = Table(title=titel, box=box.SIMPLE_HEAVY, caption=voet, title_justify="left")
    for (_, kop), breedte in zip(kolommen, breedtes, strict=True):
        # A fixed column is as wide as its text unless the screen cannot hold it; then it
        # folds too: a cell is never cut short.
        tafel.add_column(kop, width=breedte, overflow="fold")
    for rij in cellen:
        tafel.add_row(*map(Text, rij))  # Text: no markup or emoji parsing per cell
    return naar_tekst(tafel, scherm)


def schermbreedtes(
    koppen: Sequence[str], rijen: Sequence[Sequence[str]], vast: Sequence[bool], scherm: Scherm
) -> list[int]:
    """Column widths for a Rich table on this screen (edges, separators, a space each side)."""
    from rich.cells import cell_len

    inhoud = [[kop, *(rij[i] for rij in rijen)] for i, kop in enumerate(koppen)]
    ruimte = scherm.breedte - 2 - (len(koppen) - 1) - 2 * len(koppen)
    return kolombreedtes(inhoud, vast, ruimte, cell_len)


def kolombreedtes(
    kolommen: Sequence[Sequence[str]],
    vast: Sequence[bool],
    ruimte: int,
    lengte: Callable[[str], int] = len,
) -> list[int]:
    """Column widths that fit the room: wrap between words first, split words only if needed.

    Each column is as wide as its longest line. While the table is too wide, the widest column
    that can still wrap between words is narrowed; then the widest one that is not fixed (its
    words are folded); then any, down to 2 (a wide character needs two cells). Rich gets the
    widths and measures nothing itself.
    """
    hoogst = [max((lengte(r) for c in k for r in c.split("\n")), default=0) or 1 for k in kolommen]
    laagst = [
        h if v else max((lengte(w) for c in k for w in c.split()), default=0) or 1
        for k, h, v in zip(kolommen, hoogst, vast, strict=True)
    ]
    breedtes = list(hoogst)
    gevouwen = [h if v else min(h, 2) for h, v in zip(hoogst, vast, strict=True)]
    for ondergrens in (laagst, gevouwen, [min(h, 2) for h in hoogst]):
        while (te_veel := sum(breedtes) - ruimte) > 0:
            kandidaten = [i for i, b in enumerate(breedtes) if b > ondergrens[i]]
            if not kandidaten:
                break
            i = max(kandidaten, key=lambda j: breedtes[j])
            tweede = max((breedtes[j] for j in kandidaten if j != i), default=0)
            # Down to the next widest at once (one long cell costs one step, not thousands).
            stap = max(1, min(te_veel, breedtes[i] - max(tweede, ondergrens[i])))
            breedtes[i] -= stap
    return breedtes


def naar_tekst(iets: object, scherm: Scherm) -> str:
    """Render a Rich object to text; without colour, lines carry no trailing padding."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=scherm.breedte,
        force_terminal=scherm.kleur,
        no_color=not scherm.kleur,
        highlight=False,
        # Cells are data, not Rich markup: '[twintig]' stays text, '[/x]' cannot crash it, and
        # skipping the markup and emoji parsers saves a few ms per table.
        markup=False,
        emoji=False,
    )
    console.print(iets)
    if scherm.kleur:
        return buffer.getvalue()
    return "".join(regel.rstrip() + "\n" for regel in buffer.getvalue().splitlines())


def tabulair(
    formaat: str,
    *,
    titel: str,
    kolommen: Sequence[tuple[str, str]],
    rijen: Sequence[Rij],
    json_data: Any,
    scherm: Scherm,
    tabel_kolommen: Sequence[tuple[str, str]] | None = None,
    voet: str | None = None,
) -> str:
    """Render rows in any of the formats; json gets the full object, the rest the rows."""
    namen = [k for k, _ in kolommen]
    if formaat == "json":
        return json_tekst(json_data)
    if formaat == "jsonl":
        return jsonl_tekst(json_data if isinstance(json_data, list) else rijen)
    if formaat == "csv":
        return csv_tekst(namen, rijen)
    if formaat == "tsv":
        return tsv(namen, rijen)
    return tabel(titel, tabel_kolommen or kolommen, rijen, scherm, voet)


LIJST_KOLOMMEN = (
    ("id", "ID"),
    ("missie", "Missie"),
    ("regio", "Regio"),
    ("typen", "Typen"),
    ("personeel", "Personeel"),
    ("duiding", "Duiding"),
    ("telling", "Telling"),
    ("begin", "Begin"),
    ("eind", "Eind"),
    ("status", "Status"),
    ("organisatie", "Organisatie"),
)
LIJST_TABEL = (
    ("id", "ID"),
    ("missie", "Missie"),
    ("regio", "Regio"),
    ("typen_tekst", "Typen"),
    ("personeel_tekst", "Personeel"),
    ("eind", "Eind"),
    ("status", "Status"),
)
EXPORT_KOLOMMEN = tuple((naam, naam) for naam in Kader.model_fields)


def _lijst_rij(kader: Kader, record: dict[str, Any]) -> dict[str, Any]:
    """A framework as a row: its JSON record plus texts for people."""
    return {
        **record,
        "typen_tekst": "+".join(kader.typen),
        "personeel_tekst": personeel_tekst(kader),
        "afgeleid": _afgeleid_tekst(record["afgeleid"]),
    }


def lijst(kaders: Sequence[Kader], formaat: str, scherm: Scherm, titel: str) -> str:
    """The list of frameworks."""
    return _kaders(kaders, formaat, scherm, titel, LIJST_KOLOMMEN, f"{len(kaders)} kaders")


def export(kaders: Sequence[Kader], formaat: str, scherm: Scherm) -> str:
    """Every field of every framework (json/jsonl/csv/tsv); the table shows the list view."""
    return _kaders(kaders, formaat, scherm, "Register", EXPORT_KOLOMMEN, None)


def _kaders(
    kaders: Sequence[Kader],
    formaat: str,
    scherm: Scherm,
    titel: str,
    kolommen: Sequence[tuple[str, str]],
    voet: str | None,
) -> str:
    """Frameworks in any format; each record is turned into JSON data once."""
    records = [kader_json(k) for k in kaders]
    return tabulair(
        formaat,
        titel=titel,
        kolommen=kolommen,
        rijen=[_lijst_rij(k, r) for k, r in zip(kaders, records, strict=True)],
        json_data=records,
        scherm=scherm,
        tabel_kolommen=LIJST_TABEL,
        voet=voet,
    )


def toon(kader: Kader, regionaam: str, formaat: str, scherm: Scherm) -> str:
    """Everything about one framework."""
    data = kader_json(kader)
    if formaat in ("json", "jsonl"):
        return json_tekst(data) if formaat == "json" else jsonl_tekst([data])
    rijen: list[dict[str, Any]] = []
    for veld, waarde in data.items():
        if veld == "afgeleid":
            continue
        tekst = _cel(waarde)
        if veld == "regio":
            tekst = f"{waarde} ({regionaam})"
        if veld == "personeel":
            tekst = personeel_tekst(kader)
        rijen.append({"veld": veld, "waarde": tekst})
    for afleiding in kader.afgeleid:
        rijen.append({"veld": f"afgeleid: {afleiding.veld}", "waarde": afleiding.reden})
    kolommen = (("veld", "Veld"), ("waarde", "Waarde"))
    return tabulair(
        formaat, titel=kader.missie, kolommen=kolommen, rijen=rijen, json_data=data, scherm=scherm
    )


TOTAAL_KOLOMMEN = (
    ("groep", "Groep"),
    ("personeel", "Personeel"),
    ("kaders", "Kaders"),
    ("met_aantal", "Met aantal"),
    ("zonder_aantal", "Zonder aantal"),
    ("gemengd", "Gemengd"),
    ("bevat_circa", "Bevat circa"),
    ("bevat_maximaal", "Bevat max."),
    ("bevat_per_jaar", "Bevat per jaar"),
)


def groep_json(groep: Groep) -> dict[str, Any]:
    """A group as in the JSON contract."""
    return {
        "groep": groep.groep,
        "personeel": groep.personeel,
        "kaders": groep.kaders,
        "met_aantal": groep.met_aantal,
        "zonder_aantal": groep.zonder_aantal,
        "gemengd": groep.gemengd,
        "bevat_circa": groep.bevat_circa,
        "bevat_maximaal": groep.bevat_maximaal,
        "bevat_per_jaar": groep.bevat_per_jaar,
        "ids": list(groep.ids),
    }


def totaal_json(uitkomst: Totaal) -> dict[str, Any]:
    """The total as one object: reference date, grouping, groups and grand total."""
    alles = groep_json(uitkomst.totaal)
    del alles["groep"]
    return {
        "peildatum": uitkomst.peildatum.isoformat(),
        "per": uitkomst.per,
        "groepen": [groep_json(g) for g in uitkomst.groepen],
        "totaal": alles,
    }


def _kwalificatie(groep: Groep) -> str:
    """What a sum contains besides exact counts, for the table."""
    delen = [
        naam
        for naam, ja in (
            ("circa", groep.bevat_circa),
            ("maximaal", groep.bevat_maximaal),
            ("per jaar", groep.bevat_per_jaar),
        )
        if ja
    ]
    return ", ".join(delen)


def totaal(uitkomst: Totaal, formaat: str, scherm: Scherm) -> str:
    """A total per group; every row also names the reference date."""
    data = totaal_json(uitkomst)
    rijen: list[dict[str, Any]] = []
    for groep in [*uitkomst.groepen, uitkomst.totaal]:
        rij = groep_json(groep)
        rij.pop("ids")
        rij["peildatum"] = data["peildatum"]
        rij["per"] = uitkomst.per
        rij["bevat"] = _kwalificatie(groep)
        rij["personeel_tekst"] = "onbekend" if groep.personeel is None else str(groep.personeel)
        rijen.append(rij)
    if formaat == "jsonl":
        alleen_gegevens = ("bevat", "personeel_tekst")
        return jsonl_tekst(
            [{k: v for k, v in r.items() if k not in alleen_gegevens} for r in rijen]
        )
    kolommen = (*TOTAAL_KOLOMMEN, ("peildatum", "Peildatum"), ("per", "Per"))
    tabel_kolommen = (
        ("groep", uitkomst.per.capitalize()),
        ("personeel_tekst", "Personeel"),
        ("kaders", "Kaders"),
        ("zonder_aantal", "Zonder aantal"),
        ("gemengd", "Gemengd"),
        ("bevat", "Som bevat"),
    )
    voet = (
        "'Zonder aantal': kaders zonder getal in de brief; die tellen niet mee in de som, "
        "ook niet als 0."
    )
    return tabulair(
        formaat,
        titel=f"Personeel per {uitkomst.per} op peildatum {data['peildatum']}",
        kolommen=kolommen,
        rijen=rijen,
        json_data=data,
        scherm=scherm,
        tabel_kolommen=tabel_kolommen,
        voet=voet,
    )


def verloop(verlopen: Sequence[Verloop], formaat: str, scherm: Scherm, titel: str) -> str:
    """Frameworks ending early, with the days left or marked as ended."""
    json_data: list[dict[str, Any]] = []
    rijen: list[dict[str, Any]] = []
    for v in verlopen:
        record = kader_json(v.kader)
        record["dagen_over"] = v.dagen_over
        record["afgelopen"] = v.afgelopen
        json_data.append(record)
        rij = _lijst_rij(v.kader, record)
        rij["resterend"] = "afgelopen" if v.afgelopen else f"{v.dagen_over} dagen"
        rijen.append(rij)
    kolommen = (
        ("id", "ID"),
        ("missie", "Missie"),
        ("regio", "Regio"),
        ("eind", "Eind"),
        ("dagen_over", "Dagen over"),
        ("afgelopen", "Afgelopen"),
        ("status", "Status"),
        ("personeel", "Personeel"),
        ("duiding", "Duiding"),
        ("telling", "Telling"),
    )
    tabel_kolommen = (
        ("id", "ID"),
        ("missie", "Missie"),
        ("eind", "Eind"),
        ("resterend", "Resterend"),
        ("status", "Status"),
        ("personeel_tekst", "Personeel"),
    )
    return tabulair(
        formaat,
        titel=titel,
        kolommen=kolommen,
        rijen=rijen,
        json_data=json_data,
        scherm=scherm,
        tabel_kolommen=tabel_kolommen,
    )
