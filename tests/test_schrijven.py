"""Adding to the register: validated first, appended byte-exact, atomic, serialised."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import KLEIN, REGISTER, kaders, kaders_hier
from hulp import Schrijver, kader_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaders import schrijven, tomltabel
from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst
from kaders.laden import laad

NIEUW: dict[str, Any] = {
    "id": "test-kader",
    "missie": "Test",
    "naam": "Testkader",
    "regio": "europa",
    "organisatie": "EU",
    "typen": ["civiel"],
    "personeel": 3,
    "duiding": "circa",
    "telling": "per-jaar",
    "status": "verkenning",
    "bron": "Bijlage, 1",
    "citaat": "Het kabinet verkent een testkader.",
}
NIEUW_493 = {**NIEUW, "document": "kst-29521-493"}  # for the bundled register, which has documents


def _kopie(tmp_path: Path, bron: Path = KLEIN) -> Path:
    pad = tmp_path / "register.toml"
    shutil.copyfile(bron, pad)
    return pad


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def test_append_keeps_every_existing_byte(tmp_path: Path) -> None:
    pad = _kopie(tmp_path, REGISTER)
    oud = pad.read_bytes()
    schrijven.voeg_toe(pad, NIEUW_493)
    nieuw = pad.read_bytes()
    assert nieuw.startswith(oud)
    assert nieuw[len(oud) :].decode().lstrip("\n").startswith('[[kader]]\nid = "test-kader"')
    register = laad(pad)
    assert register.kader[-1].id == "test-kader"
    assert register.kader[:-1] == laad(REGISTER).kader


def test_defaults_for_begin_and_end(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    kader, _ = schrijven.voeg_toe(pad, NIEUW)
    assert (kader.begin, kader.eind) == (dt.date(2025, 1, 1), dt.date(2028, 6, 30))


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    voor = _hash(pad)
    _, toml = schrijven.voeg_toe(pad, NIEUW, droog=True)
    assert _hash(pad) == voor
    assert toml.startswith("[[kader]]")


def test_permissions_are_kept(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.chmod(0o640)
    schrijven.voeg_toe(pad, NIEUW)
    assert pad.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".*.tmp"))


def test_refuses_an_invalid_register(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.write_text(KLEIN.read_text().replace('status = "verlengd"', 'status = "x"'))
    voor = _hash(pad)
    with pytest.raises(KadersFout) as fout:
        schrijven.voeg_toe(pad, NIEUW)
    assert "al ongeldig" in str(fout.value)
    assert _hash(pad) == voor


# --- property: append then load gives the register plus exactly that record -------------------


def kaders_data() -> st.SearchStrategy[dict[str, Any]]:
    return kader_data(["europa", "westelijke-balkan"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kaders_data())
def test_append_then_load_roundtrip(tmp_path: Path, data: dict[str, Any]) -> None:
    pad = tmp_path / "r.toml"
    shutil.copyfile(KLEIN, pad)
    oud_bytes = pad.read_bytes()
    oud = laad(pad)
    if data["id"] in {k.id for k in oud.kader}:
        data["id"] += "-nieuw"
    kader, _ = schrijven.voeg_toe(pad, data)
    nieuw = laad(pad)
    assert pad.read_bytes().startswith(oud_bytes)
    assert nieuw.kader == [*oud.kader, kader]
    assert nieuw.regio == oud.regio and nieuw.metadata == oud.metadata


def test_export_toml_loads_back_to_the_same_register(tmp_path: Path) -> None:
    for bron in (REGISTER, KLEIN):
        register = laad(bron)
        tekst = tomltabel.register_toml(register)
        assert tekst.startswith("#:schema ./kaders.schema.json\n")
        assert laad_tekst(tekst, "export.toml") == register


# --- through the command line ---------------------------------------------------------------


def test_cli_adds_from_json_on_stdin_and_diff_shows_only_added_lines(tmp_path: Path) -> None:
    pad = _kopie(tmp_path, REGISTER)
    oud = pad.read_text().splitlines()
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=json.dumps(NIEUW_493))
    assert uitkomst.returncode == 0, uitkomst.stderr
    toon = kaders("--register", str(pad), "toon", "test-kader", "--formaat", "json")
    assert json.loads(toon.stdout)["personeel"] == 3
    assert pad.read_text().splitlines()[: len(oud)] == oud


def test_cli_adds_from_toml_and_from_options(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    toml = '[[kader]]\nid = "uit-toml"\nmissie = "T"\nnaam = "T"\nregio = "europa"\n'
    toml += (
        'organisatie = "VN"\ntypen = ["militair"]\nstatus = "voornemen"\nbron = "b"\ncitaat = "c"\n'
    )
    assert kaders("--register", str(pad), "toevoegen", invoer=toml).returncode == 0
    opties = ["--id", "uit-opties", "--missie", "O", "--naam", "O", "--regio", "europa"]
    opties += ["--organisatie", "EU", "--type", "politie", "--type", "civiel", "--status"]
    opties += [
        "vastgesteld",
        "--bron",
        "b",
        "--citaat",
        "c",
        "--personeel",
        "4",
        "--duiding",
        "exact",
    ]
    opties += ["--telling", "gelijktijdig", "--afgeleid", "typen: een reden"]
    uitkomst = kaders("--register", str(pad), "toevoegen", *opties, invoer="")
    assert uitkomst.returncode == 0, uitkomst.stderr
    laatste = laad(pad).kader[-1]
    assert (laatste.id, laatste.typen, laatste.personeel) == (
        "uit-opties",
        ["politie", "civiel"],
        4,
    )


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ({**NIEUW, "id": "eulex-kosovo"}, "bestaat al"),
        ({**NIEUW, "regio": "europe"}, "bedoelde u 'europa'?"),
        ({**NIEUW, "eind": "2025-02-30"}, "bestaat niet (die dag is er niet)"),
        ({**NIEUW, "persoonel": 3}, "bedoelde u 'personeel'?"),
        ({**NIEUW, "eind": "2024-01-01"}, "ligt na eind"),
        ('{"id": "kapot", ', "ongeldige JSON"),
        ("", "geen invoer"),
    ],
    ids=[
        "dubbel-id",
        "onbekende-regio",
        "slechte-datum",
        "onbekend-veld",
        "eind-voor-begin",
        "kapotte-json",
        "leeg",
    ],
)
def test_cli_invalid_input_leaves_file_untouched(tmp_path: Path, invoer: Any, melding: str) -> None:
    pad = _kopie(tmp_path)
    voor = _hash(pad)
    tekst = invoer if isinstance(invoer, str) else json.dumps(invoer)
    uitkomst = kaders_hier("--register", str(pad), "toevoegen", invoer=tekst)
    assert uitkomst.returncode == 1
    assert melding in uitkomst.stderr and "Traceback" not in uitkomst.stderr
    assert _hash(pad) == voor


def test_cli_without_terminal_names_missing_options(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    uitkomst = kaders("--register", str(pad), "toevoegen", "--id", "x", invoer="")
    assert uitkomst.returncode == 2
    assert "ontbrekende opties: --missie, --naam, --regio" in uitkomst.stderr


def test_cli_export_toml_to_file(tmp_path: Path) -> None:
    doel = tmp_path / "export.toml"
    uitkomst = kaders("export", "--formaat", "toml", "--uitvoer", str(doel))
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert laad(doel) == laad(REGISTER)
    gefilterd = kaders("export", "--formaat", "toml", "--regio", "irak")
    assert gefilterd.stdout.count("[[kader]]") == 4


# --- crashes and concurrent writers ---------------------------------------------------------

SCHRIJVER = """
import sys
from pathlib import Path
from kaders.schrijven import voeg_toe
pad, voorvoegsel, aantal = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(aantal):
    voeg_toe(pad, {"id": f"{voorvoegsel}-{i}", "missie": "M", "naam": "N", "regio": "europa",
                   "organisatie": "EU", "typen": ["civiel"], "status": "verkenning",
                   "bron": "b", "citaat": "c", "toelichting": "x" * 2000})
