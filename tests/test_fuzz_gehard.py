"""Issue 20: the hostile-input suite grows generators for closed streams, control characters,
deep nesting and long lines. Every run: exit 0, 1 or 2, never a traceback or "interne fout",
and no message on the wrong stream."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import KLEIN
from hulp import LEES_COMMANDOS, diep_genest, lange_regel, stuurtekst
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst

GEHARD = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
ALLEEN_LEZEN = [c for c in LEES_COMMANDOS if c not in ("toon", "historie", "schema")]


@pytest.mark.traag
@GEHARD
@given(
    commando=st.sampled_from(ALLEEN_LEZEN),
    dicht=st.sets(st.sampled_from(["<&-", ">&-", "2>&-"]), min_size=1),
    formaat=st.sampled_from(["", "-f json", "-f tsv", "-f tabel"]),
)
def test_closed_streams_never_trace_and_never_mix(
    commando: str, dicht: set[str], formaat: str
) -> None:
    if commando in ("valideer", "documenten", "verschil"):
        formaat = "" if commando != "documenten" else formaat
    opdracht = (
        f"{sys.executable} -m kaders --register {KLEIN} {commando} {formaat} {' '.join(dicht)}"
    )
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
    proces = subprocess.run(
        ["sh", "-c", opdracht], capture_output=True, text=True, env=omgeving, timeout=60
    )
    assert proces.returncode in (0, 1, 2), (opdracht, proces.stderr)
    assert "Traceback" not in proces.stderr and "interne fout" not in proces.stderr, opdracht
    if "2>&-" in dicht:
        assert "kaders:" not in proces.stdout, opdracht  # a message never lands in the data
    if ">&-" in dicht:
        assert proces.stdout == ""


@GEHARD
@given(tekst=stuurtekst(), veld=st.sampled_from(["missie", "naam", "bron", "toelichting"]))
def test_control_characters_in_any_field_load_or_give_a_dutch_error(tekst: str, veld: str) -> None:
    import tomli_w

    waarde = tomli_w.dumps({veld: tekst}).split(" = ", 1)[1].rstrip("\n")
    bron = KLEIN.read_text(encoding="utf-8")
    regel = f'{veld} = "EULEX Kosovo"' if veld in ("missie", "naam") else 'bron = "Bijlage, 3"'
    if veld == "toelichting":
        bron = bron.replace(regel, f"{regel}\ntoelichting = {waarde}", 1)
    else:
        bron = bron.replace(regel, f"{veld} = {waarde}", 1)
    try:
        register = laad_tekst(bron, "r.toml")
    except KadersFout as fout:
        assert fout.meldingen  # e.g. an empty name
        return
    assert any(getattr(k, veld) in (tekst, tekst.strip()) for k in register.kader)


@GEHARD
@given(diepte=st.integers(1, 20_000), soort=st.sampled_from(["lijst", "tabel"]))
def test_any_nesting_on_any_line_is_a_register_or_a_dutch_error(diepte: int, soort: str) -> None:
    tekst = KLEIN.read_text(encoding="utf-8") + f"\n[[kader]]\nid = {diep_genest(diepte, soort)}\n"
    with pytest.raises(KadersFout) as fout:
        laad_tekst(tekst, "r.toml")
    assert all(m.bestand == "r.toml" for m in fout.value.meldingen)


@GEHARD
@given(regel=lange_regel, plek=st.sampled_from(["sleutel", "waarde", "kop", "commentaar"]))
def test_long_lines_are_answered(
    regel: str, plek: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    lijn = {
        "sleutel": f"{regel} = 1",
        "waarde": f'toelichting = "{regel}"',
        "kop": f"[{regel}]",
        "commentaar": f"# {regel}",
    }[plek]
    tekst = KLEIN.read_text(encoding="utf-8").replace(
        'bron = "Bijlage, 3"', f'bron = "Bijlage, 3"\n{lijn}', 1
    )
    try:
        laad_tekst(tekst, "r.toml")
    except KadersFout as fout:
        assert fout.meldingen
