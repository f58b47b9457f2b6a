"""The one framework a person means: by id (any case, or an earlier id) or by mission name;
otherwise a message that lists the candidates and points to the search."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import GebruiksFout, dichtstbij
from .models import Kader, Register
from .query import zonder_accenten


def vind(register: Register, tekst: str) -> Kader:
    """The one framework a person means: an id in any case, or a mission name.

    An earlier id (`eerdere_ids`) finds the framework that now has another. A mission (short
    or full name, accents and case ignored, or the first words of the short name) counts when
    it names exactly one framework; otherwise the candidates are listed.
    """
    ids = {k.id: k for k in register.kader}
    sleutel = tekst.strip().casefold()
    if not sleutel:
        raise GebruiksFout(["geef een kader: een id of een missienaam, bv. eulex-kosovo"])
    if sleutel in ids:
        return ids[sleutel]
    eerder = [k for k in register.kader if sleutel in k.eerdere_ids]
    if len(eerder) == 1:
        return eerder[0]
    gezocht = _naamvorm(tekst)
    if gezocht:
        namen = [
            (k, _naamvorm(k.missie), _naamvorm(k.naam), _naamvorm(k.id)) for k in register.kader
        ]
        for kandidaten in (
            [k for k, missie, naam, id_ in namen if gezocht in (missie, naam, id_)],
            [k for k, missie, _, _ in namen if (missie + " ").startswith(gezocht + " ")],
        ):
            if len(kandidaten) == 1:
                return kandidaten[0]
            if kandidaten:
                raise GebruiksFout([_meer_kaders(tekst, kandidaten)])
        # A word inside a name ('Althea') finds nothing itself: it lists what it would find.
        woord = [k for k, missie, naam, _ in namen if gezocht in f"{missie} {naam}".split()]
        if woord:
            raise GebruiksFout([_meer_kaders(tekst, woord)])
    voorvoegsel = [i for i in ids if i.startswith(sleutel)]
    beste = voorvoegsel[:3] or dichtstbij(sleutel, ids, 3)
    hint = f"; bedoelde u {', '.join(repr(b) for b in beste)}?" if beste else "."
    raise GebruiksFout([f"onbekend kader '{tekst}'{hint} {_zoektip(tekst)}"])


def _meer_kaders(tekst: str, kandidaten: Sequence[Kader]) -> str:
    """The message for a name that fits more than one framework (or one only by a word)."""
    lijst = ", ".join(f"{k.id} ({k.missie})" for k in kandidaten)
    aantal = f"{len(kandidaten)} kaders" if len(kandidaten) > 1 else "1 kader"
    return f"'{tekst}' past bij {aantal}: {lijst}; kies een id. {_zoektip(tekst)}"


def _zoektip(tekst: str) -> str:
    """Where to look next: the search over names, places and explanations."""
    import shlex  # only when something is not found

    return f"Zoeken in alle kaders: kaders list --zoek {shlex.quote(tekst.strip())}"


def _naamvorm(tekst: str) -> str:
    """A name as compared in `vind`: no accents or case, hyphens as spaces, single spaces."""
    return " ".join(zonder_accenten(tekst).replace("-", " ").split())
