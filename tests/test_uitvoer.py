"""The formats added to the registry: markdown, xlsx, sqlite and csv for Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import KLEIN, REGISTER, kaders
from hulp import COMMANDOS
from typer.testing import CliRunner

from kaders import uitvoer
from kaders.cli import app
from kaders.uitvoer.markdown import markdown

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    uitkomst = runner.invoke(app, list(args))
    return uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr


# --- the registry ------------------------------------------------------------------------


def test_binary_formats_are_marked_and_write_bytes() -> None:
    assert {n for n, f in uitvoer.FORMATEN.items() if f.binair} == {"xlsx", "sqlite", "svg", "png"}
    assert {n for n, f in uitvoer.FORMATEN.items() if f.pijp} == {"svg", "png"}
    assert "sqlite" in uitvoer.namen("export") and "sqlite" not in uitvoer.namen("kaders")
    for soort in ("kaders", "export", "kader", "totaal", "verloop", "verschil", "tijdlijn"):
        assert {"markdown", "xlsx"} <= set(uitvoer.namen(soort)), soort


@pytest.mark.parametrize("formaat", ["xlsx", "sqlite"])
def test_a_binary_format_never_goes_to_stdout(formaat: str) -> None:
    code, uit, fout = _run("export", "--formaat", formaat)
    assert code == 2 and uit == ""
    assert "--uitvoer" in fout and "bestand" in fout


def test_xlsx_refused_without_file_on_every_printing_command() -> None:
    for commando in ("list", "totaal", "verloopt", "tijdlijn"):
        code, uit, fout = _run(commando, "-f", "xlsx")
        assert code == 2 and uit == "" and "--uitvoer" in fout, commando


def test_excel_belongs_to_csv() -> None:
    code, _, fout = _run("list", "--formaat", "json", "--excel")
    assert code == 2 and "--excel hoort bij --formaat csv" in fout


# --- markdown ----------------------------------------------------------------------------


def test_markdown_escapes_pipes_and_keeps_one_line_per_row() -> None:
    tekst = markdown(["a", "n"], [{"a": "x | y\nz", "n": 3}, {"a": "a\\|b", "n": None}])
    assert tekst.splitlines() == [
        "| a | n |",
        "| --- | ---: |",
        "| x \\| y z | 3 |",
        "| a\\\\\\|b |  |",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("toon", "eulex-kosovo"),
        ("totaal", "--peildatum", "2026-01-01"),
        ("verloopt", "--peildatum", "2026-01-01"),
        ("export",),
        ("tijdlijn", "--jaar", "2026"),
        ("verschil", str(REGISTER)),
    ],
)
def test_markdown_on_every_printing_command(args: tuple[str, ...]) -> None:
    code, uit, _ = _run(*args, "--formaat", "markdown")
    assert code == 0
    kop, leeg, *rest = uit.splitlines()
    assert kop.startswith("## ") and leeg == ""
    regels = [r for r in rest if r.startswith("|")]
    assert regels[0].startswith("| ") and set(regels[1]) <= set("|-: ")
    kolommen = regels[0].count(" | ")
    assert all(r.replace("\\|", "").count(" | ") == kolommen for r in regels)
    # for people: yes/no in words, never the flat formats' true/false
    assert not re.search(r"\b(true|false)\b", uit)


def test_markdown_of_the_list_is_the_table_people_see() -> None:
    args = (
        "list",
        "--stand",
        "2025-04-04",
        "--peildatum",
        "2026-01-01",
        "--regio",
        "westelijke-balkan",
    )
    code, uit, _ = _run(*args, "-f", "markdown")
    assert code == 0
    regels = uit.splitlines()
    assert regels[0] == "## Nationale kaders, zoals bekend op 2025-04-04"
    assert regels[2] == "Peildatum 2026-01-01, zoals bekend op 2025-04-04."
    assert regels[4].startswith("| ID | A | Missie | Regio | Typen | Personeel |")
    assert "| onbekend |" in uit and "| circa 15 per jaar |" in uit
    # the derived mark and its legend, escaped so that '*' starts no list or emphasis
    assert "| \\* |" in uit and "\\* in kolom A: met afgeleide velden" in regels[-1]


# --- csv for Excel -----------------------------------------------------------------------


def test_csv_for_excel_has_a_bom_and_semicolons_and_stays_safe() -> None:
    uitkomst = kaders("list", "--formaat", "csv", "--excel", "--regio", "moldavie")
    assert uitkomst.returncode == 0
    assert uitkomst.stdout.startswith("\ufeffid;missie;regio")
    rijen = list(csv.reader(io.StringIO(uitkomst.stdout.lstrip("\ufeff")), delimiter=";"))
    assert "EUBAM Moldavië" in {r[1] for r in rijen}
    _, uit, _ = _run("list", "--formaat", "csv")
    assert not uit.startswith("\ufeff") and uit.startswith("id,missie")


def test_csv_for_excel_still_escapes_formulas(tmp_path: Path) -> None:
    pad = tmp_path / "k.toml"
    pad.write_text(KLEIN.read_text().replace('missie = "Kort"', 'missie = "=1+1"'))
    code, uit, _ = _run("--register", str(pad), "list", "-f", "csv", "--excel")
    assert code == 0 and ";'=1+1;" in uit


# --- xlsx --------------------------------------------------------------------------------


def test_xlsx_export_reads_back_with_typed_cells(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    pad = tmp_path / "kaders.xlsx"
    code, _, fout = _run("export", "--formaat", "xlsx", "--uitvoer", str(pad))
    assert code == 0 and "45 kaders geschreven naar" in fout
    boek = load_workbook(pad)
    assert boek.sheetnames == ["Kaders", "Afgeleid", "Documenten", "Bronnen"]
    bronnen = list(boek["Bronnen"].iter_rows(values_only=True))
    per_veld = {(r[0], r[1]): r for r in bronnen[1:]}
    assert per_veld[("eufor-althea-compagnie", "personeel")][2] == "kst-29521-494"
    assert "175" in per_veld[("eufor-althea-compagnie", "personeel")][4]
    blad = boek["Kaders"]
    rijen = list(blad.iter_rows(values_only=True))
    kop, data = rijen[0], rijen[1:]
    assert len(data) == 45
    kolom = {naam: i for i, naam in enumerate(kop)}
    export = {k["id"]: k for k in json.loads(_run("export")[1])}
    for rij in data:
        record = export[rij[kolom["id"]]]
        personeel = rij[kolom["personeel"]]
        assert personeel == record["personeel"]  # unknown: an empty cell, never 0
        assert personeel is None or type(personeel) is int
        begin, eind = rij[kolom["begin"]], rij[kolom["eind"]]
        assert isinstance(begin, dt.datetime) and isinstance(eind, dt.datetime)
        assert begin.date().isoformat() == record["begin"]
    assert blad.freeze_panes == "A2"
    assert blad.auto_filter.ref is not None and blad.auto_filter.ref.startswith("A1:")
    assert blad["A1"].font.b
    afgeleid = list(boek["Afgeleid"].iter_rows(values_only=True))
    assert afgeleid[0] == ("kader", "veld", "reden")
    assert len(afgeleid) - 1 == sum(len(k["afgeleid"]) for k in export.values())
    documenten = list(boek["Documenten"].iter_rows(values_only=True))
    assert documenten[0][:6] == ("id", "soort", "kamerstuk", "datum", "titel", "url")
    assert documenten[0][6:] == ("tekst_beschikbaar", "opmerking")
    ids = [d[0] for d in documenten[1:]]
    assert ids[:3] == ["kst-29521-493", "kst-29521-494", "defensie-20260320"]
    assert {"raad-eu-20250130-euma", "kst-29521-497", "vn-vr-res-2790-2025"} <= set(ids)
    assert isinstance(documenten[1][3], dt.datetime)


def test_xlsx_text_is_never_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    register = tmp_path / "k.toml"
    register.write_text(KLEIN.read_text().replace('missie = "Kort"', 'missie = "=SUM(1,2)"'))
    pad = tmp_path / "k.xlsx"
    code, _, _ = _run("--register", str(register), "list", "-f", "xlsx", "-o", str(pad))
    assert code == 0
    cellen = [c for rij in load_workbook(pad)["Kaders"].iter_rows() for c in rij]
    formule = [c for c in cellen if c.value == "=SUM(1,2)"]
    assert formule and all(c.data_type == "s" for c in formule)


def test_xlsx_of_a_total_has_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    pad = tmp_path / "t.xlsx"
    args = ("--peildatum", "2026-01-01", "--stand", "2025-04-04")  # the April letter's total
    code, _, _ = _run("totaal", *args, "-f", "xlsx", "-o", str(pad))
    assert code == 0
    boek = load_workbook(pad)
    assert boek.sheetnames == ["Totaal stand 2025-04-04"]  # the sheet names the stand asked
    rijen = list(boek["Totaal stand 2025-04-04"].iter_rows(values_only=True))
    totaal = dict(zip(rijen[0], rijen[-1], strict=True))
    assert totaal["groep"] == "totaal" and totaal["personeel"] == 192
    assert totaal["personeel_afgeleid"] == 22 and totaal["indeling_afgeleid"] == 122
    assert (totaal["per_jaar"], totaal["opgeschort_personeel"]) == (61, 0)
    assert isinstance(totaal["peildatum"], dt.datetime)


# --- sqlite ------------------------------------------------------------------------------


def test_sqlite_export_has_keys_and_the_same_total(tmp_path: Path) -> None:
    pad = tmp_path / "kaders.db"
    code, _, _ = _run("export", "--formaat", "sqlite", "--uitvoer", str(pad))
    assert code == 0
    db = sqlite3.connect(pad)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    tabellen = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tabellen == {
        *("kader", "kader_type", "kader_land", "afleiding", "regio", "document", "wijziging"),
        *("bron", "metadata"),
    }
    metadata = dict(db.execute("SELECT sleutel, waarde FROM metadata").fetchall())
    assert metadata["kamerstuk"] == "29 521, nr. 493" and "stand" in metadata
    assert "peildatum" not in metadata  # no day asked: the export holds every framework
    som_2026 = (
        "SELECT sum(personeel) FROM kader WHERE begin <= '2026-01-01' AND eind >= '2026-01-01'"
    )
    som = db.execute(som_2026).fetchone()[0]
    # as known today: nr. 494 gives the Althea company, team and staff their numbers
    totaal = json.loads(_run("totaal", "--peildatum", "2026-01-01", "-f", "json")[1])
    assert som == totaal["totaal"]["personeel"] == 387
    # 13 of nr. 493's frameworks without a number, and the additional deployment (unknown)
    assert db.execute("SELECT count(*) FROM kader WHERE personeel IS NULL").fetchone()[0] == 14
    april = tmp_path / "april.db"
    assert _run("export", "-f", "sqlite", "-o", str(april), "--stand", "2025-04-04")[0] == 0
    som_april = sqlite3.connect(april).execute(som_2026).fetchone()[0]
    stand = sqlite3.connect(april).execute("SELECT waarde FROM metadata WHERE sleutel = 'stand'")
    assert stand.fetchone()[0] == "2025-04-04"
    args = ("--peildatum", "2026-01-01", "--stand", "2025-04-04", "-f", "json")
    assert som_april == json.loads(_run("totaal", *args)[1])["totaal"]["personeel"] == 192
    sleutels = db.execute("PRAGMA foreign_key_list(kader_type)").fetchall()
    assert [(s[2], s[3], s[4]) for s in sleutels] == [("kader", "kader", "id")]
    indexen = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"kader_regio", "kader_status", "kader_type_type", "kader_land_land"} <= indexen
    politie = db.execute("SELECT count(*) FROM kader_type WHERE type = 'politie'").fetchone()[0]
    assert politie == sum("politie" in k["typen"] for k in json.loads(_run("export")[1]))


def test_sqlite_export_has_the_documents_and_changes_of_the_stand(tmp_path: Path) -> None:
    def tabel(db: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
        return db.execute(sql).fetchall()

    pad = tmp_path / "k.db"
    assert _run("export", "-f", "sqlite", "-o", str(pad))[0] == 0
    db = sqlite3.connect(pad)
    assert tabel(db, "PRAGMA foreign_key_check") == []
    documenten = [r[0] for r in tabel(db, "SELECT id FROM document ORDER BY datum, id")]
    assert documenten[:3] == ["raad-eu-20250130-euma", "kst-29521-493", "kst-29521-494"]
    assert {"defensie-20260320", "vn-vr-res-2790-2025", "kst-29521-497"} <= set(documenten)
    assert tabel(db, "SELECT kader, document, datum FROM wijziging ORDER BY volgnummer") == [
        ("eufor-althea-compagnie", "kst-29521-494", "2025-04-25"),
        ("eufor-althea-humint-team", "kst-29521-494", "2025-04-25"),
        ("eufor-althea-humint-team", "kst-29521-494", "2025-04-25"),
        ("eufor-althea-staffunctionarissen", "kst-29521-494", "2025-04-25"),
        ("eufor-althea-staffunctionarissen", "kst-29521-494", "2025-04-25"),
        ("nmi-adviseurs", "defensie-20260320", "2026-03-20"),
        ("eufor-althea-compagnie", "defensie-20251007", "2025-10-07"),
        ("evertsen-oostelijke-middellandse-zee", "rijksoverheid-20260309", "2026-03-09"),
    ]
    velden = json.loads(tabel(db, "SELECT velden FROM wijziging WHERE volgnummer = 1")[0][0])
    assert (velden["personeel"], velden["eind"]) == (175, "2026-10-01")
    sleutels = {(s[2], s[3], s[4]) for s in tabel(db, "PRAGMA foreign_key_list(wijziging)")}
    assert sleutels == {("kader", "kader", "id"), ("document", "document", "id")}
    assert {(s[2], s[3], s[4]) for s in tabel(db, "PRAGMA foreign_key_list(kader)")} == {
        ("document", "document", "id"),
        ("regio", "regio", "id"),
    }
    # A selection keeps only its own changes; an earlier stand only what was known then.
    irak = tmp_path / "irak.db"
    assert _run("export", "-f", "sqlite", "-o", str(irak), "--regio", "irak")[0] == 0
    db = sqlite3.connect(irak)
    assert tabel(db, "PRAGMA foreign_key_check") == []
    assert tabel(db, "SELECT kader FROM wijziging") == [("nmi-adviseurs",)]
    april = tmp_path / "april.db"
    assert _run("export", "-f", "sqlite", "-o", str(april), "--stand", "2025-04-04")[0] == 0
    db = sqlite3.connect(april)
    assert sorted(tabel(db, "SELECT id FROM document")) == [
        ("kst-29521-493",),
        ("raad-eu-20250130-euma",),
    ]
    assert tabel(db, "SELECT count(*) FROM wijziging") == [(0,)]
    assert tabel(db, "SELECT count(*) FROM kader") == [(44,)]


def test_sqlite_export_applies_the_filters(tmp_path: Path) -> None:
    pad = tmp_path / "k.db"
    code, _, _ = _run("export", "-f", "sqlite", "-o", str(pad), "--regio", "irak")
    assert code == 0
    ids = {r[0] for r in sqlite3.connect(pad).execute("SELECT id FROM kader")}
    assert ids == {"euam-irak", "mopa-peshmerga", "nmi-adviseurs", "nmi-ontplooiing"}


def test_every_printing_command_takes_the_output_options() -> None:
    for commando in COMMANDOS:
        _, uit, _ = _run(commando, "--help")
        if "--formaat" in uit:
            assert "--uitvoer" in uit and "--excel" in uit, commando


def test_the_extension_of_uitvoer_chooses_the_format(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    werkboek, database = tmp_path / "lijst.xlsx", tmp_path / "alles.sqlite"
    assert _run("list", "-o", str(werkboek))[0] == 0
    assert load_workbook(werkboek).sheetnames[0] == "Kaders"
    assert _run("export", "-o", str(database))[0] == 0
    assert sqlite3.connect(database).execute("SELECT count(*) FROM kader").fetchone()[0] == 45
    code, _, fout = _run("list", "-f", "tsv", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "--formaat tsv past niet bij --uitvoer" in fout
    assert not (tmp_path / "x.xlsx").exists()
    code, _, fout = _run("list", "-o", str(tmp_path / "x.db"))
    assert code == 2 and "kan niet als sqlite" in fout
    assert _run("list", "-o", str(tmp_path / "x.json"))[0] == 0
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))[0]["id"]


# --- issue 23, part 4: every answer names the stand it shows ------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("toon", "eulex-kosovo"),
        ("toon", "eulex-kosovo", "kfor-imint"),
        ("totaal",),
        ("verloopt",),
        ("export",),
        ("tijdlijn", "--jaar", "2026"),
        ("verschil", str(REGISTER)),
        ("historie", "eulex-kosovo"),
        ("documenten",),
    ],
    ids=lambda a: " ".join(a[:2]),
)
@pytest.mark.parametrize("formaat", ["json", "jsonl"])
def test_every_json_object_names_its_stand(args: tuple[str, ...], formaat: str) -> None:
    code, uit, fout = _run(*args, "--stand", "2025-06-01", "-f", formaat)
    assert code in (0, 1), fout  # verschil: 1 when the registers differ
    waarden = [json.loads(r) for r in uit.splitlines()] if formaat == "jsonl" else [json.loads(uit)]
    objecten = [o for w in waarden for o in (w if isinstance(w, list) else [w])]
    assert objecten and all(o["stand"] == "2025-06-01" for o in objecten)


def test_a_workbook_of_an_earlier_stand_says_so_in_its_sheet_name(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    pad = tmp_path / "april.xlsx"
    assert _run("list", "--stand", "2025-04-04", "-o", str(pad))[0] == 0
    assert load_workbook(pad).sheetnames == ["Kaders stand 2025-04-04"]
    vandaag = tmp_path / "vandaag.xlsx"
    assert _run("list", "-o", str(vandaag))[0] == 0
    assert load_workbook(vandaag).sheetnames == ["Kaders"]


def test_the_list_table_names_an_earlier_stand_and_not_today() -> None:
    _, april, _ = _run("list", "--stand", "2025-04-04", "-f", "tabel")
    assert april.startswith("Nationale kaders, zoals bekend op 2025-04-04")
    _, vandaag, _ = _run("list", "-f", "tabel")
    assert vandaag.startswith("Nationale kaders") and "zoals bekend" not in vandaag.split("\n")[0]


@pytest.mark.parametrize("commando", ["list", "export", "verloopt"])
def test_an_empty_selection_is_an_empty_json_array_not_nothing(commando: str) -> None:
    code, uit, fout = _run(commando, "--zoek", "bestaat-nergens", "-f", "json")
    assert code == 0 and json.loads(uit) == [] and "geen kaders gevonden" in fout
    code, uit, _ = _run(commando, "--zoek", "bestaat-nergens", "-f", "jsonl")
    assert code == 0 and uit == ""  # zero lines: zero records
