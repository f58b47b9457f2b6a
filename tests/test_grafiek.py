"""Charts (issue 21): tijdlijn and totaal as SVG and PNG.

The SVG is real XML with real text (title, stand, source, 'afgeleid'), byte for byte the same
on every run; the PNG is wide enough; a chart never goes to a terminal; the numbers drawn are
`totaal`'s JSON; and asking for any other answer does not load matplotlib. The SVG snapshots
of both charts are in test_snapshots.py (tijdlijn.svg, totaal-regio.svg).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REGISTER, TESTS, kaders, kaders_hier
from hulp import op_terminal

from kaders.uitvoer.grafiek import AFGELEID, TELLINGEN, tijdlijn_waarden, totaal_waarden

SVG_NS = "{http://www.w3.org/2000/svg}"
TIJDLIJN_REGIO = ("tijdlijn", "--per", "regio", "--stand", "2025-04-04")
TOTAAL_REGIO = ("totaal", "--per", "regio", "--peildatum", "2026-01-01", "--stand", "2026-01-01")


def _tekst(svg: bytes) -> str:
    """All text of an SVG, as an XML parser reads it."""
    wortel = ET.fromstring(svg)
    return " ".join(t for e in wortel.iter(f"{SVG_NS}text") for t in e.itertext())


def _png_maat(inhoud: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (the IHDR chunk)."""
    assert inhoud[:8] == b"\x89PNG\r\n\x1a\n" and inhoud[12:16] == b"IHDR"
    breedte, hoogte = struct.unpack(">II", inhoud[16:24])
    return breedte, hoogte


def test_tijdlijn_svg_is_xml_with_stand_and_derived(tmp_path: Path) -> None:
    pad = tmp_path / "t.svg"
    uit = kaders_hier("tijdlijn", "--per", "regio", "--formaat", "svg", "--uitvoer", str(pad),
                 "--stand", "2025-04-04")  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout == ""
    tekst = _tekst(pad.read_bytes())
    assert "2025-04-04" in tekst and "afgeleid" in tekst
    assert "zoals bekend op 2025-04-04" in tekst
    assert "Bron: kaders-register, Kamerstuk 29 521 nr. 493 e.v." in tekst
    assert "kaders zonder aantal niet getekend" in tekst
    for titel in ("Tegelijk ingezet", "Per jaar (rotatie)"):  # never one bar
        assert titel in tekst
    wortel = ET.fromstring(pad.read_bytes())
    assert wortel.get("viewBox") == "0 0 900 506.25"  # 1200 × 675 CSS pixels


def test_totaal_png_is_wide_enough(tmp_path: Path) -> None:
    pad = tmp_path / "t.png"
    uit = kaders_hier("totaal", "--per", "regio", "--peildatum", "2026-01-01", "--formaat", "png",
                 "--uitvoer", str(pad))  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    breedte, hoogte = _png_maat(pad.read_bytes())
    assert breedte >= 1200 and (breedte, hoogte) == (2400, 1350)


def test_png_has_no_dates(tmp_path: Path) -> None:
    pad = tmp_path / "t.png"
    assert kaders_hier(*TOTAAL_REGIO, "-f", "png", "-o", str(pad)).returncode == 0
    inhoud = pad.read_bytes()
    assert b"tIME" not in inhoud and b"Software" not in inhoud


@pytest.mark.parametrize("formaat", ["png", "svg"])
@pytest.mark.parametrize("commando", ["tijdlijn", "totaal"])
def test_a_chart_never_goes_to_a_terminal(commando: str, formaat: str) -> None:
    code, uit = op_terminal(commando, "--formaat", formaat, breedte=80)
    assert code == 2
    assert uit == ""  # nothing at all on the terminal (the hint is on stderr)


def test_the_refusal_names_uitvoer() -> None:
    """On a terminal: exit 2, nothing on stdout, a Dutch hint to --uitvoer on stderr."""
    import pty

    meester, slaaf = pty.openpty()
    try:
        uit = subprocess.run(
            [sys.executable, "-m", "kaders", "tijdlijn", "--formaat", "png"],
            stdout=slaaf,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
        )
    finally:
        os.close(slaaf)
        os.close(meester)
    assert uit.returncode == 2
    assert "grafiek" in uit.stderr and "--uitvoer" in uit.stderr


