"""`kaders verschil`: what changed between two registers, with diff-like exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import KLEIN, REGISTER, kaders
from typer.testing import CliRunner

from kaders import uitvoer
from kaders.cli import app
from kaders.inlezen import laad_tekst
from kaders.models import Register
from kaders.stand import Veldwijziging
from kaders.uitvoer import Scherm, vergelijking
from kaders.verschil import Gewijzigd, vergelijk

runner = CliRunner()
D2026 = dt.date(2026, 1, 1)
TEKST = REGISTER.read_text(encoding="utf-8")
KOP, *KADERS = TEKST.split("\n[[kader]]\n")
NIEUW_KADER = """id = "nieuw-kader"
missie = "Nieuw"
naam = "Een nieuw kader"
regio = "afrika"
organisatie = "VN"
typen = ["politie"]
personeel = 4
duiding = "exact"
telling = "gelijktijdig"
begin = 2025-06-01
eind = 2027-12-31
status = "voornemen"
bron = "Nergens"
document = "kst-29521-493"
"""


def _bewerk(
    weg: str | None = None,
    vervang: dict[str, list[tuple[str, str]]] | None = None,
    erbij: str | None = None,
    kop: str = KOP,
) -> str:
    """The bundled register text with one record dropped, records edited and one added."""
    blokken = []
    for blok in KADERS:
        kid = blok.split('"', 2)[1]
        if kid == weg:
            continue
        for oud, nieuw in (vervang or {}).get(kid, []):
            assert oud in blok, (kid, oud)
            blok = blok.replace(oud, nieuw, 1)
        blokken.append(blok)
    if erbij:
        blokken.append(erbij)
    return "\n[[kader]]\n".join([kop, *blokken])


DRIE = _bewerk(
    weg="kfor-imint",
    vervang={"eulex-kosovo": [("personeel = 15\n", "personeel = 20\n")]},
    erbij=NIEUW_KADER,
)


def _run(*args: str, invoer: str | None = None) -> tuple[int, str, str]:
    uitkomst = runner.invoke(app, list(args), input=invoer)
    assert not isinstance(uitkomst.exception, Exception) or isinstance(
        uitkomst.exception, SystemExit
    ), uitkomst.exception
    return uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr


@pytest.fixture
def drie(tmp_path: Path) -> Path:
    pad = tmp_path / "drie.toml"
    pad.write_text(DRIE, encoding="utf-8")
    return pad


def test_one_removed_one_changed_one_added(register: Register) -> None:
    uitkomst = vergelijk(register, laad_tekst(DRIE, "drie"), D2026)
    assert [k.id for k in uitkomst.toegevoegd] == ["nieuw-kader"]
    assert [k.id for k in uitkomst.verwijderd] == ["kfor-imint"]
    assert uitkomst.gewijzigd == (Gewijzigd("eulex-kosovo", (Veldwijziging("personeel", 15, 20),)),)
    assert uitkomst.hernoemd == () and uitkomst.metadata == () and uitkomst.regios.leeg
    assert not uitkomst.gelijk
    # 192 - 1 (KFOR) + 5 (EULEX 15 -> 20) + 4 (new) on 2026-01-01
    assert (uitkomst.oud_totaal.personeel, uitkomst.nieuw_totaal.personeel) == (192, 200)
    assert uitkomst.totaal_verschil == 8


def test_cli_json_reports_exactly_those_three_and_exits_1(drie: Path) -> None:
    code, uit, fout = _run(
        "verschil", str(REGISTER), str(drie), "-f", "json", "--peildatum", "2026-01-01"
    )
    assert code == 1, fout
    data = json.loads(uit)
    assert data["peildatum"] == "2026-01-01"
    assert [r["id"] for r in data["toegevoegd"]] == ["nieuw-kader"]
    assert data["toegevoegd"][0]["personeel"] == 4 and data["toegevoegd"][0]["landen"] == []
    assert [r["id"] for r in data["verwijderd"]] == ["kfor-imint"]
    # a value edited in place names no document: no change in the log made it
    wijziging = {"veld": "personeel", "oud": 15, "nieuw": 20, "document": None}
    assert data["gewijzigd"] == [{"id": "eulex-kosovo", "wijzigingen": [wijziging]}]
    assert data["hernoemd"] == [] and data["register"] == []
    assert data["regios"] == {"toegevoegd": [], "verwijderd": [], "gewijzigd": []}
    # both files with their change logs folded, as `totaal` counts each
    assert data["totaal"] == {
        "oud": {"personeel": 387, "zonder_aantal": 9},
        "nieuw": {"personeel": 395, "zonder_aantal": 9},
        "verschil": 8,
    }


def test_cli_tsv_one_row_per_change_then_totals(drie: Path) -> None:
    code, uit, _ = _run("verschil", str(REGISTER), str(drie), "--peildatum", "2026-01-01")
    assert code == 1
    regels = [r.split("\t") for r in uit.splitlines()]
    assert regels[0] == ["soort", "id", "veld", "oud", "nieuw", "peildatum", "document"]
    assert [(r[0], r[1], r[2]) for r in regels[1:]] == [
        ("verwijderd", "kfor-imint", ""),
        ("toegevoegd", "nieuw-kader", ""),
        ("gewijzigd", "eulex-kosovo", "personeel"),
        ("totaal", "", "personeel"),
        ("totaal", "", "zonder_aantal"),
    ]
    assert regels[3][3:5] == ["15", "20"]
    assert regels[4] == ["totaal", "", "personeel", "387", "395", "2026-01-01", ""]


def test_same_register_reports_nothing_and_exits_0(tmp_path: Path) -> None:
    omgekeerd = tmp_path / "omgekeerd.toml"
    omgekeerd.write_text("\n[[kader]]\n".join([KOP, *reversed(KADERS)]), encoding="utf-8")
    for args in ((str(REGISTER), str(REGISTER)), (str(REGISTER), str(omgekeerd))):
        code, uit, _ = _run("verschil", *args, "-f", "json", "--peildatum", "2026-01-01")
        assert code == 0
        data = json.loads(uit)
        assert data["toegevoegd"] == data["verwijderd"] == data["gewijzigd"] == []
        assert data["hernoemd"] == data["register"] == []
        assert data["totaal"]["verschil"] == 0
    code, uit, _ = _run("verschil", str(REGISTER), "--peildatum", "2026-01-01", "-f", "tabel")
    assert code == 0 and uit.startswith("Geen verschillen")
    assert "387 → 387" in uit


def test_rename_is_detected_with_its_other_changes(register: Register) -> None:
    tekst = _bewerk(
        vervang={
            "euam-irak": [
                ('id = "euam-irak"\n', 'id = "euam-irak-2"\n'),
                ("personeel = 7\n", "personeel = 9\n"),
            ]
        }
    )
    uitkomst = vergelijk(register, laad_tekst(tekst, "x"), D2026)
    assert uitkomst.toegevoegd == () and uitkomst.verwijderd == ()
    [hernoemd] = uitkomst.hernoemd
    assert (hernoemd.oud_id, hernoemd.nieuw_id) == ("euam-irak", "euam-irak-2")
    assert hernoemd.wijzigingen == (Veldwijziging("personeel", 7, 9),)
    data = vergelijking.verschil_json(uitkomst)
    assert data["hernoemd"] == [
        {
            "oud_id": "euam-irak",
            "nieuw_id": "euam-irak-2",
            "wijzigingen": [{"veld": "personeel", "oud": 7, "nieuw": 9}],
        }
    ]
    tabel = uitvoer.schrijf(vergelijking.verschil(uitkomst, "oud", "nieuw"), "tabel", Scherm(200))
    assert "hernoemd?" in tabel and "waarschijnlijk hernoemd" in tabel


def test_ambiguous_rename_is_removed_and_added(register: Register) -> None:
    # Both NMI phases are in 'irak' with missie 'NMI': no single candidate, so no rename.
    tekst = _bewerk(
        vervang={
            "nmi-ontplooiing": [('id = "nmi-ontplooiing"', 'id = "nmi-fase-1"')],
            "nmi-adviseurs": [('id = "nmi-adviseurs"', 'id = "nmi-fase-2"')],
        }
    ).replace('kader = "nmi-adviseurs"', 'kader = "nmi-fase-2"')  # its change follows the id
    uitkomst = vergelijk(register, laad_tekst(tekst, "x"), D2026)
    assert uitkomst.hernoemd == ()
    assert {k.id for k in uitkomst.verwijderd} == {"nmi-ontplooiing", "nmi-adviseurs"}
    assert {k.id for k in uitkomst.toegevoegd} == {"nmi-fase-1", "nmi-fase-2"}


def test_metadata_and_regions_are_compared(register: Register) -> None:
    kop = KOP.replace("datum = 2025-04-04", "datum = 2025-05-01", 1).replace(
        'naam = "Irak"', 'naam = "Irak en Koerdistan"'
    )
    kop += '\n[[regio]]\nid = "arctis"\nnaam = "Arctis"\n'
    uitkomst = vergelijk(register, laad_tekst(_bewerk(kop=kop), "x"), D2026)
    assert uitkomst.metadata == (Veldwijziging("datum", "2025-04-04", "2025-05-01"),)
    assert [r.id for r in uitkomst.regios.toegevoegd] == ["arctis"]
    assert uitkomst.regios.gewijzigd == (
        Gewijzigd("irak", (Veldwijziging("naam", "Irak", "Irak en Koerdistan"),)),
    )
    assert not uitkomst.gelijk
    rijen = vergelijking.verschil_rijen(uitkomst)
    assert [r["soort"] for r in rijen][:3] == ["register", "regio-toegevoegd", "regio-gewijzigd"]


def test_table_colours_added_green_removed_red_changed_yellow(register: Register) -> None:
    uitkomst = vergelijk(register, laad_tekst(DRIE, "drie"), D2026)
    kleur = uitvoer.schrijf(
        vergelijking.verschil(uitkomst, "a", "b"), "tabel", Scherm(200, kleur=True)
    )
    assert "\x1b[32m" in kleur and "\x1b[31m" in kleur and "\x1b[33m" in kleur
    kaal = uitvoer.schrijf(
        vergelijking.verschil(uitkomst, "a", "b"), "tabel", Scherm(200, kleur=False)
    )
    assert "\x1b[" not in kaal
    assert "1 toegevoegd, 1 verwijderd, 1 gewijzigd" in kaal
    assert "192 → 200 (+8)" in kaal


def test_stdin_dash_as_new_or_old() -> None:
    code, uit, fout = _run("verschil", "-", "-f", "json", "--peildatum", "2026-01-01", invoer=DRIE)
    assert code == 1, fout
    assert [r["id"] for r in json.loads(uit)["verwijderd"]] == ["nieuw-kader"]
    code, uit, _ = _run("verschil", str(REGISTER), "-", "-f", "json", invoer=DRIE)
    assert [r["id"] for r in json.loads(uit)["toegevoegd"]] == ["nieuw-kader"]
    code, uit, _ = _run("verschil", "-", str(REGISTER), "-f", "json", invoer=DRIE)
    assert code == 1
    assert [r["id"] for r in json.loads(uit)["verwijderd"]] == ["nieuw-kader"]
    code, _, _ = _run("verschil", str(REGISTER), "-", invoer=TEKST)
    assert code == 0


def test_one_argument_compares_the_register_in_use(drie: Path) -> None:
    """Like `git diff REV`: the one argument is OUD, the register in use NIEUW (issue 13)."""
    code, uit, _ = _run("--register", str(KLEIN), "verschil", str(KLEIN), "-f", "json")
    assert code == 0
    code, uit, _ = _run("--register", str(KLEIN), "verschil", str(drie), "-f", "json")
    assert code == 1
    data = json.loads(uit)
    assert {r["id"] for r in data["toegevoegd"]} == {"verkenning-politie", "kort"}
    assert [g["id"] for g in data["gewijzigd"]] == ["eulex-kosovo"]
    wijzigingen = {w["veld"]: (w["oud"], w["nieuw"]) for w in data["gewijzigd"][0]["wijzigingen"]}
    assert wijzigingen["landen"] == (["Kosovo"], [])  # drie (the bundled one) is the old side
    assert len(data["verwijderd"]) == 44
    # the same answer as with both arguments written out, OUD first
    code, twee, _ = _run("verschil", str(drie), str(KLEIN), "-f", "json")
    assert code == 1 and json.loads(twee) == data


def test_one_argument_in_a_real_process_reads_old_from_stdin(tmp_path: Path) -> None:
    oud = REGISTER.read_text(encoding="utf-8").replace('"kfor-imint"', '"kfor-oud"')
    uitkomst = kaders("verschil", "-", "-f", "tsv", "--peildatum", "2026-01-01", invoer=oud)
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert "hernoemd\tkfor-imint\tid\tkfor-oud\tkfor-imint\t" in uitkomst.stdout


@pytest.mark.parametrize(
    ("args", "invoer", "melding"),
    [
        (["bestaat-niet.toml"], None, "bestaat-niet.toml: bestand bestaat niet"),
        (["-"], "[register\n", "<stdin>:1"),
        (["-", "-"], "", "stdin (-) kan maar voor één"),
        (["tests/data/invalid/dubbel-id.toml"], None, "komt al voor op regel"),
        (["data/kaders.toml", "--formaat", "jsno"], None, "bedoelde u 'json'?"),
    ],
)
def test_bad_input_exits_2_without_traceback(
    args: list[str], invoer: str | None, melding: str
) -> None:
    uitkomst = kaders("verschil", *args, invoer=invoer, cwd=REGISTER.parents[1])
    assert uitkomst.returncode == 2, uitkomst.stderr
    assert melding in uitkomst.stderr
    assert uitkomst.stdout == "" and "Traceback" not in uitkomst.stderr


def test_path_with_nul_character_exits_2() -> None:
    code, uit, fout = _run("verschil", "a\x00b")
    assert code == 2 and uit == "" and "ongeldig pad" in fout


def test_help_lists_both_commands() -> None:
    """(Their examples: tests/test_hulpvoorbeelden.py, for every command.)"""
    _, uit, _ = _run("--help")
    assert "verschil" in uit and "tijdlijn" in uit
