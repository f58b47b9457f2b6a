"""Tables on a real terminal of 120, 80, 60 and 40 columns: they fit, ids and numbers stay whole.

Each command runs as a process with stdout on a pseudo-terminal whose width is set the way a
terminal window sets it (TIOCSWINSZ), so the program measures the screen itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REGISTER, kaders
from hulp import op_terminal

BREEDTES = (120, 80, 60, 40)
COMMANDO_S = {
    "list": ("list",),
    "toon": ("toon", "eufor-althea-humint-staf"),
    "totaal": ("totaal", "--peildatum", "2026-01-01"),
    "verloopt": ("verloopt", "--peildatum", "2026-01-01"),
    "tijdlijn": ("tijdlijn", "--van", "2025-05-01", "--tot", "2025-08-31", "--per", "regio"),
}  # verschil: below, with a changed register
ALLE_IDS = [k["id"] for k in json.loads(kaders("export").stdout)]


def _woorden(tekst: str) -> set[str]:
    """Every whitespace-separated token, trailing '…' or punctuation aside."""
    return set(re.split(r"\s+", tekst))


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("naam", list(COMMANDO_S))
def test_every_table_fits_the_terminal(naam: str, breedte: int) -> None:
    args = COMMANDO_S[naam]
    code, uit = op_terminal(*args, breedte=breedte)
    assert code == 0, uit
    regels = uit.splitlines()
    assert regels, naam
    assert max(len(r) for r in regels) <= breedte, "\n".join(regels)
    assert "\x1b[" not in uit  # NO_COLOR


@pytest.mark.parametrize("breedte", BREEDTES)
def test_list_ids_are_whole_and_copyable(breedte: int) -> None:
    code, uit = op_terminal("list", breedte=breedte)
    assert code == 0
    assert max(len(r) for r in uit.splitlines()) <= breedte
    woorden = _woorden(uit)
    for kader_id in ALLE_IDS:
        assert kader_id in woorden, (kader_id, breedte)


def test_list_at_80_columns_drops_columns_and_says_how_to_see_them() -> None:
    _, uit = op_terminal("list", breedte=80)
    kop = " ".join(uit.split("\n\n")[0].split())
    assert "weggelaten:" in kop and "--formaat" in kop
    assert "Missie" in uit and "Personeel" in uit
    assert "*" in uit and "met afgeleide velden" in " ".join(uit.split())
    assert "…" in uit  # long mission names are cut, not wrapped
    regels = [r for r in uit.splitlines() if r.strip().split(" ")[0] in ALLE_IDS]
    assert len(regels) == len(ALLE_IDS)  # one line per framework


@pytest.mark.parametrize("breedte", BREEDTES)
def test_totaal_shows_192_whole(breedte: int) -> None:
    # The April letter's total: as known on its date.
    args = ("totaal", "--peildatum", "2026-01-01", "--stand", "2025-04-04")
    _, uit = op_terminal(*args, breedte=breedte)
    regels = [r.strip() for r in uit.splitlines()]
    if "Type: totaal" in regels:  # too narrow for the counts side by side: a block per row
        blok = regels[regels.index("Type: totaal") :]
        assert "Personeel: 192" in blok and "Per jaar: 61" in blok
    else:
        totaalregel = next(r for r in regels if r.startswith("totaal"))
        assert "192" in totaalregel.split()


@pytest.mark.parametrize("breedte", (120, 80))
def test_totaal_shows_the_derived_share_when_there_is_room(breedte: int) -> None:
    args = ("totaal", "--peildatum", "2026-01-01", "--stand", "2025-04-04")
    _, uit = op_terminal(*args, breedte=breedte)
    assert "afgeleid" in uit
    totaalregel = next(r for r in uit.splitlines() if r.strip().startswith("totaal"))
    # the sum, then at one time and per year side by side, then the derived share
    assert totaalregel.split()[:5] == ["totaal", "192", "0", "61", "22"]


@pytest.mark.parametrize("breedte", BREEDTES)
def test_toon_keeps_ids_and_dates_whole(breedte: int) -> None:
    _, uit = op_terminal("toon", "eufor-althea-humint-staf", breedte=breedte)
    assert max(len(r) for r in uit.splitlines()) <= breedte
    woorden = _woorden(uit)
    # as known today: nr. 494 ends the team on 31 December 2027
    assert {"eufor-althea-humint-staf", "2025-01-01", "2027-12-31"} <= woorden


@pytest.mark.parametrize("breedte", BREEDTES)
def test_verloopt_keeps_ids_whole(breedte: int) -> None:
    _, uit = op_terminal("verloopt", "--peildatum", "2026-01-01", breedte=breedte)
    assert {"nmi-ontplooiing", "indo-pacific-maritiem-2026", "2026-12-31"} <= _woorden(uit)


@pytest.mark.parametrize("breedte", BREEDTES)
def test_verschil_fits_and_keeps_ids_whole(breedte: int, tmp_path: Path) -> None:
    nieuw = tmp_path / "nieuw.toml"
    tekst = REGISTER.read_text(encoding="utf-8")
    nieuw.write_text(
        tekst.replace('id = "kfor-imint"', 'id = "kfor-imagery-intelligence"').replace(
            "personeel = 280", "personeel = 300"
        ),
        encoding="utf-8",
    )
    code, uit = op_terminal(
        "verschil", str(REGISTER), str(nieuw), "--peildatum", "2026-01-01", breedte=breedte
    )
    assert code == 1
    assert max(len(r) for r in uit.splitlines()) <= breedte
    assert {"kfor-imagery-intelligence", "nmi-ontplooiing"} <= _woorden(uit)


@pytest.mark.parametrize("breedte", BREEDTES)
def test_tijdlijn_keeps_numbers_whole(breedte: int) -> None:
    args = ("tijdlijn", "--van", "2025-06-01", "--tot", "2025-07-01", "--stand", "2025-04-04")
    _, uit = op_terminal(*args, breedte=breedte)
    assert max(len(r) for r in uit.splitlines()) <= breedte
    juni = next(r for r in uit.splitlines() if r.strip().startswith("2025-06"))
    assert "452" in juni.split()


@pytest.mark.parametrize("breedte", (120, 80))
def test_toon_keeps_the_quote_of_a_later_document(breedte: int) -> None:
    _, uit = op_terminal("toon", "eufor-althea-compagnie", breedte=breedte)
    assert max(len(r) for r in uit.splitlines()) <= breedte
    plat = " ".join(uit.split())
    assert "max. 175 [1]" in plat and "maximaal 175 militairen" in plat
    assert "kst-29521-494" in plat


# --- issue 23, part 2: what a filter or sort asks about stays --------------------------------


def test_at_80_columns_a_status_filter_keeps_the_status_column() -> None:
    args = ("list", "--status", "verkenning", "--status", "mogelijkheid")
    code, uit = op_terminal(*args, "--peildatum", "2025-06-01", breedte=80)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= 80
    kop = next(r for r in uit.splitlines() if r.strip().startswith("ID"))
    assert "Status" in kop
    assert {"verkenning", "mogelijkheid"} <= _woorden(uit)


@pytest.mark.parametrize(
    ("args", "kop"),
    [
        (("list", "--regio", "europa"), "Regio"),
        (("list", "--type", "politie"), "Typen"),
        (("list", "--organisatie", "VN"), "Org."),
        (("list", "--sorteer", "begin"), "Begin"),
        (("export", "-f", "tabel", "--organisatie", "VN"), "Org."),
        (("verloopt", "--status", "verlengd", "--organisatie", "EU"), "Status"),
    ],
)
def test_the_column_of_a_filter_or_sort_is_never_dropped(args: tuple[str, ...], kop: str) -> None:
    code, uit = op_terminal(*args, breedte=80)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= 80
    koppen = next(r for r in uit.splitlines() if r.strip().startswith("ID")).split()
    assert kop in koppen, uit


def test_at_60_columns_the_balkan_list_shows_its_numbers() -> None:
    code, uit = op_terminal("list", "--regio", "westelijke-balkan", breedte=60)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= 60
    assert "175" in _woorden(uit) or "max. 175" in uit
    assert "onbekend" in _woorden(uit)  # numbers are never the column that goes


def test_at_50_columns_a_list_becomes_blocks_rather_than_lose_its_numbers() -> None:
    code, uit = op_terminal("list", "--regio", "westelijke-balkan", breedte=50)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= 50
    assert "smal scherm: één blok per rij" in " ".join(uit.split())
    assert "Personeel: max. 175" in uit and "Personeel: onbekend" in uit


def test_a_dropped_column_takes_its_legend_with_it() -> None:
    _, breed = op_terminal("list", "--regio", "moldavie", breedte=120)
    assert "in kolom A" in " ".join(breed.split())
    _, smal = op_terminal("list", "--regio", "moldavie", breedte=56)
    kop = next(r for r in smal.splitlines() if r.strip().startswith("ID")).split()
    assert "A" not in kop and "in kolom A" not in " ".join(smal.split()), smal


def test_documents_keep_their_title_and_show_an_address_whole_or_not_at_all() -> None:
    code, uit = op_terminal("documenten", breedte=80)
    assert code == 0 and max(len(r) for r in uit.splitlines()) <= 80
    kop = next(r for r in uit.splitlines() if r.strip().startswith("ID"))
    assert "Titel" in kop and "Adres" not in kop
    assert "weggelaten:" in uit and "Adres" in " ".join(uit.split("\n\n")[0].split())
    _, breed = op_terminal("documenten", breedte=250)
    urls = {d["url"] for d in json.loads(kaders("documenten", "-f", "json").stdout) if d["url"]}
    getoond = {w for w in breed.split() if w.startswith("http")}
    assert getoond == urls  # every address, each whole: a person copies it
