"""Benchmark `kaders` against the floor, on the bundled register and on 1,000 to 100,000 records.

    .venv/bin/python bench/run.py            # the full run (a few minutes on 2 cores)
    .venv/bin/python bench/run.py --snel     # a smoke run: 2 runs, 200 records, seconds

Everything is measured in one run on one machine, so a noisy machine slows the floor and
`kaders` alike; compare ratios, not milliseconds between runs. Every process is started the
same way: this interpreter with a script path (`python .venv/bin/kaders …` and
`python bench/vloer.py`), or with `--start module` both as `python -m …`. The floor and the
commands are interleaved round by round, after one warm-up round that is not counted (it also
writes the bytecode, as `pip install` does). A table is drawn on a pseudo-terminal, as on a
real one. Peak memory is the child's maximum resident set size, measured by /usr/bin/time when
it is there. jq and Miller (mlr) answer the same total for reference, when installed.

Two baselines: the floor itself, and the "matched floor", the same app with the one exit step
kaders takes (`gc.freeze()`, which skips the interpreter's last collection). Times are given
as ratios to both: the first is the target, the second kaders' own overhead like for like.
For the bundled register it also prints, per round, the difference and ratio to both floors
timed in that same round (their medians), which load on a shared machine shifts less.

The living register: for every size a register with as many changes as frameworks
(`genereer.py --wijzigingen`) is timed cold (`totaal`, KADERS_CACHE=uit) beside the same
register without its changes and beside the one without documents either (the shape before
the living register); the ratios (of the medians, and the median of the per-round ratios) and
the growth with changes from each size to the next are printed, with an in-process time of
`logregels.controleer` (the rules of the change log) plus one fold (`stand.Kennis.op`) on
each register with changes.

Prints one table and writes it as JSON (bench/resultaten.json by default, git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import genereer  # noqa: E402

PEILDATUM = "2026-01-01"
TIME = Path("/usr/bin/time")


@dataclass
class Meting:
    """One measured command: wall and CPU seconds and the peak memory of every counted run."""

    naam: str
    commando: str
    grootte: int | None
    argv: list[str]
    terminal: bool = False
    verwachte_exit: int = 0
    omgeving: dict[str, str] | None = None  # instead of the shared environment
    tijden: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    piek_kb: list[int] = field(default_factory=list)
    exitcodes: set[int] = field(default_factory=set)

    def rij(self, vloer: float | None, gelijk: float | None = None) -> dict[str, Any]:
        """The row for the table and the JSON file; ratios to the floor and the matched floor."""
        mediaan = statistics.median(self.tijden)
        return {
            "naam": self.naam,
            "commando": self.commando,
            "grootte": self.grootte,
            "runs": len(self.tijden),
            "mediaan_ms": round(mediaan * 1000, 1),
            "min_ms": round(min(self.tijden) * 1000, 1),
            "cpu_ms": round(statistics.median(self.cpu) * 1000, 1),
            "ratio_vloer": round(mediaan / vloer, 3) if vloer else None,
            "boven_vloer_ms": round((mediaan - vloer) * 1000, 1) if vloer else None,
            "ratio_gelijk": round(mediaan / gelijk, 3) if gelijk else None,
            "boven_gelijk_ms": round((mediaan - gelijk) * 1000, 1) if gelijk else None,
            "piek_mb": round(max(self.piek_kb) / 1024, 1),
            "exitcodes": sorted(self.exitcodes),
            "tijden_ms": [round(t * 1000, 1) for t in self.tijden],
        }


class Starter:
    """How every process is started: the same interpreter, as a script or as a module."""

    def __init__(self, stijl: str) -> None:
        self.env = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
        self.env.update(COLUMNS="120", LINES="40")
        self.env.pop("NO_COLOR", None)
        # Bytecode as after `pip install` (which compiles it): the warm-up round writes it.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.script = Path(sys.executable).parent / "kaders"
        if stijl == "script" and not self.script.is_file():
            print(f"bench: {self.script} ontbreekt; start als module", file=sys.stderr)
            stijl = "module"
        self.stijl = stijl
        if stijl == "module":
            paden = (str(BENCH), self.env.get("PYTHONPATH", ""))
            self.env["PYTHONPATH"] = os.pathsep.join(p for p in paden if p)

    def kaders(self, *args: str) -> list[str]:
        if self.stijl == "module":
            return [sys.executable, "-m", "kaders", *args]
        return [sys.executable, str(self.script), *args]

    def vloer(self, naam: str = "vloer") -> list[str]:
        if self.stijl == "module":
            return [sys.executable, "-m", naam]
        return [sys.executable, str(BENCH / f"{naam}.py")]

    def beschrijving(self) -> str:
        if self.stijl == "module":
            return "python -m kaders …, python -m vloer (PYTHONPATH=bench)"
        return f"python {self.script} …, python {BENCH / 'vloer.py'}"


def _leeg_pty(master: int) -> None:
    """Read all a child writes to the pseudo-terminal, so that it never blocks."""
    while True:
        try:
            if not os.read(master, 65536):
                return
        except OSError:
            return


def draai(
    argv: Sequence[str],
    env: dict[str, str],
    *,
    terminal: bool = False,
    uit: IO[bytes] | None = None,
) -> tuple[float, float, int, int]:
    """Run once: (wall seconds, CPU seconds, exit code, peak memory in KB).

    A child forked by this Python process starts with its resident size in ru_maxrss; one
    forked by /usr/bin/time does not, so `time` reports the peak when it is installed. CPU time
    is the child's user + system time (and that of `time`, about a millisecond).
    """
    master = slave = -1
    lezer: threading.Thread | None = None
    stdout: int | IO[bytes] = uit if uit is not None else subprocess.DEVNULL
    if terminal:
        master, slave = pty.openpty()
        stdout = slave
        lezer = threading.Thread(target=_leeg_pty, args=(master,), daemon=True)
        lezer.start()
    with tempfile.NamedTemporaryFile("r", prefix="kaders-bench-", suffix=".rss") as rss:
        volledig = list(argv)
        if TIME.is_file():
            volledig = [str(TIME), "-f", "%M", "-o", rss.name, *volledig]
        begin = time.perf_counter()
        proces = subprocess.Popen(
            volledig, stdout=stdout, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env
        )
        _, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - begin
        proces.returncode = os.waitstatus_to_exitcode(status)
        piek = int(gebruik.ru_maxrss)
        if TIME.is_file():
            getallen = [w for w in rss.read().split() if w.isdigit()]
            piek = int(getallen[-1]) if getallen else piek
    if terminal:
        os.close(slave)
        if lezer is not None:
            lezer.join(timeout=5)
        os.close(master)
    return duur, gebruik.ru_utime + gebruik.ru_stime, proces.returncode, piek


def meet(metingen: Sequence[Meting], env: dict[str, str], runs: int, opwarmen: int) -> None:
    """Interleave the commands round by round; the first `opwarmen` rounds are not counted."""
    for ronde in range(opwarmen + runs):
        for meting in metingen:
            duur, cpu, code, piek = draai(
                meting.argv, meting.omgeving or env, terminal=meting.terminal
            )
            if ronde >= opwarmen:
                meting.tijden.append(duur)
                meting.cpu.append(cpu)
                meting.piek_kb.append(piek)
                meting.exitcodes.add(code)
        print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def gepaard(tijden: Sequence[float], rondes: Sequence[float]) -> dict[str, float]:
    """Per round the difference and the ratio to a baseline timed in that same round; medians.

    A burst of load slows both in its round, so this moves less than the medians apart do.
    """
    paren = list(zip(tijden, rondes, strict=True))
    return {
        "ms": round(statistics.median((t - v) * 1000 for t, v in paren), 1),
        "ratio": round(statistics.median(t / v for t, v in paren), 3),
    }


def _versie(pakket: str) -> str:
    try:
        return metadata.version(pakket)
    except metadata.PackageNotFoundError:
        return "ontbreekt"


def machine() -> dict[str, Any]:
    """Where and with what the numbers were measured."""
    cpu = platform.processor() or "onbekend"
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                cpu = regel.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "typer": _versie("typer"),
        "pydantic": _versie("pydantic"),
        "rich": _versie("rich"),
        "tomli-w": _versie("tomli-w"),
        "tomli": _versie("tomli"),
        "datum": dt.datetime.now().isoformat(timespec="seconds"),
    }


def _hulpmiddel(naam: str) -> tuple[str | None, str]:
    """Path and version of an external tool, or (None, '') when it is not installed."""
    pad = shutil.which(naam) or next(
        (p for p in (f"/usr/bin/{naam}", f"/usr/local/bin/{naam}") if Path(p).is_file()), None
    )
    if pad is None:
        return None, ""
    try:
        uit = subprocess.run([pad, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return pad, ""
    regels = (uit.stdout or uit.stderr).strip().splitlines()
    return pad, regels[0] if regels else ""


def jq_argv(jq: str, json_pad: Path, peildatum: str) -> list[str]:
    """jq: sum of personeel per regio of the frameworks running on the date."""
    filter_ = (
        f'map(select(.begin <= "{peildatum}" and .eind >= "{peildatum}"))'
        " | group_by(.regio) | map({regio: .[0].regio, personeel: (map(.personeel // 0) | add)})"
    )
    return [jq, filter_, str(json_pad)]


def mlr_argv(mlr: str, csv_pad: Path, peildatum: str) -> list[str]:
    """Miller: the same total from the CSV export."""
    return [
        *(mlr, "--icsv", "--ojson", "filter"),
        f'$begin <= "{peildatum}" && $eind >= "{peildatum}"',
        *("then", "stats1", "-a", "sum", "-f", "personeel", "-g", "regio", str(csv_pad)),
    ]


def _per_regio(rijen: Any, sleutel: str, som: str) -> dict[str, int]:
    """{regio: personeel} from a tool's JSON output; unknown or zero sums left out."""
    uitkomst: dict[str, int] = {}
    for rij in rijen:
        waarde = rij.get(som)
        if waarde not in (None, "", 0):
            uitkomst[str(rij[sleutel])] = int(float(waarde))
    return uitkomst


