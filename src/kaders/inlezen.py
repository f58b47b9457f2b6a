"""Bytes -> TOML -> Register: every problem is reported at once, in Dutch, with file:line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import grenzen, regels
from .bronmodellen import Afleiding, Document, Mandaat
from .errors import KadersFout, Melding, dichtstbij, onbekend
from .geheugen import zonder_gc
from .models import (
    BEEINDIGD,
    SAMENHANG,
    Kader,
    Metadata,
    Regio,
    Register,
    Wijziging,
    canonieke_status,
)
from .tomlfouten import parse_toml as parse_toml  # public here too, as before

# What a table header [naam] or [[naam]] and a key line 'naam =' may hold, for the line numbers.
_SLEUTELTEKENS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
_KOPTEKENS = frozenset(_SLEUTELTEKENS + "\"' ")


def _kop(regel: str) -> str | None:
    """The table a header line opens ('kader' for '[[kader]]'), else None. Linear: no regex."""
    rest = regel.lstrip()
    if not rest.startswith("["):
        return None
    inhoud, haakje, _ = rest[2 if rest.startswith("[[") else 1 :].partition("]")
    inhoud = inhoud.strip()
    if not haakje or not inhoud or not _KOPTEKENS.issuperset(inhoud):
        return None
    return inhoud.strip("\"' ")


def _sleutel(regel: str) -> str | None:
    """The bare key a line 'key = value' sets, else None. Linear: no regex."""
    rest = regel.lstrip()
    na = rest.lstrip(_SLEUTELTEKENS)
    naam = rest[: len(rest) - len(na)]
    return naam if naam and na.lstrip().startswith("=") else None


class Regelkaart:
    """Where each table and key of a TOML text starts, to put line numbers on errors."""

    def __init__(self, tekst: str) -> None:
        self.koppen: dict[str, list[int]] = {}
        self.sleutels: dict[tuple[str, int], dict[str, int]] = {}
        huidig: tuple[str, int] | None = None
        # Only \n ends a line in TOML; str.splitlines would also split on U+2028 and friends.
        for nummer, regel in enumerate(tekst.split("\n"), start=1):
            kop = _kop(regel)
            if kop is not None:
                regels = self.koppen.setdefault(kop, [])
                regels.append(nummer)
                huidig = (kop, len(regels) - 1)
                continue
            sleutel = _sleutel(regel)
            if sleutel and huidig is not None:
                self.sleutels.setdefault(huidig, {}).setdefault(sleutel, nummer)

    def regel(self, tabel: str, index: int = 0, veld: str | None = None) -> int | None:
        """Line of a key within the index-th table of that name, else of the table header."""
        if veld is not None:
            gevonden = self.sleutels.get((tabel, index), {}).get(veld)
            if gevonden is not None:
                return gevonden
        koppen = self.koppen.get(tabel, [])
        return koppen[index] if index < len(koppen) else None


def lees_bytes(pad: Path) -> bytes:
    """Read a register file, or raise a Dutch error saying why it cannot be read.

    Only a regular file, at most grenzen.MAX_BYTES (grenzen.lees_bestand).
    """
    return grenzen.lees_bestand(pad)


def lees_tekst(pad: Path) -> str:
    """Read a register file as text."""
    return decodeer(lees_bytes(pad), str(pad))


def decodeer(ruw: bytes, bestand: str) -> str:
    """Decode UTF-8 (a leading BOM is allowed); report the first invalid byte's position."""
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        voor = ruw[: fout.start]
        regel = voor.count(b"\n") + 1
        kolom = fout.start - (voor.rfind(b"\n") + 1) + 1
        melding = f"geen geldige UTF-8 (byte 0x{ruw[fout.start]:02x})"
        raise KadersFout([Melding(melding, bestand, regel, kolom)]) from None


def laad_tekst(tekst: str, bestand: str) -> Register:
    """Validate a register given as TOML text; all problems at once, each with its line.

    The rules of the change log (logregels.controleer) need valid records: they are checked once
    every record is valid on its own, all at once too.
    """
    with zonder_gc():
        with grenzen.niet_te_diep(bestand):
            data = parse_toml(tekst, bestand)
        grenzen.controleer_diepte(data, bestand)
        try:
            register = Register.model_validate(data)
        except ValidationError as fout:
            kaart = Regelkaart(tekst)
            meldingen = [
                _melding(e, data, kaart, bestand) for e in fout.errors() if e["type"] != SAMENHANG
            ]
            meldingen += _samenhang(data, kaart, bestand)
            raise KadersFout(_uniek(meldingen)) from None
        if register.document or register.wijziging or register.mandaat:
            from .logregels import controleer  # a register without a log needs none of it

            problemen = controleer(register)
            if problemen:
                kaart = Regelkaart(tekst)
                meldingen = [
                    regels.als_melding(p, bestand, kaart.regel(p.tabel, p.rij, p.veld))
                    for p in problemen
                ]
                raise KadersFout(_uniek(meldingen))
        return register


