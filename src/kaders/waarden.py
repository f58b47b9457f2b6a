"""Value types of the register file (slugs, text, dates, web addresses) and the strict base
of every table: no vocabularies (those live in models.py), no I/O."""

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictStr

SLUG_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[StrictStr, Field(pattern=SLUG_PATROON, max_length=80)]


def _niet_leeg(tekst: str) -> str:
    """Refuse text of only whitespace: a source or a name must say something."""
    if not tekst.strip():
        raise ValueError("tekst van alleen spaties of witruimte; geef echte tekst of laat weg")
    return tekst


Tekst = Annotated[StrictStr, Field(min_length=1), AfterValidator(_niet_leeg)]


def _iso_vorm(tekst: str) -> bool:
    """Whether text has the form YYYY-MM-DD in ASCII digits (fromisoformat takes more forms)."""
    cijfers = tekst[:4] + tekst[5:7] + tekst[8:]
    return (
        len(tekst) == 10 and tekst[4] == tekst[7] == "-" and cijfers.isascii() and cijfers.isdigit()
    )


def _alleen_datum(waarde: Any) -> Any:
    """Accept a date or an ISO 'YYYY-MM-DD' string; never a datetime, number or other text."""
    if isinstance(waarde, dt.datetime):
        raise ValueError("een datum zonder tijd (JJJJ-MM-DD) verwacht")
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, str) and _iso_vorm(waarde):
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            raise ValueError(f"datum '{waarde}' bestaat niet (die dag is er niet)") from None
    raise ValueError("een datum (JJJJ-MM-DD) verwacht")


Datum = Annotated[dt.date, BeforeValidator(_alleen_datum)]


def _adres(waarde: str) -> str:
    """Accept a web address: http(s)://, no spaces (a Dutch message, not a pattern error)."""
    if not waarde.startswith(("https://", "http://")) or any(c.isspace() for c in waarde):
        raise ValueError("een webadres verwacht dat begint met https:// of http://")
    return waarde


Adres = Annotated[StrictStr, AfterValidator(_adres)]


def leeg() -> list[Any]:
    """A new empty list: a default factory pydantic can inspect cheaply.

    Pydantic reads a default factory's signature; for the builtin `list` that means parsing
    its text signature, which compiles the tokenizer's regular expressions at start-up (~3 ms).
    """
    return []


def kies(waarde: str, geldig: Iterable[str]) -> str | None:
    """A value of a fixed list in its own spelling, matched in any case ('eu' -> 'EU');
    None when the list does not have it. The one case-insensitive choice of kaders."""
    gezocht = waarde.casefold()
    return next((g for g in geldig if g.casefold() == gezocht), None)


def json_waarde(waarde: Any) -> Any:
    """A field value as JSON data: dates as ISO text, tables as dicts, lists item by item."""
    if isinstance(waarde, Strikt):
        return waarde.als_json()
    if isinstance(waarde, list):
        return [json_waarde(w) for w in waarde]
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return waarde


class Strikt(BaseModel):
    """Base for all register tables: unknown keys are errors, values are not coerced.

    The validators are built on first use (defer_build): a register read from the cache needs
    none, and its records are turned into JSON by `als_json`, not by Pydantic's serializer.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
    )

    def als_json(self) -> dict[str, Any]:
        """The record as JSON data, field by field; equal to model_dump(mode='json')."""
        return {naam: json_waarde(getattr(self, naam)) for naam in type(self).model_fields}
