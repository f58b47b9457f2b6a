"""Hostile input for every command: a correct answer or a clear Dutch error, never a traceback.

Bounded by default; `KADERS_FUZZ=lang` runs the long profile (10,000 registers and 10,000
argument lists), `KADERS_FUZZ_AANTAL=N` sets any other number of examples.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from conftest import DATA, KLEIN, REGISTER, kaders
from hulp import COMMANDOS, LEES_COMMANDOS, register_data, wijzig_args
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kaders.cli import SCHRIJVENDE_COMMANDOS, app

_LANG = os.environ.get("KADERS_FUZZ") == "lang"
AANTAL = int(os.environ.get("KADERS_FUZZ_AANTAL", "10000" if _LANG else "150"))
FUZZ = settings(
    max_examples=AANTAL,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not _LANG,
    # Shrinking a slow CLI example can take minutes; the short profile only reports.
    phases=list(Phase) if _LANG else [Phase.explicit, Phase.reuse, Phase.generate],
)
runner = CliRunner()
FORMATEN = ["tabel", "json", "jsonl", "csv", "tsv"]


def _roep(args: list[str], invoer: str | None = None) -> Any:
    """Run in-process; any exception other than a normal exit is a failure."""
    uitkomst = runner.invoke(app, args, input=invoer, catch_exceptions=True)
    if uitkomst.exception is not None and not isinstance(uitkomst.exception, SystemExit):
        raise AssertionError(f"{args!r}: {uitkomst.exception!r}") from uitkomst.exception
    return uitkomst


def _controleer(args: list[str], uitkomst: Any) -> None:
    """The invariants every run must satisfy."""
    assert uitkomst.exit_code in (0, 1, 2), (args, uitkomst.exit_code, uitkomst.stderr)
    assert "Traceback" not in uitkomst.stderr and "Traceback" not in uitkomst.stdout, args
    assert "interne fout" not in uitkomst.stderr, (args, uitkomst.stderr)
    if uitkomst.exit_code != 0 or "--help" in args or "-h" in args:
        return
    formaat = _formaat_van(args)
    uit = uitkomst.stdout
    if not uit:
        return
    if formaat == "json":
        json.loads(uit)
    elif formaat == "jsonl":
        for regel in uit.splitlines():
            json.loads(regel)
    elif formaat == "csv":
        rijen = list(csv.reader(io.StringIO(uit)))
        assert all(len(r) == len(rijen[0]) for r in rijen), args
    elif formaat == "tsv":
        regels = uit.splitlines()
        assert all(r.count("\t") == regels[0].count("\t") for r in regels), args


def _formaat_van(args: list[str]) -> str | None:
    """The requested output format, as the CLI would read it (the last one wins)."""
    formaat = None
    for i, arg in enumerate(args[:-1]):
        if arg in ("--formaat", "-f"):
            formaat = args[i + 1].lower()
    if formaat is None and args and args[0] in ("--register",):
        commando = args[2] if len(args) > 2 else ""
        return "json" if commando in ("export", "schema") else "tsv"
    return formaat


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


# --- registers: generated from the models' rules, then mutated --------------------------------


RARE_WAARDEN = [
    123,
    -5,
    2**70,
    -(2**70),
    "",
    "x" * 20_000,
    True,
    [1, "a"],
    {"a": 1},
    1.5,
    float("inf"),
    dt.datetime(2025, 1, 1, 12, 0),
    dt.time(12, 0),
    dt.date(1, 1, 1),
    "\u202eomgekeerd",
    "😀🇳🇱",
    "nul\x00byte",
    "מִשְׂרָד",
    "=cmd|' /C calc'!A0",
    "2025-02-30",
]


def _lijst(waarde: object) -> list[dict[str, Any]]:
    return [t for t in waarde if isinstance(t, dict)] if isinstance(waarde, list) else []


@st.composite
def gemuteerde_data(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(register_data())
    for _ in range(draw(st.integers(0, 3))):
        kaders_, regios = _lijst(data.get("kader")), _lijst(data.get("regio"))
        tabellen = [t for t in [data.get("register"), *regios, *kaders_] if isinstance(t, dict)]
        soort = draw(st.integers(0, 7))
        if soort <= 2 and tabellen:
            tabel = draw(st.sampled_from(tabellen))
            if not tabel:
                continue
            sleutel = draw(st.sampled_from(sorted(tabel)))
            if soort == 0:
                del tabel[sleutel]
            elif soort == 1:
                tabel[sleutel + draw(st.sampled_from(["e", "_", "1"]))] = tabel.pop(sleutel)
            else:
                tabel[sleutel] = draw(st.sampled_from(RARE_WAARDEN))
        elif soort == 3 and kaders_:
            data["kader"].append(dict(draw(st.sampled_from(kaders_))))
        elif soort == 4 and kaders_:
            draw(st.sampled_from(kaders_))["regio"] = draw(st.sampled_from(["", "nergens"]))
        elif soort == 5 and regios:
            regio = draw(st.sampled_from(regios))
            regio["ouder"] = regio.get("id", "x")
        elif soort == 6:
            data[draw(st.sampled_from(["register", "regio", "kader"]))] = draw(
                st.sampled_from(RARE_WAARDEN)
            )
        elif soort == 7:
            data[draw(st.sampled_from(["extra", "kaders"]))] = 1
    return data


def _naar_toml(data: dict[str, Any]) -> bytes:
    """Serialise what TOML can hold; values it cannot (inf is fine, None not) are dropped."""
    try:
        return tomli_w.dumps(data).encode("utf-8")
    except (TypeError, ValueError):
        return b'[register]\ntitel = "onschrijfbaar"\n'


@st.composite
def registerbytes(draw: st.DrawFn) -> bytes:
    ruw = _naar_toml(draw(gemuteerde_data()))
    for _ in range(draw(st.integers(0, 2))):
        soort = draw(st.integers(0, 6))
        plek = draw(st.integers(0, len(ruw)))
        if soort == 0:
            ruw = ruw[:plek]
        elif soort == 1:
            ruw = b"\xef\xbb\xbf" + ruw
        elif soort == 2:
            ruw = (
                ruw[:plek]
                + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\x80\x80"]))
                + ruw[plek:]
            )
        elif soort == 3:
            regels = ruw.split(b"\n")
            i = draw(st.integers(0, len(regels) - 1))
            ruw = b"\n".join([*regels[: i + 1], regels[i], *regels[i + 1 :]])
        elif soort == 4:
            ruw += b'\n[register]\ntitel = "dubbel"\n'
        elif soort == 5:
            ruw = ruw.replace(b"2025-01-01", b"2025-02-30", 1)
        else:
            ruw = b""
    return ruw


@st.composite
def lees_args(draw: st.DrawFn) -> list[str]:
    commando = draw(st.sampled_from(LEES_COMMANDOS))
    args = [commando]
    if commando == "toon":
        args.append(draw(st.sampled_from(["eulex-kosovo", "kort", "bestaat-niet", ""])))
    if commando not in ("valideer", "schema"):
        args += ["--formaat", draw(st.sampled_from(FORMATEN))]
    if commando in ("totaal", "verloopt") or (
        draw(st.booleans()) and commando in ("list", "export")
    ):
        args += ["--peildatum", draw(st.sampled_from(["2025-01-01", "2026-06-30", "2099-12-31"]))]
    return args


@pytest.mark.traag
@FUZZ
@given(ruw=registerbytes(), lees=lees_args())
def test_mutated_registers_give_an_answer_or_a_dutch_error(
    tmp_path: Path, ruw: bytes, lees: list[str]
) -> None:
    pad = tmp_path / "register.toml"
    pad.write_bytes(ruw)
    args = ["--register", str(pad), *lees]
    uitkomst = _roep(args)
    _controleer(args, uitkomst)
    assert pad.read_bytes() == ruw, "een leescommando veranderde het register"
    if uitkomst.exit_code == 1:
        assert uitkomst.stderr.startswith("kaders: "), uitkomst.stderr


@pytest.mark.traag
@FUZZ
@given(
    data=register_data(),
    formaat=st.sampled_from(FORMATEN),
    per=st.sampled_from(["type", "regio", "hoofdregio", "organisatie", "status"]),
)
def test_valid_generated_registers_always_answer(
    tmp_path: Path, data: dict[str, Any], formaat: str, per: str
) -> None:
    pad = tmp_path / "register.toml"
    pad.write_bytes(tomli_w.dumps(data).encode())
    for args in (
        ["valideer"],
        ["list", "--formaat", formaat],
        ["totaal", "--per", per, "--peildatum", "2026-01-01", "--formaat", formaat],
        ["verloopt", "--peildatum", "2026-01-01", "--formaat", formaat],
        ["export", "--formaat", formaat],
    ):
        volledig = ["--register", str(pad), *args]
        uitkomst = _roep(volledig)
        _controleer(volledig, uitkomst)
        assert uitkomst.exit_code == 0, (volledig, uitkomst.stderr)
    # The register is in the cache now: what a hit gives must equal a fresh read.
    export = ["--register", str(pad), "export", "--formaat", "json"]
    uit_cache = _roep(export).stdout
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KADERS_CACHE", "uit")
        assert _roep(export).stdout == uit_cache


# --- arguments ---------------------------------------------------------------------------------

OPTIES = [
    "--regio",
    "--type",
    "--organisatie",
    "--status",
    "--zoek",
    "--peildatum",
    "--formaat",
    "-f",
    "--sorteer",
    "--per",
    "--voor",
    "--check",
    "--help",
    "-h",
    "--bestaat-niet",
    "-x",
    "--",
    "--id",
    "--missie",
    "--personeel",
    "--droog",
    "--version",
    "--register",
    "--document",
    "--per",
    "--citaat",
    "c",
    "--plek",
    "p",
    "--plek",
    "--citaat",
    "--soort",
    "--datum",
    "--titel",
    "--url",
    "--eind",
]
WAARDEN = st.one_of(
    st.sampled_from(
        [
            "europa",
            "westelijke-balkan",
            "militair",
            "politie",
            "EU",
            "verkenning",
            "json",
            "tsv",
            "csv",
            "jsonl",
            "tabel",
            "regio",
            "type",
            "hoofdregio",
            "eind",
            "2026-01-01",
            "vandaag",
            "2026/01/01",
            "01-01-2026",
            "2026-1-1",
            "2026-13-01",
            "2026-02-30",
            "",
            " ",
            "a b",
            "; rm -rf /",
            "$(echo hi)",
            "`id`",
            "*",
            "?",
            "|",
            "&&",
            "'",
            '"',
            "\\",
            "-",
            "--",
            "\u202e",
            "😀",
            "ë",
            "x" * 5000,
            "-1",
            "0",
            "99999999999999999999",
            "kst-29521-494",
            "eulex-kosovo",
            "beëindigd",
            "kamerbrief",
        ]
    ),
    st.text(max_size=30),
)


@st.composite
def argumentlijsten(draw: st.DrawFn) -> list[str]:
    args = [draw(st.sampled_from([*COMMANDOS, "lijst"]))]
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            args.append(draw(st.sampled_from(OPTIES)))
        args.append(draw(WAARDEN))
    return args


@pytest.mark.traag
@FUZZ
@given(args=argumentlijsten())
def test_fuzzed_arguments_never_trace(tmp_path: Path, args: list[str]) -> None:
    pad = tmp_path / "register.toml"
    if not pad.exists():
        shutil.copyfile(REGISTER, pad)
    voor = _hash(pad)
    schrijft = args[0] in SCHRIJVENDE_COMMANDOS and "--droog" not in args
    volledig = ["--register", str(pad), *args]
    uitkomst = _roep(volledig, invoer="")
    _controleer(volledig, uitkomst)
    if not schrijft:
        assert _hash(pad) == voor, "een leescommando veranderde het register"
    elif uitkomst.exit_code != 0:
        assert _hash(pad) == voor, "een mislukte toevoeging veranderde het register"


# --- the file system ---------------------------------------------------------------------------


@pytest.mark.parametrize("soort", ["map", "ontbreekt", "leeg-pad"])
def test_register_paths_that_are_not_files(tmp_path: Path, soort: str) -> None:
    pad = {"map": str(tmp_path), "ontbreekt": str(tmp_path / "weg.toml"), "leeg-pad": ""}[soort]
    for commando in (["valideer"], ["list"], ["totaal"], ["toevoegen", "--droog"]):
        uitkomst = _roep(["--register", pad, *commando], invoer="")
        assert uitkomst.exit_code in (1, 2), (soort, commando)
        assert uitkomst.stderr.startswith("kaders: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root leest elk bestand")
def test_unreadable_file(tmp_path: Path) -> None:
    pad = tmp_path / "geheim.toml"
    shutil.copyfile(KLEIN, pad)
    pad.chmod(0)
    uitkomst = _roep(["--register", str(pad), "list"])
    assert uitkomst.exit_code == 1 and "geen leesrechten" in uitkomst.stderr


def test_unreadable_file_as_any_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads every file, so also simulate the permission error the kernel would give."""
    pad = tmp_path / "geheim.toml"
    shutil.copyfile(KLEIN, pad)

    echt_open = os.open

    def weigeren(naam: Any, *args: Any, **extra: Any) -> int:
        if str(naam) == str(pad):
            raise PermissionError(13, "Permission denied")
        return echt_open(naam, *args, **extra)

    monkeypatch.setattr(os, "open", weigeren)
    uitkomst = _roep(["--register", str(pad), "list"])
    assert uitkomst.exit_code == 1 and "geen leesrechten" in uitkomst.stderr


