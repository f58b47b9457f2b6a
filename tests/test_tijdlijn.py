"""`kaders tijdlijn`: personnel per period, counted exactly as `kaders totaal` counts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from kaders import query, uitvoer
from kaders.cli import app
from kaders.errors import GebruiksFout
from kaders.models import Kader, Register
from kaders.tijdlijn import periodes, tijdlijn
from kaders.uitvoer import Scherm, vergelijking

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    uitkomst = runner.invoke(app, list(args))
    return uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr


def _vast(register: Register) -> Callable[[dt.date], tuple[Register, list[Kader]]]:
    """The same register and frameworks on every day (a register without valid-from dates)."""
    return lambda dag: (register, register.kader)


def _maanden(register: Register) -> list[dt.date]:
    begin, eind = register.metadata.begin, register.metadata.standaard_eind
    return [dag for _, dag in periodes(begin, eind, "maand")]


def test_every_month_of_the_bundled_register_is_exactly_totaal(register: Register) -> None:
    maanden = _maanden(register)
    assert len(maanden) == 42
    assert (maanden[0], maanden[-1]) == (dt.date(2025, 1, 1), dt.date(2028, 6, 1))
    begin, eind = register.metadata.begin, register.metadata.standaard_eind
    for per in query.GROEPERINGEN:
        lijn = tijdlijn(_vast(register), begin, eind, "maand", per)
        assert [p.peildatum for p in lijn.periodes] == maanden
        for periode in lijn.periodes:
            assert periode.totaal == query.totaal(register, register.kader, periode.peildatum, per)


def test_cli_json_matches_totaal_for_every_month(register: Register) -> None:
    code, uit, fout = _run("tijdlijn", "--formaat", "json")
    assert code == 0, fout
    data = json.loads(uit)
    assert [p["peildatum"] for p in data] == [d.isoformat() for d in _maanden(register)]
    for periode in data:
        _, totaal_uit, _ = _run("totaal", "--peildatum", periode["peildatum"], "-f", "json")
        verwacht = json.loads(totaal_uit)
        assert periode["periode"] == periode["peildatum"][:7]
        assert periode["groepen"] == verwacht["groepen"], periode["periode"]
        assert periode["totaal"] == verwacht["totaal"], periode["periode"]


def test_iraq_drops_mid_2025_when_nmi_comes_home() -> None:
    code, uit, _ = _run("tijdlijn", "--regio", "irak", "--per", "regio", "-f", "json")
    assert code == 0
    per_maand = {p["periode"]: p for p in json.loads(uit)}
    juni, juli = per_maand["2025-06"], per_maand["2025-07"]
    assert [g["groep"] for g in juni["groepen"]] == ["irak"]
    assert "nmi-ontplooiing" in juni["totaal"]["ids"]
    assert 280 <= juni["totaal"]["personeel"] < 300
    assert (
        "nmi-ontplooiing" not in juli["totaal"]["ids"] and "nmi-adviseurs" in juli["totaal"]["ids"]
    )
    assert 20 <= juli["totaal"]["personeel"] < 40
    # the NMI advisers are suspended from March 2026: out of the sum, counted apart
    eind = per_maand["2028-06"]["totaal"]
    assert eind["personeel"] == juli["totaal"]["personeel"] - 20
    assert eind["opgeschort"] == {"personeel": 20, "kaders": 1}
    assert per_maand["2026-03"]["totaal"]["opgeschort"]["personeel"] == 0
    assert per_maand["2026-04"]["totaal"]["opgeschort"]["personeel"] == 20


def test_a_value_counts_from_the_month_it_holds_in() -> None:
    """The staff officers are seven until July 2025 and at most ten from August (nr. 494)."""
    args = ("tijdlijn", "--zoek", "staffunctionarissen", "--van", "2025-07-01")
    code, uit, fout = _run(*args, "--tot", "2025-08-31", "-f", "json")
    assert code == 0, fout
    assert [p["totaal"]["personeel"] for p in json.loads(uit)] == [7, 10]


def test_rows_per_period_and_group_with_unknown_as_empty() -> None:
    args = ("tijdlijn", "--van", "2025-06-15", "--tot", "2025-07-01")
    _, als_tsv, _ = _run(*args, "-f", "tsv")
    _, als_csv, _ = _run(*args, "-f", "csv")
    _, als_jsonl, _ = _run(*args, "-f", "jsonl")
    kolommen = ["periode", "peildatum", "groep", "personeel", "kaders", "zonder_aantal"]
    kolommen += ["personeel_afgeleid", "kaders_afgeleid"]  # added at the end
    kolommen += ["gelijktijdig", "per_jaar", "niet_vermeld", "indeling_afgeleid"]
    kolommen += ["opgeschort_personeel", "opgeschort_kaders"]
    regels = [r.split("\t") for r in als_tsv.splitlines()]
    assert regels[0] == kolommen
    assert [r[:3] for r in regels if r[2] == "totaal"] == [
        ["2025-06", "2025-06-01", "totaal"],
        ["2025-07", "2025-07-01", "totaal"],
    ]
    assert list(csv.reader(io.StringIO(als_csv))) == regels
    objecten = [json.loads(r) for r in als_jsonl.splitlines()]
    # JSON lines name the stand they were counted on as well
    assert [list(o) for o in objecten] == [[*kolommen, "stand"]] * len(objecten)
    onbekend = [o for o in objecten if o["personeel"] is None]
    assert onbekend and all(o["zonder_aantal"] == o["kaders"] > 0 for o in onbekend)
    leeg = [r for r in regels[1:] if r[3] == ""]
    assert len(leeg) == len(onbekend)


def test_quarters_and_filters_are_those_of_totaal() -> None:
    code, uit, _ = _run("tijdlijn", "--stap", "kwartaal", "--type", "politie", "-f", "json")
    assert code == 0
    data = json.loads(uit)
    assert [p["periode"] for p in data][:5] == [
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2026-Q1",
    ]
    assert len(data) == 14 and data[-1]["peildatum"] == "2028-04-01"
    _, totaal_uit, _ = _run(
        "totaal", "--type", "politie", "--peildatum", "2026-01-01", "-f", "json"
    )
    assert data[4]["totaal"] == json.loads(totaal_uit)["totaal"]


def test_periods_start_in_the_period_of_van_and_roll_over_years() -> None:
    assert periodes(dt.date(2025, 11, 30), dt.date(2026, 2, 1)) == [
        ("2025-11", dt.date(2025, 11, 1)),
        ("2025-12", dt.date(2025, 12, 1)),
        ("2026-01", dt.date(2026, 1, 1)),
        ("2026-02", dt.date(2026, 2, 1)),
    ]
    assert periodes(dt.date(2025, 12, 31), dt.date(2026, 4, 1), "kwartaal") == [
        ("2025-Q4", dt.date(2025, 10, 1)),
        ("2026-Q1", dt.date(2026, 1, 1)),
        ("2026-Q2", dt.date(2026, 4, 1)),
    ]
    assert periodes(dt.date(9999, 12, 5), dt.date(9999, 12, 31)) == [
        ("9999-12", dt.date(9999, 12, 1))
    ]
    with pytest.raises(GebruiksFout):
        periodes(dt.date(2026, 1, 1), dt.date(2025, 1, 1))


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--stap", "jaar"], "onbekende stap 'jaar'"),
        (["--per", "regios"], "bedoelde u 'regio'?"),
        (["--van", "2026-01-01", "--tot", "2025-01-01"], "ligt na --tot"),
        (["--van", "2026-1-1"], "ongeldige datum voor --van"),
        (["--regio", "irk"], "bedoelde u 'irak'?"),
    ],
)
def test_bad_options_exit_2(args: list[str], melding: str) -> None:
    code, uit, fout = _run("tijdlijn", *args)
    assert code == 2 and uit == ""
    assert melding in fout


def test_table_draws_a_bar_proportional_to_the_total(register: Register) -> None:
    args = ("--van", "2025-06-01", "--tot", "2025-07-01", "--stand", "2025-04-04")
    code, uit, _ = _run("tijdlijn", *args, "-f", "tabel", "--per", "type")
    assert code == 0 and "\x1b[" not in uit
    balken = {r.split()[0]: r.count("█") for r in uit.splitlines() if "█" in r}
    assert balken["2025-06"] == 50
    assert balken["2025-07"] == round(192 / 452 * 50)
    lijn = tijdlijn(_vast(register), dt.date(2025, 6, 1), dt.date(2025, 7, 1))
    smal = uitvoer.schrijf(vergelijking.tijdlijn(lijn), "tabel", Scherm(60))
    assert max(len(r) for r in smal.splitlines()) <= 60
    assert "te breed voor dit scherm" in " ".join(smal.split())


def test_a_table_names_the_stand_it_was_asked_for() -> None:
    args = ("tijdlijn", "--jaar", "2026", "--stap", "kwartaal", "-f", "tabel")
    code, uit, _ = _run(*args, "--stand", "2025-04-04")
    assert code == 0 and "zoals bekend op 2025-04-04" in " ".join(uit.split())


def test_a_day_that_does_not_exist_is_named_as_such() -> None:
    code, _, fout = _run("tijdlijn", "--van", "2028-06-31")
    assert code == 2 and "'2028-06-31' bestaat niet" in fout and "verwacht" not in fout
