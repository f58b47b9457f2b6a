"""The register cache: same bytes, same register; anything odd falls back to parsing."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import KLEIN, kaders

from kaders import inlezen as register_module
from kaders.cache import BEWAAR
from kaders.errors import KadersFout
from kaders.laden import laad

ENTRIES = "kaders-*.register.pickle"
INVALID = Path(__file__).parent / "data" / "invalid"


def _groot(pad: Path, aantal: int = 50) -> Path:
    """A valid register: the small one with many more frameworks."""
    tekst = KLEIN.read_text(encoding="utf-8")
    kop, _, kader = tekst.rpartition('[[kader]]\nid = "kort"')
    blokken = [
        f'[[kader]]\nid = "kort-{i}"' + kader + f'toelichting = "{"x" * 200}"\n'
        for i in range(aantal)
    ]
    pad.write_text(kop + "\n".join(blokken), encoding="utf-8")
    return pad


def test_second_load_comes_from_the_cache_and_is_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    eerste = laad(pad, cache)
    bestanden = list(cache.glob(ENTRIES))
    assert len(bestanden) == 1
    zonder_cache = laad(pad)

    def niet_parsen(tekst: str, bestand: str) -> None:
        raise AssertionError("a cache hit must not parse the TOML")

    monkeypatch.setattr(register_module, "parse_toml", niet_parsen)
    tweede = laad(pad, cache)
    assert tweede == eerste == zonder_cache
    assert [k.als_json() for k in tweede.kader] == [k.model_dump(mode="json") for k in eerste.kader]


def test_an_entry_that_would_run_code_is_refused(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    eerste = laad(pad, cache)
    teken = tmp_path / "uitgevoerd"

    class Kwaad:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {teken}",))

    for bestand in cache.glob(ENTRIES):
        bestand.write_bytes(pickle.dumps(Kwaad()))
    assert laad(pad, cache) == eerste
    assert not teken.exists()


def test_old_entries_are_pruned_and_foreign_files_left_alone(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    vreemd = cache / "notities.json"
    vreemd.write_text("{}")
    tekst = KLEIN.read_text(encoding="utf-8")
    for i in range(BEWAAR + 3):
        pad = tmp_path / f"r{i}.toml"
        pad.write_text(tekst + f"# versie {i}\n", encoding="utf-8")
        laad(pad, cache)
    assert len(list(cache.glob(ENTRIES))) == BEWAAR
    assert vreemd.read_text() == "{}"
    assert not list(cache.glob("*.tmp"))


def test_a_damaged_cache_entry_falls_back_to_parsing(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    eerste = laad(pad, cache)
    for bestand in cache.glob(ENTRIES):
        bestand.write_text('{"register": kapot')
    assert laad(pad, cache) == eerste


def test_changed_bytes_never_hit_an_old_entry(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    laad(pad, cache)
    pad.write_text(pad.read_text().replace('id = "kort-3"', 'id = "kort-2"'))
    with pytest.raises(KadersFout, match="moet uniek zijn"):
        laad(pad, cache)
    assert len(list(cache.glob(ENTRIES))) == 1


def test_invalid_registers_are_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with pytest.raises(KadersFout):
        laad(INVALID / "dubbel-id.toml", cache)
    assert not cache.exists()


def test_cli_uses_cache_folder_from_environment(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "c"
    for _ in range(2):
        uitkomst = kaders("--register", str(pad), "totaal", env={"KADERS_CACHE": str(cache)})
        assert uitkomst.returncode == 0
    assert len(list(cache.glob(ENTRIES))) == 1
    kaders("--register", str(pad), "list", env={"KADERS_CACHE": "uit", "HOME": str(tmp_path)})
    assert not (tmp_path / ".cache").exists()


def test_an_entry_written_by_another_user_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    eerste = laad(pad, cache)
    geparsed: list[str] = []
    echt = register_module.parse_toml

    def tel(tekst: str, bestand: str) -> dict[str, object]:
        geparsed.append(bestand)
        return echt(tekst, bestand)

    monkeypatch.setattr(register_module, "parse_toml", tel)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(pad).st_uid + 1)
    assert laad(pad, cache) == eerste
    assert geparsed == [str(pad)]


def test_a_fifo_in_place_of_an_entry_is_a_miss_not_a_hang(tmp_path: Path) -> None:
    """Regression (review): opening a FIFO for reading blocked every command."""
    from kaders.cache import sleutel
    from kaders.laden import VALIDERENDE_CODE

    cache = tmp_path / "cache"
    cache.mkdir()
    naam = sleutel(KLEIN.read_bytes(), VALIDERENDE_CODE)
    assert naam is not None
    os.mkfifo(cache / naam)
    uitkomst = kaders("--register", str(KLEIN), "list", env={"KADERS_CACHE": str(cache)})
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert "eulex-kosovo" in uitkomst.stdout


def test_reading_an_entry_pauses_the_collector_and_turns_it_back_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unpickling a large register with the collector on costs a third more (bench/README.md)."""
    import gc

    from kaders import cache

    pad, map_ = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    laad(pad, map_)
    tijdens: list[bool] = []
    echt = cache._Lezer.load

    def load(self: cache._Lezer) -> object:
        tijdens.append(gc.isenabled())
        return echt(self)

    monkeypatch.setattr(cache._Lezer, "load", load)
    assert laad(pad, map_) == laad(pad)
    assert tijdens == [False] and gc.isenabled()
    entry = next(map_.glob("*.pickle"))
    entry.write_bytes(b"kapot")  # an entry that raises while it is read
    assert laad(pad, map_) == laad(pad)
    assert tijdens == [False, False] and gc.isenabled()
