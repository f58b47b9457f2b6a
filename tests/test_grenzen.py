"""Issue 20, items 4, 6, 8 and 11: bounded input (size, kind, depth), stdin records held to the
rules of TOML, link loops, and the installed register that is never written (kaders.grenzen,
kaders.invoer, kaders.installatie)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KLEIN, REGISTER, ROOT, kaders, kaders_hier
from hulp import diep_genest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaders import grenzen
from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst
from kaders.invoer import lees_invoer

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


def _kopie(map_: Path) -> Path:
    pad = map_ / "register.toml"
    shutil.copyfile(KLEIN, pad)
    return pad


# --- item 8: only regular files, at most 100 MB --------------------------------------------------


@pytest.mark.parametrize("apparaat", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_never_read_as_a_register(apparaat: str) -> None:
    uitkomst = kaders("--register", apparaat, "list")
    assert uitkomst.returncode == 1
    assert uitkomst.stderr == (
        f"kaders: {apparaat}: is geen gewoon bestand maar een apparaat, pijp of socket; een "
        "register wordt alleen uit een gewoon bestand gelezen\n"
    )


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    uitkomst = kaders("--register", str(fifo), "valideer")  # would block forever if opened
    assert uitkomst.returncode == 1 and "is geen gewoon bestand" in uitkomst.stderr


def test_a_register_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    groot = tmp_path / "groot.toml"
    with groot.open("wb") as bestand:
        bestand.truncate(grenzen.MAX_BYTES + 1)  # sparse: no 100 MB written
    uitkomst = kaders("--register", str(groot), "list")
    assert uitkomst.returncode == 1
    assert "groter dan 100 MB (104.857.600 bytes): te groot voor een register" in uitkomst.stderr


def test_stdin_over_the_limit_is_refused_without_reading_it_all() -> None:
    ja = subprocess.Popen(["yes", "a = 1"], stdout=subprocess.PIPE)
    try:
        uitkomst = subprocess.run(
            [sys.executable, "-m", "kaders", "valideer", "-"],
            stdin=ja.stdout,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        ja.kill()
        ja.wait()
    assert uitkomst.returncode == 1
    assert uitkomst.stderr == (
        "kaders: <stdin>: groter dan 100 MB (104.857.600 bytes): te groot voor een register\n"
    )


@pytest.mark.parametrize(
    "args", [["toevoegen"], ["document-toevoegen"], ["verschil", "-"], ["valideer", "-"]]
)
def test_every_reader_of_stdin_is_bounded(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from kaders.cli import app

    monkeypatch.setattr(grenzen, "MAX_BYTES", 1000)
    uitkomst = CliRunner().invoke(
        app, ["--register", str(_kopie(tmp_path)), *args], input=" " * 1001 + "{}"
    )
    assert uitkomst.exit_code in (1, 2), uitkomst.stderr
    assert "te groot" in uitkomst.stderr


# --- item 6: nesting has a documented bound -----------------------------------------------------


@pytest.mark.parametrize("diepte", [33, 500, 5000, 100_000])
@pytest.mark.parametrize("soort", ["lijst", "tabel"])
def test_deep_toml_is_refused_by_name(tmp_path: Path, diepte: int, soort: str) -> None:
    pad = tmp_path / "diep.toml"
    pad.write_text(f"[register]\nx = {diep_genest(diepte, soort)}\n", encoding="utf-8")
    uitkomst = kaders_hier("--register", str(pad), "list")
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert "te diep genest: meer dan 32 niveaus" in uitkomst.stderr
    assert "interne fout" not in uitkomst.stderr


def test_nesting_up_to_the_bound_is_an_ordinary_validation_error() -> None:
    tekst = f"[register]\nx = {diep_genest(grenzen.MAX_DIEPTE - 2)}\n"
    with pytest.raises(KadersFout) as fout:
        laad_tekst(tekst, "r.toml")
    assert "te diep" not in str(fout.value)


@pytest.mark.parametrize("diepte", [33, 500, 100_000])
def test_deep_json_on_stdin_is_refused_by_name(tmp_path: Path, diepte: int) -> None:
    invoer = '{"id": ' + diep_genest(diepte) + "}"
    uitkomst = kaders("--register", str(_kopie(tmp_path)), "toevoegen", invoer=invoer)
    assert uitkomst.returncode == 1
    assert "<stdin>: te diep genest: meer dan 32 niveaus" in uitkomst.stderr


@settings(max_examples=40, deadline=None)
@given(diepte=st.integers(1, 3000), soort=st.sampled_from(["lijst", "tabel"]))
def test_any_depth_gives_a_register_or_a_dutch_error(diepte: int, soort: str) -> None:
    tekst = KLEIN.read_text(encoding="utf-8").replace(
        'bron = "Bijlage, 3"', f'bron = "Bijlage, 3"\ntoelichting = {diep_genest(diepte, soort)}', 1
    )
    with pytest.raises(KadersFout) as fout:
        laad_tekst(tekst, "r.toml")
    assert fout.value.meldingen
    assert ("te diep genest" in str(fout.value)) == (diepte + 3 > grenzen.MAX_DIEPTE)


# --- item 11: a record on stdin -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "soort"),
    [("5", "getal"), ('"tekst"', "tekst"), ("true", "true of false"), ("null", "null"),
     ("[1]", "lijst"), ("2.5", "getal")],
)  # fmt: skip
def test_json_that_is_not_an_object_says_what_it_is(invoer: str, soort: str) -> None:
    with pytest.raises(KadersFout) as fout:
        lees_invoer(invoer.encode())
    assert str(fout.value) == (
        f"<stdin>: verwacht één JSON-object, geen {soort}: {{…}} met de velden van één kader"
    )


def test_a_key_twice_in_json_is_refused_as_toml_refuses_it(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    voor = pad.read_bytes()
    invoer = json.dumps(NIEUW)[:-1] + ', "id": "ander"}'
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=invoer)
    assert uitkomst.returncode == 1
    assert uitkomst.stderr == (
        "kaders: <stdin>: ongeldige JSON: sleutel 'id' komt twee keer voor; geef elk veld één "
        "keer\n"
    )
    assert pad.read_bytes() == voor


def test_a_nested_key_twice_is_refused_too() -> None:
    with pytest.raises(KadersFout, match="sleutel 'veld' komt twee keer voor"):
        lees_invoer(b'{"afgeleid": [{"veld": "typen", "veld": "begin", "reden": "x"}]}')


def test_toml_and_json_objects_still_read() -> None:
    assert lees_invoer(json.dumps(NIEUW).encode()) == NIEUW
    assert lees_invoer(b'id = "x"\nmissie = "y"\n') == {"id": "x", "missie": "y"}
    assert lees_invoer(b'[[kader]]\nid = "x"\n') == {"id": "x"}


# --- item 6: a link loop as register -------------------------------------------------------------


WRITERS = [
    ["toevoegen", "--id", "a", "--missie", "b", "--naam", "c", "--regio", "europa",
     "--organisatie", "EU", "--type", "civiel", "--status", "verkenning", "--bron", "x",
     "--citaat", "c"],
    ["document-toevoegen", "--id", "d", "--soort", "kamerbrief", "--datum", "2025-05-01",
     "--titel", "t"],
    ["wijzig", "kort", "--document", "brief-1", "--citaat", "c", "--plek", "p", "--personeel",
     "3", "--duiding", "circa", "--telling", "gelijktijdig"],
    ["beeindig", "kort", "--document", "brief-1", "--citaat", "c", "--plek", "p", "--eind",
     "2025-06-01"],
    ["list"],
    ["valideer"],
]  # fmt: skip


@pytest.mark.parametrize("args", WRITERS, ids=[a[0] for a in WRITERS])
def test_a_link_loop_as_register_is_a_dutch_error(tmp_path: Path, args: list[str]) -> None:
    lus = tmp_path / "lus.toml"
    lus.symlink_to(lus.name)
    uitkomst = kaders_hier("--register", str(lus), *args)
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert "te veel symbolische links (een kring van links?)" in uitkomst.stderr
    assert "interne fout" not in uitkomst.stderr


# --- item 4: the installed register is never a write target -------------------------------------


@pytest.fixture
def installatie(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """kaders as a wheel installs it: the package with its register at kaders/data/."""
    site = tmp_path / "site"
    shutil.copytree(
        ROOT / "src" / "kaders", site / "kaders", ignore=shutil.ignore_patterns("__pycache__")
    )
    (site / "kaders" / "data").mkdir()
    shutil.copyfile(REGISTER, site / "kaders" / "data" / "kaders.toml")
    return site, {"PYTHONPATH": str(site)}


def test_export_never_replaces_the_installed_register(
    installatie: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    site, env = installatie
    geinstalleerd = site / "kaders" / "data" / "kaders.toml"
    voor = geinstalleerd.read_bytes()
    basis = tmp_path / "base.toml"
    shutil.copyfile(REGISTER, basis)
    for formaat in (["-f", "toml"], []):  # given, or chosen by the extension
        uitkomst = kaders(
            "--register", str(basis), "export", *formaat, "-o", str(geinstalleerd),
            "--overschrijf", env=env, cwd=tmp_path,
        )  # fmt: skip
        assert uitkomst.returncode == 1, (formaat, uitkomst.stderr)
        assert "ligt in het geïnstalleerde pakket kaders" in uitkomst.stderr
    # the case, JSON into the installed kaders.toml: refused as wrong usage already
    uitkomst = kaders(
        "--register", str(basis), "export", "-f", "json", "-o", str(geinstalleerd),
        "--overschrijf", env=env, cwd=tmp_path,
    )  # fmt: skip
    assert uitkomst.returncode == 2 and "past niet bij --uitvoer" in uitkomst.stderr
    assert geinstalleerd.read_bytes() == voor
    assert kaders("list", "-f", "json", env=env, cwd=tmp_path).returncode == 0


def test_no_export_goes_into_the_installed_package(
    installatie: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    site, env = installatie
    doel = site / "kaders" / "data" / "nieuw.json"
    uitkomst = kaders("export", "-f", "json", "-o", str(doel), env=env, cwd=tmp_path)
    assert uitkomst.returncode == 1 and not doel.exists()
