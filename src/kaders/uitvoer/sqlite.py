"""SQLite: the frameworks as related tables with keys and indexes, for Datasette and VisiData.

Each table is one function that creates and fills it (`TABELLEN`); the living register's
`document` and `wijziging` tables will each be one more function in that list.
Imported only when a database is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from ..models import Kader, Register

Tabel = Callable[[sqlite3.Connection, Register, Sequence[Kader]], None]


def _regio(db: sqlite3.Connection, register: Register, kaders: Sequence[Kader]) -> None:
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


def _kader(db: sqlite3.Connection, register: Register, kaders: Sequence[Kader]) -> None:
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
            toelichting TEXT
        )"""
    )
    db.executemany(
        "INSERT INTO kader VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            )
            for k in kaders
        ],
    )
    for kolom in ("regio", "organisatie", "status"):
        db.execute(f"CREATE INDEX kader_{kolom} ON kader({kolom})")
    db.execute("CREATE INDEX kader_looptijd ON kader(begin, eind)")


def _kader_type(db: sqlite3.Connection, register: Register, kaders: Sequence[Kader]) -> None:
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


def _kader_land(db: sqlite3.Connection, register: Register, kaders: Sequence[Kader]) -> None:
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


def _afleiding(db: sqlite3.Connection, register: Register, kaders: Sequence[Kader]) -> None:
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


# In this order: a table after the tables it refers to.
TABELLEN: tuple[Tabel, ...] = (_regio, _kader, _kader_type, _kader_land, _afleiding)


def database(register: Register, kaders: Sequence[Kader]) -> bytes:
    """The frameworks (and all regions) as an SQLite database file, checked for its keys."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA foreign_keys = ON")
        with db:  # one transaction: the deferred keys are checked when it commits
            for tabel in TABELLEN:
                tabel(db, register, kaders)
        if db.execute("PRAGMA foreign_key_check").fetchall():  # pragma: no cover
            raise ValueError("sqlite: verwijzing naar een onbekende rij")
        return db.serialize()
    finally:
        db.close()
