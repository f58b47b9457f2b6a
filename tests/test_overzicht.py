"""The question commands on the command line: periods, the derived share, forgiving lookups."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kaders.cli import app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    uitkomst = runner.invoke(app, list(args))
    return uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr


def _ids(*args: str) -> set[str]:
    code, uit, fout = _run(*args, "--formaat", "json")
    assert code == 0, fout
    return {k["id"] for k in json.loads(uit)}


# --- the derived share -----------------------------------------------------------------------


def test_totaal_json_gives_the_derived_share_per_group_summing_to_the_total() -> None:
    args = ("--per", "type", "--peildatum", "2026-01-01", "--stand", "2025-04-04")
    code, uit, _ = _run("totaal", *args, "-f", "json")
    assert code == 0
    data = json.loads(uit)
    groepen = {g["groep"]: g for g in data["groepen"]}
    # a derived count or period (the same whatever --per), and what a derived type adds
    assert groepen["militair"]["personeel_afgeleid"] == 2
    assert groepen["militair"]["indeling_afgeleid"] == 52
    assert groepen["civiel"]["indeling_afgeleid"] == 65
    assert groepen["politie"]["indeling_afgeleid"] == 5
    assert groepen["militair+politie"]["personeel_afgeleid"] is None  # no count: null
    som = sum(g["personeel_afgeleid"] or 0 for g in data["groepen"])
    assert som == data["totaal"]["personeel_afgeleid"] == 22
    assert sum(g["indeling_afgeleid"] or 0 for g in data["groepen"]) == 122
    assert data["totaal"]["per_telling"] == {"per-jaar": 61, "gelijktijdig": 0, "niet-vermeld": 131}
    assert data["totaal"]["opgeschort"] == {"personeel": 0, "kaders": 0}
    assert data["totaal"]["personeel"] == 192
    assert sum(g["kaders_afgeleid"] for g in data["groepen"]) == data["totaal"]["kaders_afgeleid"]


def test_list_table_marks_records_with_derived_fields() -> None:
    code, uit, _ = _run("list", "--regio", "westelijke-balkan", "-f", "tabel")
    assert code == 0
    regels = {r.split()[0]: r for r in uit.splitlines() if r.strip()[:1].islower()}
    assert "*" in regels["kfor-imint"].split() and "*" not in regels["eulex-kosovo"].split()
    assert "met afgeleide velden" in " ".join(uit.split())


def test_tijdlijn_rows_carry_the_derived_share() -> None:
    args = ("--van", "2026-01-01", "--tot", "2026-01-31", "--stand", "2025-04-04")
    code, uit, _ = _run("tijdlijn", *args, "-f", "json")
    assert code == 0
    assert json.loads(uit)[0]["totaal"]["personeel_afgeleid"] == 22
    assert json.loads(uit)[0]["stand"] == "2025-04-04"


# --- periods ---------------------------------------------------------------------------------


def test_jaar_is_van_and_tot_around_the_year() -> None:
    jaar = _ids("list", "--jaar", "2025")
    assert jaar == _ids("list", "--van", "2025-01-01", "--tot", "2025-12-31")
    assert {"nmi-adviseurs", "nmi-ontplooiing", "kfor-imint"} <= jaar
    assert "nmi-adviseurs" not in _ids("list", "--peildatum", "2025-01-01")


@pytest.mark.parametrize("commando", ["list", "export", "verloopt"])
def test_a_period_filters_list_export_and_verloopt(commando: str) -> None:
    na_juli = _ids(commando, "--van", "2025-07-01")
    assert "nmi-ontplooiing" not in na_juli  # ended 2025-06-30
    assert "nmi-ontplooiing" in _ids(commando, "--tot", "2025-07-01")


def test_tijdlijn_jaar_is_twelve_months() -> None:
    code, uit, _ = _run("tijdlijn", "--jaar", "2026", "-f", "json")
    assert code == 0
    assert [p["periode"] for p in json.loads(uit)] == [f"2026-{m:02d}" for m in range(1, 13)]


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("totaal", "--jaar", "2026"), "kaders tijdlijn --jaar 2026"),
        (("totaal", "--van", "2026-01-01"), "kaders tijdlijn --van/--tot"),
        (("list", "--jaar", "2026", "--van", "2026-01-01"), "--jaar gaat niet samen"),
        (("list", "--van", "2026-02-01", "--tot", "2026-01-01"), "ligt na --tot"),
        (("list", "--jaar", "twintig"), "verwacht JJJJ"),
        (("export", "--van", "gisteren"), "ongeldige datum voor --van"),
    ],
)
def test_wrong_periods_exit_2_in_dutch(args: tuple[str, ...], melding: str) -> None:
    code, uit, fout = _run(*args)
    assert code == 2 and uit == ""
    assert melding in fout


# --- forgiving lookups ------------------------------------------------------------------------


@pytest.mark.parametrize("tekst", ["EUMM", "EUMM Georgië", "EUMM-GEORGIE", "eumm georgie"])
def test_toon_finds_a_framework_by_any_case_or_its_mission(tekst: str) -> None:
    code, uit, _ = _run("toon", tekst, "-f", "json")
    assert code == 0 and json.loads(uit)["id"] == "eumm-georgie"


def test_toon_lists_candidates_when_a_mission_has_several() -> None:
    code, uit, fout = _run("toon", "NMI")
    assert code == 2 and uit == ""
    assert "nmi-ontplooiing" in fout and "nmi-adviseurs" in fout


def test_toon_several_ids_is_an_array_one_id_the_object() -> None:
    code, uit, _ = _run("toon", "eulex-kosovo", "KFOR-IMINT", "-f", "json")
    assert code == 0
    assert [k["id"] for k in json.loads(uit)] == ["eulex-kosovo", "kfor-imint"]
    _, een, _ = _run("toon", "eulex-kosovo", "-f", "json")
    assert isinstance(json.loads(een), dict)
    _, tsv, _ = _run("toon", "eulex-kosovo", "kfor-imint", "-f", "tsv")
    assert tsv.splitlines()[0] == "id\tveld\twaarde"
    _, tabel, _ = _run("toon", "eulex-kosovo", "kfor-imint", "-f", "tabel")
    assert "EULEX Kosovo" in tabel and "KFOR" in tabel
