"""Recording later documents: wijzig, beeindig, document-toevoegen and toevoegen --document.

Validated against the register and the folded framework first, appended byte-exact, atomic,
locked; real processes wherever a file, a mode or a signal is involved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, REGISTER, kaders, kaders_hier
from hulp import KLEIN_DOCUMENTEN, KLEIN_KADERS, Schrijver, tekst
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaders import logregels, stand, wijzigen
from kaders.errors import GebruiksFout, KadersFout
from kaders.laden import laad
from kaders.models import DUIDINGEN, STATUSSEN, TELLINGEN, TYPEN

MET_DOCUMENTEN = DATA / "klein-documenten.toml"


def _kopie(map_: Path, naam: str = "register.toml", bron: Path = MET_DOCUMENTEN) -> Path:
    pad = map_ / naam
    shutil.copyfile(bron, pad)
    return pad


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _stand(pad: Path) -> tuple[str, int, int, int]:
    info = pad.stat()
    return _sha(pad), info.st_mode, info.st_uid, info.st_gid


# --- property: wijzig then load gives the old register plus exactly that change -------------


@st.composite
def wijziging_data(draw: st.DrawFn) -> dict[str, Any]:
    """A change of the right types for klein-documenten.toml; it may still break a rule."""
    datums = st.dates(dt.date(2024, 6, 1), dt.date(2029, 1, 1))
    velden: dict[str, st.SearchStrategy[Any]] = {
        "personeel": st.integers(0, 1_000_000),
        "duiding": st.sampled_from(DUIDINGEN),
        "telling": st.sampled_from(TELLINGEN),
        "begin": datums,
        "eind": datums,
        "status": st.sampled_from([*STATUSSEN, "beëindigd"]),
        "toelichting": tekst,
        "missie": tekst,
        "naam": tekst,
        "regio": st.sampled_from(["europa", "westelijke-balkan"]),
        "landen": st.lists(tekst, min_size=1, max_size=2),
        "organisatie": st.sampled_from(["EU", "NAVO", "VN"]),
        "typen": st.lists(st.sampled_from(TYPEN), min_size=1, max_size=3, unique=True),
    }
    data: dict[str, Any] = {
        "kader": draw(st.sampled_from(KLEIN_KADERS)),
        "document": draw(st.sampled_from(KLEIN_DOCUMENTEN)),
    }
    for veld in draw(
        st.lists(st.sampled_from(sorted(velden)), min_size=1, max_size=4, unique=True)
    ):
        data[veld] = draw(velden[veld])
    if draw(st.booleans()):
        data["citaat"] = draw(tekst)
    if draw(st.booleans()):
        gezet = [v for v in data if v in velden]
        data["afgeleid"] = [{"veld": draw(st.sampled_from(gezet)), "reden": draw(tekst)}]
    return data


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=wijziging_data())
def test_wijzig_then_load_gives_the_old_register_plus_exactly_that_change(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    pad = _kopie(tmp_path)
    oud_bytes = pad.read_bytes()
    oud = laad(pad)
    try:
        wijziging, toml = wijzigen.voeg_wijziging_toe(pad, data)
    except KadersFout:
        assert pad.read_bytes() == oud_bytes  # a refusal changes no byte
        return
    nieuw = laad(pad)
    assert pad.read_bytes().startswith(oud_bytes)
    assert pad.read_bytes()[len(oud_bytes) :].decode().lstrip("\n") == toml
    assert nieuw.wijziging == [*oud.wijziging, wijziging]
    assert (nieuw.metadata, nieuw.regio, nieuw.document, nieuw.kader) == (
        oud.metadata,
        oud.regio,
        oud.document,
        oud.kader,
    )
    verwacht = {k: v for k, v in data.items() if k not in ("kader", "document", "citaat")}
    verwacht.pop("afgeleid", None)
    if verwacht.get("status") == "beëindigd":
        verwacht["status"] = "beeindigd"
    assert wijziging.gezet() == verwacht
    assert logregels.controleer(nieuw) == []
    # folded on the latest date, the framework carries every field the change set (unless
    # the fixture's own later change, by brief-2, sets it again)
    gevouwen = {k.id: k for k in stand.op_stand(nieuw, dt.date.max, dt.date.max).kader}[
        data["kader"]
    ]
    if (data["kader"], data["document"]) != ("verkenning-politie", "brief-1"):
        for veld, waarde in verwacht.items():
            assert getattr(gevouwen, veld) == waarde, veld


def test_old_bytes_are_a_prefix_and_a_bom_stays(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.write_bytes(b"\xef\xbb\xbf" + pad.read_bytes())
    oud = pad.read_bytes()
    uitkomst = kaders(
        "--register", str(pad), "wijzig", "Eulex-Kosovo", "--document", "brief-2", "--plek", "p",
        "--personeel", "20", "--citaat", "twintig",
    )  # fmt: skip
    assert uitkomst.returncode == 0, uitkomst.stderr
    nieuw = pad.read_bytes()
    assert nieuw.startswith(oud)
    assert nieuw[len(oud) :] == (
        b'\n[[wijziging]]\nkader = "eulex-kosovo"\ndocument = "brief-2"\nplek = "p"\n'
        b'citaat = "twintig"\n'
        b"personeel = 20\n"
    )
    assert "wijziging van kader 'eulex-kosovo' (document 'brief-2') toegevoegd" in uitkomst.stderr


def test_droog_prints_the_toml_and_writes_nothing(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    voor = _sha(pad)
    uitkomst = kaders(
        "--register", str(pad), "wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--eind",
        "2025-04-30", "--status", "beëindigd", "--afgeleid", "eind: laatste dag", "--droog",
    )  # fmt: skip
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout == (
        '[[wijziging]]\nkader = "kort"\ndocument = "brief-2"\nplek = "p"\ncitaat = "c"\n'
        "eind = 2025-04-30\n"
        'status = "beeindigd"\nafgeleid = [\n    { veld = "eind", reden = "laatste dag" },\n]\n'
    )
    assert "droog:" in uitkomst.stderr and _sha(pad) == voor


def test_beeindig_is_status_and_end(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    uitkomst = kaders(
        "beeindig", "verkenning-politie", "--eind", "2026-12-31", "--document", "brief-2", "--citaat", "c",
        "--plek", "Alinea 3", "--register", str(pad),
    )  # fmt: skip
    assert uitkomst.returncode == 0, uitkomst.stderr
    laatste = laad(pad).wijziging[-1]
    assert (laatste.kader, laatste.status, laatste.eind, laatste.plek) == (
        "verkenning-politie",
        "beeindigd",
        dt.date(2026, 12, 31),
        "Alinea 3",
    )
    gevouwen = {k.id: k for k in stand.op_stand(laad(pad), dt.date(2025, 5, 1), dt.date.max).kader}
    assert gevouwen["verkenning-politie"].status == "beeindigd"
    assert gevouwen["verkenning-politie"].personeel == 10  # the earlier change stays


def test_on_the_bundled_data_the_nmi_news_could_have_been_recorded(tmp_path: Path) -> None:
    pad = _kopie(tmp_path, bron=REGISTER)
    oud = laad(pad)
    uitkomst = kaders(
        "--register", str(pad), "wijzig", "nmi-ontplooiing", "--document", "defensie-20260320", "--citaat", "c", "--plek", "p",
        "--toelichting", "Alle Nederlanders hebben Irak verlaten.",
    )  # fmt: skip
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert laad(pad).wijziging[:-1] == oud.wijziging


def test_beeindigd_in_the_dutch_spelling_in_a_hand_written_change(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    tabel = '\n[[wijziging]]\nkader = "kort"\ndocument = "brief-2"\nplek = "p"\ncitaat = "c"\n'
    tabel += 'status = "beëindigd"\n'
    pad.write_text(pad.read_text(encoding="utf-8") + tabel + "eind = 2025-04-30\n", "utf-8")
    assert laad(pad).wijziging[-1].status == "beeindigd"


def test_document_toevoegen_from_options_json_and_toml(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    opties = ["--id", "brief-3", "--soort", "Verslag", "--kamerstuk", "00 000, nr. 3"]
    opties += ["--datum", "2025-05-23", "--titel", "Verslag", "--url", "https://example.org/3"]
    uitkomst = kaders("--register", str(pad), "document-toevoegen", *opties, invoer="")
    assert uitkomst.returncode == 0, uitkomst.stderr
    json_ = {"id": "brief-4", "soort": "nieuwsbericht", "datum": "2026-03-20", "titel": "N"}
    assert (
        kaders("--register", str(pad), "document-toevoegen", invoer=json.dumps(json_)).returncode
        == 0
    )
    toml = '[[document]]\nid = "brief-5"\nsoort = "kamerbrief"\ndatum = 2026-04-01\ntitel = "T"\n'
    assert kaders("--register", str(pad), "document-toevoegen", invoer=toml).returncode == 0
    documenten = laad(pad).document
    assert [d.id for d in documenten] == ["brief-1", "brief-2", "brief-3", "brief-4", "brief-5"]
    assert (documenten[2].soort, documenten[2].datum, documenten[2].url) == (
        "verslag",
        dt.date(2025, 5, 23),
        "https://example.org/3",
    )
    # and a change can name the new document at once
    wijzig = [
        "wijzig",
        "kort",
        "--document",
        "brief-3",
        "--citaat",
        "c",
        "--plek",
        "p",
        "--personeel",
        "4",
    ]
    assert kaders("--register", str(pad), *wijzig).returncode == 0


def test_toevoegen_names_an_existing_document(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    kader = {
        "id": "nieuw", "missie": "N", "naam": "N", "regio": "europa", "organisatie": "EU",
        "typen": ["civiel"], "status": "verkenning", "bron": "b", "citaat": "c",
    }  # fmt: skip
    voor = _sha(pad)
    zonder = kaders("--register", str(pad), "toevoegen", invoer=json.dumps(kader))
    assert zonder.returncode == 1
    assert "nieuw kader 'nieuw': noemt geen document" in zonder.stderr
    assert "Documenten: brief-1 (2025-04-04, De eerste brief); brief-2" in zonder.stderr
    assert "tip: noem het document met --document ID" in zonder.stderr
    fout = kaders(
        "--register", str(pad), "toevoegen", invoer=json.dumps({**kader, "document": "b-2"})
    )
    assert fout.returncode == 1 and "onbekend document 'b-2'" in fout.stderr
    assert _sha(pad) == voor
    opties = ["--id", "nieuw", "--missie", "N", "--naam", "N", "--regio", "europa", "--type"]
    opties += [
        "civiel",
        "--organisatie",
        "EU",
        "--status",
        "verkenning",
        "--bron",
        "b",
        "--citaat",
        "c",
    ]
    goed = kaders(
        "--register",
        str(pad),
        "toevoegen",
        *opties,
        "--document",
        "brief-2",
        invoer="",
    )
    assert goed.returncode == 0, goed.stderr
    assert laad(pad).kader[-1].document == "brief-2"


def test_interactive_toevoegen_asks_for_the_document(tmp_path: Path) -> None:
    from test_veilig import _gesprek

    pad = _kopie(tmp_path)
    opties = ["--id", "vraag", "--missie", "V", "--naam", "V", "--regio", "europa", "--type"]
    opties += [
        "civiel",
        "--organisatie",
        "EU",
        "--status",
        "verkenning",
        "--bron",
        "b",
        "--citaat",
        "c",
    ]
    code, tekst = _gesprek(
        ["--register", str(pad), "toevoegen", *opties],
        [("document: ", "brief-3"), ("document: ", "brief-2")],
    )
    assert code == 0, tekst
    assert "kaders: document: onbekend document 'brief-3'; bedoelde u 'brief-2'?" in tekst
    assert laad(pad).kader[-1].document == "brief-2"


# --- every refusal leaves the file byte for byte --------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "melding"),
    [
        (["wijzig", "bestaat-niet", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--personeel", "3"], 2,
         "onbekend kader 'bestaat-niet'"),
        (["wijzig", "kort", "--document", "brief-9", "--citaat", "c", "--plek", "p", "--personeel", "3"], 2,
         "onbekend document 'brief-9'; bedoelde u 'brief-2'? Documenten: brief-1"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p"], 2, "geef minstens één veld dat wijzigt"),
        (["wijzig", "kort", "--personeel", "3"], 2, "'--document' ontbreekt"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--personeel", "drie"], 2,
         "ongeldige waarde voor --personeel (veld 'personeel'): verwacht een geheel getal, kreeg 'drie'"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--eind", "2025-02-30"], 2,
         "ongeldige waarde voor --eind (veld 'eind'): datum '2025-02-30' bestaat niet (die dag is er niet)"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--status", "gestopt"], 2,
         "ongeldige waarde voor --status (veld 'status'): onbekende status 'gestopt'"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--personeel", "3"], 1,
         "nieuwe wijziging (kader 'kort'): wijzigt niets"),
        (["wijzig", "verkenning-politie", "--document", "brief-1", "--citaat", "c", "--plek", "p", "--personeel", "2"], 1,
         "bij een personeel-aantal horen ook duiding en telling"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--eind", "2024-12-31"], 1,
         "het kader klopt daarna niet meer: begin 2025-01-01 ligt na eind 2024-12-31"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--regio", "europe"], 1,
         "onbekende regio 'europe'; bedoelde u 'europa'?"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--personeel", "2000000"], 2,
         "(veld 'personeel'): waarde 2000000: moet 1000000 of kleiner zijn"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--toelichting", ""], 2,
         "(veld 'toelichting'): mag niet leeg zijn"),
        (["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--eind", "2025-04-30", "--afgeleid",
          "begin: geschat"], 1, "afgeleid noemt veld 'begin', maar deze wijziging zet dat"),
        (["wijzig", "eulex-kosovo", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--status", "beeindigd"], 1,
         "status 'beeindigd' maar eind is het standaardeinde 2028-06-30"),
        (["beeindig", "kort", "--eind", "2028-06-30", "--document", "brief-2", "--citaat", "c", "--plek", "p"], 1,
         "status 'beeindigd' maar eind is het standaardeinde"),
        (["beeindig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p"], 2, "ontbrekende optie '--eind'"),
        (["document-toevoegen", "--id", "brief-2", "--soort", "verslag", "--datum",
          "2025-05-01", "--titel", "T"], 1, "nieuw document 'brief-2': id komt al voor"),
        (["document-toevoegen", "--id", "brief-3", "--soort", "brief", "--datum",
          "2025-05-01", "--titel", "T"], 2, "--soort: onbekende soort 'brief'"),
        (["document-toevoegen", "--id", "brief-3", "--soort", "verslag", "--datum",
          "2025-05-01", "--titel", "T", "--url", "www.x.nl"], 1,
         "nieuw document 'brief-3': veld 'url': een webadres verwacht"),
        (["document-toevoegen", "--id", "Brief 3", "--soort", "verslag", "--datum",
          "2025-05-01", "--titel", "T"], 1, "is geen geldige sleutel"),
        (["document-toevoegen", "--id", "brief-3"], 2, "ontbrekende opties: --soort, --datum"),
        # a change names its source: no quote, a blank one, no place
        (["wijzig", "eulex-kosovo", "--document", "brief-2", "--plek", "p", "--personeel", "16"],
         1, "veld 'citaat' ontbreekt"),
        (["wijzig", "eulex-kosovo", "--document", "brief-2", "--plek", "p", "--citaat", "   ",
          "--personeel", "16"], 1, "veld 'citaat': tekst van alleen spaties"),
        (["wijzig", "eulex-kosovo", "--document", "brief-2", "--citaat", "c", "--personeel", "16"],
         1, "veld 'plek' ontbreekt"),
        (["beeindig", "kort", "--eind", "2025-04-30", "--document", "brief-2"], 1,
         "veld 'citaat' ontbreekt"),
        (["toevoegen", "--id", "x", "--missie", "M", "--naam", "N", "--regio", "europa", "--type",
          "civiel", "--organisatie", "EU", "--status", "verkenning", "--bron", "b",
          "--document", "brief-2"], 2, "ontbrekende opties: --citaat"),
        # a valid-from day outside the framework's span ('kort' ends 2025-05-31)
        (["wijzig", "kort", "--document", "brief-2", "--plek", "p", "--citaat", "c",
          "--personeel", "4", "--vanaf", "2026-01-01"], 1, "vanaf 2026-01-01 ligt buiten"),
    ],
)  # fmt: skip
def test_every_refusal_leaves_the_file_byte_identical(
    tmp_path: Path, args: list[str], code: int, melding: str
) -> None:
    pad = _kopie(tmp_path)
    voor = _sha(pad)
    uitkomst = kaders_hier("--register", str(pad), *args, invoer="")
    assert uitkomst.returncode == code, uitkomst.stderr
    assert melding in uitkomst.stderr, uitkomst.stderr
    assert uitkomst.stderr.startswith("kaders: ") and "Traceback" not in uitkomst.stderr
    assert _sha(pad) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.toml"]


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ('{"id": "d", "soort": "verslag", "datum": "2025-05-01", "titl": "T"}',
         "nieuw document: onbekend veld 'titl'; bedoelde u 'titel'?"),
        ('{"id": "d", "soort": "verslag", "datum": "01-05-2025", "titel": "T"}',
         "nieuw document 'd': veld 'datum': een datum (JJJJ-MM-DD) verwacht"),
        ('{"id": "d", "soort": "verslag", "datum": 2025, "titel": "T"}', "veld 'datum'"),
        ('{"id": "d", "soort": "verslag", "datum": "2025-05-01"}', "veld 'titel': verplicht veld"),
        ("[1, 2]", "verwacht één JSON-object, geen lijst"),
        ("", "geen invoer op stdin: verwacht één document als JSON of TOML"),
    ],
)  # fmt: skip
def test_document_from_stdin_refusals(tmp_path: Path, invoer: str, melding: str) -> None:
    pad = _kopie(tmp_path)
    voor = _sha(pad)
    uitkomst = kaders_hier("--register", str(pad), "document-toevoegen", invoer=invoer)
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert melding in uitkomst.stderr and "Traceback" not in uitkomst.stderr
    assert _sha(pad) == voor


def test_an_invalid_change_log_is_refused_before_anything_is_added(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.write_text(pad.read_text() + '\n[[wijziging]]\nkader = "kort"\ndocument = "weg"\n'
                   "personeel = 2\n")  # fmt: skip
    voor = _sha(pad)
    for args in (
        ["wijzig", "eulex-kosovo", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--personeel", "3"],
        ["document-toevoegen", "--id", "d", "--soort", "verslag", "--datum", "2025-05-01",
         "--titel", "T"],
    ):  # fmt: skip
        uitkomst = kaders("--register", str(pad), *args)
        assert uitkomst.returncode == 1
        assert "het register is al ongeldig; herstel het eerst" in uitkomst.stderr
        regel = pad.read_text().split("\n").index('document = "weg"') + 1
        assert f"{pad}:{regel}: wijziging nr. 2 (kader 'kort'): onbekend document 'weg'" in (
            uitkomst.stderr
        )
        assert _sha(pad) == voor


def test_a_change_older_than_the_framework_is_refused(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    oud = ["document-toevoegen", "--id", "brief-0", "--soort", "kamerbrief", "--datum"]
    assert kaders("--register", str(pad), *oud, "2025-01-10", "--titel", "Oud").returncode == 0
    voor = _sha(pad)
    uitkomst = kaders("--register", str(pad), "wijzig", "kort", "--document", "brief-0", "--citaat", "c", "--plek", "p",
                      "--personeel", "5")  # fmt: skip
    assert uitkomst.returncode == 1
    assert (
        "nieuwe wijziging (kader 'kort'): document 'brief-0' (2025-01-10) is ouder dan document "
        "'brief-1' (2025-04-04) dat het kader invoerde"
    ) in uitkomst.stderr
    assert _sha(pad) == voor


def test_core_errors_never_name_an_option(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    with pytest.raises(GebruiksFout) as fout:
        wijzigen.voeg_wijziging_toe(pad, {"kader": "kort", "document": "x", "personeel": 1})
    assert "--" not in str(fout.value)
    with pytest.raises(KadersFout) as fout:
        wijzigen.voeg_wijziging_toe(pad, {"kader": "kort", "document": "brief-2"})
    assert "wijzigt geen enkel veld" in str(fout.value) and "--" not in str(fout.value)


# --- permissions, links, the bundled register ------------------------------------------------


def test_read_only_and_linked_targets_are_refused(tmp_path: Path) -> None:
    alleen_lezen = _kopie(tmp_path, "alleen-lezen.toml")
    alleen_lezen.chmod(0o444)
    (tmp_path / "link.toml").symlink_to(alleen_lezen)
    vast = tmp_path / "vast"
    vast.mkdir()
    in_vaste_map = _kopie(vast)
    vast.chmod(0o555)
    try:
        bestanden = (alleen_lezen, in_vaste_map)
        voor = {p: _stand(p) for p in bestanden}
        for doel, melding in (
            (alleen_lezen, "geen schrijfrechten op het bestand (modus 0444"),
            (tmp_path / "link.toml", "geen schrijfrechten op het bestand (modus 0444"),
            (in_vaste_map, f"de map {vast} is alleen-lezen"),
        ):
            for args in (
                ["wijzig", "kort", "--document", "brief-2", "--citaat", "c", "--plek", "p", "--personeel", "4"],
                ["beeindig", "kort", "--eind", "2025-04-30", "--document", "brief-2", "--citaat", "c", "--plek", "p"],
                ["document-toevoegen", "--id", "d", "--soort", "verslag", "--datum",
                 "2025-05-01", "--titel", "T"],
            ):  # fmt: skip
                uitkomst = kaders("--register", str(doel), *args)
                assert uitkomst.returncode == 1, (doel, args, uitkomst.stderr)
                assert melding in uitkomst.stderr, uitkomst.stderr
        assert {p: _stand(p) for p in bestanden} == voor
        assert sorted(p.name for p in vast.iterdir()) == ["register.toml"]
    finally:
        vast.chmod(0o755)


def test_a_link_to_a_writable_register_is_followed_and_mode_kept(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.chmod(0o640)
    (tmp_path / "link.toml").symlink_to(pad)
    args = [
        "wijzig",
        "kort",
        "--document",
        "brief-2",
        "--citaat",
        "c",
        "--plek",
        "p",
        "--personeel",
        "4",
    ]
    uitkomst = kaders("--register", str(tmp_path / "link.toml"), *args)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert (tmp_path / "link.toml").is_symlink()
    assert pad.stat().st_mode & 0o777 == 0o640
    assert laad(pad).wijziging[-1].personeel == 4
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_bundled_register_is_read_only_for_every_writer() -> None:
    """Any path inside the installed package is refused before it is read."""
    meegeleverd = Path(wijzigen.__file__).parent / "data" / "kaders.toml"
    for args in (
        ["wijzig", "kort", "--document", "kst-29521-494", "--citaat", "c", "--plek", "p", "--personeel", "4"],
        ["beeindig", "nmi-adviseurs", "--eind", "2026-03-20", "--document", "defensie-20260320", "--citaat", "c", "--plek", "p"],
        ["document-toevoegen", "--id", "d", "--soort", "verslag", "--datum", "2025-05-01",
         "--titel", "T"],
    ):  # fmt: skip
        uitkomst = kaders("--register", str(meegeleverd), *args)
        assert uitkomst.returncode == 2, uitkomst.stderr
        assert "het meegeleverde register is alleen-lezen" in uitkomst.stderr


# --- crashes and concurrent writers ---------------------------------------------------------

SCHRIJVER = """
import sys
from pathlib import Path
from kaders.wijzigen import voeg_wijziging_toe
pad, voorvoegsel, aantal = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(aantal):
    voeg_wijziging_toe(pad, {"kader": "eulex-kosovo", "document": "brief-2", "plek": "p",
                             "citaat": "c", "toelichting": f"{voorvoegsel}-{i} " + "x" * 2000})
