"""One record from stdin: a JSON object (as in the JSON output) or a TOML table.

Bounded like a register (grenzen): at most 100 MB and 32 levels deep. JSON is held to the rules
TOML has: a key given twice is refused, not silently the last one.
"""

from __future__ import annotations

import contextlib
from typing import Any

from . import grenzen
from .errors import KadersFout, Melding
from .inlezen import decodeer
from .tomlfouten import parse_toml

BRON = "<stdin>"

_JSON_NL = {
    "Expecting ',' delimiter": "',' verwacht",
    "Expecting ':' delimiter": "':' verwacht",
    "Expecting value": "waarde verwacht",
    "Expecting property name enclosed in double quotes": 'sleutel tussen "…" verwacht',
    "Unterminated string starting at": "tekst niet afgesloten",
    "Invalid control character at": "ongeldig stuurteken in tekst",
    "Extra data": "extra tekens na het JSON-object",
    "Invalid \\escape": "ongeldige escape",
}
_JSON_SOORT = {
    list: "lijst",
    str: "tekst",
    int: "getal",
    float: "getal",
    bool: "true of false",
    type(None): "null",
}


class _DubbeleSleutel(ValueError):
    """A JSON object names a key twice."""


def _zonder_dubbele(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (as TOML does)."""
    uitkomst: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in uitkomst:
            raise _DubbeleSleutel(sleutel)
        uitkomst[sleutel] = waarde
    return uitkomst


def _json(inhoud: str) -> Any:
    """Parse JSON with duplicate keys refused and nesting bounded; Dutch errors on stdin."""
    import json

    try:
        with grenzen.niet_te_diep(BRON):
            data = json.loads(inhoud, object_pairs_hook=_zonder_dubbele)
    except _DubbeleSleutel as fout:
        tekst = (
            f"ongeldige JSON: sleutel '{fout.args[0]}' komt twee keer voor; geef elk veld één keer"
        )
        raise KadersFout([Melding(tekst, BRON)]) from None
    except json.JSONDecodeError as fout:
        melding = f"ongeldige JSON: {_JSON_NL.get(fout.msg, fout.msg)}"
        raise KadersFout([Melding(melding, BRON, fout.lineno, fout.colno)]) from None
    grenzen.controleer_diepte(data, BRON)
    return data


def _is_json(inhoud: str) -> bool:
    """Whether the text is JSON at all (a number, a list, ...): then it is read as JSON."""
    import json

    with contextlib.suppress(ValueError, RecursionError):
        json.loads(inhoud)
        return True
    return False


def lees_invoer(ruw: bytes, tabel: str = "kader") -> dict[str, Any]:
    """One record from stdin: a JSON object (as in the JSON output) or a TOML table."""
    inhoud = decodeer(ruw, BRON)
    if not inhoud.strip():
        tekst = f"geen invoer op stdin: verwacht één {tabel} als JSON of TOML"
        raise KadersFout([Melding(tekst)])
    if inhoud.lstrip().startswith("{") or _is_json(inhoud):
        data = _json(inhoud)
        if not isinstance(data, dict):
            soort = _JSON_SOORT.get(type(data), "ander JSON")
            tekst = f"verwacht één JSON-object, geen {soort}: {{…}} met de velden van één {tabel}"
            raise KadersFout([Melding(tekst, BRON)])
        return data
    with grenzen.niet_te_diep(BRON):
        toml_data = parse_toml(inhoud, BRON)
    grenzen.controleer_diepte(toml_data, BRON)
    tabellen = toml_data.get(tabel)
    if list(toml_data) == [tabel] and isinstance(tabellen, list):
        if len(tabellen) != 1:
            raise KadersFout([Melding(f"verwacht precies één [[{tabel}]]-tabel", BRON)])
        if not isinstance(tabellen[0], dict):
            raise KadersFout([Melding(f"[[{tabel}]] moet een tabel zijn", BRON)])
        return dict(tabellen[0])
    return toml_data
