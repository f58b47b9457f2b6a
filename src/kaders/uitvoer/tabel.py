"""Tables for people: column widths that fit the screen, drawn by Rich (imported only here)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from ..veilig_tekst import toonbaar
from .tekst import cel
from .weergave import Plan, Scherm, Weergave

# Cells that are never split across lines: ids, numbers and dates (a person copies them).
_HEEL = frozenset(
    {
        "id",
        "begin",
        "eind",
        "dagen_over",
        "groep",
        "status",
        "peildatum",
        "periode",
        "personeel",
        "personeel_tekst",
        "afgeleid_tekst",
        "gelijktijdig_tekst",
        "per_jaar_tekst",
        "indeling_tekst",
        "opgeschort_tekst",
        "kaders",
        "zonder_aantal",
        "gemengd",
        "resterend",
        "markering",
        "datum",
        "vanaf_tekst",
        "document",
        "versie",
        "wijzigingen",
        "url",  # an address is copied: shown whole, or its column left out
    }
)
# Names that are cut with "…" rather than wrapped, so a list keeps one line per record.
_AFKAPPEN = frozenset({"missie", "regio", "typen_tekst", "organisatie"})
# Counts, aligned right.
_RECHTS = frozenset(
    {
        "kaders",
        "zonder_aantal",
        "gemengd",
        "afgeleid_tekst",
        "gelijktijdig_tekst",
        "per_jaar_tekst",
        "indeling_tekst",
        "opgeschort_tekst",
        "wijzigingen",
    }
)
_SMALST = 10  # a column that may wrap or be cut is never narrower than this (or its text)


class Kolom(NamedTuple):
    """A column: its header, alignment ('left', 'right' or 'bar'), and how it may give way.

    `vast`: never split (ids, numbers, dates); `afkappen`: long text is cut with "…" instead
    of wrapped; `prioriteit`: 0 is always shown, otherwise the highest goes first when the
    screen is too narrow for every column.
    """

    kop: str
    uitlijning: str = "left"
    vast: bool = False
    prioriteit: int = 0
    afkappen: bool = False
    legenda: str = ""  # a footer line that explains this column: shown only with it


def _heel(kolom: Kolom) -> bool:
    return kolom.vast or kolom.uitlijning in ("right", "bar")


def teken(
    titel: str,
    kolommen: Sequence[Kolom],
    rijen: Iterable[tuple[Sequence[str], str | None]],
    scherm: Scherm,
    voet: str | None = None,
) -> str:
    """A table of (cells, style) rows that fits the screen; widths computed here.

    When the columns do not fit, the least important are left out (the title says which and
    how to see them); when even the essential ones do not fit with their ids, numbers and
    dates whole, every row becomes a block of 'Kop: waarde' lines.

    A table is for people: control characters in its text are shown as escapes (`\\x1b`),
    before the widths are measured (veilig_tekst), so no cell can steer the terminal.
    """
    from rich.cells import cell_len

    titel = toonbaar(titel)
    rijen = [([toonbaar(c) for c in cellen], stijl) for cellen, stijl in rijen]
    inhoud = [[k.kop, *(c[i] for c, _ in rijen)] for i, k in enumerate(kolommen)]
    maat = [_maten(k, kolom, cell_len) for k, kolom in zip(kolommen, inhoud, strict=True)]
    getoond = list(range(len(kolommen)))

    def past(ruim: bool = False) -> bool:
        """Whether the shown columns fit at their narrowest; `ruim`: names uncut."""
        som = sum(maat[i][1 if ruim and kolommen[i].afkappen else 0] for i in getoond)
        return som + 3 * len(getoond) + 1 <= scherm.breedte

    while not past():
        weg = [i for i in getoond if kolommen[i].prioriteit > 0]
        if not weg:
            return kaart(titel, kolommen, rijen, scherm, _voet(voet, kolommen))
        getoond.remove(max(weg, key=lambda i: (kolommen[i].prioriteit, i)))
    # A narrow column left out early comes back if it fits without cutting a name.
    for i in sorted(range(len(kolommen)), key=lambda j: (kolommen[j].prioriteit, j)):
        if i not in getoond:
            getoond.append(i)
            if not past(ruim=True):
                getoond.remove(i)
    getoond.sort()
    weggelaten = [
        kolommen[i].kop.replace("\n", " ") for i in range(len(kolommen)) if i not in getoond
    ]
    if weggelaten:
        titel += (
            f" (weggelaten: {', '.join(k or 'balk' for k in weggelaten)}; "
            "breder scherm of --formaat json toont alles)"
        )
    ruimte = scherm.breedte - 3 * len(getoond) - 1
    breedtes = verdeel([maat[i] for i in getoond], ruimte)
    return _rich(
        titel,
        [kolommen[i] for i in getoond],
        breedtes,
        [([c[i] for i in getoond], stijl) for c, stijl in rijen],
        scherm,
        _voet(voet, [kolommen[i] for i in getoond]),
    )


def _voet(voet: str | None, getoond: Sequence[Kolom]) -> str | None:
    """The footer with the legends of the columns shown, as text safe for a terminal."""
    delen = [d for d in (voet, *(k.legenda for k in getoond)) if d]
    return toonbaar(" ".join(delen)) if delen else None


def _maten(kolom: Kolom, cellen: Sequence[str], lengte: Callable[[str], int]) -> tuple[int, int]:
    """(narrowest, natural) width of a column.

    A whole column is as wide as its widest cell (its header may wrap between words); a
    column that is cut may shrink to `_SMALST`; text that wraps, to its longest word.
    """
    kop, *rest = cellen
    natuurlijk = max((lengte(r) for c in cellen for r in c.split("\n")), default=0) or 1
    koppen = [lengte(w) for w in kop.split()]
    if _heel(kolom):
        smalst = max([*(lengte(r) for c in rest for r in c.split("\n")), *koppen, 1])
        return smalst, natuurlijk
    if kolom.afkappen:
        return min(natuurlijk, _SMALST), natuurlijk
    # Text wraps between words; a word (an id in a sentence) is never split.
    woorden = [lengte(w) for c in cellen for w in c.split()]
    return min(natuurlijk, max(_SMALST, *woorden, *koppen)), natuurlijk


def verdeel(maten: Sequence[tuple[int, int]], ruimte: int) -> list[int]:
    """Widths between each column's narrowest and natural width that fill at most the room:
    the widest column that can still give way is narrowed first."""
    breedtes = [n for _, n in maten]
    while (te_veel := sum(breedtes) - ruimte) > 0:
        kandidaten = [i for i, b in enumerate(breedtes) if b > maten[i][0]]
        if not kandidaten:
            break
        i = max(kandidaten, key=lambda j: breedtes[j])
        tweede = max((breedtes[j] for j in kandidaten if j != i), default=0)
        stap = max(1, min(te_veel, breedtes[i] - max(tweede, maten[i][0])))
        breedtes[i] -= stap
    return breedtes


def _rich(
    titel: str,
    kolommen: Sequence[Kolom],
    breedtes: Sequence[int],
    rijen: Sequence[tuple[Sequence[str], str | None]],
    scherm: Scherm,
    voet: str | None,
) -> str:
    """Draw the table with Rich at the given widths."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    tafel = Table(
        title=titel,
        box=box.SIMPLE_HEAVY,
        caption=voet,
        title_justify="left",
        caption_justify="left",
    )
    for kolom, breedte in zip(kolommen, breedtes, strict=True):
        tafel.add_column(
            kolom.kop,
            width=breedte,
            justify="right" if kolom.uitlijning == "right" else "left",
            overflow="ellipsis" if kolom.afkappen else "fold",
            no_wrap=kolom.afkappen,
            style="cyan" if kolom.uitlijning == "bar" and scherm.kleur else None,
        )
    for cellen, stijl in rijen:
        # Text: no markup or emoji parsing per cell
        tafel.add_row(*map(Text, cellen), style=stijl if scherm.kleur else None)
    return naar_tekst(tafel, scherm)