def test_real_processes_on_broken_input(tmp_path: Path) -> None:
    """A sample through the real entry point: exit codes and stderr as a shell sees them."""
    kapot = tmp_path / "kapot.toml"
    kapot.write_bytes(b"\xef\xbb\xbf[register\n\xff")
    gevallen = [
        (["--register", str(kapot), "list"], 1),
        (["--register", str(tmp_path), "totaal"], 1),
        (["list", "--regio", "; rm -rf /"], 2),
        (["totaal", "--peildatum", "2026/01/01"], 2),
        (["toon", ""], 2),
        (["--bestaat-niet"], 2),
        (["list", "--formaat"], 2),
    ]
    for args, code in gevallen:
        uitkomst = kaders(*args)
        assert uitkomst.returncode == code, (args, uitkomst.stderr)
        assert "Traceback" not in uitkomst.stderr
        assert uitkomst.stderr.startswith("kaders: "), (args, uitkomst.stderr)


# --- the writing commands: refusals ------------------------------------------------------------

DOELEN = ("nieuw", "bestaand", "register", "link", "hard", "alleen-lezen", "vaste-map", "map")
SCHRIJVERS = ("toevoegen", "wijzig", "beeindig", "document-toevoegen")  # append to a register
TOEGESTAAN = {  # (command, target) -> written with --overschrijf, without
    "export": {"nieuw": (True, True), "bestaand": (True, False)},
    # The register here has a second name (hard.toml): an append refuses it (issue 20, item 10).
    **{c: {"bestaand": (True, True)} for c in SCHRIJVERS},
}
MET_DOCUMENTEN = DATA / "klein-documenten.toml"
SCHRIJFARGS = {  # what each appending command is asked to add (stdin, or options)
    "toevoegen": ["toevoegen"],
    "wijzig": [
        "wijzig",
        "EULEX-kosovo",
        "--document",
        "brief-2",
        "--citaat",
        "c",
        "--plek",
        "p",
        "--toelichting",
        "fuzz",
    ],
    "beeindig": [
        "beeindig",
        "kort",
        "--per",
        "2025-04-30",
        "--document",
        "brief-2",
        "--citaat",
        "c",
        "--plek",
        "p",
    ],
    "document-toevoegen": ["document-toevoegen"],
}
NIEUW_DOCUMENT = {"id": "fuzz-doc", "soort": "verslag", "datum": "2025-05-23", "titel": "F"}
NIEUW_KADER = {
    "document": "brief-1",
    "id": "fuzz-nieuw",
    "missie": "F",
    "naam": "F",
    "regio": "europa",
    "organisatie": "EU",
    "typen": ["civiel"],
    "status": "verkenning",
    "bron": "b",
    "citaat": "c",
}


