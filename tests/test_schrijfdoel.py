"""Issue 20, items 10 and 11: where an answer or an append goes. `-o -` is stdout; a device or
pipe is no file to replace; a register with hard links is refused; a CRLF register stays CRLF."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, KLEIN, kaders

from kaders.inlezen import laad_tekst

TOEVOEGEN = json.dumps(
    {
        "id": "nieuw",
        "missie": "N",
        "naam": "N",
        "regio": "europa",
        "organisatie": "EU",
        "typen": ["civiel"],
        "status": "verkenning",
        "bron": "b",
        "citaat": "c",
    }
)


def test_uitvoer_dash_is_stdout(tmp_path: Path) -> None:
    uitkomst = kaders("--register", str(KLEIN), "export", "-f", "json", "-o", "-", cwd=tmp_path)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert len(json.loads(uitkomst.stdout)) == 3
    assert list(tmp_path.iterdir()) == []  # no file named '-'


def test_dev_stdout_on_a_pipe_is_stdout_and_no_folder_is_blamed(tmp_path: Path) -> None:
    uitkomst = kaders("--register", str(KLEIN), "export", "-f", "csv", "-o", "/dev/stdout")
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.startswith("id,missie")
    assert "alleen-lezen" not in uitkomst.stderr


@pytest.mark.parametrize("overschrijf", [[], ["--overschrijf"]])
def test_a_device_as_target_is_refused_clearly(overschrijf: list[str]) -> None:
    proces = subprocess.run(
        [sys.executable, "-m", "kaders", "--register", str(KLEIN), "export", "-o", "/dev/stderr",
         *overschrijf],
        capture_output=True,
        text=True,
        timeout=60,
    )  # fmt: skip
    assert proces.returncode == 1
    assert "alleen-lezen" not in proces.stderr
    assert proces.stderr.startswith(
        "kaders: /dev/stderr: is geen gewoon bestand maar een apparaat, pijp of socket"
    )
    assert "--uitvoer -" in proces.stderr  # the hint names how to reach stdout


def test_a_register_with_a_second_name_is_refused(tmp_path: Path) -> None:
    pad = tmp_path / "register.toml"
    shutil.copyfile(KLEIN, pad)
    tweede = tmp_path / "ook.toml"
    os.link(pad, tweede)
    voor = pad.read_bytes()
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN)
    assert uitkomst.returncode == 1
    assert uitkomst.stderr.startswith(
        f"kaders: {pad}: het bestand heeft 2 namen (harde links); vervangen zou alleen deze naam"
    )
    assert "tip: geef het register een eigen bestand" in uitkomst.stderr
    assert pad.read_bytes() == voor and tweede.read_bytes() == voor
    assert os.stat(pad).st_ino == os.stat(tweede).st_ino


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["zonder-bom", "met-bom"])
@pytest.mark.parametrize("slot", ["\r\n", "\r\n\r\n", ""], ids=["crlf", "lege-regel", "geen"])
def test_a_crlf_register_stays_crlf_on_append(tmp_path: Path, bom: bytes, slot: str) -> None:
    tekst = KLEIN.read_text(encoding="utf-8").rstrip("\n").replace("\n", "\r\n") + slot
    pad = tmp_path / "crlf.toml"
    pad.write_bytes(bom + tekst.encode())
    voor = pad.read_bytes()
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN)
    assert uitkomst.returncode == 0, uitkomst.stderr
    na = pad.read_bytes()
    assert na.startswith(voor)  # byte for byte, BOM included
    assert na.count(b"\n") == na.count(b"\r\n")  # every line ends in CRLF
    assert b'\r\n\r\n[[kader]]\r\nid = "nieuw"' in na[len(voor) - 4 :]
    assert b"\r\n\r\n\r\n" not in na[len(voor) - 4 :]  # one blank line, not two
    assert [k.id for k in laad_tekst(na.decode("utf-8-sig"), "crlf.toml").kader][-1] == "nieuw"


def test_an_lf_register_stays_lf(tmp_path: Path) -> None:
    pad = tmp_path / "lf.toml"
    shutil.copyfile(DATA / "klein.toml", pad)
    assert kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN).returncode == 0
    assert b"\r" not in pad.read_bytes()