def kaart(
    titel: str,
    kolommen: Sequence[Kolom],
    rijen: Sequence[tuple[Sequence[str], str | None]],
    scherm: Scherm,
    voet: str | None = None,
) -> str:
    """Rows as blocks of 'Kop: waarde' lines, for a screen too narrow for the columns.

    Lines break between words and never at a hyphen, so ids stay whole unless one is wider
    than the screen itself.
    """
    import textwrap

    breedte = max(scherm.breedte, 4)

    def regels(tekst: str, inspringen: str = "") -> list[str]:
        return textwrap.wrap(
            tekst,
            breedte,
            initial_indent=inspringen,
            subsequent_indent=inspringen,
            break_on_hyphens=False,
        ) or [inspringen]

    uit = regels(titel + " (smal scherm: één blok per rij)")
    for cellen, _ in rijen:
        if len(kolommen) == 2:  # a table of labels and values: one 'label: value' per row
            uit += _kaartregel(cellen[0], cellen[1], breedte, regels)
            continue
        uit.append("")
        for kolom, waarde in zip(kolommen, cellen, strict=True):
            kop = kolom.kop.replace("\n", " ") or "balk"
            if not waarde:
                continue
            uit += _kaartregel(kop, waarde, breedte, regels)
    if voet:
        uit += ["", *regels(voet)]
    return "\n".join(uit) + "\n"