def tabel(rijen: Sequence[dict[str, Any]]) -> str:
    """The results as an aligned text table."""
    koppen: tuple[str, ...] = ("meting", "grootte", "runs", "mediaan ms", "min ms", "cpu ms")
    koppen += ("× vloer", "+ms vloer", "× gelijk", "+ms gelijk", "piek MB")
    cellen = [
        (
            r["naam"],
            "" if r["grootte"] is None else f"{r['grootte']:,}",
            str(r["runs"]),
            f"{r['mediaan_ms']:.0f}",
            f"{r['min_ms']:.0f}",
            f"{r['cpu_ms']:.0f}",
            "" if r["ratio_vloer"] is None else f"{r['ratio_vloer']:.2f}",
            "" if r["boven_vloer_ms"] is None else f"{r['boven_vloer_ms']:+.0f}",
            "" if r["ratio_gelijk"] is None else f"{r['ratio_gelijk']:.2f}",
            "" if r["boven_gelijk_ms"] is None else f"{r['boven_gelijk_ms']:+.0f}",
            f"{r['piek_mb']:.0f}",
        )
        for r in rijen
    ]
    breedtes = [max(len(k), *(len(c[i]) for c in cellen)) for i, k in enumerate(koppen)]

    def regel(cel: Sequence[str]) -> str:
        delen = [
            c.ljust(b) if i == 0 else c.rjust(b)
            for i, (c, b) in enumerate(zip(cel, breedtes, strict=True))
        ]
        return "  ".join(delen).rstrip()

    return "\n".join([regel(koppen), regel(["-" * b for b in breedtes]), *map(regel, cellen)])


