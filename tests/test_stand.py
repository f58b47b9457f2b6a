"""The register as known on a date: folding changes, versions, and the rules across records."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaders import query, vinden
from kaders.errors import GebruiksFout
from kaders.logregels import controleer
from kaders.models import SAMENHANGVELDEN, Kader, Register, samenhangfouten
from kaders.regels import Probleem, als_tekst
from kaders.stand import Kennis, eerste_stand
from kaders.stand import op_stand as vouw


def op_stand(register: Register, stand: dt.date, peildatum: dt.date = dt.date.max) -> Register:
    """The register as known on `stand`, every change holding (the latest day)."""
    return vouw(register, stand, peildatum)


def versies(register: Register, kader_id: str, stand: dt.date | None = None) -> list[Any]:
    """Every version of one framework, as `Kennis.versies`."""
    return Kennis(register).versies(kader_id, stand)


BRIEF = dt.date(2025, 4, 4)  # nr. 493
ALTHEA = dt.date(2025, 4, 25)  # nr. 494
NMI = dt.date(2026, 3, 20)  # Defence news item
D2026 = dt.date(2026, 1, 1)


def _totaal(register: Register, stand: dt.date, peildatum: dt.date = D2026) -> query.Totaal:
    gevouwen = op_stand(register, stand, peildatum)
    return query.totaal(gevouwen, gevouwen.kader, peildatum)


def _per_id(register: Register) -> dict[str, Kader]:
    return {k.id: k for k in register.kader}


# --- the bundled register --------------------------------------------------------------------


def test_as_known_on_the_letter_2026_is_192(register: Register) -> None:
    uitkomst = _totaal(register, BRIEF)
    assert (uitkomst.totaal.personeel, uitkomst.totaal.kaders, uitkomst.totaal.zonder_aantal) == (
        192,
        37,
        12,
    )
    # nothing later is known yet: the frameworks are exactly as nr. 493 introduced them
    assert op_stand(register, BRIEF).kader == [
        k for k in register.kader if k.document == "kst-29521-493"
    ]
    assert _totaal(register, ALTHEA - dt.timedelta(days=1)).totaal.personeel == 192


def test_with_all_documents_2026_adds_the_althea_company_team_and_staff(
    register: Register,
) -> None:
    for stand in (ALTHEA, NMI, dt.date(2030, 1, 1)):
        uitkomst = _totaal(register, stand)
        assert uitkomst.totaal.personeel == 192 + 175 + 10 + 10
        assert uitkomst.totaal.zonder_aantal == 12 - 3
    per_type = {g.groep: g.personeel for g in _totaal(register, NMI).groepen}
    assert per_type["militair"] == 80 + 175 + 10 + 10


def test_the_althea_company_as_decided_by_494(register: Register) -> None:
    voor = _per_id(op_stand(register, BRIEF))["eufor-althea-compagnie"]
    na = _per_id(op_stand(register, ALTHEA))["eufor-althea-compagnie"]
    assert (voor.personeel, voor.status, voor.begin, voor.eind) == (
        None,
        "verkenning",
        BRIEF,
        dt.date(2028, 6, 30),
    )
    assert (na.personeel, na.duiding, na.telling) == (175, "maximaal", "gelijktijdig")
    assert (na.begin, na.eind, na.status) == (
        dt.date(2025, 10, 1),
        dt.date(2026, 10, 1),
        "vastgesteld",
    )
    # its own provenance stays that of nr. 493; the marks are those of the change
    assert (na.bron, na.citaat, na.document) == (voor.bron, voor.citaat, "kst-29521-493")
    assert [a.veld for a in na.afgeleid] == ["begin", "telling"]
    assert not na.loopt_op(dt.date(2025, 9, 30)) and na.loopt_op(dt.date(2026, 10, 1))


def test_team_and_staff_at_most_ten_from_august_2025_until_2027(register: Register) -> None:
    juni, september = dt.date(2025, 6, 1), dt.date(2025, 9, 1)
    for kid in ("eufor-althea-humint-team", "eufor-althea-staffunctionarissen"):
        voor = _per_id(op_stand(register, BRIEF))[kid]
        na = _per_id(op_stand(register, ALTHEA, september))[kid]
        assert (voor.personeel, voor.status) == (None, "verkenning")
        assert (na.personeel, na.duiding, na.eind, na.status) == (
            10,
            "maximaal",
            dt.date(2027, 12, 31),
            "verlengd",
        )
        assert "telling" in {a.veld for a in na.afgeleid} and "status" not in {
            a.veld for a in na.afgeleid
        }
    # before 1 August 2025 the earlier values hold: seven staff officers, the team unknown
    eerder = _per_id(op_stand(register, ALTHEA, juni))
    staf, team = eerder["eufor-althea-staffunctionarissen"], eerder["eufor-althea-humint-team"]
    assert (staf.personeel, staf.duiding, staf.eind) == (7, "exact", dt.date(2027, 12, 31))
    assert (team.personeel, team.duiding, team.status) == (None, None, "verlengd")
    assert "huidige zeven" in (staf.toelichting or "")


def test_the_humint_team_keeps_its_old_id(register: Register) -> None:
    team = _per_id(register)["eufor-althea-humint-team"]
    assert team.eerdere_ids == ["eufor-althea-humint-staf"]
    assert vinden.vind(register, "eufor-althea-humint-staf").id == "eufor-althea-humint-team"


def test_nmi_advisers_suspended_from_the_news_item_not_before(register: Register) -> None:
    juli2025, juni2026 = dt.date(2025, 7, 1), dt.date(2026, 6, 1)
    assert _per_id(op_stand(register, NMI, juli2025))["nmi-adviseurs"].status == "vastgesteld"
    assert _per_id(op_stand(register, NMI, NMI - dt.timedelta(days=1)))["nmi-adviseurs"].status == (
        "vastgesteld"
    )
    na = _per_id(op_stand(register, NMI, juni2026))["nmi-adviseurs"]
    voor = _per_id(op_stand(register, NMI - dt.timedelta(days=1), juni2026))["nmi-adviseurs"]
    assert (voor.status, na.status) == ("vastgesteld", "opgeschort")
    assert (na.eind, na.personeel) == (voor.eind, 20)
    assert "Napels" in (na.toelichting or "")
    # suspended: out of the active total, counted apart
    nu = _totaal(register, NMI, juni2026).totaal
    eerder = _totaal(register, NMI - dt.timedelta(days=1), juni2026).totaal
    assert eerder.personeel is not None and nu.personeel == eerder.personeel - 20
    assert (nu.opgeschort_personeel, nu.opgeschort_kaders) == (20, 1)


def test_nothing_is_known_before_the_first_document(register: Register) -> None:
    # the first document is older than the letter: the EU Council's decision on EUMA
    eerste = dt.date(2025, 1, 30)
    assert eerste_stand(register) == eerste
    leeg = op_stand(register, eerste - dt.timedelta(days=1))
    assert leeg.kader == [] and leeg.document == [] and leeg.wijziging == []
    assert leeg.mandaat == []
    assert leeg.regio == register.regio and leeg.metadata == register.metadata
    # before the letter only the mandate is known, no framework
    mandaat = op_stand(register, BRIEF - dt.timedelta(days=1))
    assert mandaat.kader == [] and [m.missie for m in mandaat.mandaat] == ["EUMA"]


def test_documents_known_on_a_date(register: Register) -> None:
    assert {d.id for d in op_stand(register, ALTHEA).document} == {
        "kst-29521-493",
        "raad-eu-20250130-euma",
        "kst-29521-494",
    }
    assert {d.id for d in op_stand(register, NMI).document} >= {
        "defensie-20260320",
        "vn-vr-res-2790-2025",
        "defensie-20251007",
        "rijksoverheid-20260309",
    }


def test_bundled_register_breaks_no_rule(register: Register) -> None:
    assert controleer(register) == []


def test_versions_of_the_althea_company(register: Register) -> None:
    eerste, tweede, derde = versies(register, "eufor-althea-compagnie")
    assert (eerste.datum, eerste.document, eerste.wijziging, eerste.wijzigingen) == (
        BRIEF,
        "kst-29521-493",
        None,
        (),
    )
    assert eerste.plek == eerste.kader.bron and eerste.citaat == eerste.kader.citaat
    assert (tweede.datum, tweede.document, tweede.wijziging) == (ALTHEA, "kst-29521-494", 0)
    assert tweede.citaat is not None and "maximaal 175 militairen" in tweede.citaat
    veranderd = {w.veld: (w.oud, w.nieuw) for w in tweede.wijzigingen}
    assert veranderd["personeel"] == (None, 175)
    assert veranderd["begin"] == ("2025-04-04", "2025-10-01")
    assert veranderd["eind"] == ("2028-06-30", "2026-10-01")
    assert veranderd["status"] == ("verkenning", "vastgesteld")
    assert "typen" not in veranderd  # stated now, but the same value: only its mark goes
    assert [a["veld"] for a in veranderd["afgeleid"][0]] == ["typen", "begin"]
    assert [a["veld"] for a in veranderd["afgeleid"][1]] == ["begin", "telling"]
    assert tweede.kader == _per_id(op_stand(register, ALTHEA))["eufor-althea-compagnie"]
    # Defence, 7 October 2025: the company began that day; the derived mark for begin goes
    assert (derde.datum, derde.document) == (dt.date(2025, 10, 7), "defensie-20251007")
    assert {w.veld: (w.oud, w.nieuw) for w in derde.wijzigingen}["begin"] == (
        "2025-10-01",
        "2025-10-07",
    )
    assert "begin" not in {a.veld for a in derde.kader.afgeleid}
    voor = _per_id(op_stand(register, dt.date(2025, 10, 6)))["eufor-althea-compagnie"]
    assert voor.begin == dt.date(2025, 10, 1) and "begin" in {a.veld for a in voor.afgeleid}


def test_versions_as_known_on_a_date_and_unknown_ids(register: Register) -> None:
    assert len(versies(register, "eufor-althea-compagnie", BRIEF)) == 1
    assert len(versies(register, "eulex-kosovo")) == 1
    with pytest.raises(GebruiksFout, match="bedoelde u 'eufor-althea-compagnie'"):
        versies(register, "eufor-althea-compagnei")
    with pytest.raises(GebruiksFout, match="nog niet bekend"):
        versies(register, "eulex-kosovo", BRIEF - dt.timedelta(days=1))


# --- small registers for the rules -----------------------------------------------------------

KOP: dict[str, Any] = {
    "register": {
        "titel": "T",
        "kamerstuk": "1",
        "datum": "2025-04-04",
        "begin": "2025-01-01",
        "standaard_eind": "2028-06-30",
    },
    "regio": [{"id": "europa", "naam": "Europa"}],
}


def _document(did: str, datum: str) -> dict[str, Any]:
    return {"id": did, "soort": "kamerbrief", "datum": datum, "titel": did}


def _kader(kid: str, document: str | None = "d1", **velden: Any) -> dict[str, Any]:
    kader: dict[str, Any] = {
        "id": kid,
        "missie": kid,
        "naam": kid,
        "regio": "europa",
        "organisatie": "EU",
        "typen": ["militair"],
        "begin": "2025-01-01",
        "eind": "2028-06-30",
        "status": "verkenning",
        "bron": "b",
        "citaat": "c",
        **velden,
    }
    if document is not None:
        kader["document"] = document
    return kader


def _register(
    kaders: list[dict[str, Any]],
    wijzigingen: list[dict[str, Any]] = (),  # type: ignore[assignment]
    documenten: list[dict[str, Any]] | None = None,
) -> Register:
    if documenten is None:
        documenten = [_document("d1", "2025-04-04"), _document("d2", "2025-04-25")]
    # Each change cites a source, unless a test says otherwise.
    gegeven = [{"plek": "p", "citaat": "c", **w} for w in wijzigingen]
    data = {**KOP, "document": documenten, "kader": kaders, "wijziging": gegeven}
    return Register.model_validate(data)


def _teksten(register: Register) -> list[str]:
    return [als_tekst(p) for p in controleer(register)]


def test_a_valid_small_register_has_no_problems() -> None:
    register = _register(
        [_kader("a"), _kader("b", document="d2")],
        [
            {
                "kader": "a",
                "document": "d2",
                "personeel": 5,
                "duiding": "circa",
                "telling": "per-jaar",
            }
        ],
    )
    assert controleer(register) == []


def test_register_without_documents_stays_valid() -> None:
    register = _register([_kader("a", document=None)], documenten=[])
    assert controleer(register) == []
    assert op_stand(register, dt.date(2000, 1, 1)).kader == register.kader
    assert eerste_stand(register) is None


def test_double_document_id() -> None:
    docs = [_document("d1", "2025-04-04"), _document("d1", "2025-05-01")]
    assert controleer(_register([_kader("a")], documenten=docs)) == [
        Probleem("document", 1, "id", "id komt al voor; moet uniek zijn", wie="document 'd1'")
    ]


def test_framework_without_document_once_there_are_documents() -> None:
    problemen = controleer(_register([_kader("a"), _kader("b", document=None)]))
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("kader", 1, None)]
    assert als_tekst(problemen[0]).startswith("kader 'b': noemt geen document")


def test_framework_with_unknown_document() -> None:
    problemen = controleer(_register([_kader("a", document="d11")]))
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("kader", 0, "document")]
    assert als_tekst(problemen[0]).startswith(
        "kader 'a': onbekend document 'd11'; bedoelde u 'd1'?"
    )


def test_change_with_unknown_framework() -> None:
    problemen = controleer(
        _register([_kader("alpha")], [{"kader": "alhpa", "document": "d2", "status": "voornemen"}])
    )
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("wijziging", 0, "kader")]
    assert als_tekst(problemen[0]).startswith(
        "wijziging nr. 1: onbekend kader 'alhpa'; bedoelde u 'alpha'?"
    )


def test_change_with_unknown_document() -> None:
    docs = [_document("kst-29521-493", "2025-04-04"), _document("kst-29521-494", "2025-04-25")]
    register = _register(
        [_kader("x", document="kst-29521-493")],
        [
            {"kader": "x", "document": "kst-29521-494", "status": "voornemen"},
            {"kader": "x", "document": "kst-29521-49", "status": "vastgesteld"},
        ],
        documenten=docs,
    )
    problemen = controleer(register)
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("wijziging", 1, "document")]
    assert als_tekst(problemen[0]).startswith(
        "wijziging nr. 2 (kader 'x'): onbekend document 'kst-29521-49'; bedoelde u "
    )
    # a change whose document is unknown is never folded
    assert _per_id(op_stand(register, dt.date(2030, 1, 1)))["x"].status == "voornemen"


def test_change_dated_before_the_document_that_introduced_the_framework() -> None:
    fout = _register(
        [_kader("a", document="d2")], [{"kader": "a", "document": "d1", "status": "voornemen"}]
    )
    assert _teksten(fout) == [
        "wijziging nr. 1 (kader 'a'): document 'd1' (2025-04-04) is ouder dan document 'd2' "
        "(2025-04-25) dat het kader invoerde"
    ]
    goed = _register(
        [_kader("a", document="d1")], [{"kader": "a", "document": "d1", "status": "voornemen"}]
    )
    assert controleer(goed) == []  # the same date is allowed


def test_change_without_fields() -> None:
    problemen = controleer(
        _register([_kader("a")], [{"kader": "a", "document": "d2", "plek": "p"}])
    )
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("wijziging", 0, None)]
    assert "wijzigt geen enkel veld" in problemen[0].tekst


def test_change_that_changes_nothing() -> None:
    niets = _register([_kader("a")], [{"kader": "a", "document": "d2", "status": "verkenning"}])
    assert _teksten(niets) == [
        "wijziging nr. 1 (kader 'a'): wijzigt niets: elk gegeven veld heeft die waarde al "
        "(na de documenten tot en met 2025-04-25)"
    ]
    # the same value as an earlier change, folded before it by document date
    later = _register(
        [_kader("a")],
        [
            {"kader": "a", "document": "d2", "status": "voornemen"},
            {"kader": "a", "document": "d1", "status": "voornemen"},
        ],
    )
    assert [p.rij for p in controleer(later)] == [0]
    # one equal field next to a changed one is fine
    deels = _register(
        [_kader("a")], [{"kader": "a", "document": "d2", "status": "verkenning", "naam": "b"}]
    )
    assert controleer(deels) == []
    # confirming a derived value changes its mark: that is a change
    afgeleid = [{"veld": "typen", "reden": "r"}]
    bevestigd = _register(
        [_kader("a", afgeleid=afgeleid)], [{"kader": "a", "document": "d2", "typen": ["militair"]}]
    )
    assert controleer(bevestigd) == []
    assert _per_id(op_stand(bevestigd, ALTHEA))["a"].afgeleid == []


@pytest.mark.parametrize(
    ("kader", "wijziging", "fout"),
    [
        ({}, {"eind": "2024-12-31"}, "begin 2025-01-01 ligt na eind 2024-12-31"),
        ({}, {"begin": "2029-01-01"}, "begin 2029-01-01 ligt na eind 2028-06-30"),
        ({}, {"personeel": 3}, "bij een personeel-aantal horen ook duiding en telling"),
        ({}, {"duiding": "circa"}, "duiding en telling horen alleen bij een personeel-aantal"),
        ({}, {"typen": ["militair", "militair"]}, "typen bevat een type dubbel"),
        (
            {},
            {"status": "voornemen", "afgeleid": [{"veld": "statuss", "reden": "r"}]},
            "afgeleid noemt onbekend veld 'statuss'",
        ),
        (
            {"personeel": 5, "duiding": "circa", "telling": "per-jaar"},
            {"telling": "gelijktijdig", "duiding": "maximaal", "personeel": 0},
            None,
        ),
        ({}, {"eind": "2025-01-01"}, None),
    ],
)
def test_a_folded_framework_must_hold_together(
    kader: dict[str, Any], wijziging: dict[str, Any], fout: str | None
) -> None:
    register = _register([_kader("a", **kader)], [{"kader": "a", "document": "d2", **wijziging}])
    teksten = _teksten(register)
    if fout is None:
        assert teksten == []
    else:
        assert len(teksten) == 1
        assert teksten[0].startswith(
            "wijziging nr. 1 (kader 'a'): het kader klopt daarna niet meer: "
        )
        assert fout in teksten[0]


def test_the_rules_across_fields_read_only_the_fields_they_declare(register: Register) -> None:
    # the fold skips the rules for a change that sets none of SAMENHANGVELDEN
    for kader in register.kader:
        velden = {veld: kader.__dict__[veld] for veld in SAMENHANGVELDEN | {"afgeleid"}}
        assert samenhangfouten(velden) == []


def test_a_broken_framework_is_reported_once_and_a_repair_is_fine() -> None:
    register = _register(
        [_kader("a")],
        [
            {"kader": "a", "document": "d1", "personeel": 3},
            {"kader": "a", "document": "d2", "status": "voornemen"},
            {"kader": "a", "document": "d2", "duiding": "circa", "telling": "per-jaar"},
        ],
    )
    assert [p.rij for p in controleer(register)] == [0]


def test_a_change_marks_only_fields_it_sets() -> None:
    fout = _register(
        [_kader("a")],
        [
            {
                "kader": "a",
                "document": "d2",
                "status": "voornemen",
                "afgeleid": [{"veld": "eind", "reden": "r"}],
            }
        ],
    )
    problemen = controleer(fout)
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("wijziging", 0, "afgeleid")]
    assert "afgeleid noemt veld 'eind', maar deze wijziging zet dat veld niet" in problemen[0].tekst
    goed = _register(
        [_kader("a")],
        [
            {
                "kader": "a",
                "document": "d2",
                "eind": "2027-12-31",
                "afgeleid": [{"veld": "eind", "reden": "r"}],
            }
        ],
    )
    assert controleer(goed) == []


def test_a_change_to_an_unknown_region() -> None:
    fout = _register([_kader("a")], [{"kader": "a", "document": "d2", "regio": "eurpa"}])
    problemen = controleer(fout)
    assert [(p.tabel, p.rij, p.veld) for p in problemen] == [("wijziging", 0, "regio")]
    assert "onbekende regio 'eurpa'; bedoelde u 'europa'?" in problemen[0].tekst
    goed = _register(
        [_kader("a", regio="europa")],
        [{"kader": "a", "document": "d2", "regio": "europa", "naam": "n"}],
    )
    assert controleer(goed) == []


def test_framework_introduced_later_is_unknown_before_its_document() -> None:
    register = _register([_kader("a"), _kader("b", document="d2")])
    assert [k.id for k in op_stand(register, BRIEF).kader] == ["a"]
    assert [k.id for k in op_stand(register, ALTHEA).kader] == ["a", "b"]


def test_changes_fold_in_document_date_order_then_file_order() -> None:
    docs = [
        _document("d1", "2025-04-04"),
        _document("laat", "2025-06-01"),
        _document("vroeg", "2025-05-01"),
    ]
    register = _register(
        [_kader("a", document="d1")],
        [
            {"kader": "a", "document": "laat", "naam": "laat"},
            {"kader": "a", "document": "vroeg", "naam": "vroeg-1"},
            {"kader": "a", "document": "vroeg", "naam": "vroeg-2", "toelichting": "t"},
        ],
        documenten=docs,
    )
    assert _per_id(op_stand(register, dt.date(2025, 5, 15)))["a"].naam == "vroeg-2"
    assert _per_id(op_stand(register, dt.date(2025, 6, 1)))["a"].naam == "laat"
    assert [v.document for v in versies(register, "a")] == ["d1", "vroeg", "vroeg", "laat"]


# --- properties --------------------------------------------------------------------------------

DATUMS = st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31))


@st.composite
def _wijziging(draw: st.DrawFn, kaders: list[str], documenten: list[str]) -> dict[str, Any]:
    wijziging: dict[str, Any] = {
        "kader": draw(st.sampled_from(kaders)),
        "document": draw(st.sampled_from(documenten)),
    }
    velden = draw(
        st.sets(
            st.sampled_from(["naam", "aantal", "status", "eind", "typen", "toelichting"]),
            min_size=1,
        )
    )
    if "naam" in velden:
        wijziging["naam"] = draw(st.sampled_from(["n1", "n2", "n3"]))
    if "aantal" in velden:
        wijziging["personeel"] = draw(st.integers(0, 300))
        wijziging["duiding"] = draw(st.sampled_from(["circa", "maximaal", "exact"]))
        wijziging["telling"] = draw(st.sampled_from(["per-jaar", "gelijktijdig"]))
    if "status" in velden:
        wijziging["status"] = draw(st.sampled_from(["vastgesteld", "verlengd", "opgeschort"]))
    if "eind" in velden:
        wijziging["eind"] = draw(DATUMS).isoformat()
    if "typen" in velden:
        wijziging["typen"] = draw(st.sampled_from([["militair"], ["civiel", "politie"]]))
        wijziging["afgeleid"] = [{"veld": "typen", "reden": draw(st.sampled_from(["r1", "r2"]))}]
    if "toelichting" in velden:
        wijziging["toelichting"] = draw(st.sampled_from(["t1", "t2"]))
    if draw(st.booleans()):
        wijziging["vanaf"] = draw(DATUMS).isoformat()
    return wijziging


@st.composite
def _registers(draw: st.DrawFn) -> tuple[Register, Register]:
    """A register and the same register with its documents and changes in another file order;
    changes whose documents share a date keep their relative order."""
    datums = draw(st.lists(DATUMS, min_size=1, max_size=4))
    documenten = [_document(f"d{i}", d.isoformat()) for i, d in enumerate(datums)]
    ids = [f"k{i}" for i in range(draw(st.integers(1, 4)))]
    kaders = [
        _kader(kid, document=draw(st.sampled_from([d["id"] for d in documenten]))) for kid in ids
    ]
    wijzigingen = draw(st.lists(_wijziging(ids, [d["id"] for d in documenten]), max_size=12))
    permutatie = draw(st.permutations(range(len(wijzigingen))))
    datum_van = {d["id"]: d["datum"] for d in documenten}
    # positions are shuffled, but within one date the entries keep their order
    per_datum: dict[str, list[dict[str, Any]]] = {}
    for w in wijzigingen:
        per_datum.setdefault(datum_van[w["document"]], []).append(w)
    geschud: list[dict[str, Any]] = []
    for i in permutatie:
        geschud.append(per_datum[datum_van[wijzigingen[i]["document"]]].pop(0))
    docs_geschud = draw(st.permutations(documenten))
    return (
        _register(kaders, wijzigingen, documenten),
        _register(kaders, geschud, list(docs_geschud)),
    )


@settings(max_examples=150, deadline=None)
@given(_registers(), DATUMS)
def test_fold_does_not_depend_on_file_order_across_dates(
    paar: tuple[Register, Register], stand: dt.date
) -> None:
    een, ander = paar
    assert op_stand(een, stand).kader == op_stand(ander, stand).kader
    assert _zonder_nummers(een) == _zonder_nummers(ander)


def _zonder_nummers(register: Register) -> Counter[tuple[str, str | None, str]]:
    """The problems without the entry numbers, which depend on the file order."""
    return Counter(
        (p.tabel, p.veld, re.sub(r"nr\. \d+", "nr.", als_tekst(p))) for p in controleer(register)
    )


@settings(max_examples=150, deadline=None)
@given(_registers(), DATUMS)
def test_folding_a_folded_register_changes_nothing(
    paar: tuple[Register, Register], stand: dt.date
) -> None:
    gevouwen = op_stand(paar[0], stand)
    assert gevouwen.wijziging == []
    nog_eens = op_stand(gevouwen, stand)
    assert nog_eens.kader == gevouwen.kader and nog_eens.document == gevouwen.document


@settings(max_examples=100, deadline=None)
@given(_registers())
def test_the_last_version_is_the_folded_framework(paar: tuple[Register, Register]) -> None:
    register = paar[0]
    later = dt.date(2030, 1, 1)
    for kader in op_stand(register, later).kader:
        assert versies(register, kader.id)[-1].kader == kader


# --- the fold `controleer` keeps ----------------------------------------------------------------


def _kopie(register: Register) -> Register:
    """The same register built again: no fold kept on it."""
    return Register.model_construct(
        **{naam: getattr(register, naam) for naam in Register.model_fields}
    )


# --- valid time, totals and differences on generated registers ---------------------------------

LAAT = dt.date(2030, 1, 1)  # a day of knowledge after every generated document


@settings(max_examples=150, deadline=None)
@given(_registers(), st.data())
def test_a_change_with_vanaf_leaves_every_day_before_it_untouched(
    paar: tuple[Register, Register], data: st.DataObject
) -> None:
    register = paar[0]
    ids = [k.id for k in register.kader]
    documenten = [d.id for d in register.document]
    nieuw = data.draw(_wijziging(ids, documenten))
    vanaf = data.draw(DATUMS)
    nieuw["vanaf"] = vanaf.isoformat()
    met = Register.model_validate(
        {
            **register.model_dump(by_alias=True),
            "wijziging": [
                *(w.model_dump(exclude_none=True) for w in register.wijziging),
                {"plek": "p", "citaat": "c", **nieuw},
            ],
        }
    )
    for dag in data.draw(st.lists(st.dates(dt.date(2024, 1, 1), vanaf), min_size=1, max_size=5)):
        if dag < vanaf:
            assert op_stand(met, LAAT, dag).kader == op_stand(register, LAAT, dag).kader
    # from its day on it holds: the fields it sets have its values
    gevouwen = {k.id: k for k in op_stand(met, LAAT, dt.date.max).kader}
    later = [w for w in register.wijziging if w.kader == nieuw["kader"]]
    eigen_datum = {d.id: d.datum for d in register.document}[nieuw["document"]]
    if all(eigen_datum > {d.id: d.datum for d in register.document}[w.document] for w in later):
        for veld, waarde in met.wijziging[-1].gezet().items():
            assert getattr(gevouwen[nieuw["kader"]], veld) == waarde


@settings(max_examples=100, deadline=None)
@given(_registers(), DATUMS)
def test_groups_and_countings_add_up_on_every_day(
    paar: tuple[Register, Register], peildatum: dt.date
) -> None:
    gevouwen = op_stand(paar[0], LAAT, peildatum)
    for per in query.GROEPERINGEN:
        uitkomst = query.totaal(gevouwen, gevouwen.kader, peildatum, per)
        geheel = uitkomst.totaal
        assert sum(g.personeel or 0 for g in uitkomst.groepen) == (geheel.personeel or 0)
        assert sum(geheel.per_telling.values()) == (geheel.personeel or 0)
        assert sum(g.opgeschort_personeel for g in uitkomst.groepen) == geheel.opgeschort_personeel
        lopend = [k for k in gevouwen.kader if k.loopt_op(peildatum)]
        opgeschort = [k for k in lopend if k.status == "opgeschort"]
        assert geheel.kaders + geheel.opgeschort_kaders == len(lopend)
        assert geheel.opgeschort_kaders == len(opgeschort)


@settings(max_examples=100, deadline=None)
@given(_registers(), DATUMS, DATUMS)
def test_verschil_of_a_register_with_itself_is_empty(
    paar: tuple[Register, Register], stand: dt.date, peildatum: dt.date
) -> None:
    from kaders.verschil import bestanden

    een, ander = paar  # the same register in another file order
    assert bestanden(een, een, stand, peildatum).gelijk
    assert bestanden(een, ander, stand, peildatum).gelijk
