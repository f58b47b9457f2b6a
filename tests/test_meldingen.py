"""Issue 20, items 9, 10 and 11: exports say what they cannot keep, and every error is clear
Dutch (kaders.osfouten, kaders.datumfouten, the xlsx, csv and markdown writers, tijdlijn)."""

from __future__ import annotations

import datetime as dt
import errno
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import KLEIN, REGISTER, kaders, kaders_hier
from hulp import lange_regel
from hypothesis import given, settings

from kaders.errors import KadersFout
from kaders.osfouten import OS_FOUTEN, os_fout
from kaders.tijdlijn import MAX_PERIODES, periodes
from kaders.uitvoer.markdown import markdown
from kaders.uitvoer.tekst import csv_tekst
from kaders.uitvoer.weergave import Weergave
from kaders.uitvoer.xlsx import EXCEL_MAX_TEKENS, werkboek

# --- item 11: operating-system errors, one table ------------------------------------------------

GENOEMD = ("EFBIG", "ENAMETOOLONG", "ELOOP", "ENOSPC", "EROFS", "EACCES", "ENOTDIR", "EISDIR")


@pytest.mark.parametrize("naam", GENOEMD)
def test_every_os_error_of_the_issue_is_in_dutch(naam: str) -> None:
    nummer = getattr(errno, naam)
    tekst = os_fout(OSError(nummer, "English text"))
    assert tekst == OS_FOUTEN[nummer]
    assert "English" not in tekst and "systeemfout" not in tekst and str(nummer) not in tekst


def test_an_unknown_errno_is_named_not_only_numbered() -> None:
    assert os_fout(OSError(errno.ECHILD, "x")) == f"systeemfout ECHILD ({errno.ECHILD})"


def test_the_table_has_no_english() -> None:
    for nummer, tekst in OS_FOUTEN.items():
        assert not re.search(r"\b(file|too|no such|denied|not)\b", tekst, re.I), nummer


def test_a_name_too_long_is_dutch_with_the_path() -> None:
    naam = "a" * 300 + ".toml"
    uitkomst = kaders("--register", naam, "list")
    assert uitkomst.returncode == 1
    assert uitkomst.stderr == f"kaders: {naam}: kan niet lezen: naam te lang\n"


def test_a_full_file_size_limit_is_dutch(tmp_path: Path) -> None:
    import resource
    import subprocess
    import sys

    def grens() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    doel = tmp_path / "groot.json"
    proces = subprocess.run(
        [sys.executable, "-m", "kaders", "export", "-f", "json", "-o", str(doel)],
        capture_output=True,
        text=True,
        preexec_fn=grens,  # only sets a limit, in the child
        timeout=60,
    )
    assert proces.returncode == 1
    assert "bestand te groot (grens van het bestandssysteem of van ulimit -f)" in proces.stderr
    assert "systeemfout" not in proces.stderr and not doel.exists()
    assert not list(tmp_path.iterdir())  # no temp file left either


# --- item 11: clear messages ---------------------------------------------------------------------


def test_a_mistyped_register_table_suggests_register(tmp_path: Path) -> None:
    pad = tmp_path / "r.toml"
    pad.write_text(KLEIN.read_text(encoding="utf-8").replace("[register]", "[regsiter]", 1))
    uitkomst = kaders("--register", str(pad), "valideer")
    assert uitkomst.returncode == 1
    assert (
        "bedoelde u 'register'? Toegestaan: register, regio, document, kader, wijziging, mandaat."
        in (uitkomst.stderr)
    )


@pytest.mark.parametrize(
    "args",
    [["--register", "", "list"], ["list", "--register", ""], ["valideer", ""],
     ["export", "-o", ""]],
)  # fmt: skip
def test_an_empty_path_is_named_as_empty_not_as_dot(args: list[str]) -> None:
    uitkomst = kaders_hier(*args)
    assert uitkomst.returncode == 2
    assert ": leeg pad; geef een bestandsnaam" in uitkomst.stderr
    assert "kaders: .:" not in uitkomst.stderr


def test_valideer_names_every_impossible_date(tmp_path: Path) -> None:
    tekst = REGISTER.read_text(encoding="utf-8")
    regels = tekst.split("\n")
    geplant = []
    for i, regel in enumerate(regels):
        if re.match(r"(begin|eind) = \d{4}-\d{2}-\d{2}$", regel) and len(geplant) < 37:
            regels[i] = regel[:-10] + ("2026-02-30" if len(geplant) % 2 else "30-02-2026")
            geplant.append(i + 1)
    assert len(geplant) == 37
    pad = tmp_path / "datums.toml"
    pad.write_text("\n".join(regels), encoding="utf-8")
    uitkomst = kaders("valideer", str(pad))
    assert uitkomst.returncode == 1
    gemeld = [int(r.split(":")[2]) for r in uitkomst.stderr.splitlines()]
    assert gemeld == geplant
    assert all("datum" in r for r in uitkomst.stderr.splitlines())


