"""SQLite: the frameworks as related tables with keys and indexes, for Datasette and VisiData.

Each table is one function that creates and fills it (`TABELLEN`). The frameworks are those
of the chosen stand and selection; `document` holds the documents known then, `wijziging` the
changes (known then) of the chosen frameworks, so every key points at a row that is there;
`metadata` the register's metadata and the day shown and known (`peildatum`, `stand`).
Imported only when a database is written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..models import Kader, Register
from ..waarden import json_waarde

if TYPE_CHECKING:
    from ..stand import Bron
    from .weergave import Datering

# (database, the register as known, the chosen frameworks, the file as it stood then)
Tabel = Callable[[sqlite3.Connection, Register, Sequence[Kader], Register], None]


def _regio(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """Every region of the register, with its parent and its top-level region."""
    db.execute(
        """CREATE TABLE regio (
            id TEXT PRIMARY KEY,
            naam TEXT NOT NULL,
            ouder TEXT REFERENCES regio(id) DEFERRABLE INITIALLY DEFERRED,
            hoofdregio TEXT NOT NULL REFERENCES regio(id) DEFERRABLE INITIALLY DEFERRED
        )"""
    )
    db.executemany(
        "INSERT INTO regio VALUES (?, ?, ?, ?)",
        [(r.id, r.naam, r.ouder, register.hoofdregios[r.id]) for r in register.regio],
    )
    db.execute("CREATE INDEX regio_ouder ON regio(ouder)")


def _kader(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """The JSON contract's scalar fields; dates as ISO text, an unknown count as NULL."""
    db.execute(
        """CREATE TABLE kader (
            id TEXT PRIMARY KEY,
            missie TEXT NOT NULL,
            naam TEXT NOT NULL,
            regio TEXT NOT NULL REFERENCES regio(id),
            organisatie TEXT NOT NULL,
            personeel INTEGER,
            duiding TEXT,
            telling TEXT,
            begin TEXT NOT NULL,
            eind TEXT NOT NULL,
            status TEXT NOT NULL,
            bron TEXT NOT NULL,
            citaat TEXT,
            toelichting TEXT,
            document TEXT REFERENCES document(id)
        )"""
    )
    db.executemany(
        "INSERT INTO kader VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                k.id,
                k.missie,
                k.naam,
                k.regio,
                k.organisatie,
                k.personeel,
                k.duiding,
                k.telling,
                k.begin.isoformat(),
                k.eind.isoformat(),
                k.status,
                k.bron,
                k.citaat,
                k.toelichting,
                k.document,
            )
            for k in kaders
        ],
    )
    for kolom in ("regio", "organisatie", "status"):
        db.execute(f"CREATE INDEX kader_{kolom} ON kader({kolom})")
    db.execute("CREATE INDEX kader_looptijd ON kader(begin, eind)")
    db.execute("CREATE INDEX kader_document ON kader(document)")