def _args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark kaders tegen de vloer.")
    parser.add_argument("--runs", type=int, default=15, help="runs per meting op het register")
    parser.add_argument("--opwarmen", type=int, default=1, help="opwarmrondes, niet geteld")
    parser.add_argument("--groottes", default="1000,10000,100000", help="komma-gescheiden")
    parser.add_argument(
        "--runs-groot", default="5,3,3", help="runs per grootte, komma-gescheiden (laatste telt)"
    )
    parser.add_argument("--start", choices=("script", "module"), default="script")
    parser.add_argument("--snel", action="store_true", help="rookproef: 2 runs, 200 kaders")
    parser.add_argument("--zonder-hulpmiddelen", action="store_true", help="sla jq en mlr over")
    parser.add_argument("--uit", type=Path, default=BENCH / "resultaten.json")
    parser.add_argument(
        "--zonder-wijzigingen", action="store_true", help="sla de registers met wijzigingen over"
    )
    args = parser.parse_args(argv)
    if args.snel:
        args.runs, args.groottes, args.runs_groot = 2, "200", "2"
    return args


def _register_metingen(starter: Starter) -> list[Meting]:
    """The floor, the matched floor and the four commands on the bundled register."""
    metingen = [
        Meting("vloer (Typer + 1 Pydantic-model)", "bench/vloer.py", None, starter.vloer()),
        Meting(
            "gelijke vloer (+ gc.freeze())",
            "bench/vloer_bevroren.py",
            None,
            starter.vloer("vloer_bevroren"),
        ),
    ]
    for naam, args, terminal in (
        ("list --formaat json", ["list", "--formaat", "json"], False),
        (
            "totaal --per regio --formaat json",
            ["totaal", "--per", "regio", "--formaat", "json"],
            False,
        ),
        ("verloopt --formaat tsv", ["verloopt", "--formaat", "tsv"], False),
        ("list --formaat tabel (terminal)", ["list", "--formaat", "tabel"], True),
    ):
        metingen.append(
            Meting(naam, "kaders " + " ".join(args), 42, starter.kaders(*args), terminal)
        )
    return metingen


