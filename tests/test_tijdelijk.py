"""Issue 20, items 5 and 10: kaders removes only temp files it made itself, and those a killed
run left behind are cleaned up by the next write (kaders.tijdelijk)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KLEIN

from kaders import tijdelijk

TOEVOEGEN = (
    '{"id": "nieuw", "missie": "N", "naam": "N", "regio": "europa", "organisatie": "EU", '
    '"typen": ["civiel"], "status": "verkenning", "bron": "b", "citaat": "c"}'
)

# Runs kaders, but SIGKILLs itself at the moment a temp file is about to replace its target:
# the state a kill -9 (or a power cut) at the worst moment leaves. No timing involved.
_GEDOOD_BIJ_VERVANGEN = """
import os, signal, sys
def dood(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = dood
sys.argv = ["kaders", *sys.argv[1:]]
from kaders.start import main
main()
"""


def _gedood(*args: str, env: dict[str, str] | None = None) -> int:
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
    omgeving |= env or {"KADERS_CACHE": "uit"}  # the first replace is the one under test
    proces = subprocess.run(
        [sys.executable, "-c", _GEDOOD_BIJ_VERVANGEN, *args],
        capture_output=True,
        env=omgeving,
        timeout=60,
    )
    return proces.returncode


def _kaders(*args: str, invoer: str = "", env: dict[str, str] | None = None) -> int:
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "kaders", *args],
        input=invoer,
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=60,
    ).returncode


def _dode_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    proces = subprocess.Popen([sys.executable, "-c", "pass"])
    proces.wait()
    return proces.pid


def _register(map_: Path) -> Path:
    pad = map_ / "register.toml"
    shutil.copyfile(KLEIN, pad)
    return pad


def test_temp_files_of_others_beside_the_register_survive_a_write(tmp_path: Path) -> None:
    pad = _register(tmp_path)
    vreemd = [
        tmp_path / ".register.toml.abc123.tmp",  # the old pattern: anyone's
        tmp_path / ".register.toml.swp.tmp",
        tmp_path / f".register.toml.kaders-{os.getpid()}-abcdef.tmp",  # ours, but running
        tmp_path / ".register.toml.kaders-x-1.tmp",
    ]
    for bestand in vreemd:
        bestand.write_text("van iemand anders")
    assert _kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN) == 0
    for bestand in vreemd:
        assert bestand.read_text() == "van iemand anders", bestand.name


@pytest.mark.skipif(os.geteuid() != 0, reason="alleen root kan een bestand aan een ander geven")
def test_a_file_with_our_name_of_another_user_survives(tmp_path: Path) -> None:
    pad = _register(tmp_path)
    ander = tmp_path / f".register.toml.kaders-{_dode_pid()}-abcdef.tmp"
    ander.write_text("van een ander")
    os.chown(ander, 4321, 4321)
    assert _kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN) == 0
    assert ander.exists()


def test_a_killed_append_leaves_a_temp_file_the_next_write_removes(tmp_path: Path) -> None:
    pad = _register(tmp_path)
    voor = pad.read_bytes()
    code = subprocess.run(
        [sys.executable, "-c", _GEDOOD_BIJ_VERVANGEN, "--register", str(pad), "toevoegen"],
        input=TOEVOEGEN.encode(),
        capture_output=True,
        env=os.environ | {"KADERS_CACHE": "uit"},
        timeout=60,
    ).returncode
    assert code == -9
    resten = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(resten) == 1 and resten[0].startswith(".register.toml.kaders-"), resten
    assert pad.read_bytes() == voor
    assert _kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.toml"]


def test_a_killed_export_leaves_a_temp_file_the_next_export_removes(tmp_path: Path) -> None:
    doel = tmp_path / "uit.json"
    assert _gedood("--register", str(KLEIN), "export", "-f", "json", "-o", str(doel)) == -9
    resten = [p.name for p in tmp_path.iterdir()]
    assert len(resten) == 1 and resten[0].startswith(".uit.json.kaders-"), resten
    anders = tmp_path / ".uit.json.ab12cd.tmp"  # not ours
    anders.write_text("x")
    assert _kaders("--register", str(KLEIN), "export", "-f", "json", "-o", str(doel)) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".uit.json.ab12cd.tmp", "uit.json"]


def test_a_killed_cache_write_is_cleaned_up_by_the_next_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"KADERS_CACHE": str(cache)}
    assert _gedood("--register", str(KLEIN), "list", "-f", "json", env=env) == -9
    resten = [p.name for p in cache.iterdir()]
    assert len(resten) == 1 and resten[0].startswith("kaders-"), resten
    assert resten[0].endswith(".tmp")
    (cache / "kaders-vreemd.tmp").write_text("x")  # not ours: no process id
    assert _kaders("--register", str(KLEIN), "list", "-f", "json", env=env) == 0
    namen = sorted(p.name for p in cache.iterdir())
    assert not [n for n in namen if n.endswith(".tmp") and n != "kaders-vreemd.tmp"], namen
    assert "kaders-vreemd.tmp" in namen
    assert [n for n in namen if n.endswith(".register.pickle")]


def test_only_a_regular_file_of_ours_with_a_dead_process_is_a_leftover(tmp_path: Path) -> None:
    dood = _dode_pid()
    gevallen = {
        f".r.toml.kaders-{dood}-abc.tmp": True,
        f".r.toml.kaders-{os.getpid()}-abc.tmp": False,  # running
        f".r.toml.kaders-{dood}.tmp": False,  # no random part: not our pattern
        f".r.toml.kaders-{dood}-abc.tmp.bak": False,
        f".ander.toml.kaders-{dood}-abc.tmp": False,  # another target
        ".r.toml.kaders--abc.tmp": False,
        ".r.toml.12345.tmp": False,
    }
    for naam in gevallen:
        (tmp_path / naam).write_text("x")
    link = tmp_path / f".r.toml.kaders-{dood}-link.tmp"
    link.symlink_to(tmp_path / ".r.toml.12345.tmp")
    gevallen[link.name] = False  # a link is never ours
    for naam, verwacht in gevallen.items():
        assert tijdelijk.is_restant(tmp_path / naam, "r.toml") is verwacht, naam
    weg = tijdelijk.ruim_op(tmp_path, "r.toml")
    assert [p.name for p in weg] == [f".r.toml.kaders-{dood}-abc.tmp"]


def test_home_that_does_not_exist_is_never_created(tmp_path: Path) -> None:
    thuis = tmp_path / "nonexistent"
    omgeving = {"HOME": str(thuis), "KADERS_CACHE": ""}
    omgeving = {k: v for k, v in (os.environ | omgeving).items() if k != "XDG_CACHE_HOME"}
    del omgeving["KADERS_CACHE"]
    proces = subprocess.run(
        [sys.executable, "-m", "kaders", "list", "-f", "json"],
        capture_output=True,
        env=omgeving,
        timeout=60,
    )
    assert proces.returncode == 0, proces.stderr
    assert not thuis.exists()


def test_an_existing_home_gets_its_cache_folder(tmp_path: Path) -> None:
    omgeving = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "KADERS_CACHE")}
    omgeving["HOME"] = str(tmp_path)
    proces = subprocess.run(
        [sys.executable, "-m", "kaders", "list", "-f", "json"],
        capture_output=True,
        env=omgeving,
        timeout=60,
    )
    assert proces.returncode == 0
    assert list((tmp_path / ".cache" / "kaders").glob("*.register.pickle"))