def _uniek(meldingen: list[Melding]) -> list[Melding]:
    """Drop repeated messages, keep order by line."""
    gezien = dict.fromkeys(meldingen)
    return sorted(gezien, key=lambda m: m.regel or 0)


def _samenhang(data: Mapping[str, Any], kaart: Regelkaart, bestand: str) -> list[Melding]:
    """The rules across records on the raw tables, each with its line."""
    regios = _tabellen(data.get("regio"))
    kaders = _tabellen(data.get("kader"))
    metadata = data.get("register")
    meldingen = []
    for p in regels.problemen(
        [(r.get("id"), r.get("ouder")) for r in regios],
        [(k.get("id"), k.get("regio")) for k in kaders],
        eindes=[(canonieke_status(k.get("status")) == BEEINDIGD, k.get("eind")) for k in kaders],
        standaard_eind=metadata.get("standaard_eind") if isinstance(metadata, dict) else None,
    ):
        eerder = None if p.eerder is None else f"op regel {kaart.regel(p.tabel, p.eerder, 'id')}"
        regel = kaart.regel(p.tabel, p.rij, p.veld)
        meldingen.append(regels.als_melding(p, bestand, regel, eerder))
    return meldingen


def waarschuwingen(register: Register, tekst: str | None, bestand: str) -> list[Melding]:
    """Things worth a look in a valid register (dates outside its period), with their line."""
    gevonden = regels.buiten_periode(
        register.metadata.begin,
        register.metadata.standaard_eind,
        [(k.id, k.begin, k.eind) for k in register.kader],
    )
    if not gevonden:
        return []
    kaart = Regelkaart(tekst or "")
    return [
        Melding(
            f"waarschuwing: {regels.als_tekst(p)}", bestand, kaart.regel(p.tabel, p.rij, p.veld)
        )
        for p in gevonden
    ]


def _tabellen(waarde: object) -> list[dict[str, Any]]:
    """The tables of an array of tables, skipping anything that is not a table."""
    if not isinstance(waarde, list):
        return []
    return [t for t in waarde if isinstance(t, dict)]


_MODELLEN: dict[str, type[BaseModel]] = {
    "register": Metadata,
    "regio": Regio,
    "kader": Kader,
    "document": Document,
    "wijziging": Wijziging,
    "mandaat": Mandaat,
    "afgeleid": Afleiding,
}


def _melding(
    fout: Mapping[str, Any], data: Mapping[str, Any], kaart: Regelkaart, bestand: str
) -> Melding:
    """Turn one pydantic error into a Dutch message with file, line and record id."""
    loc: Sequence[str | int] = fout["loc"]
    tabel = str(loc[0]) if loc else ""
    if len(loc) == 1 and fout["type"] in ("missing", "too_short"):
        soort = "[register]" if tabel == "register" else f"[[{tabel}]]"
        tekst = f"tabel {soort} ontbreekt" + ("; minstens één nodig" if tabel == "regio" else "")
        return Melding(tekst, bestand, kaart.regel(tabel) or 1)
    index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else 0
    rest = (
        [str(d) for d in loc[2:]]
        if len(loc) > 1 and isinstance(loc[1], int)
        else [str(d) for d in loc[1:]]
    )
    veld = rest[0] if rest else None
    regel = kaart.regel(tabel, index, veld) if tabel else None
    wie = ""
    if tabel in ("kader", "regio"):
        tabellen = data.get(tabel)
        rid = None
        if (
            isinstance(tabellen, list)
            and index < len(tabellen)
            and isinstance(tabellen[index], dict)
        ):
            rid = tabellen[index].get("id")
        wie = f"{tabel} '{rid}'" if isinstance(rid, str) else f"{tabel} nr. {index + 1}"
    elif tabel in ("document", "wijziging", "mandaat"):
        wie = _wie(tabel, index, data.get(tabel))
    elif tabel == "register":
        wie = "[register]"
    veldnaam = "" if veld is None else f"veld '{'.'.join(rest)}': "
    model: type[BaseModel] = Register
    if tabel in _MODELLEN:
        model = _MODELLEN["afgeleid" if "afgeleid" in rest[:1] and len(rest) > 2 else tabel]
    if regel is None and tabel:
        regel = 1
    return Melding(veldnaam + vertaal(fout, model), bestand, regel, wie=wie)


