"""The bundled register: valid, faithful to the letter, and errors reported with their line."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import BRIEF, DATA, REGISTER, ROOT

from kaders.errors import KadersFout
from kaders.inlezen import decodeer, laad_tekst
from kaders.laden import gebundeld_register, laad
from kaders.models import Kader, Register, json_schema

TELWOORDEN = {
    "één": 1,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "tien": 10,
    "twaalf": 12,
    "vijftien": 15,
    "twintig": 20,
    "vijfentwintig": 25,
}


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


def test_bundled_register_is_valid_and_found(register) -> None:  # type: ignore[no-untyped-def]
    assert gebundeld_register().resolve() == REGISTER.resolve() or gebundeld_register().is_file()
    # the 44 frameworks of nr. 493, and one additional deployment introduced later
    assert len([k for k in register.kader if k.document == "kst-29521-493"]) == 44
    assert [k.id for k in register.kader if k.aanvullend] == [
        "evertsen-oostelijke-middellandse-zee"
    ]
    assert register.metadata.datum.isoformat() == "2025-04-04"
    assert register.metadata.standaard_eind.isoformat() == "2028-06-30"


def _uit_de_brief(register: Register) -> list[Kader]:
    """The frameworks nr. 493 introduced (later ones are checked against their own document)."""
    return [k for k in register.kader if k.document == "kst-29521-493"]


def test_every_quote_stands_in_the_letter(register) -> None:  # type: ignore[no-untyped-def]
    brief = _plat(BRIEF.read_text(encoding="utf-8"))
    for kader in _uit_de_brief(register):
        assert kader.citaat, kader.id
        assert _plat(kader.citaat) in brief, kader.id


def test_every_count_stands_in_its_quote(register) -> None:  # type: ignore[no-untyped-def]
    for kader in _uit_de_brief(register):
        if kader.personeel is None:
            continue
        woorden = re.findall(r"[\wé]+", kader.citaat or "")
        getallen = {TELWOORDEN.get(w.lower()) for w in woorden} | {
            int(w) for w in woorden if w.isdigit()
        }
        assert kader.personeel in getallen, kader.id
        if kader.duiding in ("circa", "maximaal"):
            assert kader.duiding in (kader.citaat or ""), kader.id
        if kader.telling == "per-jaar":
            assert "per jaar" in (kader.citaat or ""), kader.id


def test_counts_per_section_match_a_hand_count_of_the_letter(register) -> None:  # type: ignore[no-untyped-def]
    """Hand count: (frameworks, frameworks with a number, sum of numbers) per annex section."""
    verwacht = {
        "1": (10, 7, 15 + 1 + 10 + 5 + 1 + 15 + 15),
        "2": (3, 3, 280 + 20 + 25),
        "3": (5, 3, 10 + 1 + 5),
        "4": (3, 0, 0),
        "5": (5, 2, 20 + 7),
        "6": (18, 13, 7 + 1 + 7 + 5 + 1 + 12 + 1 + 3 + 5 + 2 + 6 + 1 + 2),
    }
    gevonden: dict[str, list[int]] = {}
    for kader in _uit_de_brief(register):
        sectie = re.search(r"Bijlage, (\d)\.", kader.bron)
        assert sectie, kader.bron
        rij = gevonden.setdefault(sectie.group(1), [0, 0, 0])
        rij[0] += 1
        if kader.personeel is not None:
            rij[1] += 1
            rij[2] += kader.personeel
    assert {s: tuple(r) for s, r in gevonden.items()} == verwacht


def test_letter_specifics(register) -> None:  # type: ignore[no-untyped-def]
    per_id = {k.id: k for k in register.kader}
    assert per_id["nmi-ontplooiing"].personeel == 280
    assert per_id["nmi-ontplooiing"].eind.isoformat() == "2025-06-30"
    assert per_id["nmi-adviseurs"].typen == ["civiel", "militair"]
    assert per_id["aspides"].eind.isoformat() == "2025-05-31"
    assert per_id["poseidon-archer"].eind.isoformat() == "2025-05-31"
    assert per_id["euma-armenie"].duiding == "maximaal"
    assert per_id["unmiss"].status == "beeindigd"
    assert per_id["unmiss"].personeel is None
    assert per_id["eufor-althea-compagnie"].status == "verkenning"
    assert per_id["rode-zee-marineschip"].status == "voornemen"
    assert per_id["unc-zuid-korea"].status == "voorwaardelijk"
    statussen = Counter(k.status for k in register.kader)
    assert statussen["beeindigd"] == 2  # UNMISS stopt; NMI's 280 keren terug


def test_derived_fields_have_reasons_and_exist(register) -> None:  # type: ignore[no-untyped-def]
    for kader in register.kader:
        for afleiding in kader.afgeleid:
            assert afleiding.reden.strip()
            assert afleiding.veld in type(kader).model_fields


def test_committed_schema_is_current() -> None:
    vastgelegd = json.loads((ROOT / "data" / "kaders.schema.json").read_text(encoding="utf-8"))
    assert vastgelegd == json_schema(), "data/kaders.schema.json is verouderd: kaders schema > ..."


def test_register_points_editors_at_the_schema() -> None:
    assert REGISTER.read_text(encoding="utf-8").splitlines()[0] == "#:schema ./kaders.schema.json"


ONGELDIG = sorted((DATA / "invalid").glob("*.toml"))


def test_invalid_folder_is_not_empty() -> None:
    assert len(ONGELDIG) >= 15
    for pad in ONGELDIG:
        assert pad.with_suffix(".verwacht").is_file(), pad


@pytest.mark.parametrize("pad", ONGELDIG, ids=[p.stem for p in ONGELDIG])
def test_invalid_register_gives_expected_messages(pad: Path) -> None:
    verwacht = pad.with_suffix(".verwacht").read_text(encoding="utf-8").splitlines()
    with pytest.raises(KadersFout) as fout:
        laad_tekst(decodeer(pad.read_bytes(), pad.name), pad.name)
    assert [str(m) for m in fout.value.meldingen] == verwacht


def test_unreadable_paths_give_dutch_errors(tmp_path: Path) -> None:
    for pad, tekst in ((tmp_path / "weg.toml", "bestaat niet"), (tmp_path, "is een map")):
        with pytest.raises(KadersFout) as fout:
            laad(pad)
        assert tekst in str(fout.value)


def test_bom_is_accepted(tmp_path: Path) -> None:
    pad = tmp_path / "bom.toml"
    pad.write_bytes(b"\xef\xbb\xbf" + (DATA / "klein.toml").read_bytes())
    assert len(laad(pad).kader) == 3