def test_a_chart_may_go_to_a_pipe() -> None:
    uit = subprocess.run(
        [sys.executable, "-m", "kaders", *TIJDLIJN_REGIO, "--formaat", "svg"],
        capture_output=True,
        timeout=60,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith(b"<?xml") and "afgeleid" in _tekst(uit.stdout)


def test_a_chart_is_only_for_totaal_and_tijdlijn() -> None:
    uit = kaders_hier("list", "--formaat", "svg")
    assert uit.returncode == 2 and uit.stdout == ""


@pytest.mark.parametrize("formaat", ["svg", "png"])
def test_same_input_same_bytes(formaat: str, tmp_path: Path) -> None:
    een, twee = tmp_path / f"1.{formaat}", tmp_path / f"2.{formaat}"
    for pad in (een, twee):
        assert kaders(*TIJDLIJN_REGIO, "-f", formaat, "-o", str(pad)).returncode == 0
    assert een.read_bytes() == twee.read_bytes()


def test_plotted_totals_equal_totaal_json() -> None:
    """Each group's bars add up to its `personeel` in `totaal`'s JSON, the groups to the sum;
    the derived panel is `personeel_afgeleid`; a group without a number is not drawn."""
    data = json.loads(kaders_hier(*TOTAAL_REGIO, "-f", "json").stdout)
    panelen = totaal_waarden(data)
    met_aantal = {g["groep"]: g for g in data["groepen"] if g["personeel"] is not None}
    assert list(panelen[AFGELEID]) == sorted(
        met_aantal, key=lambda g: (-met_aantal[g]["personeel"], g)
    )
    for naam, groep in met_aantal.items():
        assert sum(panelen[t][naam] for t in TELLINGEN) == groep["personeel"]
        assert panelen[AFGELEID][naam] == groep["personeel_afgeleid"]
    getekend = sum(w for t in TELLINGEN for w in panelen[t].values())
    assert getekend == data["totaal"]["personeel"]
    assert sum(panelen[AFGELEID].values()) == data["totaal"]["personeel_afgeleid"]


def test_svg_labels_are_the_totaal_numbers(tmp_path: Path) -> None:
    """The numbers written at the bars of the SVG are those of the JSON."""
    pad = tmp_path / "t.svg"
    assert kaders_hier(*TOTAAL_REGIO, "-f", "svg", "-o", str(pad)).returncode == 0
    data = json.loads(kaders_hier(*TOTAAL_REGIO, "-f", "json").stdout)
    tekst = _tekst(pad.read_bytes())
    for groep in data["groepen"]:
        if groep["personeel"] is not None:
            assert f"{groep['groep']} ({groep['personeel']})" in tekst
    assert f"Som {data['totaal']['personeel']} personen" in tekst


def test_tijdlijn_values_are_each_periods_totaal() -> None:
    """A period of the timeline draws what `totaal` counts on its first day."""
    lijn = json.loads(kaders_hier(*TIJDLIJN_REGIO, "-f", "json").stdout)
    panelen = tijdlijn_waarden(lijn)
    for i, periode in enumerate(lijn):
        getekend = sum(w[i] for t in TELLINGEN for w in panelen[t].values())
        assert getekend == (periode["totaal"]["personeel"] or 0), periode["periode"]
        afgeleid = sum(w[i] for w in panelen[AFGELEID].values())
        assert afgeleid == (periode["totaal"]["personeel_afgeleid"] or 0)
    eerste = lijn[6]  # 2025-07: the same numbers as totaal on that day
    data = json.loads(
        kaders_hier(
            "totaal",
            "--per",
            "regio",
            "--peildatum",
            eerste["peildatum"],
            "--stand",
            "2025-04-04",
            "-f",
            "json",
        ).stdout
    )
    assert data["totaal"] == eerste["totaal"]


def test_no_matplotlib_for_other_answers() -> None:
    for args in (("list", "-f", "json"), ("totaal", "-f", "json")):
        uit = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "kaders", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert uit.returncode == 0
        assert "matplotlib" not in uit.stderr, args


def test_the_readme_chart_is_current(tmp_path: Path) -> None:
    """docs/tijdlijn-regio.svg is what the command in docs/gebruik.md makes today."""
    pad = tmp_path / "t.svg"
    uit = kaders_hier("--register", str(REGISTER), *TIJDLIJN_REGIO, "-f", "svg", "-o", str(pad))
    assert uit.returncode == 0, uit.stderr
    assert pad.read_bytes() == (TESTS.parent / "docs" / "tijdlijn-regio.svg").read_bytes()


def test_suspended_and_additional_are_noted_not_drawn() -> None:
    """Once a register has them, suspended and additional deployments are counted in a note."""
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "kaders",
            "tijdlijn",
            "--stap",
            "kwartaal",
            "--stand",
            "2026-06-01",
            "-f",
            "svg",
        ],
        capture_output=True,
        timeout=60,
    )
    assert uit.returncode == 0, uit.stderr
    tekst = _tekst(uit.stdout)
    assert "Opgeschort, niet getekend: 20 personen in 1 kader(s)" in tekst
    assert "Additionele inzet buiten de kaders, niet getekend: 1 kader(s)" in tekst
