"""The command line: in-process with CliRunner, and as a real subprocess for pipes and exits."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KLEIN, ROOT, kaders
from typer.testing import CliRunner

from kaders import __version__
from kaders.cli import app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    uitkomst = runner.invoke(app, list(args))
    return uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr


def test_valideer_bundled_and_summary() -> None:
    code, uit, _ = _run("valideer")
    assert code == 0
    assert "geldig — 45 kaders (17 zonder aantal), 16 regio's" in uit


def test_valideer_invalid_file_exit_1_with_line(tmp_path: Path) -> None:
    pad = tmp_path / "fout.toml"
    pad.write_text(KLEIN.read_text().replace('status = "verlengd"', 'status = "x"'))
    code, uit, fout = _run("valideer", str(pad))
    assert code == 1
    assert uit == ""
    assert f"{pad}:59: kader 'kort': veld 'status': onbekende status 'x'" in fout
    assert "Traceback" not in fout


def test_register_option_and_environment(tmp_path: Path) -> None:
    code, uit, _ = _run("--register", str(KLEIN), "list", "--formaat", "tsv")
    assert code == 0 and len(uit.splitlines()) == 4
    omgeving = kaders("list", "--formaat", "tsv", env={"KADERS_REGISTER": str(KLEIN)})
    assert omgeving.returncode == 0 and len(omgeving.stdout.splitlines()) == 4


def test_export_json_contract() -> None:
    code, uit, _ = _run("export", "--formaat", "json")
    assert code == 0
    records = json.loads(uit)
    assert len(records) == 45  # 44 of nr. 493, one additional deployment
    verplicht = {
        "id",
        "missie",
        "naam",
        "regio",
        "typen",
        "organisatie",
        "personeel",
        "duiding",
        "begin",
        "eind",
        "status",
        "bron",
    }
    for record in records:
        assert verplicht <= record.keys()
        assert isinstance(record["typen"], list)
        assert record["personeel"] is None or isinstance(record["personeel"], int)
        assert record["duiding"] in (None, "circa", "maximaal", "exact")
        assert (record["personeel"] is None) == (record["duiding"] is None)


def test_list_formats_agree() -> None:
    _, als_json, _ = _run("list", "--regio", "europa", "--formaat", "json")
    _, als_jsonl, _ = _run("list", "--regio", "europa", "--formaat", "jsonl")
    _, als_tsv, _ = _run("list", "--regio", "europa", "--formaat", "tsv")
    _, als_csv, _ = _run("list", "--regio", "europa", "--formaat", "csv")
    ids = [r["id"] for r in json.loads(als_json)]
    assert ids == [json.loads(r)["id"] for r in als_jsonl.splitlines()]
    assert ids == [r.split("\t")[0] for r in als_tsv.splitlines()[1:]]
    assert ids == [r["id"] for r in csv.DictReader(io.StringIO(als_csv))]
    assert len(ids) == 11


def test_toon_shows_source_and_derived_fields() -> None:
    code, uit, _ = _run("toon", "kfor-imint", "--formaat", "tabel")
    assert code == 0
    assert "Bijlage, 1. Europa" in uit
    assert "afgeleid: typen" in uit
    code, _, fout = _run("toon", "kfor-im")  # 'kfor' alone names the one KFOR framework
    assert code == 2 and "bedoelde u 'kfor-imint'" in fout


def test_totaal_json_contract_and_peildatum_always_printed() -> None:
    # The April letter's numbers: as known on its date (--stand after the command).
    args = ("--per", "regio", "--peildatum", "2026-01-01", "--stand", "2025-04-04")
    code, uit, _ = _run("totaal", *args, "--formaat", "json")
    assert code == 0
    data = json.loads(uit)
    assert data["peildatum"] == "2026-01-01" and data["per"] == "regio"
    assert data["stand"] == "2025-04-04"
    assert data["totaal"]["personeel"] == 192
    assert sum(g["kaders"] for g in data["groepen"]) == data["totaal"]["kaders"] == 37
    for formaat in ("tsv", "csv", "tabel"):
        _, tekst, _ = _run("totaal", "--peildatum", "2026-01-01", "--formaat", formaat)
        assert "2026-01-01" in tekst


def test_totaal_police_says_how_many_are_mixed() -> None:
    _, uit, _ = _run("totaal", "--type", "politie", "--peildatum", "2026-01-01", "-f", "json")
    data = json.loads(uit)
    assert data["totaal"]["personeel"] == 12
    assert data["totaal"]["gemengd"] == 3


def test_unknown_values_exit_2_with_suggestion() -> None:
    for args, tekst in (
        (["list", "--regio", "westelijke-balcan"], "bedoelde u 'westelijke-balkan'?"),
        (["list", "--type", "polite"], "bedoelde u 'politie'?"),
        (["list", "--status", "beeindigt"], "bedoelde u 'beeindigd'?"),
        (["totaal", "--per", "regios"], "bedoelde u 'regio'?"),
        (["list", "--formaat", "jsno"], "bedoelde u 'json'?"),
        (["list", "--regoi", "x"], "onbekende optie '--regoi'; bedoelde u '--regio'?"),
        (["lisst"], "bedoelde u 'list'?"),
        (["totaal", "--peildatum", "2026-02-30"], "ongeldige datum voor --peildatum"),
    ):
        code, uit, fout = _run(*args)
        assert code == 2, args
        assert tekst in fout, (args, fout)
        assert uit == "" and "Traceback" not in fout


def test_verloopt_check_exit_codes() -> None:
    code, uit, _ = _run("verloopt", "--peildatum", "2026-01-01", "--check", "--formaat", "tsv")
    assert code == 1
    assert uit.splitlines()[-1].startswith("indo-pacific-overige-jaren-2027\t")
    code, _, _ = _run("verloopt", "--peildatum", "2028-01-01", "--check", "--formaat", "tsv")
    assert code == 0


def test_verloopt_json_adds_days_left() -> None:
    _, uit, _ = _run("verloopt", "--peildatum", "2025-04-04", "--formaat", "json")
    records = json.loads(uit)
    assert [r["id"] for r in records][:3] == ["unmiss", "aspides", "poseidon-archer"]
    assert records[1]["dagen_over"] == 57 and records[1]["afgelopen"] is False


def test_empty_selection_prints_header_only_for_csv_tsv() -> None:
    for formaat, verwacht in (("json", ""), ("jsonl", ""), ("tsv", "id\tmissie"), ("csv", "id,")):
        code, uit, fout = _run("list", "--zoek", "bestaat-niet", "--formaat", formaat)
        assert code == 0
        assert uit.startswith(verwacht) and len(uit.splitlines()) <= 1
        assert "geen kaders" in fout


def test_csv_escapes_formula_cells(tmp_path: Path) -> None:
    pad = tmp_path / "gevaar.toml"
    pad.write_text(KLEIN.read_text().replace('missie = "Kort"', 'missie = "=HYPERLINK(1)"'))
    _, uit, _ = _run("--register", str(pad), "list", "--formaat", "csv")
    rijen = list(csv.DictReader(io.StringIO(uit)))
    assert {r["missie"] for r in rijen} >= {"'=HYPERLINK(1)"}


def test_schema_command_prints_committed_schema() -> None:
    _, uit, _ = _run("schema")
    assert json.loads(uit) == json.loads((ROOT / "data" / "kaders.schema.json").read_text())


# --- as a real process --------------------------------------------------------------------


def test_piped_output_is_tsv_without_colour_or_boxes() -> None:
    uitkomst = kaders("list")
    assert uitkomst.returncode == 0
    regels = uitkomst.stdout.splitlines()
    assert regels[0].startswith("id\tmissie\tregio")
    assert "\x1b[" not in uitkomst.stdout and "━" not in uitkomst.stdout
    assert len(regels) == 46


def test_head_closing_the_pipe_gives_no_traceback() -> None:
    for args in (["list"], ["export", "--formaat", "json"], ["--help"]):
        proces = subprocess.run(
            f"{sys.executable} -m kaders {' '.join(args)} | head -1",
            shell=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in proces.stderr and "Error" not in proces.stderr, args


def test_bundled_register_works_from_another_directory(tmp_path: Path) -> None:
    uitkomst = kaders("valideer", cwd=tmp_path)
    assert uitkomst.returncode == 0, uitkomst.stderr


# Python ignores Ctrl-C in a process that starts with SIGINT ignored, as a background job of a
# non-interactive shell does (CI may start the tests so): the child first takes it back, as it
# has on a terminal.
ALS_OP_EEN_TERMINAL = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"


def test_ctrl_c_exits_130_quietly() -> None:
    code = (
        ALS_OP_EEN_TERMINAL + "import signal, os, sys, threading\n"
        "from kaders import cli, laden\n"
        "def traag(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    import time; time.sleep(5)\n"
        "laden.laad = traag\n"
        "sys.argv = ['kaders', 'list']\n"
        "cli.main()\n"
    )
    proces = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert proces.returncode == 130
    assert "Traceback" not in proces.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="POSIX")
def test_sigint_from_outside_exits_130() -> None:
    """Ctrl-C while the register is read: the child says when it is there, then gets SIGINT."""
    code = ALS_OP_EEN_TERMINAL + (
        "import sys, time\nfrom kaders import cli, laden\n"
        "def traag(*a):\n    print('leest', flush=True)\n    time.sleep(60)\n"
        "laden.laad = traag\nsys.argv=['kaders','list']\ncli.main()"
    )
    proces = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proces.stdout is not None
    assert proces.stdout.readline() == "leest\n"  # waits as long as the start takes
    proces.send_signal(signal.SIGINT)
    _, fout = proces.communicate(timeout=30)
    assert proces.returncode == 130
    assert "Traceback" not in fout


def test_no_color_and_forced_table_when_piped() -> None:
    uitkomst = kaders("list", "--formaat", "tabel", env={"NO_COLOR": "1"})
    assert uitkomst.returncode == 0
    assert "\x1b[" not in uitkomst.stdout and "EULEX Kosovo" in uitkomst.stdout


def test_version() -> None:
    uitkomst = kaders("--version")
    assert uitkomst.returncode == 0
    assert uitkomst.stdout == f"kaders {__version__}\n" and uitkomst.stderr == ""


def test_tab_completion_offers_values_from_the_register() -> None:
    def aanvul(woorden: str) -> list[str]:
        uitkomst = kaders(
            env={
                "_KADERS_COMPLETE": "complete_bash",
                "COMP_WORDS": woorden,
                "COMP_CWORD": str(len(woorden.split(" ")) - 1),
            }
        )
        return uitkomst.stdout.split()

    assert aanvul("kaders list --regio west") == ["westelijke-balkan"]
    assert aanvul("kaders list --type pol") == ["politie"]
    assert aanvul("kaders list --status ver") == ["verlengd", "verkenning"]
    assert "eulex-kosovo" in aanvul("kaders toon eul")
    assert aanvul(f"kaders --register {KLEIN} toon ") == [
        "eulex-kosovo",
        "verkenning-politie",
        "kort",
    ]


def test_unexpected_error_is_reported_without_traceback() -> None:
    code = (
        "import sys\nfrom kaders import cli, laden\n"
        "def stuk(*a):\n    raise RuntimeError('kapot')\n"
        "laden.laad = stuk\nsys.argv = ['kaders', 'list']\ncli.main()\n"
    )
    proces = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert proces.returncode == 1
    assert "interne fout (RuntimeError: kapot)" in proces.stderr
    assert "Traceback" not in proces.stderr
