"""The cache of large registers: same bytes, same register; anything odd falls back to parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import KLEIN, kaders

from kaders.errors import KadersFout
from kaders.register import VANAF_BYTES, laad


def _groot(pad: Path, aantal: int = 700) -> Path:
    """A valid register above the cache threshold: the small one with many more frameworks."""
    tekst = KLEIN.read_text(encoding="utf-8")
    kop, _, kader = tekst.rpartition('[[kader]]\nid = "kort"')
    blokken = [
        f'[[kader]]\nid = "kort-{i}"' + kader + f'toelichting = "{"x" * 200}"\n'
        for i in range(aantal)
    ]
    pad.write_text(kop + "\n".join(blokken), encoding="utf-8")
    assert pad.stat().st_size > VANAF_BYTES
    return pad


def test_second_load_comes_from_the_cache_and_is_equal(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    eerste = laad(pad, cache)
    bestanden = list(cache.glob("*.json"))
    assert len(bestanden) == 1
    assert laad(pad, cache) == eerste == laad(pad)


def test_a_damaged_cache_entry_falls_back_to_parsing(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    eerste = laad(pad, cache)
    for bestand in cache.glob("*.json"):
        bestand.write_text('{"register": kapot')
    assert laad(pad, cache) == eerste


def test_changed_bytes_never_hit_an_old_entry(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "cache"
    laad(pad, cache)
    pad.write_text(pad.read_text().replace('id = "kort-3"', 'id = "kort-2"'))
    with pytest.raises(KadersFout, match="moet uniek zijn"):
        laad(pad, cache)
    assert len(list(cache.glob("*.json"))) == 1


def test_small_registers_and_invalid_ones_are_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    laad(KLEIN, cache)
    assert not cache.exists()


def test_cli_uses_cache_folder_from_environment(tmp_path: Path) -> None:
    pad, cache = _groot(tmp_path / "groot.toml"), tmp_path / "c"
    for _ in range(2):
        uitkomst = kaders("--register", str(pad), "totaal", env={"KADERS_CACHE": str(cache)})
        assert uitkomst.returncode == 0
    assert len(list(cache.glob("*.json"))) == 1
    kaders("--register", str(pad), "list", env={"KADERS_CACHE": "uit", "HOME": str(tmp_path)})
    assert not (tmp_path / ".cache").exists()
