"""Tables for people: column widths that fit the screen, drawn by Rich (imported only here)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from .tekst import cel
from .weergave import Rij, Scherm

_NIET_AFBREKEN = frozenset({"begin", "eind", "dagen_over", "groep", "status"})


class Kolom(NamedTuple):
    """A column: its header, its alignment ('left', 'right' or 'bar') and whether it may wrap."""

    kop: str
    uitlijning: str = "left"
    vast: bool = False  # never wrapped between words (folded only if the screen is too narrow)


def teken(
    titel: str,
    kolommen: Sequence[Kolom],
    rijen: Iterable[tuple[Sequence[str], str | None]],
    scherm: Scherm,
    voet: str | None = None,
) -> str:
    """A table of (cells, style) rows as text; widths computed here, so Rich measures nothing."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    rijen = list(rijen)
    vast = [k.vast or k.uitlijning in ("right", "bar") for k in kolommen]
    breedtes = schermbreedtes([k.kop for k in kolommen], [c for c, _ in rijen], vast, scherm)
    tafel = Table(
        title=titel,
        box=box.SIMPLE_HEAVY,
        caption=voet,
        title_justify="left",
        caption_justify="left",
    )
    for kolom, breedte in zip(kolommen, breedtes, strict=True):
        # A fixed column is as wide as its text unless the screen cannot hold it; then it
        # folds too: a cell is never cut short.
        tafel.add_column(
            kolom.kop,
            width=breedte,
            justify="right" if kolom.uitlijning == "right" else "left",
            overflow="fold",
            style="cyan" if kolom.uitlijning == "bar" and scherm.kleur else None,
        )
    for cellen, stijl in rijen:
        # Text: no markup or emoji parsing per cell
        tafel.add_row(*map(Text, cellen), style=stijl if scherm.kleur else None)
    return naar_tekst(tafel, scherm)


def tabel(
    titel: str,
    kolommen: Sequence[tuple[str, str]],
    rijen: Iterable[Rij],
    scherm: Scherm,
    voet: str | None = None,
) -> str:
    """Rows (dicts) as a table of the given (key, header) columns."""
    koppen = [Kolom(kop, vast=sleutel in _NIET_AFBREKEN) for sleutel, kop in kolommen]
    cellen = [([cel(rij.get(k)) for k, _ in kolommen], None) for rij in rijen]
    return teken(titel, koppen, cellen, scherm, voet)


def schermbreedtes(
    koppen: Sequence[str], rijen: Sequence[Sequence[str]], vast: Sequence[bool], scherm: Scherm
) -> list[int]:
    """Column widths for a Rich table on this screen (edges, separators, a space each side)."""
    from rich.cells import cell_len

    inhoud = [[kop, *(rij[i] for rij in rijen)] for i, kop in enumerate(koppen)]
    ruimte = scherm.breedte - 2 - (len(koppen) - 1) - 2 * len(koppen)
    return kolombreedtes(inhoud, vast, ruimte, cell_len)


def kolombreedtes(
    kolommen: Sequence[Sequence[str]],
    vast: Sequence[bool],
    ruimte: int,
    lengte: Callable[[str], int] = len,
) -> list[int]:
    """Column widths that fit the room: wrap between words first, split words only if needed.

    Each column is as wide as its longest line. While the table is too wide, the widest column
    that can still wrap between words is narrowed; then the widest one that is not fixed (its
    words are folded); then any, down to 2 (a wide character needs two cells). Rich gets the
    widths and measures nothing itself.
    """
    hoogst = [max((lengte(r) for c in k for r in c.split("\n")), default=0) or 1 for k in kolommen]
    laagst = [
        h if v else max((lengte(w) for c in k for w in c.split()), default=0) or 1
        for k, h, v in zip(kolommen, hoogst, vast, strict=True)
    ]
    breedtes = list(hoogst)
    gevouwen = [h if v else min(h, 2) for h, v in zip(hoogst, vast, strict=True)]
    for ondergrens in (laagst, gevouwen, [min(h, 2) for h in hoogst]):
        while (te_veel := sum(breedtes) - ruimte) > 0:
            kandidaten = [i for i, b in enumerate(breedtes) if b > ondergrens[i]]
            if not kandidaten:
                break
            i = max(kandidaten, key=lambda j: breedtes[j])
            tweede = max((breedtes[j] for j in kandidaten if j != i), default=0)
            # Down to the next widest at once (one long cell costs one step, not thousands).
            stap = max(1, min(te_veel, breedtes[i] - max(tweede, ondergrens[i])))
            breedtes[i] -= stap
    return breedtes


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
