"""The benchmark's own parts: synthetic registers are valid, and the script runs end to end.

No timing is asserted here; the numbers come from `python bench/run.py` (bench/README.md).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from kaders.errors import KadersFout
from kaders.laden import laad

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import genereer  # noqa: E402


def _schrijf(pad: Path, aantal: int, fout: str = "geen") -> Path:
    with pad.open("w", encoding="utf-8") as uit:
        genereer.schrijf(aantal, uit, fout=fout)
    return pad


def test_generated_register_is_valid_and_varied(tmp_path: Path) -> None:
    register = laad(_schrijf(tmp_path / "k.toml", 600))
    kaders = register.kader
    assert len(kaders) == 600
    assert len({k.id for k in kaders}) == 600
    assert {k.regio for k in kaders} <= set(register.regio_index)
    assert any(r.id.endswith("-gebied-1") for r in register.regio)  # one extra per 500
    assert any(k.personeel is None for k in kaders)
    assert any(k.personeel is not None for k in kaders)
    assert any(len(k.typen) > 1 for k in kaders)
    assert len({k.begin for k in kaders}) > 50 and len({k.eind for k in kaders}) > 50
    assert len({k.organisatie for k in kaders}) >= 4 and len({k.status for k in kaders}) >= 4


def test_generated_changes_are_valid_and_fold(tmp_path: Path) -> None:
    import datetime as dt

    from kaders import logregels, stand

    pad = tmp_path / "w.toml"
    with pad.open("w", encoding="utf-8") as uit:
        genereer.schrijf(400, uit, wijzigingen_=600)
    register = laad(pad)
    assert (len(register.kader), len(register.wijziging)) == (400, 600)
    assert logregels.controleer(register) == []
    eerste = min(d.datum for d in register.document)
    datums = {d.id: d.datum for d in register.document}
    assert all(datums[w.document] > eerste for w in register.wijziging)
    assert {k.document for k in register.kader} == {"doc-0"}
    gevouwen = stand.op_stand(register, max(datums.values()), dt.date.max)
    assert gevouwen.kader != register.kader and len(gevouwen.kader) == 400
    # without changes the generator writes what it always wrote
    een, twee = io.StringIO(), io.StringIO()
    genereer.schrijf(200, een)
    genereer.schrijf(200, twee, wijzigingen_=0)
    assert een.getvalue() == twee.getvalue() and "[[document]]" not in een.getvalue()
    # with documents and no changes: the register with changes, without its changes
    met, zonder = io.StringIO(), io.StringIO()
    genereer.schrijf(200, met, wijzigingen_=50)
    genereer.schrijf(200, zonder, documenten_=True)
    assert met.getvalue().split("\n[[wijziging]]")[0] == zonder.getvalue()


def test_generator_is_deterministic() -> None:
    een, twee = io.StringIO(), io.StringIO()
    genereer.schrijf(200, een)
    genereer.schrijf(200, twee)
    assert een.getvalue() == twee.getvalue()


@pytest.mark.parametrize(
    ("fout", "tekst"),
    [
        ("veld", "veld 'personel': onbekend veld"),
        ("dubbel", "veld 'id': komt al voor op regel"),
        ("regio", "onbekende regio 'westelijke-balcan'"),
    ],
)
def test_generator_puts_one_error_near_the_end(fout: str, tekst: str, tmp_path: Path) -> None:
    pad = _schrijf(tmp_path / "fout.toml", 300, fout=fout)
    with pytest.raises(KadersFout) as info:
        laad(pad)
    meldingen = info.value.meldingen
    assert len(meldingen) == 1 and tekst in meldingen[0].tekst
    regels = pad.read_text(encoding="utf-8").count("\n")
    assert meldingen[0].regel is not None and meldingen[0].regel > regels * 0.9


@pytest.mark.traag
def test_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    uit = tmp_path / "resultaten.json"
    proces = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--snel", "--opwarmen", "0", "--uit", str(uit)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, proces.stderr
    assert "× vloer" in proces.stdout and "Traceback" not in proces.stderr
    resultaat = json.loads(uit.read_text(encoding="utf-8"))
    assert resultaat["machine"]["nproc"] >= 1 and resultaat["vloer_ms"] > 0
    namen = [m["naam"] for m in resultaat["metingen"]]
    assert namen[0].startswith("vloer") and namen[1].startswith("gelijke vloer")
    assert resultaat["gelijke_vloer_ms"] > 0
    assert all(m["ratio_gelijk"] is not None for m in resultaat["metingen"])
    tabel = next(m for m in resultaat["metingen"] if m["naam"].startswith("list --formaat tabel"))
    assert tabel["gepaard_vloer"]["ratio"] > 0 and "ms" in tabel["gepaard_gelijk"]
    assert "per ronde" in proces.stdout
    for naam in ("list --formaat json", "list --formaat tabel (terminal)", "valideer"):
        assert naam in namen
    assert all(m["runs"] == 2 and m["piek_mb"] > 0 for m in resultaat["metingen"])
    assert all(resultaat["zelfde_uitkomst"].values())
    levend = resultaat["wijzigingen"]["per_grootte"]["200"]
    assert levend["met_zonder"] > 0 and levend["vouwen"]["problemen"] == 0
    assert levend["met_documenten"] > 0 and levend["met_documenten_per_ronde"] > 0
    assert "wijzigingen, 200 kaders: totaal koud" in proces.stdout


@pytest.mark.traag
def test_parser_benchmark_runs_and_finds_results_equal() -> None:
    proces = subprocess.run(
        [sys.executable, str(BENCH / "parsers.py"), "200", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, proces.stderr
    regels = {r.split()[0]: r for r in proces.stdout.splitlines()[2:]}
    assert {"tomllib", "tomli"} <= set(regels)
    assert all(" ja " in r for r in regels.values())  # same result as tomllib
