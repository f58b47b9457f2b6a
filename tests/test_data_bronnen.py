"""Every quote in the bundled register stands, word for word, in the document it names.

The texts under tests/data/ are what we quote from: the letter nr. 493 in full, and for
nr. 494 and the Defence news item the sentences that carry their facts, as given in
shared/bronnen/README.md. Only whitespace is normalised.
"""

from __future__ import annotations

from conftest import BRIEF, DATA

from kaders.models import Register

TEKSTEN = {
    "kst-29521-493": BRIEF,
    **{
        naam: DATA / f"{naam}.txt"
        for naam in (
            "kst-29521-494",
            "defensie-20260320",
            "raad-eu-20250130-euma",
            "vn-vr-res-2790-2025",
            "rijksoverheid-20250623",
            "defensie-20251007",
            "defensie-20260304",
            "rijksoverheid-20260309",
        )
    },
}


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


def _tekst(document: str | None) -> str:
    assert document in TEKSTEN, f"geen tekst onder tests/data/ voor document {document!r}"
    return _plat(TEKSTEN[document].read_text(encoding="utf-8"))


def test_every_document_has_its_text(register: Register) -> None:
    leesbaar = {d.id for d in register.document if d.tekst_beschikbaar}
    assert leesbaar == set(TEKSTEN)
    # known but unread: nr. 495-497, on which nothing rests
    onleesbaar = {d.id for d in register.document if not d.tekst_beschikbaar}
    assert onleesbaar == {"kst-29521-495", "kst-29521-496", "kst-29521-497"}


def test_every_mandate_quote_stands_in_its_document(register: Register) -> None:
    assert {m.missie: m.eind.isoformat() for m in register.mandaat} == {
        "UNIFIL": "2026-12-31",
        "EUMA": "2027-02-19",
    }
    for mandaat in register.mandaat:
        assert _plat(mandaat.citaat) in _tekst(mandaat.document), mandaat.missie


def test_every_framework_quote_stands_in_its_document(register: Register) -> None:
    for kader in register.kader:
        assert kader.citaat, kader.id
        assert _plat(kader.citaat) in _tekst(kader.document), kader.id


def test_every_change_quote_stands_in_its_document(register: Register) -> None:
    assert register.wijziging
    for nummer, wijziging in enumerate(register.wijziging, start=1):
        assert wijziging.citaat, nummer
        assert _plat(wijziging.citaat) in _tekst(wijziging.document), (nummer, wijziging.kader)


def test_every_count_a_change_sets_stands_in_its_quote(register: Register) -> None:
    getallen = {7: "zeven", 10: "tien", 175: "175"}
    for wijziging in register.wijziging:
        if wijziging.personeel is not None:
            assert getallen[wijziging.personeel] in (wijziging.citaat or ""), wijziging.kader
            afgeleid = {a.veld for a in wijziging.afgeleid}
            if "duiding" not in afgeleid:  # a qualifier read, not inferred, is in the words
                assert wijziging.duiding in (wijziging.citaat or ""), wijziging.kader


def test_every_valid_from_date_is_quoted_or_marked_derived(register: Register) -> None:
    for wijziging in register.wijziging:
        if wijziging.vanaf is None:
            continue
        afgeleid = {a.veld for a in wijziging.afgeleid}
        if wijziging.vanaf_citaat is not None:
            assert _plat(wijziging.vanaf_citaat) in _tekst(wijziging.document), wijziging.kader
            maand = MAANDEN[wijziging.vanaf.month - 1]
            dag = f"{wijziging.vanaf.day} {maand} {wijziging.vanaf.year}"
            assert dag in wijziging.vanaf_citaat, wijziging.kader
        else:
            assert "vanaf" in afgeleid, wijziging.kader


def test_documents_are_as_the_sources_give_them(register: Register) -> None:
    per_id = {d.id: d for d in register.document}
    brief, althea, nieuws = (
        per_id["kst-29521-493"],
        per_id["kst-29521-494"],
        per_id["defensie-20260320"],
    )
    assert (brief.soort, brief.kamerstuk, brief.datum.isoformat()) == (
        "kamerbrief",
        "29 521, nr. 493",
        "2025-04-04",
    )
    # the title as nr. 494 cites the letter; parliament's page (the address) titles it otherwise
    assert brief.titel == "Toekomst en samenhang Nederlandse inzet missies en operaties"
    assert brief.url is not None and "2025D15104" in brief.url
    assert "Internationale inzet van Nederlandse militairen" in (brief.opmerking or "")
    assert (althea.soort, althea.kamerstuk, althea.datum.isoformat()) == (
        "artikel-100-brief",
        "29 521, nr. 494",
        "2025-04-25",
    )
    assert althea.url is not None and "2025D19383" in althea.url
    assert (nieuws.soort, nieuws.kamerstuk, nieuws.datum.isoformat()) == (
        "nieuwsbericht",
        None,
        "2026-03-20",
    )
    assert nieuws.url is not None and "20260320" in nieuws.url
    # nr. 494 itself confirms the date of nr. 493
    assert "nr. 493, d.d. 4 april 2025" in _tekst("kst-29521-494")
