"""TOML text -> data: the parser gives tomllib's results, and its error path is linear.

No timing here: the error path is shown linear by the patterns it applies (anchored, nothing
that can backtrack), and a 1 MB header line that took the old pattern forever is answered.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w
from conftest import DATA, KLEIN, REGISTER, kaders
from hypothesis import given, settings
from hypothesis import strategies as st

from kaders import inlezen, tomlfouten
from kaders.errors import KadersFout
from kaders.inlezen import Regelkaart, laad_tekst, waarschuwingen
from kaders.tomlfouten import parse_toml

ONGELDIG = sorted((DATA / "invalid").glob("*.toml"))
# The red-team's line: 31 s for 5 KB with the old pattern (issue 20, item 1); here 1 MB.
LANGE_KOP = "[" + " " * 500_000 + "a" + " " * 500_000 + ".b]"


# --- the parser --------------------------------------------------------------------------------


def test_the_parser_is_the_compiled_tomli_with_error_attributes() -> None:
    assert tomlfouten._lezer() is tomli
    with pytest.raises(tomli.TOMLDecodeError) as info:
        tomli.loads("a = 1\nb = [1,\n2")
    assert (info.value.msg, info.value.lineno, info.value.colno) == ("Unclosed array", 3, 2)


def test_the_bundled_registers_read_as_tomllib_reads_them() -> None:
    for pad in (REGISTER, KLEIN, *DATA.glob("*.toml")):
        tekst = pad.read_text(encoding="utf-8")
        assert parse_toml(tekst, str(pad)) == tomllib.loads(tekst), pad


@pytest.mark.parametrize(
    "tekst",
    ["a = {b = 1,\n c = 2}", 'a = "\\e"', 'a = "\\xff"', "a = 12:30", "a = 1979-05-27T07:32Z"],
)
def test_toml_1_1_is_refused_as_tomllib_on_python_3_11_refuses_it(tekst: str) -> None:
    """tomli 2.3 and later read TOML 1.1: a register would then be valid on one install only."""
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(tekst)
    with pytest.raises(KadersFout) as info:
        parse_toml(tekst, "x.toml")
    assert str(info.value).startswith("x.toml:1")


_SLEUTEL = st.text("abcdefghij-_", min_size=1, max_size=6)
_SCALAIR = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.times(),
)
_WAARDE = st.recursive(
    _SCALAIR,
    lambda binnen: st.one_of(
        st.lists(binnen, max_size=4), st.dictionaries(_SLEUTEL, binnen, max_size=4)
    ),
    max_leaves=12,
)
_DOCUMENT = st.dictionaries(
    _SLEUTEL,
    st.one_of(
        _WAARDE,
        st.lists(st.dictionaries(_SLEUTEL, _WAARDE, max_size=4), min_size=1, max_size=3),
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(_DOCUMENT, st.booleans())
def test_generated_documents_read_as_tomllib_reads_them(data: dict[str, Any], nan: bool) -> None:
    """Dates, datetimes with and without offset, ints, floats, nested arrays of tables."""
    tekst = tomli_w.dumps(data, multiline_strings=True)
    if nan:
        tekst = "zz-nan = nan\nzz-inf = -inf\n" + tekst  # before any table header
    verwacht, gelezen = tomllib.loads(tekst), parse_toml(tekst, "x.toml")
    if nan:
        assert math.isnan(gelezen.pop("zz-nan")) and math.isnan(verwacht.pop("zz-nan"))
    assert gelezen == verwacht
    assert repr(gelezen) == repr(verwacht)  # the same types too (int vs float, tz objects)


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from("ab =\"'[]{},.#\n\\1-:T9 e"), max_size=40))
def test_bad_toml_fails_as_tomllib_fails_at_the_same_place(tekst: str) -> None:
    try:
        verwacht: Any = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        verwacht = str(fout)
    try:
        gelezen: Any = tomli.loads(tekst)
    except tomli.TOMLDecodeError as fout:
        gelezen = str(fout)
    assert gelezen == verwacht


# --- errors: Dutch, with their place, the same from either parser -------------------------------


UTF8 = [p for p in ONGELDIG if p.stem != "geen-utf8"]  # refused before the TOML is read


@pytest.mark.parametrize("pad", UTF8, ids=[p.stem for p in UTF8])
def test_stdlib_fallback_gives_the_same_messages(
    pad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without tomli, tomllib's text (no attributes before 3.14) gives the same place."""
    tekst = pad.read_bytes().decode("utf-8-sig")

    def fouten() -> list[str]:
        try:
            laad_tekst(tekst, pad.name)
        except KadersFout as fout:
            return [str(m) for m in fout.meldingen]
        return []

    met_tomli = fouten()
    monkeypatch.setattr(tomlfouten, "_lezer", lambda: tomllib)
    assert fouten() == met_tomli
    assert met_tomli


