"""Issue 23, part 7: errors point the way, and no message claims a format the input has."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import REGISTER
from pydantic import TypeAdapter, ValidationError
from typer import _click as click
from typer.testing import CliRunner

from kaders.cli import app
from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst
from kaders.models import STATUS_UITLEG
from kaders.query import ZOEKT_IN, zoekteksten
from kaders.waarden import Datum

runner = CliRunner()
GOED_GEVORMD_MAAR_ONGELDIG = "2028-06-31"  # JJJJ-MM-DD, but June has 30 days


def _fout(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    uitkomst = runner.invoke(app, ["--register", str(REGISTER), *args], env=env)
    return uitkomst.exit_code, uitkomst.stderr


def test_a_word_inside_a_mission_name_lists_the_frameworks_and_the_search() -> None:
    code, fout = _fout("toon", "Althea")
    assert code == 2
    assert "'Althea' past bij 3 kaders: eufor-althea-compagnie (EUFOR Althea)" in fout
    assert "Zoeken in alle kaders: kaders list --zoek Althea" in fout


def test_an_unknown_framework_points_to_the_search_quoted_for_the_shell() -> None:
    code, fout = _fout("toon", "nergens te vinden")
    assert code == 2
    assert "onbekend kader 'nergens te vinden'." in fout
    assert "kaders list --zoek 'nergens te vinden'" in fout


def test_a_part_of_a_region_id_suggests_the_region() -> None:
    code, fout = _fout("list", "--regio", "Balkan")
    assert code == 2 and "onbekende regio 'Balkan'; bedoelde u 'westelijke-balkan'?" in fout


def test_a_missing_register_from_the_environment_names_the_variable(tmp_path: Path) -> None:
    weg = tmp_path / "nope.toml"
    uitkomst = runner.invoke(app, ["list"], env={"KADERS_REGISTER": str(weg)})
    assert uitkomst.exit_code == 1
    assert f"{weg}: bestand bestaat niet; het komt uit $KADERS_REGISTER" in uitkomst.stderr
    # --register after the command wins over the variable, as documented
    uitkomst = runner.invoke(
        app, ["list", "--register", str(REGISTER)], env={"KADERS_REGISTER": str(weg)}
    )
    assert uitkomst.exit_code == 0, uitkomst.stderr
    # the same file named with --register says nothing about a variable
    code, fout = _fout("--register", str(weg), "list")
    assert code == 1 and "KADERS_REGISTER" not in fout and "bestand bestaat niet" in fout


def _datumopties() -> list[tuple[str, str]]:
    """(command, option) for every date option of every command."""
    groep: Any = typer.main.get_command(app)
    ctx = click.Context(groep)
    return [
        (naam, param.opts[0])
        for naam in groep.list_commands(ctx)
        for param in groep.get_command(ctx, naam).params
        if param.param_type_name == "option" and param.metavar == "DATUM"
    ]


DATUMOPTIES = _datumopties()


def test_the_walk_finds_the_date_options() -> None:
    assert {("list", "--peildatum"), ("wijzig", "--vanaf"), ("beeindig", "--eind")} <= set(
        DATUMOPTIES
    )
    assert len(DATUMOPTIES) >= 15


@pytest.mark.parametrize("commando,optie", DATUMOPTIES, ids=[" ".join(d) for d in DATUMOPTIES])
def test_a_well_formed_day_that_does_not_exist_is_not_called_the_wrong_format(
    commando: str, optie: str
) -> None:
    # Click reads options in the order given: the date comes first, before anything missing.
    code, fout = _fout(commando, optie, GOED_GEVORMD_MAAR_ONGELDIG)
    assert code == 2, fout
    assert f"'{GOED_GEVORMD_MAAR_ONGELDIG}' bestaat niet" in fout and optie in fout
    assert "verwacht" not in fout


def test_a_day_that_does_not_exist_in_a_register_or_a_record_is_named_as_such() -> None:
    tekst = REGISTER.read_text(encoding="utf-8").replace(
        "eind = 2028-06-30", f"eind = {GOED_GEVORMD_MAAR_ONGELDIG}", 1
    )
    with pytest.raises(KadersFout) as fout:
        laad_tekst(tekst, "r.toml")
    melding = str(fout.value.meldingen[0])
    assert f"datum '{GOED_GEVORMD_MAAR_ONGELDIG}' bestaat niet" in melding
    assert "verwacht" not in melding
    with pytest.raises(ValidationError) as record_fout:  # a record from stdin or JSON
        TypeAdapter(Datum).validate_python(GOED_GEVORMD_MAAR_ONGELDIG)
    melding = record_fout.value.errors()[0]["msg"]
    assert f"datum '{GOED_GEVORMD_MAAR_ONGELDIG}' bestaat niet" in melding
    assert "verwacht" not in melding


def test_year_zero_is_not_called_the_wrong_format() -> None:
    code, fout = _fout("tijdlijn", "--jaar", "0000")
    assert code == 2 and "ongeldig jaar: 0; een jaar ligt tussen 1 en 9999" in fout
    assert "verwacht JJJJ" not in fout


def test_the_search_help_names_every_text_the_search_reads(register) -> None:  # type: ignore[no-untyped-def]
    namen = {r.id: r.naam for r in register.regio}
    for kader in register.kader:
        teksten = zoekteksten(kader, namen)
        gelezen = [kader.id, kader.missie, kader.naam, kader.regio, namen[kader.regio]]
        assert set(gelezen + kader.landen) <= set(teksten)
        assert (kader.toelichting or "") in teksten
    for veld in ("id", "missie", "naam", "regio", "landen", "toelichting"):
        assert veld in ZOEKT_IN
    hulp = runner.invoke(app, ["list", "--help"], env={"COLUMNS": "200"}).stdout
    assert f"Zoek in {ZOEKT_IN}" in " ".join(hulp.replace("│", " ").split())


def test_the_list_help_gives_every_status_with_its_meaning_from_the_models() -> None:
    uit = runner.invoke(app, ["list", "--help"], env={"COLUMNS": "200"}).stdout
    hulp = " ".join(uit.replace("│", " ").split())
    for status, uitleg in STATUS_UITLEG.items():
        assert f"{status}: {' '.join(uitleg.split())}" in hulp
    assert "wat elk betekent: kaders list --help" in hulp


def test_a_missing_register_from_the_environment_bothers_no_command_that_does_not_read_it(
    tmp_path: Path,
) -> None:
    omgeving = {"KADERS_REGISTER": str(tmp_path / "nope.toml")}
    for args in (
        ["schema"],
        ["valideer", str(REGISTER)],
        ["verschil", str(REGISTER), str(REGISTER)],
    ):
        uitkomst = runner.invoke(app, args, env=omgeving)
        assert uitkomst.exit_code == 0, (args, uitkomst.stderr)


def test_an_empty_id_asks_for_one_instead_of_guessing() -> None:
    code, fout = _fout("toon", "")
    assert code == 2 and "geef een kader: een id of een missienaam" in fout
    assert "bedoelde u" not in fout


def test_a_whole_number_too_large_is_called_too_large_not_not_a_number(tmp_path: Path) -> None:
    pad = tmp_path / "k.toml"
    pad.write_bytes(REGISTER.read_bytes())
    for commando in (["wijzig", "kfor-imint", "--document", "kst-29521-494"], ["toevoegen"]):
        args = ["--register", str(pad), *commando, "--personeel", "9" * 20]
        uitkomst = runner.invoke(app, args)
        assert uitkomst.exit_code == 2
        assert "getal van 20 cijfers: te groot" in uitkomst.stderr
        assert "verwacht een geheel getal" not in uitkomst.stderr
