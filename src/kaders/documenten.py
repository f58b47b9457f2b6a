"""What the documents brought, as known on a date: pure; the date comes in."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import NamedTuple

from .bronmodellen import Document
from .models import Register


class Documentregel(NamedTuple):
    """A document known on the stand, with how many frameworks it introduced and changed."""

    document: Document
    kaders: int
    wijzigingen: int


def documenten(register: Register, stand: dt.date) -> list[Documentregel]:
    """The documents dated on or before `stand`, oldest first (file order breaks ties).

    Pass the register as read from its file: a known document is known with everything it
    says, so the counts are those of the whole file.
    """
    kaders = Counter(k.document for k in register.kader if k.document is not None)
    wijzigingen = Counter(w.document for w in register.wijziging)
    bekend = sorted((d for d in register.document if d.datum <= stand), key=lambda d: d.datum)
    return [Documentregel(d, kaders[d.id], wijzigingen[d.id]) for d in bekend]
