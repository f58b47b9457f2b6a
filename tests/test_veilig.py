"""Safe for the people who maintain the register (issue 13): no silent overwrite, no wrong
file, no inconsistent end. Real processes wherever a file, a mode or a pipe is involved."""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import KLEIN, REGISTER, kaders
from hulp import COMMANDOS
from typer.testing import CliRunner

from kaders import atomisch
from kaders.cli import app
from kaders.errors import KadersFout, Weigering
from kaders.laden import gebundeld_register, laad

runner = CliRunner()
NIEUW = {
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
TOEVOEGEN = json.dumps(NIEUW)
# The bundled register has documents: a framework added to it names the one that introduced it.
TOEVOEGEN_493 = json.dumps({**NIEUW, "document": "kst-29521-493"})


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _kopie(map_: Path, naam: str = "register.toml", bron: Path = KLEIN) -> Path:
    pad = map_ / naam
    shutil.copyfile(bron, pad)
    return pad


def _stand(pad: Path) -> tuple[str, int, int, int]:
    """What must not change about a refused file: its bytes, mode, owner and group."""
    info = pad.stat()
    return _sha(pad), info.st_mode, info.st_uid, info.st_gid


@pytest.fixture
def alleen_lezen_map(tmp_path: Path) -> Iterator[Path]:
    map_ = tmp_path / "vast"
    map_.mkdir()
    _kopie(map_)
    map_.chmod(0o555)
    yield map_
    map_.chmod(0o755)


# --- 1. writing only what was asked ----------------------------------------------------------


def test_export_refuses_an_existing_file_without_overschrijf(tmp_path: Path) -> None:
    doel = tmp_path / "kaders.csv"
    doel.write_text("mijn werk\n")
    uitkomst = kaders("export", "--formaat", "csv", "--uitvoer", str(doel))
    assert uitkomst.returncode == 1
    assert f"kaders: {doel}: bestaat al; het blijft ongewijzigd" in uitkomst.stderr
    assert "--overschrijf" in uitkomst.stderr
    assert doel.read_text() == "mijn werk\n"
    uitkomst = kaders("export", "--formaat", "csv", "--uitvoer", str(doel), "--overschrijf")
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert doel.read_text(encoding="utf-8").startswith("id,")


def test_export_never_replaces_the_register_in_use(tmp_path: Path) -> None:
    """The issue's case: 'export --formaat toml --regio afrika --uitvoer self.toml' kept 9 of 42."""
    zelf = _kopie(tmp_path, "self.toml", REGISTER)
    (tmp_path / "link.toml").symlink_to(zelf)
    os.link(zelf, tmp_path / "hard.toml")
    voor = _sha(zelf)
    for doel in ("self.toml", "./self.toml", str(zelf), "link.toml", "hard.toml"):
        for formaat in ("toml", None):  # given, or chosen by the extension
            args = ["--register", "self.toml", "export", "--regio", "afrika"]
            args += ["--formaat", formaat] if formaat else []
            uitkomst = subprocess.run(
                [sys.executable, "-m", "kaders", *args, "--uitvoer", doel, "--overschrijf"],
                capture_output=True,
                text=True,
                cwd=tmp_path,
                timeout=60,
            )
            assert uitkomst.returncode == 1, (doel, uitkomst.stderr)
            assert "is het register in gebruik" in uitkomst.stderr, doel
            assert "kies een ander pad voor --uitvoer" in uitkomst.stderr
            assert _sha(zelf) == voor, doel
    assert len(laad(zelf).kader) == len(laad(REGISTER).kader)


def test_one_decision_for_every_target(tmp_path: Path) -> None:
    register = _kopie(tmp_path)
    andere = _kopie(tmp_path, "andere.toml")
    with pytest.raises(KadersFout) as fout:
        atomisch.controleer_doel(register, register=register, overschrijven=True)
    assert fout.value.soort is Weigering.REGISTER
    with pytest.raises(KadersFout) as fout:
        atomisch.controleer_doel(andere, register=register, overschrijven=False)
    assert fout.value.soort is Weigering.BESTAAT
    atomisch.controleer_doel(andere, register=register, overschrijven=True)
    atomisch.controleer_doel(tmp_path / "nieuw.json", register=register, overschrijven=False)


# --- 2. permissions honoured -----------------------------------------------------------------


@pytest.mark.parametrize("modus", [0o444, 0o400, 0o000])
def test_a_register_without_write_bits_is_refused_even_for_root(tmp_path: Path, modus: int) -> None:
    pad = _kopie(tmp_path)
    pad.chmod(modus)
    voor = _stand(pad)
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN)
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert f"geen schrijfrechten op het bestand (modus {modus:04o}" in uitkomst.stderr
    assert _stand(pad) == voor
    doel = _kopie(tmp_path, "doel.json")
    doel.chmod(modus)
    voor = _stand(doel)
    uitkomst = kaders("export", "--uitvoer", str(doel), "--overschrijf")
    assert uitkomst.returncode == 1 and "geen schrijfrechten" in uitkomst.stderr
    assert _stand(doel) == voor