def test_syntax_errors_name_line_column_and_field() -> None:
    def melding(tekst: str) -> str:
        with pytest.raises(KadersFout) as info:
            parse_toml(tekst, "r.toml")
        return str(info.value)

    assert melding("[register]\neind = 2028-06-31\n") == (
        "r.toml:2:8: veld 'eind': datum '2028-06-31' bestaat niet (die dag is er niet)"
    )
    assert melding("a = 1\nb = [1,\n2") == "r.toml:3: lijst niet afgesloten met ']'"
    assert melding("a = 1\nnaam = Jan\n") == (
        "r.toml:2:8: veld 'naam': ongeldige waarde 'Jan'; tekst hoort tussen aanhalingstekens, "
        "een getal of datum niet"
    )
    assert melding("a = " + "1" * 5000) == "r.toml: getal met meer dan 4300 cijfers"
    assert melding("x = 1\ny = 2\nz = 3\n[[kader]\n") == (
        "r.toml:4:8: ']]' verwacht aan het eind van de kop"
    )


# --- linear by construction -------------------------------------------------------------------

_VERANKERD = {"match", "fullmatch"}  # one attempt at the start; search/sub try every position


def _kan_terugzoeken(patroon: str) -> list[str]:
    """The parts of a pattern that can backtrack: a repeat that is not possessive and not of a
    fixed count, or a lookaround (which runs a pattern at every step). Empty: linear."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    problemen: list[str] = []

    def loop(deel: Any) -> None:
        for op, waarde in deel:
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                laag, hoog, binnen = waarde
                if laag != hoog:
                    problemen.append(f"{op} {{{laag},{hoog}}}")
                loop(binnen)
            elif op in (c.POSSESSIVE_REPEAT,):
                loop(waarde[2])
            elif op in (c.SUBPATTERN,):
                loop(waarde[-1])
            elif op in (c.ATOMIC_GROUP,):
                loop(waarde)
            elif op is c.BRANCH:
                for tak in waarde[1]:
                    loop(tak)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                problemen.append(str(op))

    loop(_parser.parse(patroon))
    return problemen


class _Opnemer:
    """Stands in for `re` in a module: records each pattern and how it is applied."""

    def __init__(self) -> None:
        self.gebruikt: list[tuple[str, str]] = []

    def _toepassen(self, naam: str, patroon: str) -> Callable[..., Any]:
        def toepassen(*args: Any, **kwargs: Any) -> Any:
            self.gebruikt.append((naam, patroon))
            return getattr(re.compile(patroon), naam)(*args, **kwargs)

        return toepassen

    def __getattr__(self, naam: str) -> Any:
        if naam == "compile":
            return lambda patroon, vlaggen=0: _Gecompileerd(self, patroon)
        echt = getattr(re, naam)
        if not callable(echt) or naam in ("escape", "purge", "error"):
            return echt
        return lambda patroon, *args, **kwargs: self._toepassen(naam, patroon)(*args, **kwargs)


class _Gecompileerd:
    def __init__(self, opnemer: _Opnemer, patroon: str) -> None:
        self.opnemer, self.pattern = opnemer, patroon

    def __getattr__(self, naam: str) -> Any:
        return self.opnemer._toepassen(naam, self.pattern)


def _foutteksten() -> Iterator[str]:
    """Broken and invalid registers: the invalid corpus, values TOML rejects, long lines."""
    for pad in ONGELDIG:
        tekst = pad.read_bytes().decode("utf-8-sig", errors="replace")
        yield tekst
    basis = KLEIN.read_text(encoding="utf-8")
    for regel in (
        "eind = 2028-06-31",
        "eind = 30-06-2028",
        "naam = Jan",
        "personeel = 12a",
        '"sleutel met spatie" = 2028-13-01',
        "x" * 10_000 + " = " + "1" * 10_000 + "x",
        " " * 10_000 + "a" + " " * 10_000 + "= [2028-06-31]",
        LANGE_KOP[:20_001] + LANGE_KOP[-20_001:],
        "[[" + "kader " * 5_000 + "]",
        "onbekend" + " " * 10_000 + "=" + " " * 10_000 + "1",
    ):
        yield basis + regel + "\n"
        yield basis.replace("[[kader]]", regel + "\n[[kader]]", 1)


def test_every_pattern_on_register_text_is_anchored_and_cannot_backtrack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opnemer = _Opnemer()
    for module in (tomlfouten, inlezen):
        monkeypatch.setattr(module, "re", opnemer, raising=False)
    aantal = 0
    for tekst in _foutteksten():
        try:
            register = laad_tekst(tekst, "r.toml")
        except KadersFout:
            aantal += 1
        else:
            waarschuwingen(register, tekst, "r.toml")
        Regelkaart(tekst)
    assert aantal > 30
    assert opnemer.gebruikt, "the value errors go through the patterns"
    for naam, patroon in set(opnemer.gebruikt):
        assert naam in _VERANKERD, (naam, patroon)
        assert _kan_terugzoeken(patroon) == [], patroon


def test_the_pattern_check_finds_the_old_backtracking_patterns() -> None:
    assert _kan_terugzoeken(r"^\s*(\[\[?)\s*([A-Za-z0-9_\-\"' ]+?)\s*\]\]?")
    assert _kan_terugzoeken(r"(a|b)*c") and _kan_terugzoeken(r"(?=x)")
    assert not _kan_terugzoeken(r"\s*+(?:\"([^\"]++)\")\s*+=") and not _kan_terugzoeken(r"\d{4}")


def test_a_one_megabyte_header_line_gets_a_dutch_answer(tmp_path: Path) -> None:
    """Linear, so answered at once; the old pattern would take years (31 s for 5 KB, cubic).
    The subprocess's time-out is a bound against a hang, not a measurement."""
    pad = tmp_path / "lang.toml"
    pad.write_text(KLEIN.read_text(encoding="utf-8") + LANGE_KOP + "\nx = 1\n", encoding="utf-8")
    uitkomst = kaders("--register", str(pad), "list", env={"KADERS_CACHE": "uit"})
    assert uitkomst.returncode == 1, uitkomst.stderr[:500]
    assert uitkomst.stderr.startswith(f"kaders: {pad}:") and "onbekend veld" in uitkomst.stderr
    assert "Traceback" not in uitkomst.stderr
    with pytest.raises(KadersFout):
        laad_tekst(pad.read_text(encoding="utf-8"), str(pad))


def test_line_map_finds_headers_and_keys_as_before() -> None:
    kaart = Regelkaart(
        '[register]\ntitel = "x"\n\n  [[ kader ]]\nid = "a"\n  "naam" = 1\n[["kader"]]\n'
        'id = "b"\n[kader.sub]\nfout = 1\n[[kader]] # c\n\tid\t=\t"c"\n'
    )
    assert kaart.koppen == {"register": [1], "kader": [4, 7, 11]}
    assert kaart.regel("kader", 1, "id") == 8 and kaart.regel("kader", 2, "id") == 12
    assert kaart.regel("kader", 0, "naam") == 4  # a quoted key: the header's line
    assert kaart.regel("register", 0, "titel") == 2 and kaart.regel("regio") is None
