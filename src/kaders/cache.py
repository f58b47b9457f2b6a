"""A cache of validated large registers, keyed by their exact bytes: skip TOML parsing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from .models import Register

BEWAAR = 8


def _sleutel(ruw: bytes) -> str:
    """The same bytes under the same version of kaders give the same register."""
    return hashlib.sha256(__version__.encode() + b"\0" + ruw).hexdigest()


def haal(map_: Path, ruw: bytes) -> Register | None:
    """The register these bytes validated to before, or None (never an error)."""
    try:
        return Register.model_validate_json((map_ / f"{_sleutel(ruw)}.json").read_bytes())
    except (OSError, ValueError, ValidationError):
        return None


def bewaar(map_: Path, ruw: bytes, register: Register) -> None:
    """Store a validated register and keep the newest few; an unwritable cache is skipped."""
    with contextlib.suppress(OSError):
        map_.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=map_, suffix=".tmp")
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(register.model_dump_json(by_alias=True).encode())
        os.replace(tijdelijk, map_ / f"{_sleutel(ruw)}.json")
        oud = sorted(map_.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for overbodig in oud[BEWAAR:]:
            overbodig.unlink()