"""


WIJZIGER = """
from kaders.wijzigen import voeg_wijziging_toe
def schrijf(pad, voorvoegsel, i):
    voeg_wijziging_toe(pad, {"kader": "eulex-kosovo", "document": "brief-2", "plek": "p",
                             "citaat": "c", "toelichting": f"{voorvoegsel}-{i} " + "x" * 2000})
"""


@pytest.mark.traag
def test_kill_at_random_moments_during_wijzig_leaves_old_or_new_file(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    kills = int(os.environ.get("KADERS_KILLS", "60"))
    rng = random.Random(494)
    aantal_voor, gedaan = len(laad(pad).wijziging), 0
    with Schrijver(pad, WIJZIGER) as schrijver:
        for ronde in range(kills):
            voor = pad.read_bytes()
            # after 0, 1 or 2 finished writes, at a random moment in the next one
            gedaan += schrijver.ronde(f"r{ronde}", rng.choice((0, 0, 1, 2)), rng.uniform(0, 0.03))
            na = pad.read_bytes()
            assert na.startswith(voor), ronde
            register = laad(pad)
            assert logregels.controleer(register) == []
            assert len(register.wijziging) >= aantal_voor
            aantal_voor = len(register.wijziging)
    assert gedaan > 0 and aantal_voor >= 1 + gedaan


@pytest.mark.traag
def test_two_concurrent_wijzig_writers_lose_nothing(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    processen = [
        subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(pad), naam, "25"])
        for naam in ("a", "b")
    ]
    omgeving = {**os.environ, "KADERS_REGISTER": str(pad)}
    wijzig = [
        sys.executable,
        "-m",
        "kaders",
        "wijzig",
        "kort",
        "--document",
        "brief-2",
        "--citaat",
        "c",
        "--plek",
        "p",
    ]
    cli = [subprocess.Popen([*wijzig, "--toelichting", f"cli-{i}"], env=omgeving) for i in range(4)]
    assert [p.wait(timeout=240) for p in [*processen, *cli]] == [0] * 6
    toelichtingen = {(w.toelichting or "").split(" ")[0] for w in laad(pad).wijziging}
    assert {f"{n}-{i}" for n in "ab" for i in range(25)} <= toelichtingen
    assert {f"cli-{i}" for i in range(4)} <= toelichtingen
    assert len(laad(pad).wijziging) == 1 + 50 + 4


def test_wijzig_with_vanaf_holds_from_that_day_only(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    uitkomst = kaders(
        "--register", str(pad), "wijzig", "eulex-kosovo", "--document", "brief-2", "--plek", "p",
        "--citaat", "twintig per jaar vanaf september", "--personeel", "20",
        "--vanaf", "2025-09-01", "--vanaf-citaat", "vanaf september",
    )  # fmt: skip
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert laad(pad).wijziging[-1].vanaf == dt.date(2025, 9, 1)
    for dag, verwacht in (("2025-08-31", 15), ("2025-09-01", 20)):
        lijst = kaders("--register", str(pad), "list", "--zoek", "eulex", "--peildatum", dag,
                       "-f", "json")  # fmt: skip
        assert [k["personeel"] for k in json.loads(lijst.stdout)] == [verwacht], dag


def test_beeindig_takes_eind_and_still_per_with_a_note(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    bron = ["--document", "brief-2", "--citaat", "c", "--plek", "p", "--droog"]
    nieuw = kaders("--register", str(pad), "beeindig", "kort", "--eind", "2025-04-30", *bron)
    assert nieuw.returncode == 0 and "eind = 2025-04-30" in nieuw.stdout
    assert "verouderd" not in nieuw.stderr
    oud = kaders("--register", str(pad), "beeindig", "kort", "--per", "2025-04-30", *bron)
    assert oud.returncode == 0 and oud.stdout == nieuw.stdout
    assert "--per is verouderd" in oud.stderr
    geen = kaders("--register", str(pad), "beeindig", "kort", *bron)
    assert geen.returncode == 2 and "'--eind'" in geen.stderr


def test_lijst_is_the_dutch_name_of_list() -> None:
    assert kaders("lijst", "-f", "json").stdout == kaders("list", "-f", "json").stdout
