"""TOML text -> data, with Dutch errors that carry line and column and name the field.

The parser is tomli 2.1-2.2, a compiled (mypyc) wheel: the code of the standard library's
`tomllib` (TOML 1.0, the same results and messages), about twice as fast, and its errors carry
`msg`, `lineno` and `colno`. Later tomli reads TOML 1.1, which `tomllib` on Python 3.11 refuses.
Why not a Rust parser, with measurements: README, Prestaties (`bench/parsers.py`). Without tomli
(an install without its dependencies) the standard library's `tomllib` reads the register.

The place of an error comes from the parser's attributes, never from searching its text; the
few patterns here run anchored on one line, with possessive quantifiers only: linear in the
length of the line, whatever it holds (a test checks every pattern this module applies).
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any

from .errors import KadersFout, Melding

_TOML_NL = {
    "Invalid value": "ongeldige waarde",
    "Invalid statement": "ongeldige regel",
    "Expected '=' after a key in a key/value pair": "'=' verwacht na een sleutel",
    "Expected newline or end of document after a statement": "regeleinde verwacht na een waarde",
    "Invalid date or datetime": "ongeldige datum of tijd",
    "Unclosed array": "lijst niet afgesloten met ']'",
    "Unclosed inline table": "inline-tabel niet afgesloten met '}'",
    "Unterminated string": "tekst niet afgesloten",
    "Invalid initial character for a key part": "ongeldig eerste teken van een sleutel",
    "Cannot overwrite a value": "waarde wordt overschreven (dubbele sleutel)",
    "Cannot mutate immutable namespace": "tabel wordt opnieuw gedefinieerd",
    "Expected ']' at the end of a table declaration": "']' verwacht aan het eind van een tabelkop",
    "Expected ']]' at the end of an array declaration": "']]' verwacht aan het eind van de kop",
    "Illegal character": "ongeldig teken",
    "Unescaped '\\' in a string": "losse '\\' in tekst (schrijf '\\\\')",
    "Invalid hex value": "ongeldige hexadecimale waarde",
    "Invalid number": "ongeldig getal",
    "Invalid value in string": "ongeldige waarde in tekst",
    "Cannot declare": "tabel of sleutel wordt dubbel gedeclareerd",
}


def _lezer() -> ModuleType:
    """tomli when installed (a dependency), else the standard library's tomllib."""
    try:
        import tomli
    except ImportError:  # an install without its dependencies
        import tomllib

        return tomllib
    return tomli


def parse_toml(tekst: str, bestand: str) -> dict[str, Any]:
    """Parse TOML; a syntax error becomes a Dutch message with line and column."""
    lezer = _lezer()  # imported here: not needed when the register comes from the cache
    try:
        data: dict[str, Any] = lezer.loads(tekst)
    except lezer.TOMLDecodeError as fout:
        raise KadersFout([_melding(fout, tekst, bestand)]) from None
    except ValueError as fout:  # an integer longer than Python converts (sys.int_info)
        if "digits" not in str(fout):
            raise
        grens = sys.get_int_max_str_digits()
        raise KadersFout([Melding(f"getal met meer dan {grens} cijfers", bestand)]) from None
    return data


def _plaats(fout: ValueError) -> tuple[str, int | None, int | None]:
    """The parser's message without its place, and the line and column it names.

    tomli (and tomllib from Python 3.14 on) give them as attributes; tomllib before 3.14 only
    ends its text with ' (at line N, column M)' or ' (at end of document)'.
    """
    kern, regel, kolom = getattr(fout, "msg", None), None, None
    if isinstance(kern, str):
        regel, kolom = getattr(fout, "lineno", None), getattr(fout, "colno", None)
        if getattr(fout, "pos", -1) >= len(getattr(fout, "doc", "")):
            regel = kolom = None  # at the end of the document: no column worth naming
        return kern, regel, kolom
    kern, _, plaats = str(fout).rpartition(" (at ")
    getallen = plaats.removeprefix("line ").removesuffix(")").split(", column ")
    if len(getallen) == 2 and all(g.isdigit() for g in getallen):
        regel, kolom = int(getallen[0]), int(getallen[1])
    return kern or str(fout), regel, kolom


def _melding(fout: ValueError, tekst: str, bestand: str) -> Melding:
    """A TOML syntax error in Dutch, at its line (and column), naming the field when it can."""
    kern, regel, kolom = _plaats(fout)
    kern_nl = _TOML_NL.get(kern) or next(
        (nl for en, nl in _TOML_NL.items() if kern.startswith(en)), f"ongeldige TOML ({kern})"
    )
    if regel is None:
        return Melding(kern_nl, bestand, tekst.count("\n") + 1)
    if kolom is not None:
        veld = _veld_met_waarde(_regel(tekst, regel), kolom, kern)
        if veld is not None:
            kern_nl, kolom = veld
    return Melding(kern_nl, bestand, regel, kolom)


def _regel(tekst: str, nummer: int) -> str:
    """Line `nummer` (from 1) of a text; only \\n ends a line in TOML."""
    begin = 0
    for _ in range(nummer - 1):
        begin = tekst.find("\n", begin) + 1
        if begin == 0:
            return ""
    einde = tekst.find("\n", begin)
    return tekst[begin:] if einde < 0 else tekst[begin:einde]


# TOML errors about the value after 'key =': the message names the key and what is expected.
_WAARDEFOUTEN = (
    "Invalid date or datetime",
    "Expected newline or end of document after a statement",
    "Invalid value",
    "Invalid number",
)
# Applied with re.match / re.fullmatch (anchored), possessive: no backtracking on a long line.
_SLEUTEL_IS = r"\s*+(?:\"([^\"]++)\"|'([^']++)'|([A-Za-z0-9_\-.]++))\s*+=\s*+"
_WAARDE = r"[^\s#,\]}]++"
_DATUMACHTIG = r"[0-9][0-9\-/.:T+Z]*+"
_DATUM = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


def _veld_met_waarde(regel: str, kolom: int, kern: str) -> tuple[str, int] | None:
    """A Dutch message naming the key whose value TOML rejected, and the value's column.

    tomllib says 'Invalid date or datetime' at the value for 2028-06-31, and 'Expected newline'
    after the part it could read for 30-06-2028; both become a message about the field.
    """
    sleutel = re.match(_SLEUTEL_IS, regel)
    if kern not in _WAARDEFOUTEN or sleutel is None or kolom <= sleutel.end():
        return None
    naam = next(g for g in sleutel.groups() if g is not None)
    begin = sleutel.end()
    if kern == _WAARDEFOUTEN[0] and kolom - 1 > begin:  # a date inside an array
        begin = kolom - 1
    waarde = re.match(_WAARDE, regel[begin:])
    if waarde is None:
        return None
    tekst = waarde.group(0)
    if re.fullmatch(_DATUMACHTIG, tekst) and any(t in tekst for t in "-/."):
        if re.fullmatch(_DATUM, tekst):
            return f"veld '{naam}': datum '{tekst}' bestaat niet (die dag is er niet)", begin + 1
        if kern != "Invalid number":
            return f"veld '{naam}': '{tekst}' is geen datum; verwacht JJJJ-MM-DD", begin + 1
    if kern == "Invalid value":
        hint = "tekst hoort tussen aanhalingstekens, een getal of datum niet"
        return f"veld '{naam}': ongeldige waarde '{tekst}'; {hint}", begin + 1
    return None
