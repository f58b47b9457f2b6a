"""laad(): read a register file, through the cache when a cache folder is given."""

from __future__ import annotations

from pathlib import Path

from . import bronmodellen, cache, inlezen, models, regels, tomlfouten, waarden
from .models import Register

# The code that decides whether bytes are a valid register, and what they validate to: a
# cache entry is only valid under exactly this code.
VALIDERENDE_CODE = (
    models.__file__,
    bronmodellen.__file__,
    waarden.__file__,
    regels.__file__,
    str(Path(models.__file__).with_name("stand.py")),  # by name: imported only to fold
    str(Path(models.__file__).with_name("logregels.py")),
    inlezen.__file__,
    tomlfouten.__file__,  # which parser reads the text (its version range is pinned there)
)


def laad(pad: Path, cache_map: Path | None = None) -> Register:
    """Load and validate a register file; with a cache folder, a validated copy is reused."""
    ruw = inlezen.lees_bytes(pad)
    if cache_map is None:
        return inlezen.laad_tekst(inlezen.decodeer(ruw, str(pad)), str(pad))
    sleutel = cache.sleutel(ruw, VALIDERENDE_CODE)
    register = cache.haal(cache_map, sleutel)
    if register is None:
        register = inlezen.laad_tekst(inlezen.decodeer(ruw, str(pad)), str(pad))
        cache.bewaar(cache_map, sleutel, register)
    return register


def gebundeld_register() -> Path:
    """The register shipped with the package (wheel), or the one in the source tree."""
    pakket = Path(__file__).resolve().parent
    kandidaten = (pakket / "data" / "kaders.toml", pakket.parents[1] / "data" / "kaders.toml")
    return next((k for k in kandidaten if k.is_file()), kandidaten[0])