KOUD = "totaal --per regio, zonder cache"
KOUD_DOCUMENTEN = KOUD + ", met documenten"
KOUD_WIJZIGINGEN = KOUD + ", evenveel wijzigingen"


def wijzigingen_pad(map_: Path, grootte: int, wijzigingen: bool = True) -> Path:
    """The generated register of this size with as many changes as frameworks (or the same
    register without its changes)."""
    return map_ / f"kaders-{grootte}-{'wijzigingen' if wijzigingen else 'documenten'}.toml"


def vouwen(pad: Path, runs: int = 3) -> dict[str, Any]:
    """In-process: the median time of `logregels.controleer` (the rules of the change log)
    plus one fold as known on the latest date (`stand.Kennis.op`)."""
    from kaders import logregels, stand
    from kaders.inlezen import laad_tekst, lees_tekst

    register = laad_tekst(lees_tekst(pad), str(pad))
    tijden, problemen = [], -1
    for _ in range(runs):
        begin = time.perf_counter()
        problemen = len(logregels.controleer(register))
        stand.Kennis(register).op(dt.date.max, dt.date.max)
        tijden.append(time.perf_counter() - begin)
    return {
        "kaders": len(register.kader),
        "wijzigingen": len(register.wijziging),
        "mediaan_ms": round(statistics.median(tijden) * 1000, 1),
        "problemen": problemen,
    }


def _schaal(
    starter: Starter,
    map_: Path,
    grootte: int,
    hulpmiddelen: dict[str, str | None],
    met_wijzigingen: bool = True,
) -> tuple[list[Meting], dict[str, bool]]:
    """Generate registers of one size; the commands on them, and jq/mlr for reference."""
    pad, fout_pad = map_ / f"kaders-{grootte}.toml", map_ / f"kaders-{grootte}-fout.toml"
    for doel, fout in ((pad, "geen"), (fout_pad, "veld")):
        with doel.open("w", encoding="utf-8") as uit:
            genereer.schrijf(grootte, uit, fout=fout)
    totaal = ["--register", str(pad), "totaal", "--per", "regio", "--formaat", "json"]
    totaal += ["--peildatum", PEILDATUM]
    koud = {**starter.env, "KADERS_CACHE": "uit"}
    wijz: list[Meting] = []
    if met_wijzigingen:
        for naam, aantal in ((KOUD_DOCUMENTEN, 0), (KOUD_WIJZIGINGEN, grootte)):
            gewijzigd = wijzigingen_pad(map_, grootte, bool(aantal))
            with gewijzigd.open("w", encoding="utf-8") as uit:
                genereer.schrijf(grootte, uit, wijzigingen_=aantal, documenten_=True)
            argv = starter.kaders(*totaal[:1], str(gewijzigd), *totaal[2:])
            soort = "wijzigingen" if aantal else "documenten"
            commando = f"KADERS_CACHE=uit kaders totaal ({soort})"
            wijz.append(Meting(naam, commando, grootte, argv, omgeving=koud))
    metingen = [
        Meting("valideer", "kaders valideer", grootte, starter.kaders("valideer", str(pad))),
        Meting(
            "totaal --per regio",
            "kaders totaal --per regio -f json",
            grootte,
            starter.kaders(*totaal),
        ),
        Meting(
            KOUD,
            "KADERS_CACHE=uit kaders totaal --per regio -f json",
            grootte,
            starter.kaders(*totaal),
            omgeving=koud,
        ),
        *wijz,
        Meting(
            "valideer, 1 fout bij het eind",
            "kaders valideer (fout)",
            grootte,
            starter.kaders("valideer", str(fout_pad)),
            verwachte_exit=1,
        ),
    ]
    controles: dict[str, bool] = {}
    jq, mlr = hulpmiddelen.get("jq"), hulpmiddelen.get("mlr")
    if not (jq or mlr):
        return metingen, controles
    verwacht = subprocess.run(
        starter.kaders(*totaal), capture_output=True, text=True, env=starter.env, check=True
    )
    som = _per_regio(json.loads(verwacht.stdout)["groepen"], "groep", "personeel")
    for formaat, gereedschap, maak, sleutel in (
        ("json", jq, jq_argv, "personeel"),
        ("csv", mlr, mlr_argv, "personeel_sum"),
    ):
        if gereedschap is None:
            continue
        export = map_ / f"kaders-{grootte}.{formaat}"
        with export.open("wb") as uit:
            draai(
                starter.kaders("--register", str(pad), "export", "--formaat", formaat),
                starter.env,
                uit=uit,
            )
        argv = maak(gereedschap, export, PEILDATUM)
        naam = Path(gereedschap).name
        metingen.append(Meting(f"{naam} (zelfde totaal, {formaat.upper()})", naam, grootte, argv))
        antwoord = subprocess.run(argv, capture_output=True, text=True, check=True)
        controles[f"{naam} {grootte}"] = (
            _per_regio(json.loads(antwoord.stdout), "regio", sleutel) == som
        )
    return metingen, controles


