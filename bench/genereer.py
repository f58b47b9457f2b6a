"""Generate a synthetic register of any size that is valid under the real models.

The missions, organisations, countries and the region tree come from the bundled register;
for larger sizes the tree gets extra sub-regions (one per 500 records). Records get unique,
realistic ids, mixed types, varied dates within the period, and about a third have no count.
The output is deterministic for a given size and seed.

    python bench/genereer.py 10000 > /tmp/kaders-10000.toml
    python bench/genereer.py 100000 --fout veld -o /tmp/kaders-100000-fout.toml
    python bench/genereer.py 10000 --wijzigingen 10000 -o /tmp/kaders-10000-w.toml
    python bench/genereer.py 10000 --documenten -o /tmp/kaders-10000-d.toml

With `--wijzigingen N` the register gets documents (the first dated as the register, a dozen
later ones a month apart), every framework names the first, and N changes follow, each by a
later document: a new toelichting always (so each changes something), and now and then a new
count, end or status, so that every folded framework still holds together. With
`--documenten` and no changes: the same register without its changes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kaders.laden import gebundeld_register

BEGIN = dt.date(2025, 1, 1)
EIND = dt.date(2028, 6, 30)
ROLLEN = (
    "staf",
    "stafofficieren",
    "trainingsteam",
    "adviseurs",
    "verbindingsofficier",
    "politieadviseurs",
    "mentoren",
    "genie",
    "medisch-team",
    "inlichtingen",
    "logistiek",
    "helikopterdetachement",
    "marineschip",
    "waarnemers",
    "rechtsstaat-experts",
)
STATUSSEN = ("vastgesteld",) * 5 + ("verlengd", "verkenning", "voornemen", "voorwaardelijk")
DUIDINGEN = ("circa", "circa", "maximaal", "exact")
TELLINGEN = ("per-jaar", "gelijktijdig", "niet-vermeld")
TYPEN = ("militair", "civiel", "politie")
FOUTEN = ("geen", "veld", "dubbel", "regio")
LATERE_DOCUMENTEN = 12


def _slug(tekst: str) -> str:
    """'EUTM Somalië' -> 'eutm-somalie'."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    ascii_ = "".join(c for c in ontleed if c.isascii()).lower()
    delen = "".join(c if c.isalnum() else " " for c in ascii_).split()
    return "-".join(delen)


def _bron() -> dict[str, Any]:
    """The bundled register as data: the templates for regions and missions."""
    with gebundeld_register().open("rb") as bestand:
        return tomllib.load(bestand)


def _toml(waarde: Any) -> str:
    """A TOML value: JSON's string escapes are valid TOML basic-string escapes."""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, str):
        return json.dumps(waarde, ensure_ascii=False)
    if isinstance(waarde, list):
        return "[" + ", ".join(_toml(w) for w in waarde) + "]"
    if isinstance(waarde, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in waarde.items()) + " }"
    raise TypeError(f"geen TOML-waarde: {waarde!r}")