def test_valideer_after_the_dates_names_the_next_syntax_error(tmp_path: Path) -> None:
    tekst = KLEIN.read_text(encoding="utf-8")
    tekst = tekst.replace("begin = 2025-01-01", "begin = 2025-02-30", 1)
    tekst += "\n[[kader]\n"
    pad = tmp_path / "r.toml"
    pad.write_text(tekst, encoding="utf-8")
    regels = kaders("valideer", str(pad)).stderr.splitlines()
    assert len(regels) == 2 and "2025-02-30" in regels[0] and "']]'" in regels[1], regels


# --- item 9: xlsx ------------------------------------------------------------------------------


def _weergave(rijen: list[dict[str, object]]) -> Weergave:
    kolommen = list(rijen[0])
    return Weergave("kaders", "t", kolommen, rijen, rijen, rijen, lambda s: "")


def test_xlsx_refuses_text_longer_than_a_cell_naming_record_and_field() -> None:
    lang = "x" * (EXCEL_MAX_TEKENS + 1)
    with pytest.raises(KadersFout) as fout:
        werkboek(_weergave([{"id": "kort", "toelichting": lang}]))
    assert str(fout.value) == (
        "xlsx: blad Kaders, kader 'kort', veld 'toelichting': 32.768 tekens; een Excel-cel houdt "
        "er hoogstens 32.767 en zou de rest stil weglaten. Er is niets geschreven; csv, json en "
        "sqlite houden de hele tekst"
    )
    werkboek(_weergave([{"id": "kort", "toelichting": lang[:-1]}]))  # exactly a cell: fine


def test_xlsx_export_of_a_long_text_writes_nothing(tmp_path: Path) -> None:
    pad = tmp_path / "r.toml"
    shutil.copyfile(KLEIN, pad)
    lang = "x" * 40_000
    pad.write_text(pad.read_text().replace('bron = "Bijlage, 3"', f'bron = "{lang}"', 1))
    doel = tmp_path / "uit.xlsx"
    uitkomst = kaders("--register", str(pad), "export", "-f", "xlsx", "-o", str(doel))
    assert uitkomst.returncode == 1 and "veld 'bron': 40.000 tekens" in uitkomst.stderr
    assert not doel.exists()


def test_xlsx_dates_before_1900_are_iso_text() -> None:
    from openpyxl import load_workbook

    rijen = [
        {"id": "oud", "begin": dt.date(1899, 12, 31), "eind": "0001-01-01"},
        {"id": "nieuw", "begin": dt.date(1900, 3, 1), "eind": "2028-06-30"},
    ]
    blad = load_workbook(io.BytesIO(werkboek(_weergave(rijen)))).active
    assert blad is not None
    waarden = [[c.value for c in rij] for rij in blad.iter_rows(min_row=2)]
    assert waarden[0] == ["oud", "1899-12-31", "0001-01-01"]
    assert waarden[1][1] == dt.datetime(1900, 3, 1) and waarden[1][2] == dt.datetime(2028, 6, 30)


# --- item 10: csv and markdown ------------------------------------------------------------------


def test_csv_guards_a_cell_starting_with_a_line_feed() -> None:
    uit = csv_tekst(["id", "missie"], [{"id": "a", "missie": "\n=HYPERLINK(1)"}])
    assert "'\n=HYPERLINK(1)" in uit


def test_markdown_shows_html_as_text() -> None:
    rij = {"id": "a", "missie": "<img src=x onerror=alert(1)> & <b>vet</b>"}
    uit = markdown(["id", "missie"], [rij])
    assert "<" not in uit and ">" not in uit.replace("---", "")
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in uit


@settings(max_examples=30, deadline=None)
@given(regel=lange_regel)
def test_long_lines_in_every_text_format_stay_one_cell(regel: str) -> None:
    rij = {"id": "a", "missie": regel}
    assert markdown(["id", "missie"], [rij]).count("\n") == 3
    assert csv_tekst(["id", "missie"], [rij]).count("\r\n") >= 2


# --- item 10: a timeline has a bound -------------------------------------------------------------


def test_a_timeline_of_ten_thousand_years_is_refused_at_once() -> None:
    uitkomst = kaders("tijdlijn", "--van", "0001-01-01", "--tot", "9999-12-31", "-f", "tabel")
    assert uitkomst.returncode == 2
    assert uitkomst.stderr == (
        "kaders: de tijdlijn van 0001-01-01 tot 9999-12-31 telt 119.988 maanden; hoogstens "
        "1.200 per keer (100 jaar per maand, 300 per kwartaal): kies een kortere periode of een "
        "grotere stap\nkaders: tip: kies --van en --tot dichter bij elkaar, of --stap kwartaal\n"
    )


def test_the_bound_is_exact() -> None:
    van = dt.date(2000, 1, 1)
    assert len(periodes(van, dt.date(2099, 12, 31))) == MAX_PERIODES
    with pytest.raises(KadersFout):
        periodes(van, dt.date(2100, 1, 1))
    assert len(periodes(van, dt.date(2299, 12, 31), "kwartaal")) == MAX_PERIODES