def _kaartregel(
    kop: str, waarde: str, breedte: int, regels: Callable[[str, str], list[str]]
) -> list[str]:
    """'Kop: waarde' on one line if it fits, else the value indented below its label."""
    from rich.cells import cell_len

    regel = f"{kop}: {waarde}"
    if cell_len(regel) <= breedte and "\n" not in waarde:
        return [regel]
    uit = [f"{kop}:"]
    for deel in waarde.split("\n"):
        uit += regels(deel, "  ")
    return uit


def tabel(plan: Plan, scherm: Scherm) -> str:
    """A plan drawn for a screen: ids, numbers and dates are never split; names are cut with
    "…"; other text wraps; a column's legend goes with it."""
    legenden = plan.legenden or {}
    koppen = [
        Kolom(
            kop,
            "right" if sleutel in _RECHTS else "left",
            vast=sleutel in _HEEL,
            prioriteit=rest[0] if rest else 0,
            afkappen=sleutel in _AFKAPPEN,
            legenda=legenden.get(sleutel, ""),
        )
        for sleutel, kop, *rest in plan.kolommen
    ]
    cellen = [([cel(rij.get(k)) for k, *_ in plan.kolommen], None) for rij in plan.rijen]
    return teken(plan.titel, koppen, cellen, scherm, plan.voet)


def weergave_tabel(weergave: Weergave, scherm: Scherm) -> str:
    """A view's table for people on this screen: its own drawing, else its plan drawn."""
    if weergave.tabel is not None:
        return weergave.tabel(scherm)
    if weergave.mens is None:
        raise ValueError(f"weergave {weergave.soort} heeft geen tabel")
    return tabel(weergave.mens, scherm)


def naar_tekst(iets: object, scherm: Scherm) -> str:
    """Render a Rich object to text; without colour, lines carry no trailing padding."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=scherm.breedte,
        force_terminal=scherm.kleur,
        no_color=not scherm.kleur,
        highlight=False,
        # Cells are data, not Rich markup: '[twintig]' stays text, '[/x]' cannot crash it, and
        # skipping the markup and emoji parsers saves a few ms per table.
        markup=False,
        emoji=False,
    )
    console.print(iets)
    if scherm.kleur:
        return buffer.getvalue()
    return "".join(regel.rstrip() + "\n" for regel in buffer.getvalue().splitlines())