def regios(aantal: int, bron: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """The bundled region tree plus one extra sub-region per 500 records."""
    uitkomst: list[dict[str, Any]] = [dict(r) for r in bron["regio"]]
    hoofden = [r for r in uitkomst if "ouder" not in r]
    for i in range(aantal // 500):
        ouder = rng.choice(hoofden)
        uitkomst.append(
            {
                "id": f"{ouder['id']}-gebied-{i + 1}",
                "naam": f"{ouder['naam']} – gebied {i + 1}",
                "ouder": ouder["id"],
            }
        )
    return uitkomst


def kaders(
    aantal: int, regio_lijst: list[dict[str, Any]], bron: dict[str, Any], rng: random.Random
) -> Iterator[dict[str, Any]]:
    """`aantal` valid frameworks, modelled on the bundled ones."""
    sjablonen: list[dict[str, Any]] = bron["kader"]
    hoofd_van = {r["id"]: r.get("ouder", r["id"]) for r in regio_lijst}
    onder: dict[str, list[str]] = {}
    for regio in regio_lijst:
        onder.setdefault(hoofd_van[regio["id"]], []).append(regio["id"])
    dagen = (EIND - BEGIN).days
    for i in range(aantal):
        sjabloon = rng.choice(sjablonen)
        rol = rng.choice(ROLLEN)
        hoofd = hoofd_van.get(sjabloon["regio"], sjabloon["regio"])
        regio = rng.choice(onder.get(hoofd, [sjabloon["regio"]]))
        if rng.random() < 0.1:
            typen = rng.sample(TYPEN, 2)
        else:
            typen = [rng.choice(TYPEN)] if rng.random() < 0.5 else list(sjabloon["typen"])
        begin = BEGIN + dt.timedelta(days=rng.randrange(0, dagen // 2))
        eind = EIND if rng.random() < 0.6 else begin + dt.timedelta(days=rng.randrange(30, dagen))
        eind = min(eind, EIND)
        kader: dict[str, Any] = {
            "id": f"{_slug(sjabloon['missie'])}-{rol}-{i + 1:06d}",
            "missie": sjabloon["missie"],
            "naam": f"{sjabloon['missie']} – {rol.replace('-', ' ')} ({i + 1})",
            "regio": regio,
            "landen": list(sjabloon.get("landen", [])),
            "organisatie": sjabloon["organisatie"],
            "typen": typen,
        }
        if rng.random() < 0.68:
            kader["personeel"] = rng.choice((1, 2, 3, 5, 8, 10, 15, 20, 40, 75, 150, 300))
            kader["duiding"] = rng.choice(DUIDINGEN)
            kader["telling"] = rng.choice(TELLINGEN)
        kader["begin"] = begin
        kader["eind"] = eind
        kader["status"] = rng.choice(STATUSSEN)
        kader["bron"] = sjabloon["bron"]
        if rng.random() < 0.8:
            kader["citaat"] = sjabloon.get("citaat") or f"Het kabinet draagt bij aan {rol}."
        if rng.random() < 0.3:
            kader["toelichting"] = "Synthetisch kader voor de benchmark; niet uit de brief."
        if rng.random() < 0.3:
            kader["afgeleid"] = [{"veld": "typen", "reden": "De brief noemt het type niet."}]
        yield kader


def documenten(datum: dt.date) -> list[dict[str, Any]]:
    """The first document (dated as the register) and a dozen later ones, a month apart."""
    uitkomst = []
    for i in range(LATERE_DOCUMENTEN + 1):
        uitkomst.append(
            {
                "id": f"doc-{i}",
                "soort": "kamerbrief" if i == 0 else "voortgangsrapportage",
                "kamerstuk": f"29 521, nr. {493 + i}",
                "datum": datum + dt.timedelta(days=30 * i),
                "titel": f"Synthetisch document {i}",
            }
        )
    return uitkomst


def wijzigingen(
    aantal: int, kader_lijst: list[dict[str, Any]], rng: random.Random
) -> Iterator[dict[str, Any]]:
    """`aantal` valid changes of random frameworks, each by one of the later documents."""
    for j in range(aantal):
        kader = rng.choice(kader_lijst)
        wijziging: dict[str, Any] = {
            "kader": kader["id"],
            "document": f"doc-{rng.randrange(1, LATERE_DOCUMENTEN + 1)}",
            "plek": "Paragraaf 2",
            "citaat": "Het kabinet past de bijdrage aan.",
        }
        keuze = rng.random()
        if keuze < 0.3:
            wijziging["personeel"] = rng.choice((2, 4, 6, 12, 25, 60, 120))
            wijziging["duiding"] = rng.choice(DUIDINGEN)
            wijziging["telling"] = rng.choice(TELLINGEN)
        elif keuze < 0.5:
            dagen = (EIND - kader["begin"]).days
            wijziging["eind"] = kader["begin"] + dt.timedelta(days=rng.randrange(0, dagen + 1))
        elif keuze < 0.6:
            wijziging["status"] = rng.choice(("verlengd", "vastgesteld", "opgeschort"))
        wijziging["toelichting"] = f"Wijziging {j + 1} (synthetisch)."
        yield wijziging


def _tabel(schrijf_regel: Any, naam: str, waarden: dict[str, Any]) -> None:
    schrijf_regel(f"\n[[{naam}]]\n")
    for sleutel, waarde in waarden.items():
        schrijf_regel(f"{sleutel} = {_toml(waarde)}\n")


def schrijf(
    aantal: int,
    uit: Any,
    *,
    seed: int = 29521,
    fout: str = "geen",
    wijzigingen_: int = 0,
    documenten_: bool | None = None,
) -> None:
    """Write a register of `aantal` frameworks as TOML to a text stream.

    `fout` puts one error near the end: 'veld' (a mistyped key), 'dubbel' (a repeated id)
    or 'regio' (an undefined region); 'geen' writes a valid register. `wijzigingen_` > 0 adds
    documents and that many changes (see the module's docstring). `documenten_` (default:
    whether there are changes) writes the documents and every framework's `document`: with
    no changes, that is the register with changes without its [[wijziging]] tables.
    """
    if fout not in FOUTEN:
        raise ValueError(f"onbekende fout '{fout}'; kies uit {', '.join(FOUTEN)}")
    rng = random.Random(seed)
    bron = _bron()
    regio_lijst = regios(aantal, bron, rng)
    schrijf_regel = uit.write
    schrijf_regel("#:schema ./kaders.schema.json\n")
    schrijf_regel(f"# Synthetisch register met {aantal} kaders (bench/genereer.py).\n\n")
    schrijf_regel("[register]\n")
    for sleutel, waarde in bron["register"].items():
        schrijf_regel(f"{sleutel} = {_toml(waarde)}\n")
    for regio in regio_lijst:
        _tabel(schrijf_regel, "regio", regio)
    met_documenten = bool(wijzigingen_) if documenten_ is None else documenten_
    if met_documenten:
        for document in documenten(bron["register"]["datum"]):
            _tabel(schrijf_regel, "document", document)
    plek = max(0, aantal - 3)
    eerste_id = ""
    geschreven: list[dict[str, Any]] = []
    for i, kader in enumerate(kaders(aantal, regio_lijst, bron, rng)):
        if i == 0:
            eerste_id = kader["id"]
        if i == plek and fout == "veld":
            kader["personel"] = kader.pop("personeel", 7)
        elif i == plek and fout == "dubbel":
            kader["id"] = eerste_id
        elif i == plek and fout == "regio":
            kader["regio"] = "westelijke-balcan"
        if met_documenten:
            kader["document"] = "doc-0"
            geschreven.append({"id": kader["id"], "begin": kader["begin"]})
        _tabel(schrijf_regel, "kader", kader)
    if wijzigingen_ and geschreven:
        for wijziging in wijzigingen(wijzigingen_, geschreven, random.Random(seed + 1)):
            _tabel(schrijf_regel, "wijziging", wijziging)


def main(argv: list[str] | None = None) -> None:
    """Command line: size, optional output file, optional error."""
    parser = argparse.ArgumentParser(description="Genereer een synthetisch kaders-register.")
    parser.add_argument("aantal", type=int, help="aantal kaders")
    parser.add_argument("-o", "--uit", type=Path, help="uitvoerbestand (standaard stdout)")
    parser.add_argument("--seed", type=int, default=29521)
    parser.add_argument("--fout", choices=FOUTEN, default="geen", help="één fout bij het eind")
    parser.add_argument("--wijzigingen", type=int, default=0, help="aantal wijzigingen (0: geen)")
    parser.add_argument(
        "--documenten", action="store_true", help="documenten ook zonder wijzigingen"
    )
    args = parser.parse_args(argv)
    opties = {
        "seed": args.seed,
        "fout": args.fout,
        "wijzigingen_": args.wijzigingen,
        "documenten_": args.documenten or None,
    }
    if args.uit is None:
        schrijf(args.aantal, sys.stdout, **opties)
        return
    with args.uit.open("w", encoding="utf-8") as uit:
        schrijf(args.aantal, uit, **opties)


if __name__ == "__main__":
    main()
