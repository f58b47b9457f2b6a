"""Measure the TOML parsers `kaders` could read a register with, on one generated register.

    .venv/bin/python bench/parsers.py                # 10,000 frameworks with 10,000 changes
    .venv/bin/python bench/parsers.py 100000 --runs 3

Every parser that imports in this interpreter is timed in this one process, interleaved round
by round (the minimum of the runs counts; a busy machine only adds time), on the same text. Each
result is compared with the standard library's `tomllib`, and each parser gets the inputs where
TOML 1.0 and 1.1 part ways (1.1 allows newlines in inline tables, `\\e`, times without seconds):
`tomllib` on Python 3.11 reads TOML 1.0, so a parser that takes 1.1 would accept registers the
fallback refuses. The import time is that of a fresh `python -c "import …"` less `python -c
pass`, the minimum of five. Last, each parser reads 10,000 nested arrays in a process of its own:
an error is an answer, a crash (a signal, no message) is not.
"""

from __future__ import annotations

import argparse
import importlib
import io
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import genereer

# Valid TOML 1.1, invalid TOML 1.0: a TOML 1.0 reader refuses every one.
ALLEEN_11 = ("a = {b = 1,\n c = 2}", 'a = "\\e"', "a = 12:30", "a = 1979-05-27T07:32Z")


def _toml_rs(tekst: str) -> dict[str, Any]:
    import toml_rs

    return toml_rs.loads(tekst, toml_version="1.0.0")


LEZERS: dict[str, tuple[str, Callable[[str], dict[str, Any]] | str]] = {
    "tomllib": ("tomllib", "loads"),
    "tomli": ("tomli", "loads"),
    "rtoml": ("rtoml", "loads"),
    "toml-rs (TOML 1.0)": ("toml_rs", _toml_rs),
}


def _versie(module: str) -> str:
    if module == "tomllib":
        return f"Python {sys.version.split()[0]}"
    try:
        return metadata.version(module.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return "?"


def _importtijd(module: str, runs: int = 5) -> float:
    def een(code: str) -> float:
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - begin

    return min(een(f"import {module}") for _ in range(runs)) - min(een("pass") for _ in range(runs))


DIEP = 10_000


def _diep(naam: str) -> str:
    """What a parser does with 10,000 nested arrays, in a process of its own."""
    module, functie = LEZERS[naam]
    aanroep = (
        f"{module}.{functie}(t)"
        if isinstance(functie, str)
        else (f"{module}.loads(t, toml_version='1.0.0')")
    )
    code = f"import {module}\nt = 'a = ' + '[' * {DIEP} + ']' * {DIEP}\n{aanroep}"
    uitkomst = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    if uitkomst.returncode < 0:
        return f"crash (signaal {-uitkomst.returncode})"
    return "leest het" if uitkomst.returncode == 0 else "fout"


def main(argv: list[str] | None = None) -> int:
    """Time every importable parser; exit 1 if one gives a result unlike tomllib's."""
    parser = argparse.ArgumentParser(description="Meet de TOML-lezers op één register.")
    parser.add_argument("aantal", type=int, nargs="?", default=10_000, help="aantal kaders")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    uit = io.StringIO()
    genereer.schrijf(args.aantal, uit, wijzigingen_=args.aantal)
    tekst = uit.getvalue()
    lezers: dict[str, Callable[[str], dict[str, Any]]] = {}
    for naam, (module, functie) in LEZERS.items():
        try:
            geladen = importlib.import_module(module)
        except ImportError:
            print(f"{naam}: niet geïnstalleerd", file=sys.stderr)
            continue
        lezers[naam] = getattr(geladen, functie) if isinstance(functie, str) else functie
    tijden: dict[str, list[float]] = {naam: [] for naam in lezers}
    uitkomsten: dict[str, Any] = {}
    for _ in range(args.runs):
        for naam, lees in lezers.items():
            begin = time.perf_counter()
            uitkomsten[naam] = lees(tekst)
            tijden[naam].append(time.perf_counter() - begin)
    verwacht = uitkomsten["tomllib"]
    print(
        f"{args.aantal:,} kaders met {args.aantal:,} wijzigingen, "
        f"{len(tekst.encode()) / 1e6:.1f} MB; minimum van {args.runs} runs"
    )
    kop = f"{'lezer':<20} {'versie':<14} {'lezen':>8} {'× tomllib':>10} {'import':>8}"
    print(f"{kop}  gelijk  1.0  {DIEP:,} diep")
    basis = min(tijden["tomllib"])
    fout = False
    for naam, lees in lezers.items():
        gelijk = uitkomsten[naam] == verwacht
        weigert = 0
        for geval in ALLEEN_11:
            try:
                lees(geval)
            except Exception:  # each parser has its own error type
                weigert += 1
        snelste = min(tijden[naam])
        module = LEZERS[naam][0]
        print(
            f"{naam:<20} {_versie(module):<14} {snelste * 1000:>6.0f} ms {snelste / basis:>9.2f}×"
            f" {_importtijd(module) * 1000:>5.1f} ms  {'ja' if gelijk else 'NEE':<6}"
            f"  {'ja' if weigert == len(ALLEEN_11) else f'nee ({len(ALLEEN_11) - weigert} x 1.1)'}"
            f"  {_diep(naam)}"
        )
        fout |= not gelijk
    return 1 if fout else 0


if __name__ == "__main__":
    sys.exit(main())
