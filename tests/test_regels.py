"""Rules across records live once (regels.py): the model, the loader and the writer agree."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from conftest import KLEIN
from pydantic import ValidationError

from kaders import regels, schrijven
from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst
from kaders.models import Register


def _data() -> dict[str, Any]:
    return tomllib.loads(KLEIN.read_text(encoding="utf-8"))


def test_model_alone_rejects_a_duplicate_id() -> None:
    data = _data()
    data["kader"].append(dict(data["kader"][0]))
    with pytest.raises(ValidationError) as fout:
        Register.model_validate(data)
    assert "kader 'eulex-kosovo': veld 'id': komt al voor als kader nr. 1" in str(fout.value)


def test_model_alone_rejects_an_unknown_region_and_a_cycle() -> None:
    data = _data()
    data["kader"][0]["regio"] = "europe"
    data["regio"][0]["ouder"] = data["regio"][-1]["id"]
    with pytest.raises(ValidationError) as fout:
        Register.model_validate(data)
    tekst = str(fout.value)
    assert "veld 'regio': onbekende regio 'europe'; bedoelde u 'europa'?" in tekst
    assert "de ouder-keten is een kring" in tekst


def test_valid_register_passes_all_rules() -> None:
    data = _data()
    Register.model_validate(data)
    kaders = [(k["id"], k["regio"]) for k in data["kader"]]
    assert regels.problemen([(r["id"], r.get("ouder")) for r in data["regio"]], kaders) == []


def test_loader_names_the_line_of_the_earlier_record() -> None:
    tekst = KLEIN.read_text(encoding="utf-8")
    kopie = tekst + "\n" + tekst[tekst.index("[[kader]]") :].split("\n\n[[kader]]")[0]
    with pytest.raises(KadersFout) as fout:
        laad_tekst(kopie, "k.toml")
    eerste = tekst[: tekst.index('id = "eulex-kosovo"')].count("\n") + 1
    assert f"veld 'id': komt al voor op regel {eerste}; moet uniek zijn" in str(fout.value)


def test_writer_uses_the_same_rules(tmp_path: Any) -> None:
    pad = tmp_path / "r.toml"
    pad.write_bytes(KLEIN.read_bytes())
    nieuw = {
        "id": "eulex-kosovo",
        "missie": "X",
        "naam": "X",
        "regio": "europe",
        "organisatie": "EU",
        "typen": ["civiel"],
        "status": "verkenning",
        "bron": "b",
        "citaat": "c",
    }
    with pytest.raises(KadersFout) as fout:
        schrijven.voeg_toe(pad, nieuw)
    tekst = str(fout.value)
    assert "nieuw kader 'eulex-kosovo': veld 'id': komt al voor in het register" in tekst
    assert "nieuw kader 'eulex-kosovo': veld 'regio': onbekende regio 'europe'" in tekst
    assert pad.read_bytes() == KLEIN.read_bytes()