def _doelen(map_: Path) -> dict[str, Path]:
    """A register and every kind of target beside it; the read-only folder is locked last."""
    register = map_ / "register.toml"
    shutil.copyfile(MET_DOCUMENTEN, register)
    shutil.copyfile(MET_DOCUMENTEN, map_ / "bestaand.toml")
    shutil.copyfile(MET_DOCUMENTEN, map_ / "alleen-lezen.toml")
    (map_ / "alleen-lezen.toml").chmod(0o444)
    (map_ / "link.toml").symlink_to(register)
    os.link(register, map_ / "hard.toml")
    (map_ / "vast").mkdir()
    shutil.copyfile(MET_DOCUMENTEN, map_ / "vast" / "register.toml")
    (map_ / "vast").chmod(0o555)
    (map_ / "map").mkdir()
    return {
        "nieuw": map_ / "nieuw.out",
        "bestaand": map_ / "bestaand.toml",
        "register": register,
        "link": map_ / "link.toml",
        "hard": map_ / "hard.toml",
        "alleen-lezen": map_ / "alleen-lezen.toml",
        "vaste-map": map_ / "vast" / "register.toml",
        "map": map_ / "map",
    }


def _stand(map_: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p): (_hash(p), p.stat().st_mode)
        for p in sorted(map_.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.traag
@FUZZ
@given(
    commando=st.sampled_from(["export", *SCHRIJVERS]),
    doel=st.sampled_from(DOELEN),
    overschrijf=st.booleans(),
    formaat=st.sampled_from([*FORMATEN, "toml"]),
    na_commando=st.booleans(),
)
def test_writing_commands_refuse_what_was_not_asked(
    tmp_path: Path, commando: str, doel: str, overschrijf: bool, formaat: str, na_commando: bool
) -> None:
    import tempfile

    map_ = Path(tempfile.mkdtemp(dir=tmp_path))
    doelen = _doelen(map_)
    try:
        voor = _stand(map_)
        if commando == "export":
            register = ["--register", str(doelen["register"])]
            args = ["export", "-f", formaat, "--uitvoer", str(doelen[doel])]
            args += ["--overschrijf"] if overschrijf else []
        else:
            register = ["--register", str(doelen[doel])]
            args = SCHRIJFARGS[commando]
        volledig = [*args, *register] if na_commando else [*register, *args]
        invoer = NIEUW_DOCUMENT if commando == "document-toevoegen" else NIEUW_KADER
        uitkomst = _roep(volledig, invoer=json.dumps(invoer))
        _controleer(volledig, uitkomst)
        extensie = {".json": "json", ".toml": "toml", ".csv": "csv", ".tsv": "tsv"}.get(
            doelen[doel].suffix
        )
        if commando == "export" and extensie not in (None, formaat):
            # a --formaat that contradicts the file's extension is wrong usage: nothing written
            assert uitkomst.exit_code == 2, (volledig, uitkomst.stderr)
            assert _stand(map_) == voor, volledig
            return
        mag = TOEGESTAAN[commando].get(doel, (False, False))[0 if overschrijf else 1]
        assert uitkomst.exit_code == (0 if mag else 1), (volledig, uitkomst.stderr)
        na = _stand(map_)
        if not mag:
            assert na == voor, volledig
            assert uitkomst.stderr.startswith("kaders: "), uitkomst.stderr
            return
        geschreven = {str(Path(os.path.realpath(doelen[doel])))}
        assert {p for p in na if na[p] != voor.get(p)} == geschreven, volledig
    finally:
        (map_ / "vast").chmod(0o755)


# --- the appending commands: every refusal leaves the register byte for byte ----------------


@pytest.mark.traag
@FUZZ
@given(args=wijzig_args())
def test_wijzig_beeindig_and_documents_refuse_cleanly(tmp_path: Path, args: list[str]) -> None:
    """Generated changes and documents, hostile values among them: exit 0 (the entry appended,
    the old bytes a prefix), or 1 or 2 with a Dutch message and the file untouched."""
    pad = tmp_path / "register.toml"
    shutil.copyfile(MET_DOCUMENTEN, pad)
    voor = pad.read_bytes()
    volledig = ["--register", str(pad), *args]
    uitkomst = _roep(volledig, invoer="")
    _controleer(volledig, uitkomst)
    na = pad.read_bytes()
    if uitkomst.exit_code != 0 or "--droog" in args:
        assert na == voor, volledig
        if uitkomst.exit_code != 0:
            assert uitkomst.stderr.startswith("kaders: "), uitkomst.stderr
        return
    assert na.startswith(voor) and len(na) > len(voor), volledig
