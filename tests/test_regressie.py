"""Regressions for problems a review found; each test names the problem it guards against."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import KLEIN, kaders

from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst
from kaders.laden import laad

NIEUW = {
    "id": "nieuw",
    "missie": "N",
    "naam": "N",
    "regio": "europa",
    "organisatie": "EU",
    "typen": ["civiel"],
    "status": "verkenning",
    "bron": "b",
    "citaat": "c",
}


def test_writing_through_a_symlink_updates_the_real_file(tmp_path: Path) -> None:
    echt = tmp_path / "echt" / "register.toml"
    echt.parent.mkdir()
    shutil.copyfile(KLEIN, echt)
    link = tmp_path / "link.toml"
    link.symlink_to(echt)
    uitkomst = kaders("--register", str(link), "toevoegen", invoer=json.dumps(NIEUW))
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert link.is_symlink()
    assert laad(echt).kader[-1].id == "nieuw"


def test_only_plain_iso_dates_are_accepted(tmp_path: Path) -> None:
    for datum in ("2025-W27-1", "20250101", "2025-1-01", "２０２５-01-01"):
        uitkomst = kaders("totaal", "--peildatum", datum)
        assert uitkomst.returncode == 2, datum
    tekst = KLEIN.read_text().replace("eind = 2025-05-31", 'eind = "2025-W22-6"')
    try:
        laad_tekst(tekst, "w.toml")
    except KadersFout as fout:
        assert "een datum (JJJJ-MM-DD) verwacht" in str(fout)
    else:
        raise AssertionError("week-datum geaccepteerd")


def test_empty_peildatum_is_an_error_not_no_filter() -> None:
    for commando in ("list", "export", "totaal"):
        uitkomst = kaders(commando, "--peildatum", "")
        assert uitkomst.returncode == 2, commando
        assert "ongeldige datum voor --peildatum" in uitkomst.stderr


def test_toevoegen_odd_input_gets_dutch_errors(tmp_path: Path) -> None:
    pad = tmp_path / "r.toml"
    shutil.copyfile(KLEIN, pad)
    gevallen = [
        ("kader = [5]\n", 1, "[[kader]] moet een tabel zijn"),
        ("[1]", 1, "geen lijst"),
        (b"\xff{".decode("latin-1"), 1, ""),
    ]
    for invoer, code, tekst in gevallen:
        uitkomst = kaders("--register", str(pad), "toevoegen", invoer=invoer)
        assert uitkomst.returncode == code, (invoer, uitkomst.stderr)
        assert tekst in uitkomst.stderr and "interne fout" not in uitkomst.stderr
    opties = [
        "--id",
        "x",
        "--missie",
        "M",
        "--naam",
        "N",
        "--regio",
        "europa",
        "--bron",
        "b",
        "--citaat",
        "c",
    ]
    opties += ["--organisatie", "eu", "--type", "Civiel", "--status", "Verkenning"]
    for personeel, melding in (("-3", "moet 0 of groter zijn"), ("²", "geheel getal")):
        uitkomst = kaders(
            "--register",
            str(pad),
            "toevoegen",
            *opties,
            "--personeel",
            personeel,
            "--duiding",
            "exact",
            "--telling",
            "gelijktijdig",
            invoer="",
        )
        assert uitkomst.returncode == 2 and melding in uitkomst.stderr, uitkomst.stderr
    uitkomst = kaders("--register", str(pad), "toevoegen", *opties, invoer="")
    assert uitkomst.returncode == 0, uitkomst.stderr
    laatste = laad(pad).kader[-1]
    assert (laatste.organisatie, laatste.typen, laatste.status) == ("EU", ["civiel"], "verkenning")


def test_export_to_a_directory_and_output_to_a_full_disk(tmp_path: Path) -> None:
    uitkomst = kaders("export", "--uitvoer", str(tmp_path))
    assert uitkomst.returncode == 1 and "kan niet schrijven: is een map" in uitkomst.stderr
    if os.path.exists("/dev/full"):
        proces = subprocess.run(
            f"{sys.executable} -m kaders export > /dev/full",
            shell=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proces.returncode == 1
        assert "kan de uitvoer niet schrijven: schijf vol" in proces.stderr


def test_check_fails_even_when_the_reader_closes_the_pipe() -> None:
    proces = subprocess.run(
        f"{sys.executable} -m kaders verloopt --peildatum 2025-05-01 --check | head -c0; "
        "echo ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proces.stdout.strip() == "1"


def test_line_numbers_count_only_newlines(tmp_path: Path) -> None:
    tekst = KLEIN.read_text().replace('naam = "EULEX Kosovo"', 'naam = "EULEX\u2028Kosovo"')
    tekst = tekst.replace('status = "verlengd"', 'status = "x"')
    try:
        laad_tekst(tekst, "r.toml")
    except KadersFout as fout:
        assert str(fout.meldingen[0]).startswith("r.toml:59:")
    else:
        raise AssertionError("ongeldig register geaccepteerd")


def test_extra_argument_message_is_dutch() -> None:
    uitkomst = kaders("list", "extra")
    assert uitkomst.returncode == 2
    assert "onverwacht extra argument: extra" in uitkomst.stderr
