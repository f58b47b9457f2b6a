"""The one table of fields: every field's bad value gives one exit code and one message,
whether `toevoegen` or `wijzig` gets it (in-process: one CliRunner call per case)."""

from __future__ import annotations

import pytest
from conftest import DATA
from typer.testing import CliRunner

from kaders.cli import app
from kaders.cli.veldopties import optienaam
from kaders.models import WIJZIGBARE_VELDEN, Kader
from kaders.velden import NIET_GETYPT, VELDEN, Soort

runner = CliRunner()
REGISTER = str(DATA / "klein-documenten.toml")  # never written: a bad value stops the parse

# A value each kind of field refuses; a new kind without one fails here (KeyError).
FOUT = {
    Soort.TEKST: "",
    Soort.SLEUTEL: "Geen Sleutel",
    Soort.GETAL: "drie",
    Soort.DATUM: "30-06-2028",
    Soort.KEUZE: "onbekend",
    Soort.AFLEIDING: "zonder-dubbele-punt",
}
# The fields `wijzig` sets too: those a change sets, and its marks of derived fields.
OOK_IN_WIJZIG = {*WIJZIGBARE_VELDEN, "afgeleid"}


def _fout(*args: str) -> tuple[int, str]:
    uitkomst = runner.invoke(app, ["--register", REGISTER, *args])
    return uitkomst.exit_code, uitkomst.stderr


def test_every_field_of_the_model_is_in_the_table() -> None:
    assert set(VELDEN) == set(Kader.model_fields) - NIET_GETYPT
    assert set(VELDEN) >= OOK_IN_WIJZIG


@pytest.mark.parametrize("naam", list(VELDEN))
def test_a_bad_value_gives_one_exit_code_and_message_in_both_commands(naam: str) -> None:
    veld = VELDEN[naam]
    optie, waarde = optienaam(naam), FOUT[veld.soort]
    code, melding = _fout("toevoegen", optie, waarde)
    assert code == 2, melding
    assert melding.startswith(f"kaders: ongeldige waarde voor {optie} (veld '{naam}'): ")
    assert melding.count("\n") == 1 and "Traceback" not in melding
    if naam in OOK_IN_WIJZIG:
        assert _fout("wijzig", "kort", "--document", "brief-2", optie, waarde) == (code, melding)
