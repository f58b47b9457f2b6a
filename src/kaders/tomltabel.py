"""The register as TOML text: one `[[tabel]]` for an append, or a whole normalised register."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import tomli_w

from .models import Kader, Register

SCHEMA_REGEL = "#:schema ./kaders.schema.json\n"


def _zonder_lege(waarden: Mapping[str, Any]) -> dict[str, Any]:
    """Drop None and empty lists: TOML has no null, and both mean 'not given'."""
    return {k: v for k, v in waarden.items() if v is not None and v != []}


def tabel_toml(naam: str, waarden: Mapping[str, Any]) -> str:
    """One table of an array of tables (`[[naam]]`), written by tomli-w."""
    tekst = tomli_w.dumps({naam: [waarden]})
    if not tekst.startswith(f"[[{naam}]]\n"):
        # tomli-w writes a table that fits on one line inline ('naam = [{...}]'), which would
        # start a second array of that name; then every value fits on a line of its own.
        tekst = f"[[{naam}]]\n" + tomli_w.dumps(waarden)
    return tekst


def kader_toml(kader: Kader) -> str:
    """One framework as a `[[kader]]` table written by tomli-w."""
    return tabel_toml("kader", _zonder_lege(kader.model_dump(mode="python", exclude_defaults=True)))


def register_toml(register: Register, kaders: list[Kader] | None = None) -> str:
    """A whole register as normalised TOML that loads back to the same models.

    With a selection of frameworks, only their changes and their missions' mandates go along;
    every document does.
    """
    gekozen = register.kader if kaders is None else kaders
    ids, missies = {k.id for k in gekozen}, {k.missie for k in gekozen}
    data = {
        "register": register.metadata.model_dump(mode="python", exclude_defaults=True),
        "regio": [
            _zonder_lege(r.model_dump(mode="python", exclude_defaults=True)) for r in register.regio
        ],
        "document": [
            _zonder_lege(d.model_dump(mode="python", exclude_defaults=True))
            for d in register.document
        ],
        "kader": [
            _zonder_lege(k.model_dump(mode="python", exclude_defaults=True)) for k in gekozen
        ],
        "wijziging": [
            _zonder_lege(w.model_dump(mode="python", exclude_defaults=True))
            for w in register.wijziging
            if w.kader in ids
        ],
        "mandaat": [
            _zonder_lege(m.model_dump(mode="python", exclude_defaults=True))
            for m in register.mandaat
            if m.missie in missies
        ],
    }
    return SCHEMA_REGEL + tomli_w.dumps(data)
