"""TOML text -> data, with Dutch errors that carry line and column and name the field."""

from __future__ import annotations

import re
from typing import Any

from .errors import KadersFout, Melding

_TOML_PLAATS = r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)"

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


def parse_toml(tekst: str, bestand: str) -> dict[str, Any]:
    """Parse TOML; a syntax error becomes a Dutch message with line and column."""
    import tomllib  # not needed when the register comes from the cache

    try:
        return tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        bericht = str(fout)
        plaats = re.search(_TOML_PLAATS, bericht)
        kern = re.sub(_TOML_PLAATS, "", bericht)
        kern_nl = _TOML_NL.get(kern) or next(
            (nl for en, nl in _TOML_NL.items() if kern.startswith(en)), f"ongeldige TOML ({kern})"
        )
        if plaats and plaats.group(1):
            regel, kolom = int(plaats.group(1)), int(plaats.group(2))
            veld = _veld_met_waarde(tekst.split("\n")[regel - 1], kolom, kern)
            if veld is not None:
                kern_nl, kolom = veld
        else:
            regel, kolom = tekst.count("\n") + 1, None
        raise KadersFout([Melding(kern_nl, bestand, regel, kolom)]) from None


# TOML errors about the value after 'key =': the message names the key and what is expected.
_WAARDEFOUTEN = (
    "Invalid date or datetime",
    "Expected newline or end of document after a statement",
    "Invalid value",
    "Invalid number",
)
_SLEUTEL_IS = r"^\s*(?:\"([^\"]+)\"|'([^']+)'|([A-Za-z0-9_\-.]+))\s*=\s*"
_DATUMACHTIG = r"[0-9][0-9\-/.:T+Z]*"


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
    waarde = re.match(r"[^\s#,\]}]+", regel[begin:])
    if waarde is None:
        return None
    tekst = waarde.group(0)
    if re.fullmatch(_DATUMACHTIG, tekst) and any(t in tekst for t in "-/."):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
            return f"veld '{naam}': geen bestaande datum '{tekst}'; verwacht JJJJ-MM-DD", begin + 1
        if kern != "Invalid number":
            return f"veld '{naam}': '{tekst}' is geen datum; verwacht JJJJ-MM-DD", begin + 1
    if kern == "Invalid value":
        hint = "tekst hoort tussen aanhalingstekens, een getal of datum niet"
        return f"veld '{naam}': ongeldige waarde '{tekst}'; {hint}", begin + 1
    return None
