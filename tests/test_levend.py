"""The living register on the command line: --stand, documenten, historie, verschil --sinds."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kaders.cli import OP_STAND, app
from kaders.inlezen import laad_tekst
from kaders.laden import gebundeld_register
from kaders.models import Register
from kaders.stand import op_stand

runner = CliRunner()
BRIEF = "2025-04-04"
LATER = {  # what the later documents change, by framework
    "eufor-althea-compagnie": "kst-29521-494",
    "eufor-althea-humint-team": "kst-29521-494",
    "eufor-althea-staffunctionarissen": "kst-29521-494",
    "nmi-adviseurs": "defensie-20260320",
}


def _run(*args: str) -> tuple[int, str, str]:
    uitkomst = runner.invoke(app, list(args))
    assert not isinstance(uitkomst.exception, Exception) or isinstance(
        uitkomst.exception, SystemExit
    ), uitkomst.exception
    return uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr


def _json(*args: str) -> object:
    code, uit, fout = _run(*args, "--formaat", "json")
    assert code == 0, fout
    return json.loads(uit)


# --- --stand ---------------------------------------------------------------------------------


def test_totaal_2026_as_known_in_april_is_192_and_today_adds_the_althea_decision() -> None:
    april = _json("totaal", "--peildatum", "2026-01-01", "--stand", BRIEF)
    nu = _json("totaal", "--peildatum", "2026-01-01")
    assert isinstance(april, dict) and isinstance(nu, dict)
    assert april["stand"] == BRIEF and nu["stand"] == dt.date.today().isoformat()
    assert april["totaal"]["personeel"] == 192
    assert nu["totaal"]["personeel"] == 387 == 192 + 175 + 10 + 10
    # the same frameworks run that day; exactly the three Althea ones of nr. 494 gained a count
    assert set(nu["totaal"]["ids"]) == set(april["totaal"]["ids"])
    assert nu["totaal"]["zonder_aantal"] == april["totaal"]["zonder_aantal"] - 3
    export = {k["id"]: k for k in _json("export")}  # type: ignore[union-attr]
    assert [export[k]["personeel"] for k in list(LATER)[:3]] == [175, 10, 10]
    export_april = {k["id"]: k for k in _json("export", "--stand", BRIEF)}  # type: ignore[union-attr]
    assert [export_april[k]["personeel"] for k in list(LATER)[:3]] == [None, None, None]


@pytest.mark.parametrize("commando", sorted(OP_STAND))
def test_stand_before_the_first_document_exits_2_naming_its_date(commando: str) -> None:
    gebundeld = str(gebundeld_register())
    args = {"toon": ["eulex-kosovo"], "historie": ["eulex-kosovo"], "verschil": [gebundeld]}
    args = args.get(commando, [])
    # the first document is the EU Council's decision on EUMA's mandate (30 January 2025)
    code, _, fout = _run(commando, *args, "--stand", "2025-01-29")
    assert code == 2
    assert "--stand 2025-01-29 ligt vóór het eerste document" in fout
    assert "'raad-eu-20250130-euma', 2025-01-30" in fout
    code, _, fout = _run(commando, *args, "--stand", "april")
    assert code == 2 and "ongeldige datum voor --stand: 'april'" in fout


def test_stand_vandaag_is_the_default() -> None:
    assert _json("list", "--stand", "vandaag") == _json("list")


def test_toon_as_known_on_a_date() -> None:
    april = _json("toon", "eufor-althea-compagnie", "--stand", BRIEF)
    nu = _json("toon", "eufor-althea-compagnie")
    assert isinstance(april, dict) and isinstance(nu, dict)
    assert (april["personeel"], april["status"]) == (None, "verkenning")
    assert (nu["personeel"], nu["status"], nu["eind"]) == (175, "vastgesteld", "2026-10-01")


# The property on the command line: an export as TOML on any stand is a register file that
# folds, on that stand, to exactly the frameworks the command line showed.
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(dt.date(2025, 4, 4), dt.date(2027, 1, 1)))
def test_export_toml_on_a_stand_folds_back_to_that_stand(stand: dt.date) -> None:
    code, tekst, fout = _run("export", "-f", "toml", "--stand", stand.isoformat())
    assert code == 0, fout
    terug = laad_tekst(tekst, "export")
    getoond = _json("export", "--stand", stand.isoformat())  # values as they hold today
    gevouwen = op_stand(terug, stand, dt.date.today())
    assert isinstance(getoond, list)
    assert [k.als_json() for k in gevouwen.kader] == [
        {v: w for v, w in k.items() if v not in ("bronnen", "stand", "peildatum")} for k in getoond
    ]
    # every framework of the export names the stand; a day only when one was asked
    assert {k["stand"] for k in getoond} == {stand.isoformat()}
    assert not any("peildatum" in k for k in getoond)
    assert op_stand(gevouwen, stand, dt.date.today()).kader == gevouwen.kader


# --- documenten ------------------------------------------------------------------------------


def test_documenten_json_contract() -> None:
    data = _json("documenten")
    assert isinstance(data, list)
    per_id = {d["id"]: d for d in data}
    assert [d["datum"] for d in data] == sorted(d["datum"] for d in data)
    assert {"2025-01-30", "2025-08-28", "2025-10-07", "2026-03-09"} <= {d["datum"] for d in data}
    for d in data:
        assert list(d) == [
            *("id", "soort", "kamerstuk", "datum", "titel", "url", "tekst_beschikbaar"),
            *("opmerking", "kaders", "wijzigingen", "stand"),
        ]
    telling = {i: (d["kaders"], d["wijzigingen"]) for i, d in per_id.items()}
    assert telling["kst-29521-493"] == (44, 0) and telling["kst-29521-494"] == (0, 5)
    assert telling["defensie-20260304"] == (1, 0) and telling["rijksoverheid-20260309"] == (0, 1)
    onleesbaar = [i for i, d in per_id.items() if not d["tekst_beschikbaar"]]
    assert onleesbaar == ["kst-29521-495", "kst-29521-496", "kst-29521-497"]
    assert per_id["defensie-20260320"]["kamerstuk"] is None
    assert [d["id"] for d in _json("documenten", "--stand", "2025-04-24")] == [  # type: ignore[union-attr]
        "raad-eu-20250130-euma",
        "kst-29521-493",
    ]


@pytest.mark.parametrize("formaat", ["tabel", "jsonl", "csv", "tsv", "markdown"])
def test_documenten_in_every_text_format(formaat: str) -> None:
    code, uit, _ = _run("documenten", "--formaat", formaat)
    assert code == 0 and "kst-29521-494" in uit


def test_documenten_and_historie_as_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for commando, blad in (("documenten", "Documenten"), ("historie", "Historie")):
        pad = tmp_path / f"{commando}.xlsx"
        args = [commando] + (["nmi-adviseurs"] if commando == "historie" else [])
        code, _, fout = _run(*args, "-f", "xlsx", "-o", str(pad))
        assert code == 0, fout
        assert load_workbook(pad).sheetnames == [blad]


# --- historie --------------------------------------------------------------------------------


def test_historie_of_the_althea_company() -> None:
    data = _json("historie", "EUFOR-ALTHEA-COMPAGNIE")
    assert isinstance(data, dict)
    assert data["id"] == "eufor-althea-compagnie"
    eerste, tweede, _ = data["versies"]
    assert (eerste["datum"], eerste["document"], eerste["wijzigingen"]) == (
        BRIEF,
        "kst-29521-493",
        [],
    )
    assert (tweede["datum"], tweede["document"]) == ("2025-04-25", "kst-29521-494")
    velden = {w["veld"]: (w["oud"], w["nieuw"]) for w in tweede["wijzigingen"]}
    assert velden["personeel"] == (None, 175)
    assert velden["eind"] == ("2028-06-30", "2026-10-01")
    assert "maximaal 175 militairen" in tweede["citaat"]
    assert tweede["kader"]["personeel"] == 175


def test_historie_shows_the_later_documents_per_framework() -> None:
    # nr. 494 brings two changes for the team and the staff: the whole span, and from August
    # and Defence's news of 7 October 2025 gives the company its first day
    wijzigingen = {"eufor-althea-humint-team": 2, "eufor-althea-staffunctionarissen": 2}
    for kid, document in LATER.items():
        data = _json("historie", kid)
        assert isinstance(data, dict)
        later = [document] * wijzigingen.get(kid, 1)
        if kid == "eufor-althea-compagnie":
            later.append("defensie-20251007")
        assert [v["document"] for v in data["versies"]] == ["kst-29521-493", *later]
    staf = _json("historie", "eufor-althea-staffunctionarissen")["versies"]  # type: ignore[index]
    assert [(v["datum"], v["vanaf"]) for v in staf[1:]] == [
        ("2025-04-25", None),
        ("2025-04-25", "2025-08-01"),
    ]
    assert {w["veld"]: w["nieuw"] for w in staf[2]["wijzigingen"]}["personeel"] == 10
    nmi = _json("historie", "nmi-adviseurs")["versies"]  # type: ignore[index]
    assert (nmi[1]["datum"], nmi[1]["vanaf"]) == ("2026-03-20", "2026-03-20")
    assert len(_json("historie", "eulex-kosovo")["versies"]) == 1  # type: ignore[index]
    assert len(_json("historie", "nmi-adviseurs", "--stand", "2026-03-19")["versies"]) == 1  # type: ignore[index]


def test_historie_rows_and_errors() -> None:
    code, uit, _ = _run("historie", "nmi-adviseurs", "-f", "tsv")
    assert code == 0
    regels = [r.split("\t") for r in uit.splitlines()]
    kolommen = ["versie", "datum", "document", "plek", "veld", "oud", "nieuw", "citaat", "vanaf"]
    assert regels[0] == kolommen
    assert {r[8] for r in regels[2:]} == {"2026-03-20"}
    assert [r[4] for r in regels[2:]] == ["status", "toelichting", "afgeleid"]
    assert regels[2][5:7] == ["vastgesteld", "opgeschort"]
    code, _, fout = _run("historie", "eufor-althea-compagnei")
    assert code == 2 and "bedoelde u 'eufor-althea-compagnie'" in fout
    code, _, fout = _run("historie", "EUFOR Althea")
    assert code == 2 and "past bij 3 kaders" in fout


def test_historie_of_a_framework_known_only_later(tmp_path: Path) -> None:
    register = tmp_path / "k.toml"
    tekst = (DATA / "klein.toml").read_text(encoding="utf-8")
    tekst += (
        '\n[[document]]\nid = "d1"\nsoort = "kamerbrief"\ndatum = 2025-04-04\ntitel = "Een"\n'
        '\n[[document]]\nid = "d2"\nsoort = "kamerbrief"\ndatum = 2025-06-01\ntitel = "Twee"\n'
    )
    tekst = tekst.replace('id = "kort"\n', 'id = "kort"\ndocument = "d2"\n')
    for kid in ("eulex-kosovo", "verkenning-politie"):
        tekst = tekst.replace(f'id = "{kid}"\n', f'id = "{kid}"\ndocument = "d1"\n')
    register.write_text(tekst, encoding="utf-8")
    for commando in ("historie", "toon"):
        args = ("--register", str(register), commando, "KORT", "--stand", "2025-05-01")
        code, _, fout = _run(*args)
        assert code == 2 and "kader 'kort' is op 2025-05-01 nog niet bekend" in fout
        assert "'d2' van 2025-06-01" in fout
    code, _, fout = _run("--register", str(register), "toon", "kortt", "--stand", "2025-05-01")
    assert code == 2 and "onbekend kader 'kortt'" in fout


# --- verschil --sinds ------------------------------------------------------------------------


def test_verschil_sinds_the_letter_lists_exactly_the_later_changes(register: Register) -> None:
    # on 2026-06-01 every later change holds (the NMI suspension from 2026-03-20 too)
    code, uit, _ = _run("verschil", "--sinds", BRIEF, "--peildatum", "2026-06-01", "-f", "json")
    assert code == 1
    data = json.loads(uit)
    assert (data["sinds"], data["tot"]) == (BRIEF, dt.date.today().isoformat())
    # the additional deployment was known later, but does not run on 2026-06-01 anymore
    assert [k["id"] for k in data["toegevoegd"]] == ["evertsen-oostelijke-middellandse-zee"]
    assert data["verwijderd"] == data["hernoemd"] == []
    assert {g["id"] for g in data["gewijzigd"]} == set(LATER)
    for gewijzigd in data["gewijzigd"]:
        for wijziging in gewijzigd["wijzigingen"]:
            if (gewijzigd["id"], wijziging["veld"]) == ("eufor-althea-compagnie", "begin"):
                assert wijziging["document"] == "defensie-20251007"
            elif wijziging["veld"] != "afgeleid":
                assert wijziging["document"] == LATER[gewijzigd["id"]]
    # every field a later change sets to a new value is there, and nothing else
    gezet = {
        (w.kader, veld)
        for w in register.wijziging
        for veld in w.gezet()
        if veld != "typen"  # the company's type was already militair (derived): a new mark only
        and w.kader != "evertsen-oostelijke-middellandse-zee"  # added: no field changes
    }
    gevonden = {
        (g["id"], w["veld"])
        for g in data["gewijzigd"]
        for w in g["wijzigingen"]
        if w["veld"] != "afgeleid"
    }
    assert gevonden == gezet
    # the suspended NMI advisers (20) are out of the active total on 2026-06-01
    assert data["totaal"] == {
        "oud": {"personeel": 192, "zonder_aantal": 12},
        "nieuw": {"personeel": 367, "zonder_aantal": 9},
        "verschil": 175,
    }


def test_verschil_sinds_tsv_names_the_document_and_tot_limits_it() -> None:
    code, uit, _ = _run("verschil", "--sinds", BRIEF, "--tot", "2026-03-19", "-f", "tsv")
    assert code == 1
    kop, *rijen = [r.split("\t") for r in uit.splitlines()]
    assert kop == ["soort", "id", "veld", "oud", "nieuw", "peildatum", "document"]
    documenten = {r[6] for r in rijen if r[0] == "gewijzigd" and r[2] != "afgeleid"}
    assert documenten == {"kst-29521-494", "defensie-20251007"}
    assert "nmi-adviseurs" not in {r[1] for r in rijen}
    assert _run("verschil", "--sinds", "2026-03-20", "--tot", "2026-11-01")[0] == 0
    assert _run("verschil", "--sinds", "2026-03-10", "--tot", "2026-03-19")[0] == 0


def test_verschil_sinds_usage_errors() -> None:
    for args, tekst in (
        (["oud.toml", "--sinds", BRIEF], "geen OUD"),
        (["--tot", BRIEF], "--tot hoort bij --sinds"),
        (["--sinds", "2026-01-01", "--tot", BRIEF], "ligt na --tot"),
        (["--sinds", "gisteren"], "ongeldige datum voor --sinds"),
        ([], "geef het oude register"),
    ):
        code, _, fout = _run("verschil", *args)
        assert code == 2, args
        assert tekst in fout, (args, fout)


def test_verschil_sinds_an_added_framework_names_its_document(tmp_path: Path) -> None:
    register = tmp_path / "k.toml"
    tekst = (DATA / "klein.toml").read_text(encoding="utf-8")
    tekst += (
        '\n[[document]]\nid = "d1"\nsoort = "kamerbrief"\ndatum = 2025-04-04\ntitel = "Een"\n'
        '\n[[document]]\nid = "d2"\nsoort = "verslag"\ndatum = 2025-06-01\ntitel = "Twee"\n'
    )
    tekst = tekst.replace('id = "kort"\n', 'id = "kort"\ndocument = "d2"\n')
    for kid in ("eulex-kosovo", "verkenning-politie"):
        tekst = tekst.replace(f'id = "{kid}"\n', f'id = "{kid}"\ndocument = "d1"\n')
    register.write_text(tekst, encoding="utf-8")
    code, uit, _ = _run("--register", str(register), "verschil", "--sinds", BRIEF, "-f", "jsonl")
    assert code == 1
    rijen = [json.loads(r) for r in uit.splitlines()]
    assert [(r["soort"], r["id"], r["document"]) for r in rijen if r["soort"] != "totaal"] == [
        ("toegevoegd", "kort", "d2")
    ]


def test_sqlite_of_an_earlier_stand_keeps_its_keys(tmp_path: Path) -> None:
    pad = tmp_path / "k.db"
    args = ("export", "-f", "sqlite", "-o", str(pad), "--stand", "2025-05-01", "--zoek", "althea")
    assert _run(*args)[0] == 0
    db = sqlite3.connect(pad)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM wijziging").fetchone() == (5,)
    bron = "SELECT document, vanaf FROM bron WHERE kader = ? AND veld = 'personeel'"
    assert db.execute(bron, ("eufor-althea-compagnie",)).fetchone() == ("kst-29521-494", None)


# --- the new tables fit the terminal ---------------------------------------------------------


@pytest.mark.parametrize("breedte", (120, 80, 40))
def test_historie_and_documenten_tables_fit_and_keep_ids_whole(breedte: int) -> None:
    from hulp import op_terminal

    code, uit = op_terminal("historie", "eufor-althea-compagnie", breedte=breedte)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= breedte
    assert {"kst-29521-494", "2025-04-25"} <= set(uit.split())
    code, uit = op_terminal("documenten", breedte=breedte)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= breedte
    assert {"kst-29521-493", "defensie-20260320", "2026-03-20"} <= set(uit.split())


# --- a source per value ----------------------------------------------------------------------


def test_toon_cites_each_value_by_its_own_document() -> None:
    data = _json("toon", "eufor-althea-compagnie")
    assert isinstance(data, dict)
    personeel = data["bronnen"]["personeel"]
    assert personeel["document"] == "kst-29521-494" and "175" in personeel["citaat"]
    # its first day: read in Defence's news of 7 October 2025, no longer derived
    begin = data["bronnen"]["begin"]
    assert (data["begin"], begin["document"], begin["afgeleid"]) == (
        "2025-10-07",
        "defensie-20251007",
        None,
    )
    assert data["bronnen"]["telling"]["afgeleid"].startswith("'een inzet van maximaal 175")
    # a value nr. 493 gave keeps its own source; the framework's quote stays where it came in
    assert data["bronnen"]["regio"]["document"] == "kst-29521-493"
    assert data["document"] == "kst-29521-493" and "verkent" in data["citaat"]
    staf = _json("toon", "eufor-althea-staffunctionarissen", "--peildatum", "2025-06-01")
    assert isinstance(staf, dict) and staf["personeel"] == 7
    assert staf["bronnen"]["personeel"]["vanaf"] is None
    na = _json("toon", "eufor-althea-staffunctionarissen", "--peildatum", "2025-09-01")
    assert isinstance(na, dict) and na["personeel"] == 10
    assert na["bronnen"]["personeel"]["vanaf"] == "2025-08-01"
    assert "1 augustus 2025" in na["bronnen"]["personeel"]["vanaf_citaat"]


def test_a_renamed_id_is_found_and_named() -> None:
    code, uit, fout = _run("toon", "eufor-althea-humint-staf", "-f", "json")
    assert code == 0 and json.loads(uit)["id"] == "eufor-althea-humint-team"
    assert "'eufor-althea-humint-staf' is hernoemd" in fout


def test_verschil_between_files_folds_both_change_logs(tmp_path: Path) -> None:
    oud = tmp_path / "oud.toml"
    nieuw = tmp_path / "nieuw.toml"
    oud.write_bytes(gebundeld_register().read_bytes())
    nieuw.write_bytes(oud.read_bytes())
    code, _, fout = _run(
        "--register", str(nieuw), "wijzig", "eulex-kosovo", "--document", "kst-29521-494",
        "--plek", "p", "--citaat", "Het kabinet verlengt", "--personeel", "16",
    )  # fmt: skip
    assert code == 0, fout
    code, _, fout = _run(
        "--register", str(nieuw), "beeindig", "kfor-imint", "--eind", "2026-03-31",
        "--document", "defensie-20260320", "--plek", "p", "--citaat", "hebben Irak verlaten",
    )  # fmt: skip
    assert code == 0, fout
    code, uit, _ = _run("--register", str(nieuw), "verschil", str(oud), "--peildatum",
                        "2026-01-01", "-f", "json")  # fmt: skip
    assert code == 1
    data = json.loads(uit)
    gewijzigd = {g["id"]: g["wijzigingen"] for g in data["gewijzigd"]}
    assert set(gewijzigd) == {"eulex-kosovo", "kfor-imint"}
    assert {w["document"] for w in gewijzigd["eulex-kosovo"]} == {"kst-29521-494"}
    args = ("totaal", "--peildatum", "2026-01-01", "-f", "json")
    totaal = [json.loads(_run("--register", str(p), *args)[1]) for p in (oud, nieuw)]
    totaal = [t["totaal"]["personeel"] for t in totaal]
    assert data["totaal"]["oud"]["personeel"] == totaal[0] == 387
    assert data["totaal"]["nieuw"]["personeel"] == totaal[1] == 388


# --- later documents: mandates, additional deployments, documents known but unread ------------


def test_the_company_began_on_7_october_2025_as_known_from_that_day() -> None:
    args = ("list", "--zoek", "althea", "--peildatum", "2026-01-01")
    nu = {k["id"]: k for k in _json(*args)}  # type: ignore[union-attr]
    toen = {k["id"]: k for k in _json(*args, "--stand", "2025-10-06")}  # type: ignore[union-attr]
    assert nu["eufor-althea-compagnie"]["begin"] == "2025-10-07"
    assert toen["eufor-althea-compagnie"]["begin"] == "2025-10-01"
    assert "begin" in {a["veld"] for a in toen["eufor-althea-compagnie"]["afgeleid"]}


def test_evertsen_is_an_additional_deployment_counted_apart() -> None:
    maart = _json("list", "--zoek", "evertsen", "--peildatum", "2026-03-20")
    assert isinstance(maart, list) and len(maart) == 1
    assert maart[0]["aanvullend"] is True and maart[0]["personeel"] is None
    assert _run("list", "--zoek", "evertsen", "--peildatum", "2026-06-01", "-f", "json")[1] in (
        "",
        "[]\n",
    )
    verkenning = _json("list", "--zoek", "evertsen", "--stand", "2026-03-05")
    assert isinstance(verkenning, list) and verkenning[0]["status"] == "verkenning"
    totaal = _json("totaal", "--peildatum", "2026-03-20")
    assert isinstance(totaal, dict)
    assert totaal["totaal"]["aanvullend"] == {"personeel": 0, "kaders": 1}
    assert "evertsen-oostelijke-middellandse-zee" not in totaal["totaal"]["ids"]
    zonder = _json("list", "--zonder-aanvullend", "--peildatum", "2026-03-20")
    assert isinstance(zonder, list) and all(not k["aanvullend"] for k in zonder)


def test_mission_mandates_are_shown_and_flagged() -> None:
    unifil = _json("toon", "unifil")
    assert isinstance(unifil, dict) and unifil["mandaat_eind"] == "2026-12-31"
    assert unifil["bronnen"]["mandaat_eind"]["document"] == "vn-vr-res-2790-2025"
    euma = _json("toon", "euma-armenie")
    assert isinstance(euma, dict) and euma["mandaat_eind"] == "2027-02-19"
    assert _json("toon", "eulex-kosovo")["mandaat_eind"] is None  # type: ignore[index]
    verlopen = {v["id"]: v for v in _json("verloopt", "--peildatum", "2026-01-01")}  # type: ignore[union-attr]
    assert verlopen["unifil"]["reden"] == "mandaat eindigt"
    assert verlopen["unifil"]["mandaat_eind"] == "2026-12-31"
    assert verlopen["euma-armenie"]["mandaat_eind"] == "2027-02-19"
    code, _, fout = _run("verloopt", "--peildatum", "2026-01-01", "--voor", "2026-01-02", "--check")
    assert code == 1 and "mandaat van de missie eindigt" in fout


def test_documents_known_but_unread_are_marked() -> None:
    code, uit, _ = _run("documenten", "-f", "tabel")
    assert code == 0 and "tekst niet beschikbaar" in " ".join(uit.split())