def _wie(tabel: str, index: int, tabellen: object) -> str:
    """How a message names a document (by id) or a change (by number and framework)."""
    rij = tabellen[index] if isinstance(tabellen, list) and index < len(tabellen) else None
    rij = rij if isinstance(rij, dict) else {}
    if tabel == "document":
        did = rij.get("id")
        return f"document '{did}'" if isinstance(did, str) else f"document nr. {index + 1}"
    if tabel == "mandaat":
        missie = rij.get("missie")
        naam = f" (missie '{missie}')" if isinstance(missie, str) else ""
        return f"mandaat nr. {index + 1}{naam}"
    kader = rij.get("kader")
    return f"wijziging nr. {index + 1}" + (f" (kader '{kader}')" if isinstance(kader, str) else "")


def _toon(waarde: object) -> str:
    """A short, printable rendering of a wrong value, TOML-style for booleans."""
    tekst = ("true" if waarde else "false") if isinstance(waarde, bool) else repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."


_VELD_SOORT = {
    "status": "status",
    "organisatie": "organisatie",
    "typen": "type",
    "duiding": "duiding",
    "telling": "telling",
    "soort": "documentsoort",
}


def vertaal(fout: Mapping[str, Any], model: type[BaseModel]) -> str:
    """A Dutch text for a pydantic error type."""
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    waarde = fout.get("input")
    loc = fout["loc"]
    laatste = str(loc[-1]) if loc else ""
    if soort == "missing":
        return "verplicht veld ontbreekt"
    if soort == "extra_forbidden":
        velden = [v.alias or n for n, v in model.model_fields.items()]  # as the file names them
        beste = dichtstbij(laatste, velden)
        hint = f"; bedoelde u '{beste[0]}'?" if beste else "."
        return f"onbekend veld{hint} Toegestaan: {', '.join(velden)}."
    if soort == "literal_error":
        toegestaan = str(ctx.get("expected", "")).split("'")[1::2]  # "'a', 'b' or 'c'"
        if isinstance(waarde, str):
            return onbekend(
                _VELD_SOORT.get(str(loc[2]) if len(loc) > 2 else "", "waarde"), waarde, toegestaan
            )
        return f"ongeldige waarde {_toon(waarde)}; toegestaan: {', '.join(toegestaan)}"
    if soort == "string_pattern_mismatch":
        return f"{_toon(waarde)} is geen geldige sleutel: alleen a-z, 0-9 en koppeltekens"
    if soort == "string_too_short":
        return "mag niet leeg zijn"
    if soort == "string_too_long":
        return f"te lang (hoogstens {ctx.get('max_length')} tekens)"
    if soort == "too_short":
        return f"moet minstens {ctx.get('min_length')} waarde(n) bevatten"
    if soort == "greater_than_equal":
        return f"waarde {_toon(waarde)}: moet {ctx.get('ge')} of groter zijn"
    if soort == "less_than_equal":
        return f"waarde {_toon(waarde)}: moet {ctx.get('le')} of kleiner zijn"
    if soort == "value_error":
        return str(ctx.get("error", fout.get("msg", "")))
    verwacht = {
        "string_type": "tekst",
        "int_type": "een geheel getal",
        "list_type": "een lijst",
        "dict_type": "een tabel",
        "model_type": "een tabel",
        "bool_type": "true of false",
    }
    if soort in verwacht:
        return f"verwacht {verwacht[soort]}, kreeg {_toon(waarde)}"
    return f"ongeldige waarde {_toon(waarde)} ({fout.get('msg', soort)})"


def valideer_kader(data: Mapping[str, Any], bestand: str) -> Kader:
    """Validate one framework on its own (a new one, say); Dutch messages without a line."""
    try:
        return Kader.model_validate(data)
    except ValidationError as fout:
        meldingen = []
        for e in fout.errors():
            binnen = {**e, "loc": ("kader", 0, *e["loc"])}
            melding = _melding(binnen, {"kader": [data]}, Regelkaart(""), bestand)
            meldingen.append(Melding(melding.tekst, bestand, wie=melding.wie))
        raise KadersFout(meldingen) from None