"""
TOEVOEGER = """
from kaders.schrijven import voeg_toe
def schrijf(pad, voorvoegsel, i):
    voeg_toe(pad, {"id": f"{voorvoegsel}-{i}", "missie": "M", "naam": "N", "regio": "europa",
                   "organisatie": "EU", "typen": ["civiel"], "status": "verkenning",
                   "bron": "b", "citaat": "c", "toelichting": "x" * 2000})
"""


@pytest.mark.traag
def test_kill_at_random_moments_leaves_old_or_new_file(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    kills = int(os.environ.get("KADERS_KILLS", "100"))
    rng = random.Random(493)
    aantal_voor, gedaan = len(laad(pad).kader), 0
    with Schrijver(pad, TOEVOEGER) as schrijver:
        for ronde in range(kills):
            voor = pad.read_bytes()
            # after 0, 1 or 2 finished writes, at a random moment in the next one
            gedaan += schrijver.ronde(f"r{ronde}", rng.choice((0, 0, 1, 2)), rng.uniform(0, 0.03))
            na = pad.read_bytes()
            assert na.startswith(voor), ronde
            register = laad(pad)
            assert len(register.kader) >= aantal_voor
            aantal_voor = len(register.kader)
    assert gedaan > 0 and aantal_voor >= len(laad(KLEIN).kader) + gedaan


@pytest.mark.traag
def test_two_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    processen = [
        subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(pad), naam, "50"])
        for naam in ("a", "b")
    ]
    assert [p.wait(timeout=240) for p in processen] == [0, 0]
    ids = {k.id for k in laad(pad).kader}
    assert {f"{n}-{i}" for n in "ab" for i in range(50)} <= ids
    assert len(ids) == 103


@pytest.mark.traag
def test_two_concurrent_cli_writers(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    omgeving = {**os.environ, "KADERS_REGISTER": str(pad)}
    processen = []
    for i in range(6):
        data = {**NIEUW, "id": f"cli-{i}"}
        proces = subprocess.Popen(
            [sys.executable, "-m", "kaders", "toevoegen"],
            stdin=subprocess.PIPE,
            env=omgeving,
            text=True,
            stderr=subprocess.PIPE,
        )
        assert proces.stdin is not None
        proces.stdin.write(json.dumps(data))
        proces.stdin.close()
        processen.append(proces)
    assert [p.wait(timeout=120) for p in processen] == [0] * 6
    assert {f"cli-{i}" for i in range(6)} <= {k.id for k in laad(pad).kader}
