"""Views of totals: a total per group on a reference date, its JSON, flat rows and table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..query import Groep, Totaal
from .tekst import kaders_tekst
from .weergave import Plan, Weergave

TOTAAL_KOLOMMEN = (
    "groep",
    "personeel",
    "kaders",
    "met_aantal",
    "zonder_aantal",
    "gemengd",
    "bevat_circa",
    "bevat_maximaal",
    "bevat_per_jaar",
)
# Added later: after every older column, so the columns scripts cut stay where they were.
AFGELEID_KOLOMMEN = ("personeel_afgeleid", "kaders_afgeleid")
# Added with the honest totals: the sum split by counting, what the grouping adds to the
# derived share, and the suspended frameworks (not in the sum).
TELLING_KOLOMMEN = (
    "gelijktijdig",
    "per_jaar",
    "niet_vermeld",
    "indeling_afgeleid",
    "opgeschort_personeel",
    "opgeschort_kaders",
    "aanvullend_personeel",
    "aanvullend_kaders",
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
        "personeel_afgeleid": groep.personeel_afgeleid,
        "kaders_afgeleid": groep.kaders_afgeleid,
        "indeling_afgeleid": groep.indeling_afgeleid,
        "per_telling": dict(groep.per_telling),
        "opgeschort": {
            "personeel": groep.opgeschort_personeel,
            "kaders": groep.opgeschort_kaders,
        },
        "aanvullend": {
            "personeel": groep.aanvullend_personeel,
            "kaders": groep.aanvullend_kaders,
        },
        "ids": list(groep.ids),
    }


def totaal_json(uitkomst: Totaal, stand: dt.date | None = None) -> dict[str, Any]:
    """The total as one object: reference date, grouping, groups and grand total; with the
    day of knowledge (`stand`) when given."""
    alles = groep_json(uitkomst.totaal)
    del alles["groep"]
    data: dict[str, Any] = {"peildatum": uitkomst.peildatum.isoformat()}
    if stand is not None:
        data["stand"] = stand.isoformat()
    data.update(per=uitkomst.per, groepen=[groep_json(g) for g in uitkomst.groepen], totaal=alles)
    return data


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


WAARVAN_AFGELEID = (
    "'Waarvan afgeleid': de personen wier aantal, duiding, telling of periode op een afgeleid "
    "veld rust (niet letterlijk uit de bron); hetzelfde getal bij elke --per."
)
INDELING_AFGELEID = (
    "'Indeling afgeleid': de personen die alleen door een afgeleid groeperingsveld (of een "
    "afgeleid type bij --type) in hun groep staan."
)
ZONDER_AANTAL = (
    "'Zonder aantal': kaders zonder getal in de bron; die tellen niet mee in de som, ook niet "
    "als 0."
)
SOM_UITLEG = (
    "'Personeel' is een som van ongelijke aantallen: 'tegelijk' (gelijktijdig ingezet), 'per "
    "jaar' (rotatie: zoveel personen in een jaar) en 'niet vermeld'; lees de som niet als "
    "'tegelijk ingezet'."
)


def afgeleid_tekst(groep: Groep) -> str:
    """The derived part of a group's sum, for people: '54' or 'onbekend'."""
    return "onbekend" if groep.personeel_afgeleid is None else str(groep.personeel_afgeleid)


def plat(groep: Groep) -> dict[str, Any]:
    """A group as one flat row (csv, tsv, jsonl): nested values as their own columns."""
    rij = groep_json(groep)
    for sleutel in ("ids", "per_telling", "opgeschort", "aanvullend"):
        rij.pop(sleutel)
    rij["gelijktijdig"] = groep.per_telling.get("gelijktijdig", 0)
    rij["per_jaar"] = groep.per_telling.get("per-jaar", 0)
    rij["niet_vermeld"] = groep.per_telling.get("niet-vermeld", 0)
    rij["opgeschort_personeel"] = groep.opgeschort_personeel
    rij["opgeschort_kaders"] = groep.opgeschort_kaders
    rij["aanvullend_personeel"] = groep.aanvullend_personeel
    rij["aanvullend_kaders"] = groep.aanvullend_kaders
    return rij


def totaal(uitkomst: Totaal, stand: dt.date | None = None) -> Weergave:
    """A total per group; every row also names the reference date; the title the stand."""
    data = totaal_json(uitkomst, stand)
    alle = [*uitkomst.groepen, uitkomst.totaal]
    rijen: list[dict[str, Any]] = []
    for groep in alle:
        rij = plat(groep)
        rij["peildatum"] = data["peildatum"]
        rij["per"] = uitkomst.per
        rijen.append(rij)

    def getal(waarde: int | None) -> str:
        return "onbekend" if waarde is None else str(waarde)

    tabel_rijen = [
        {
            **rij,
            "bevat": _kwalificatie(groep),
            "personeel_tekst": getal(groep.personeel),
            "afgeleid_tekst": afgeleid_tekst(groep),
            "gelijktijdig_tekst": str(rij["gelijktijdig"]),
            "per_jaar_tekst": str(rij["per_jaar"]),
            "indeling_tekst": getal(groep.indeling_afgeleid),
            "opgeschort_tekst": str(groep.opgeschort_personeel),
        }
        for rij, groep in zip(rijen, alle, strict=True)
    ]
    tabel_kolommen = (
        ("groep", uitkomst.per.capitalize(), 0),
        ("personeel_tekst", "Personeel", 0),
        ("gelijktijdig_tekst", "Tegelijk", 0),
        ("per_jaar_tekst", "Per jaar", 0),
        ("afgeleid_tekst", "Waarvan afgeleid", 1),
        ("indeling_tekst", "Indeling afgeleid", 6),
        ("kaders", "Kaders", 2),
        ("opgeschort_tekst", "Opgeschort", 2),
        ("zonder_aantal", "Zonder aantal", 3),
        ("gemengd", "Gemengd", 5),
        ("bevat", "Som bevat", 4),
    )
    geheel = uitkomst.totaal
    voet = SOM_UITLEG
    if geheel.opgeschort_kaders:
        voet += (
            f" Opgeschort (niet in de som): {geheel.opgeschort_personeel} personen in "
            f"{kaders_tekst(geheel.opgeschort_kaders)}."
        )
    if geheel.aanvullend_kaders:
        voet += (
            f" Additionele inzet buiten de kaders van de brieven (niet in de som): "
            f"{kaders_tekst(geheel.aanvullend_kaders)}, "
            f"{geheel.aanvullend_personeel or 'onbekend aantal'} personen."
        )
    legenden = {
        "zonder_aantal": ZONDER_AANTAL,
        "afgeleid_tekst": WAARVAN_AFGELEID,
        "indeling_tekst": INDELING_AFGELEID,
    }
    titel = f"Toegezegd personeel per {uitkomst.per} op peildatum {data['peildatum']}"
    if stand is not None:
        titel += f", zoals bekend op {stand}"
    plan = Plan(titel, tabel_kolommen, tabel_rijen, voet, legenden)
    return Weergave(
        soort="totaal",
        titel=titel,
        kolommen=(*TOTAAL_KOLOMMEN, "peildatum", "per", *AFGELEID_KOLOMMEN, *TELLING_KOLOMMEN),
        rijen=rijen,
        json=data,
        jsonl=rijen,
        mens=plan,
    )