def _kader_type(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """One row per framework and personnel type: a mixed framework has several."""
    db.execute(
        """CREATE TABLE kader_type (
            kader TEXT NOT NULL REFERENCES kader(id),
            type TEXT NOT NULL,
            PRIMARY KEY (kader, type)
        )"""
    )
    db.executemany(
        "INSERT INTO kader_type VALUES (?, ?)", [(k.id, t) for k in kaders for t in k.typen]
    )
    db.execute("CREATE INDEX kader_type_type ON kader_type(type)")


def _kader_land(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """One row per framework and country, in the order of the register."""
    db.execute(
        """CREATE TABLE kader_land (
            kader TEXT NOT NULL REFERENCES kader(id),
            volgnummer INTEGER NOT NULL,
            land TEXT NOT NULL,
            PRIMARY KEY (kader, volgnummer)
        )"""
    )
    db.executemany(
        "INSERT INTO kader_land VALUES (?, ?, ?)",
        [(k.id, i, land) for k in kaders for i, land in enumerate(k.landen, start=1)],
    )
    db.execute("CREATE INDEX kader_land_land ON kader_land(land)")


def _afleiding(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """One row per derived field of a framework, with the reason."""
    db.execute(
        """CREATE TABLE afleiding (
            kader TEXT NOT NULL REFERENCES kader(id),
            volgnummer INTEGER NOT NULL,
            veld TEXT NOT NULL,
            reden TEXT NOT NULL,
            PRIMARY KEY (kader, volgnummer)
        )"""
    )
    db.executemany(
        "INSERT INTO afleiding VALUES (?, ?, ?, ?)",
        [(k.id, i, a.veld, a.reden) for k in kaders for i, a in enumerate(k.afgeleid, start=1)],
    )
    db.execute("CREATE INDEX afleiding_veld ON afleiding(veld)")


def _document(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """Every document known on the stand: the sources of the frameworks and their changes."""
    db.execute(
        """CREATE TABLE document (
            id TEXT PRIMARY KEY,
            soort TEXT NOT NULL,
            kamerstuk TEXT,
            datum TEXT NOT NULL,
            titel TEXT NOT NULL,
            url TEXT,
            tekst_beschikbaar INTEGER NOT NULL,
            opmerking TEXT
        )"""
    )
    db.executemany(
        "INSERT INTO document VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                *(d.id, d.soort, d.kamerstuk, d.datum.isoformat(), d.titel, d.url),
                int(d.tekst_beschikbaar),
                d.opmerking,
            )
            for d in register.document
        ],
    )


def _wijziging(
    db: sqlite3.Connection, register: Register, kaders: Sequence[Kader], bestand: Register
) -> None:
    """The changes of the chosen frameworks known on the stand, in file order: the fields each
    sets (`velden`, a JSON object) and its own derived marks (`afgeleid`, a JSON array)."""
    db.execute(
        """CREATE TABLE wijziging (
            volgnummer INTEGER PRIMARY KEY,
            kader TEXT NOT NULL REFERENCES kader(id),
            document TEXT NOT NULL REFERENCES document(id),
            datum TEXT NOT NULL,
            plek TEXT,
            citaat TEXT,
            velden TEXT NOT NULL,
            afgeleid TEXT NOT NULL,
            vanaf TEXT,
            vanaf_citaat TEXT
        )"""
    )
    ids = {k.id for k in kaders}
    datums = {d.id: d.datum.isoformat() for d in register.document}
    gekozen = [w for w in bestand.wijziging if w.kader in ids and w.document in datums]
    db.executemany(
        "INSERT INTO wijziging VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                w.kader,
                w.document,
                datums[w.document],
                w.plek,
                w.citaat,
                json.dumps(
                    {veld: json_waarde(waarde) for veld, waarde in sorted(w.gezet().items())},
                    ensure_ascii=False,
                ),
                json.dumps([a.als_json() for a in w.afgeleid], ensure_ascii=False),
                None if w.vanaf is None else w.vanaf.isoformat(),
                w.vanaf_citaat,
            )
            for i, w in enumerate(gekozen, start=1)
        ],
    )
    for kolom in ("kader", "document"):
        db.execute(f"CREATE INDEX wijziging_{kolom} ON wijziging({kolom})")


# In this order: a table after the tables it refers to.
TABELLEN: tuple[Tabel, ...] = (
    _regio,
    _document,
    _kader,
    _kader_type,
    _kader_land,
    _afleiding,
    _wijziging,
)


def _bron(db: sqlite3.Connection, bronnen: Mapping[str, Mapping[str, Bron]]) -> None:
    """Where each value of a framework comes from: one row per framework and field."""
    db.execute(
        """CREATE TABLE bron (
            kader TEXT NOT NULL REFERENCES kader(id),
            veld TEXT NOT NULL,
            document TEXT REFERENCES document(id),
            plek TEXT,
            citaat TEXT,
            afgeleid TEXT,
            vanaf TEXT,
            vanaf_citaat TEXT,
            vanaf_afgeleid TEXT,
            PRIMARY KEY (kader, veld)
        )"""
    )
    db.executemany(
        "INSERT INTO bron VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (kader, veld, *b.als_json().values())
            for kader, velden in bronnen.items()
            for veld, b in velden.items()
        ],
    )
    db.execute("CREATE INDEX bron_document ON bron(document)")


def _metadata(db: sqlite3.Connection, register: Register, datering: Datering | None) -> None:
    """What the database holds: which register, on which day, as known on which day."""
    db.execute("CREATE TABLE metadata (sleutel TEXT PRIMARY KEY, waarde TEXT)")
    rijen = [(veld, str(waarde)) for veld, waarde in register.metadata.model_dump().items()]
    if datering is not None:
        rijen.append(("stand", datering.stand.isoformat()))
        if datering.peildatum is not None:
            rijen.append(("peildatum", datering.peildatum.isoformat()))
    db.executemany("INSERT INTO metadata VALUES (?, ?)", rijen)


def database(
    register: Register,
    kaders: Sequence[Kader],
    bestand: Register | None = None,
    bronnen: Mapping[str, Mapping[str, Bron]] | None = None,
    datering: Datering | None = None,
) -> bytes:
    """The frameworks (with all regions, the documents and changes known, and the source of
    every value) as an SQLite database file, checked for its keys."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA foreign_keys = ON")
        with db:  # one transaction: the deferred keys are checked when it commits
            for tabel in TABELLEN:
                tabel(db, register, kaders, bestand or register)
            _bron(db, bronnen or {})
            _metadata(db, register, datering)
        if db.execute("PRAGMA foreign_key_check").fetchall():  # pragma: no cover
            raise ValueError("sqlite: verwijzing naar een onbekende rij")
        return db.serialize()
    finally:
        db.close()