def levend_register(
    metingen: Sequence[Meting], gevouwen: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    """Cold `totaal` with as many changes as frameworks against two registers without: the
    same one without its changes ("documenten") and one without documents either ("zonder",
    the shape before the living register); medians and per-round ratios of the same run. And
    the growth with changes from each size to the next."""
    per_naam: dict[tuple[str, int | None], Meting] = {(m.naam, m.grootte): m for m in metingen}
    groottes = sorted(
        m.grootte for m in metingen if m.naam == KOUD_WIJZIGINGEN and m.grootte is not None
    )
    per_grootte: dict[str, dict[str, Any]] = {}
    for g in groottes:
        met = per_naam[(KOUD_WIJZIGINGEN, g)].tijden
        rij: dict[str, Any] = {"met_ms": round(statistics.median(met) * 1000, 1)}
        for sleutel, naam in (("zonder", KOUD), ("documenten", KOUD_DOCUMENTEN)):
            basis = per_naam[(naam, g)].tijden
            rij[f"{sleutel}_ms"] = round(statistics.median(basis) * 1000, 1)
            rij[f"met_{sleutel}"] = round(statistics.median(met) / statistics.median(basis), 3)
            rij[f"met_{sleutel}_per_ronde"] = gepaard(met, basis)["ratio"]
        rij["vouwen"] = gevouwen.get(g)
        per_grootte[str(g)] = rij
    groei = [
        {
            "van": van,
            "tot": tot,
            "factor": round(
                statistics.median(per_naam[(KOUD_WIJZIGINGEN, tot)].tijden)
                / statistics.median(per_naam[(KOUD_WIJZIGINGEN, van)].tijden),
                3,
            ),
        }
        for van, tot in itertools.pairwise(groottes)
    ]
    return {"per_grootte": per_grootte, "groei_met_wijzigingen": groei}


def _levend_tekst(wijzigingen: dict[str, Any]) -> list[str]:
    regels = []
    for grootte, r in wijzigingen["per_grootte"].items():
        tekst = (
            f"wijzigingen, {int(grootte):,} kaders: totaal koud met {int(grootte):,} wijzigingen "
            f"{r['met_ms']:.0f} ms; zonder wijzigingen {r['documenten_ms']:.0f} ms: "
            f"{r['met_documenten']:.2f} × (per ronde {r['met_documenten_per_ronde']:.2f} ×); "
            f"zonder documenten en wijzigingen {r['zonder_ms']:.0f} ms: {r['met_zonder']:.2f} × "
            f"(per ronde {r['met_zonder_per_ronde']:.2f} ×)"
        )
        if r["vouwen"]:
            v = r["vouwen"]
            tekst += f"; controleer (regels en vouwen) in het proces {v['mediaan_ms']:.0f} ms"
        regels.append(tekst)
    for groei in wijzigingen["groei_met_wijzigingen"]:
        regels.append(
            f"groei met wijzigingen {groei['van']:,} -> {groei['tot']:,}: {groei['factor']:.2f} ×"
        )
    return regels


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 if a command failed or a reference tool disagreed."""
    args = _args(argv)
    groottes = [int(g) for g in str(args.groottes).split(",") if g.strip()]
    runs_groot = [int(r) for r in str(args.runs_groot).split(",") if r.strip()] or [3]
    starter = Starter(args.start)
    hulpmiddelen: dict[str, str | None] = {"jq": None, "mlr": None}
    versies: dict[str, str | None] = {"jq": None, "mlr": None}
    if not args.zonder_hulpmiddelen:
        for naam in hulpmiddelen:
            hulpmiddelen[naam], versie = _hulpmiddel(naam)
            versies[naam] = versie if hulpmiddelen[naam] else None

    register = _register_metingen(starter)
    print(f"bench: meegeleverd register, {args.runs} runs per meting", file=sys.stderr)
    meet(register, starter.env, args.runs, args.opwarmen)
    vloer, gelijke_vloer = (statistics.median(m.tijden) for m in register[:2])
    alle = list(register)
    controles: dict[str, bool] = {}
    gevouwen: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="kaders-bench-") as tmp:
        starter.env["KADERS_CACHE"] = str(Path(tmp) / "cache")  # not the user's own cache
        for i, grootte in enumerate(groottes):
            runs = runs_groot[min(i, len(runs_groot) - 1)]
            print(f"bench: {grootte:,} kaders, {runs} runs per meting", file=sys.stderr)
            metingen, gelijk = _schaal(
                starter, Path(tmp), grootte, hulpmiddelen, not args.zonder_wijzigingen
            )
            controles.update(gelijk)
            meet(metingen, starter.env, runs, args.opwarmen if grootte <= 10_000 else 0)
            alle += metingen
            if not args.zonder_wijzigingen:
                gevouwen[grootte] = vouwen(wijzigingen_pad(Path(tmp), grootte))

    rijen = [m.rij(vloer, gelijke_vloer) for m in alle]
    for meting, rij in zip(register, rijen, strict=False):
        rij["gepaard_vloer"] = gepaard(meting.tijden, register[0].tijden)
        rij["gepaard_gelijk"] = gepaard(meting.tijden, register[1].tijden)
    gegevens = machine()
    resultaat: dict[str, Any] = {
        "machine": gegevens,
        "start": starter.beschrijving(),
        "vloer_ms": round(vloer * 1000, 1),
        "gelijke_vloer_ms": round(gelijke_vloer * 1000, 1),
        "hulpmiddelen": versies,
        "zelfde_uitkomst": controles,
        "metingen": rijen,
        "wijzigingen": levend_register(alle, gevouwen),
    }
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_text(
        json.dumps(resultaat, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

    print(
        f"{gegevens['cpu']}, {gegevens['nproc']} cores; Python {gegevens['python']}, "
        f"Typer {gegevens['typer']}, Pydantic {gegevens['pydantic']}, Rich {gegevens['rich']}, "
        f"tomli-w {gegevens['tomli-w']}, tomli {gegevens['tomli']}"
    )
    print(f"start: {resultaat['start']}")
    print(tabel(rijen))
    print("per ronde (mediaan van verschil en verhouding in dezelfde ronde):")
    for r in rijen[2 : len(register)]:
        v, g = r["gepaard_vloer"], r["gepaard_gelijk"]
        print(
            f"  {r['naam']}: vloer {v['ms']:+.0f} ms, {v['ratio']:.2f} ×; "
            f"gelijke vloer {g['ms']:+.0f} ms, {g['ratio']:.2f} ×"
        )
    if controles:
        print(
            "zelfde totaal als kaders: "
            + ", ".join(f"{k}: {'ja' if v else 'NEE'}" for k, v in controles.items())
        )
    for regel in _levend_tekst(resultaat["wijzigingen"]):
        print(regel)
    print(f"geschreven: {args.uit}")
    mislukt = [m for m in alle if m.exitcodes != {m.verwachte_exit}]
    for meting in mislukt:
        print(f"bench: exitcode {sorted(meting.exitcodes)}: {meting.commando}", file=sys.stderr)
    return 1 if mislukt or not all(controles.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