def test_no_write_permission_for_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root may write anything; the kernel's answer for another user is simulated."""
    pad = _kopie(tmp_path)
    voor = _stand(pad)
    echt_access = os.access

    def access(p: object, modus: int, **extra: object) -> bool:
        if str(p) == str(pad) and modus & os.W_OK:
            return False
        return echt_access(p, modus, **extra)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    uitkomst = runner.invoke(app, ["--register", str(pad), "toevoegen"], input=TOEVOEGEN)
    assert uitkomst.exit_code == 1
    assert "geen schrijfrechten op het bestand (modus 0644" in uitkomst.stderr
    assert _stand(pad) == voor


def test_a_file_of_another_owner_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As another user the atomic replace would make the file ours: refused, like a kernel would."""
    pad = _kopie(tmp_path)
    voor = _stand(pad)
    monkeypatch.setattr(os, "geteuid", lambda: pad.stat().st_uid + 1000)
    uitkomst = runner.invoke(app, ["--register", str(pad), "toevoegen"], input=TOEVOEGEN)
    assert uitkomst.exit_code == 1
    assert "vervangen zou eigenaar of groep veranderen (modus 0644" in uitkomst.stderr
    assert "tip: laat de eigenaar het wijzigen" in uitkomst.stderr
    assert _stand(pad) == voor


def test_a_read_only_folder_is_named(alleen_lezen_map: Path) -> None:
    pad = alleen_lezen_map / "register.toml"
    voor = _stand(pad)
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN)
    assert uitkomst.returncode == 1
    assert f"de map {alleen_lezen_map} is alleen-lezen" in uitkomst.stderr
    assert _stand(pad) == voor
    assert sorted(p.name for p in alleen_lezen_map.iterdir()) == ["register.toml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="alleen root kan een bestand aan een ander geven")
def test_owner_group_and_mode_survive_the_atomic_replace(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    os.chown(pad, 12345, 23456)
    pad.chmod(0o664)
    uitkomst = kaders("--register", str(pad), "toevoegen", invoer=TOEVOEGEN)
    assert uitkomst.returncode == 0, uitkomst.stderr
    info = pad.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o7777) == (12345, 23456, 0o664)
    assert laad(pad).kader[-1].id == "nieuw"
    doel = tmp_path / "export.json"
    doel.write_text("[]")
    os.chown(doel, 12345, 23456)
    assert kaders("export", "--uitvoer", str(doel), "--overschrijf").returncode == 0
    assert (doel.stat().st_uid, doel.stat().st_gid) == (12345, 23456)


# --- 3. the right register, always named -----------------------------------------------------


def test_valideer_names_the_file(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    uitkomst = kaders("--register", str(pad), "valideer")
    assert uitkomst.stdout.startswith(f"{pad}: geldig — 3 kaders")
    assert kaders("valideer").stdout.startswith(f"{gebundeld_register()}: geldig")


def test_table_titles_name_a_register_that_is_not_the_bundled_one(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    for args in (["list"], ["toon", "kort"]):
        eigen = runner.invoke(app, ["--register", str(pad), *args, "--formaat", "tabel"])
        assert eigen.exit_code == 0, args
        assert str(pad) in "".join(eigen.stdout.split()), args  # a narrow table wraps the title
    for args in (["list"], ["toon", "kfor-imint"]):
        meegeleverd = runner.invoke(app, [*args, "--formaat", "tabel"])
        assert meegeleverd.exit_code == 0 and "kaders.toml" not in meegeleverd.stdout, args


def test_hint_when_the_installed_copy_is_used_beside_a_different_source(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    bron = tmp_path / "data" / "kaders.toml"
    shutil.copyfile(REGISTER, bron)
    hint = "let op: dit is het geïnstalleerde register"
    for args in (["list", "-f", "json"], ["valideer"], ["toon", "kfor-imint", "-f", "json"]):
        gelijk = kaders(*args, cwd=tmp_path)
        assert gelijk.returncode == 0 and hint not in gelijk.stderr, args
    bron.write_text(
        REGISTER.read_text(encoding="utf-8").replace("personeel = 15", "personeel = 16")
    )
    for args in (["list", "-f", "json"], ["valideer"], ["totaal", "-f", "json"]):
        anders = kaders(*args, cwd=tmp_path)
        assert anders.returncode == 0
        regels = [r for r in anders.stderr.splitlines() if hint in r]
        assert regels == [
            f"kaders: {hint} ({gebundeld_register()}); ./data/kaders.toml verschilt ervan. "
            "Bedoelt u --register data/kaders.toml?"
        ], anders.stderr
    gekozen = kaders("--register", "data/kaders.toml", "valideer", cwd=tmp_path)
    assert gekozen.returncode == 0 and hint not in gekozen.stderr
    assert gekozen.stdout.startswith("data/kaders.toml: geldig")


# --- 5. consistent endings -------------------------------------------------------------------


def test_valideer_reports_an_ended_framework_on_the_standard_end(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    tekst = pad.read_text().replace('status = "verlengd"', 'status = "beeindigd"')
    pad.write_text(tekst.replace("eind = 2025-05-31", "eind = 2028-06-30"))
    uitkomst = kaders("valideer", str(pad))
    assert uitkomst.returncode == 1
    regel = pad.read_text().split("\n").index('status = "beeindigd"')  # eind is the line above
    assert (
        f"{pad}:{regel}: kader 'kort': veld 'eind': status 'beeindigd' maar eind is het "
        "standaardeinde 2028-06-30; zet 'eind' op de laatste dag van de bijdrage"
    ) in uitkomst.stderr
    toevoegen = kaders(
        "--register", str(_kopie(tmp_path, "b.toml")), "toevoegen",
        invoer=json.dumps({**NIEUW, "status": "beeindigd"}),
    )  # fmt: skip
    assert toevoegen.returncode == 1 and "standaardeinde 2028-06-30" in toevoegen.stderr


def test_beeindigd_with_its_dutch_spelling_everywhere(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    lijst = kaders("--register", str(pad), "list", "--status", "beëindigd", "-f", "json")
    assert lijst.returncode == 0, lijst.stderr
    opties = ["--id", "gestopt", "--missie", "G", "--naam", "G", "--regio", "europa"]
    opties += ["--organisatie", "EU", "--type", "civiel", "--status", "Beëindigd"]
    opties += ["--bron", "b", "--citaat", "c", "--eind", "2025-03-31"]
    uitkomst = kaders("--register", str(pad), "toevoegen", *opties, invoer="")
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert pad.read_text(encoding="utf-8").endswith(
        'status = "beeindigd"\nbron = "b"\ncitaat = "c"\n'
    )
    stdin = {**NIEUW, "id": "via-stdin", "status": "beëindigd", "eind": "2025-02-28"}
    assert kaders("--register", str(pad), "toevoegen", invoer=json.dumps(stdin)).returncode == 0
    # in the file as a maintainer types it: accepted, read as the canonical spelling
    tekst = pad.read_text(encoding="utf-8").replace('status = "verlengd"', 'status = "beëindigd"')
    pad.write_text(tekst.replace("eind = 2025-05-31", "eind = 2025-04-30"), encoding="utf-8")
    gevonden = kaders("--register", str(pad), "list", "--status", "beeindigd", "-f", "json")
    assert {k["id"] for k in json.loads(gevonden.stdout)} == {"gestopt", "via-stdin", "kort"}


def test_dates_outside_the_period_warn_but_pass(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.write_text(pad.read_text().replace("eind = 2025-05-31", "eind = 2029-12-31"))
    uitkomst = kaders("valideer", str(pad))
    assert uitkomst.returncode == 0 and "geldig" in uitkomst.stdout
    regel = pad.read_text().split("\n").index("eind = 2029-12-31") + 1
    assert (
        f"kaders: {pad}:{regel}: waarschuwing: kader 'kort': eind 2029-12-31 ligt na het "
        "standaardeinde van het register (2028-06-30)"
    ) in uitkomst.stderr
    vroeg = json.dumps({**NIEUW, "begin": "2024-06-01"})
    toegevoegd = kaders("--register", str(pad), "toevoegen", invoer=vroeg)
    assert toegevoegd.returncode == 0, toegevoegd.stderr
    assert (
        "kaders: waarschuwing: nieuw kader 'nieuw': begin 2024-06-01 ligt vóór het begin van het "
        "register (2025-01-01)"
    ) in toegevoegd.stderr


# --- 6. TOML errors that name the field ------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("2028-06-31", "veld 'eind': datum '2028-06-31' bestaat niet (die dag is er niet)"),
        ("30-06-2028", "veld 'eind': '30-06-2028' is geen datum; verwacht JJJJ-MM-DD"),
    ],
)
def test_toml_date_errors_name_the_field(tmp_path: Path, waarde: str, melding: str) -> None:
    pad = tmp_path / "kaders.toml"
    pad.write_text(KLEIN.read_text().replace("eind = 2025-05-31", f"eind = {waarde}"))
    regel = pad.read_text().split("\n").index(f"eind = {waarde}") + 1
    uitkomst = kaders("valideer", str(pad))
    assert uitkomst.returncode == 1
    assert uitkomst.stderr == f"kaders: {pad}:{regel}:8: {melding}\n"


# --- 7. options where people type them -------------------------------------------------------


def test_register_after_the_command_for_every_command(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    for commando in COMMANDOS:
        uitkomst = runner.invoke(app, [commando, "--register", str(pad), "--help"])
        assert uitkomst.exit_code == 0 and "--register" in uitkomst.stdout, commando
    na = runner.invoke(app, ["list", "--register", str(pad), "-f", "tsv"])
    assert na.exit_code == 0 and len(na.stdout.splitlines()) == 4
    # the one after the command wins over the one before it, and over $KADERS_REGISTER
    beide = runner.invoke(app, ["--register", str(REGISTER), "list", "--register", str(pad)])
    assert len(beide.stdout.splitlines()) == 4
    omgeving = kaders("valideer", "--register", str(pad), env={"KADERS_REGISTER": str(REGISTER)})
    assert omgeving.stdout.startswith(f"{pad}: geldig")
    assert kaders("valideer", env={"KADERS_REGISTER": str(pad)}).stdout.startswith(f"{pad}:")
    kopie = _kopie(tmp_path, "kopie.toml")
    toegevoegd = kaders("toevoegen", "--register", str(kopie), invoer=TOEVOEGEN)
    assert toegevoegd.returncode == 0 and laad(kopie).kader[-1].id == "nieuw"


def test_valideer_reads_stdin() -> None:
    proces = subprocess.run(
        f"cat {KLEIN} | {sys.executable} -m kaders valideer -",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proces.returncode == 0, proces.stderr
    assert proces.stdout == "<stdin>: geldig — 3 kaders (1 zonder aantal), 2 regio's\n"
    kapot = kaders("valideer", "-", invoer=KLEIN.read_text().replace("2025-05-31", "2025-02-30"))
    assert kapot.returncode == 1 and "<stdin>:" in kapot.stderr and "veld 'eind'" in kapot.stderr


def _gesprek(args: list[str], antwoorden: list[tuple[str, str]]) -> tuple[int, str]:
    """Run kaders on a pseudo-terminal; after each expected text, type an answer."""
    meester, slaaf = os.openpty()
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
    proces = subprocess.Popen(
        [sys.executable, "-m", "kaders", *args],
        stdin=slaaf,
        stdout=slaaf,
        stderr=slaaf,
        env={**omgeving, "TERM": "dumb"},
    )
    os.close(slaaf)
    gelezen, plek = b"", 0

    def lees(tot: bytes | None) -> None:
        nonlocal gelezen, plek
        grens = time.monotonic() + 30
        while tot is None or tot not in gelezen[plek:]:
            klaar, _, _ = select.select([meester], [], [], max(0.0, grens - time.monotonic()))
            if not klaar:
                raise AssertionError(f"wacht op {tot!r}; kreeg {gelezen!r}")
            try:
                stuk = os.read(meester, 4096)
            except OSError:  # the process closed the terminal
                stuk = b""
            if not stuk:
                if tot is None:
                    return
                raise AssertionError(f"einde voor {tot!r}; kreeg {gelezen!r}")
            gelezen += stuk
        plek = gelezen.index(tot, plek) + len(tot)

    try:
        for wacht, antwoord in antwoorden:
            lees(wacht.encode())
            os.write(meester, antwoord.encode() + b"\n")
        lees(None)
        return proces.wait(timeout=30), gelezen.decode("utf-8", "replace")
    finally:
        os.close(meester)
        if proces.poll() is None:
            proces.kill()


def test_interactive_toevoegen_asks_again_after_a_bad_answer(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    code, tekst = _gesprek(
        ["--register", str(pad), "toevoegen", "--id", "vraag", "--missie", "V", "--naam", "V"],
        [
            ("regio: ", "europe"),
            ("regio: ", "europa"),
            ("organisatie: ", "eu"),
            ("type: ", "militair, marine"),
            ("type: ", "militair"),
            ("status: ", "beëindigd"),
            ("bron: ", "Bijlage, 1"),
            ("citaat: ", "Het kabinet verkent een bijdrage."),
            ("eind: ", "2028-06-30"),
            ("eind: ", "2025-03-31"),
        ],
    )
    assert code == 0, tekst
    assert "kaders: regio: onbekende regio 'europe'; bedoelde u 'europa'?" in tekst
    assert "kaders: type: onbekend type 'marine'" in tekst
    assert "typen.0" not in tekst and "typen.1" not in tekst
    assert "kaders: eind: een beëindigd kader heeft een eigen eind" in tekst
    kader = laad(pad).kader[-1]
    assert (kader.id, kader.regio, kader.typen, kader.status) == (
        "vraag",
        "europa",
        ["militair"],
        "beeindigd",
    )
    assert str(kader.eind) == "2025-03-31"


# --- every writing command against read-only, linked and in-use targets ------------------------


def _alle_bestanden(*mappen: Path) -> dict[str, str]:
    """sha256 of every regular file under the folders (links followed to their file once)."""
    uitkomst = {}
    for map_ in mappen:
        for pad in sorted(map_.rglob("*")):
            if pad.is_file() and not pad.is_symlink():
                uitkomst[str(pad)] = _sha(pad)
    return uitkomst


@pytest.mark.traag
def test_no_writing_command_changes_a_byte_it_was_not_asked_to_write(
    tmp_path: Path, alleen_lezen_map: Path
) -> None:
    werk = tmp_path / "werk"
    werk.mkdir()
    register = _kopie(werk, "register.toml", REGISTER)
    alleen_lezen = _kopie(werk, "alleen-lezen.toml")
    alleen_lezen.chmod(0o444)
    bestaand = _kopie(werk, "bestaand.json")
    (werk / "link.toml").symlink_to(register)
    os.link(register, werk / "hard.toml")
    (werk / "link-alleen-lezen.toml").symlink_to(alleen_lezen)
    in_vaste_map = alleen_lezen_map / "register.toml"
    voor = _alle_bestanden(tmp_path, REGISTER.parent)
    modi = {p: os.stat(p).st_mode for p in voor}

    geweigerd: list[list[str]] = []
    for doel in (register, werk / "link.toml", werk / "hard.toml", alleen_lezen, bestaand):
        for formaat in ("json", "jsonl", "csv", "tsv", "toml", "tabel"):
            if formaat != doel.suffix[1:]:
                continue  # a --formaat that contradicts the extension is a usage error (exit 2)
            extra = ["--overschrijf"] if doel != bestaand else []
            geweigerd.append(["export", "-f", formaat, "--uitvoer", str(doel), *extra])
            geweigerd.append(["export", "--uitvoer", str(doel), *extra])
    geweigerd.append(["export", "--uitvoer", str(alleen_lezen_map / "nieuw.json")])
    geweigerd.append(["export", "--uitvoer", str(in_vaste_map), "--overschrijf"])
    for doel in (alleen_lezen, werk / "link-alleen-lezen.toml", in_vaste_map):
        geweigerd.append(["toevoegen", "--register", str(doel)])
    for args in geweigerd:
        uitkomst = kaders("--register", str(register), *args, invoer=TOEVOEGEN_493)
        assert uitkomst.returncode == 1, (args, uitkomst.stderr)
        assert "Traceback" not in uitkomst.stderr and uitkomst.stderr.startswith("kaders: ")
    assert _alle_bestanden(tmp_path, REGISTER.parent) == voor
    assert {p: os.stat(p).st_mode for p in voor} == modi

    # What was asked is written, and nothing else: a new export, and the register itself
    # (once it has one name again: a register with hard links is refused, issue 20).
    (werk / "hard.toml").unlink()
    nieuw = werk / "nieuw.csv"
    assert (
        kaders("--register", str(register), "export", "-f", "csv", "-o", str(nieuw)).returncode == 0
    )
    assert (
        kaders("--register", str(werk / "link.toml"), "toevoegen", invoer=TOEVOEGEN_493).returncode
        == 0
    )
    na = _alle_bestanden(tmp_path, REGISTER.parent)
    veranderd = {p for p in na if na[p] != voor.get(p)}
    assert veranderd == {str(nieuw), str(register)}, veranderd


def test_interactive_toevoegen_refuses_a_read_only_register_before_asking(tmp_path: Path) -> None:
    pad = _kopie(tmp_path)
    pad.chmod(0o444)
    code, tekst = _gesprek(["--register", str(pad), "toevoegen", "--id", "x"], [])
    assert code == 1
    assert "geen schrijfrechten op het bestand (modus 0444" in tekst
    assert "missie:" not in tekst
