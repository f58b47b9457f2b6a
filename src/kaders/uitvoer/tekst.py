"""Flat text formats: cells, tsv, csv (safe for spreadsheets) and json that other tools read."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .weergave import Rij

_EEN_REGEL = r"[\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]"  # all str.splitlines breaks
_CSV_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r", "\n")


def kaders_tekst(aantal: int) -> str:
    """'1 kader', '3 kaders': a count of frameworks in Dutch."""
    return f"{aantal} kader" if aantal == 1 else f"{aantal} kaders"


def cel(waarde: Any) -> str:
    """A value as flat text for tsv/csv: lists joined by commas, booleans as true/false."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, list):
        return ",".join(cel(w) for w in waarde)
    if isinstance(waarde, dict):
        return ": ".join(cel(w) for w in waarde.values())
    return str(waarde)


def mens_tekst(waarde: Any) -> str:
    """A value as text for people: unknown is empty, a yes/no is 'ja'/'nee', lists with ', '."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return ", ".join(mens_tekst(w) for w in waarde)
    if isinstance(waarde, dict):
        return ": ".join(mens_tekst(w) for w in waarde.values())
    return cel(waarde)


def een_regel(tekst: str) -> str:
    """Text on one line: tabs and every kind of line break become spaces."""
    return re.sub(_EEN_REGEL, " ", tekst)  # re caches the compiled pattern


def tsv(kolommen: Sequence[str], rijen: Iterable[Rij]) -> str:
    """Tab-separated lines with one header row; tabs and newlines inside values become spaces."""
    uit = ["\t".join(kolommen)]
    patroon = re.compile(_EEN_REGEL)  # compiled here, not on every start
    for rij in rijen:
        cellen = (cel(rij.get(k)) for k in kolommen)
        uit.append("\t".join(patroon.sub(" ", c) for c in cellen))
    return "\n".join(uit) + "\n"


def _csv_veilig(waarde: Any) -> str:
    """A cell as text; text a spreadsheet would run as a formula gets a quote (OWASP)."""
    tekst = cel(waarde)
    is_getal = isinstance(waarde, int | float) and not isinstance(waarde, bool)
    if not is_getal and tekst.startswith(_CSV_GEVAARLIJK):
        return "'" + tekst
    return tekst


def csv_tekst(kolommen: Sequence[str], rijen: Iterable[Rij], *, excel: bool = False) -> str:
    """RFC 4180 CSV with a header row, safe to open in a spreadsheet.

    `excel`: for Dutch Excel on a double click: a byte order mark and ';' between cells.
    """
    import csv  # only for csv output: not on every start

    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
    schrijver = csv.writer(buffer, lineterminator="\r\n", delimiter=";" if excel else ",")
    schrijver.writerow(kolommen)
    for rij in rijen:
        schrijver.writerow([_csv_veilig(rij.get(k)) for k in kolommen])
    return buffer.getvalue()


# JSON escapes C0 itself; DEL and C1 (a terminal obeys 0x9b as CSI) and the characters other
# tools read as a line break get a \\u escape too: the same data, never a raw control character.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), 0x2028, 0x2029)}
_JSON_ONVEILIG = re.compile("[\x7f-\x9f\u2028\u2029]")


def _json(data: Any, indent: int | None = None) -> str:
    """JSON with UTF-8 kept, except DEL, C1 and the characters tools read as a line break."""
    tekst = json.dumps(data, ensure_ascii=False, indent=indent)
    if _JSON_ONVEILIG.search(tekst):  # translate is slow: only when there is something to do
        return tekst.translate(_JSON_ESCAPES)
    return tekst


def json_tekst(data: Any) -> str:
    """Indented JSON."""
    return _json(data, indent=2) + "\n"


def jsonl_tekst(rijen: Iterable[Any]) -> str:
    """One compact JSON object per line."""
    return "".join(_json(r) + "\n" for r in rijen)
