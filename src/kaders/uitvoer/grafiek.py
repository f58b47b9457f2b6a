"""Charts of a total (`totaal`) and a timeline (`tijdlijn`) as SVG or PNG, drawn with matplotlib.

Imported only when a chart is asked for (uitvoer.FORMATEN), so no other answer pays for
loading matplotlib. A chart draws exactly the numbers of the view's JSON (`waarden`), never
adds unlike counts: one panel per counting (at one time, per year, not stated), and one panel
for the derived share, hatched and lighter, because the JSON gives that share per group but
not per counting. Frameworks without a number, suspended and additional deployments are not
drawn; a note under the chart counts them.

The same view gives the same bytes: a fixed SVG hash salt, no dates in the metadata.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .weergave import Weergave

BREEDTE, HOOGTE = 1200, 675  # the SVG in CSS pixels (96 per inch)
PNG_DPI = 192  # twice the SVG's pixels: 2400 × 1350, sharp on a retina screen
BRON = "Bron: kaders-register, Kamerstuk 29 521 nr. 493 e.v."
TELLINGEN = {
    "gelijktijdig": "Tegelijk ingezet",
    "per-jaar": "Per jaar (rotatie)",
    "niet-vermeld": "Telling niet vermeld",
}
AFGELEID = "afgeleid"  # the panel of the derived share
AFGELEID_TITEL = "Waarvan afgeleid (alle tellingen)"
AFGELEID_LEGENDA = "afgeleid (gearceerd): rust op\neen afgeleid veld, niet\nletterlijk uit de bron"
_KLEUREN = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#ad494a",
    "#637939",
    "#8c6d31",
)


def _stijl() -> AbstractContextManager[None]:
    """matplotlib's settings for a chart, for the drawing only."""
    return rc_context(
        {
            "svg.fonttype": "none",  # real text: searchable and selectable
            "svg.hashsalt": "kaders",  # the same ids in every run
            # Measured with DejaVu Sans (shipped with matplotlib: the same layout on every
            # machine); a viewer without it shows Arial, Helvetica or its own sans-serif.
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
            "font.size": 9,
            "hatch.linewidth": 0.8,
        }
    )


# --- the numbers: pure, and tested against `totaal`'s JSON --------------------------------


def tijdlijn_waarden(data: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, list[int]]]:
    """Per panel (each counting, then 'afgeleid'), per group, the number drawn per period.

    The groups in order of first appearance; a group absent from a period draws 0 there.
    """
    groepen = list(dict.fromkeys(g["groep"] for p in data for g in p["groepen"]))
    panelen = {k: {g: [0] * len(data) for g in groepen} for k in (*TELLINGEN, AFGELEID)}
    for i, periode in enumerate(data):
        for groep in periode["groepen"]:
            for telling in TELLINGEN:
                panelen[telling][groep["groep"]][i] = groep["per_telling"].get(telling, 0)
            panelen[AFGELEID][groep["groep"]][i] = groep["personeel_afgeleid"] or 0
    return panelen


def totaal_waarden(data: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """Per panel, per group with a number (largest sum first), the number drawn."""
    volgorde = sorted(
        (g for g in data["groepen"] if g["personeel"] is not None),
        key=lambda g: (-g["personeel"], g["groep"]),
    )
    panelen = tijdlijn_waarden([data])
    return {k: {g["groep"]: panelen[k][g["groep"]][0] for g in volgorde} for k in panelen}


def _getoond(panelen: Mapping[str, Mapping[str, Sequence[int] | int]]) -> list[str]:
    """The countings with anything to draw, then the derived share (always: its 0 says so)."""
    leeg = [
        k
        for k in TELLINGEN
        if not any(v if isinstance(v, int) else any(v) for v in panelen[k].values())
    ]
    return [k for k in (*TELLINGEN, AFGELEID) if k not in leeg or k == AFGELEID]


# --- the notes: what is not drawn -----------------------------------------------------------


def _noten(perioden: Sequence[Mapping[str, Any]]) -> str:
    """What the chart leaves out, counted; over several periods the most in one period."""
    totalen = [p["totaal"] for p in perioden]
    meer = " (het meest in één periode)" if len(perioden) > 1 else ""
    zonder = max(t["zonder_aantal"] for t in totalen)
    delen = [f"{zonder} {'kader' if zonder == 1 else 'kaders'} zonder aantal niet getekend{meer}"]
    opgeschort = max(
        totalen, key=lambda t: (t["opgeschort"]["personeel"], t["opgeschort"]["kaders"])
    )
    if opgeschort["opgeschort"]["kaders"]:
        delen.append(
            f"opgeschort, niet getekend: {opgeschort['opgeschort']['personeel']} personen in "
            f"{opgeschort['opgeschort']['kaders']} kader(s){meer}"
        )
    aanvullend = max(
        totalen, key=lambda t: (t["aanvullend"]["kaders"], t["aanvullend"]["personeel"])
    )
    if aanvullend["aanvullend"]["kaders"]:
        delen.append(
            f"additionele inzet buiten de kaders, niet getekend: "
            f"{aanvullend['aanvullend']['kaders']} kader(s), "
            f"{aanvullend['aanvullend']['personeel'] or 'onbekend aantal'} personen{meer}"
        )
    return "\n".join(f"{deel[0].upper()}{deel[1:]}." for deel in delen)


# --- drawing --------------------------------------------------------------------------------


def _ruimte(noot: str) -> float:
    """Room under the panels for the note, one line per thing not drawn."""
    return 0.028 * noot.count("\n")


def _figuur(titel: str, ondertitel: str, noot: str) -> Figure:
    figuur = Figure(figsize=(BREEDTE / 96, HOOGTE / 96), dpi=96)
    figuur.text(0.012, 0.965, titel, fontsize=14, fontweight="bold", va="top")
    figuur.text(0.012, 0.918, ondertitel, fontsize=9.5, va="top", color="#333333")
    figuur.text(0.012, 0.045, noot, fontsize=8.5, va="bottom", color="#333333")
    figuur.text(0.012, 0.012, BRON, fontsize=8.5, va="bottom", color="#555555")
    return figuur


def _som(personeel: int | None) -> str:
    """A sum for people: unknown is never 0."""
    return "Som onbekend" if personeel is None else f"Som {personeel} personen"


def _kleuren(groepen: Sequence[str]) -> dict[str, str]:
    return {g: _KLEUREN[i % len(_KLEUREN)] for i, g in enumerate(groepen)}


def _opmaak(as_: Axes, titel: str) -> None:
    as_.set_title(titel, fontsize=10, loc="left")
    as_.spines[["top", "right"]].set_visible(False)
    as_.tick_params(labelsize=8)


def _afgeleid_patch() -> Patch:
    return Patch(
        facecolor="#bbbbbb", alpha=0.55, hatch="///", edgecolor="#444444", label=AFGELEID_LEGENDA
    )


def _bytes(figuur: Figure, formaat: str) -> bytes:
    buffer = io.BytesIO()
    if formaat == "svg":
        figuur.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        figuur.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


def totaal_grafiek(weergave: Weergave, formaat: str) -> bytes:
    """A horizontal bar per group with a number, largest first; a panel per counting."""
    data = weergave.json
    with _stijl():
        panelen = totaal_waarden(data)
        groepen = list(panelen[AFGELEID])
        sommen = {g["groep"]: g["personeel"] for g in data["groepen"]}
        ondertitel = (
            f"Peildatum {data['peildatum']}, zoals bekend op {data.get('stand', 'vandaag')}. "
            f"{_som(data['totaal']['personeel'])} (tussen haakjes: de som per groep).\n"
            "Per telling apart getekend, want 'tegelijk' en 'per jaar' tellen niet hetzelfde."
        )
        figuur = _figuur(
            f"Toegezegd Nederlands personeel per {data['per']} op {data['peildatum']}",
            ondertitel,
            noot := _noten([data]),
        )
        getoond = _getoond(panelen)
        assen = figuur.subplots(1, len(getoond), sharex=True, sharey=True, squeeze=False)[0]
        figuur.subplots_adjust(
            left=0.2, right=0.98, top=0.82, bottom=0.2 + _ruimte(noot), wspace=0.12
        )
        kleur = _kleuren(groepen)
        y = list(range(len(groepen)))
        grootste = max([1, *(w for k in getoond for w in panelen[k].values())])
        for as_, sleutel in zip(assen, getoond, strict=True):
            waarden = [panelen[sleutel][g] for g in groepen]
            afgeleid = sleutel == AFGELEID
            balken = as_.barh(
                y,
                waarden,
                color=[kleur[g] for g in groepen],
                alpha=0.55 if afgeleid else 1.0,
                hatch="///" if afgeleid else None,
                edgecolor="#444444" if afgeleid else "none",
                linewidth=0.4,
            )
            as_.bar_label(balken, labels=[str(w) for w in waarden], padding=2, fontsize=8)
            as_.set_xlim(0, grootste * 1.2)  # one scale: bars compare across panels
            _opmaak(as_, AFGELEID_TITEL if afgeleid else TELLINGEN[sleutel])
            as_.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        if not groepen:
            assen[0].text(
                0.5,
                0.5,
                "geen lopend kader met een aantal",
                transform=assen[0].transAxes,
                ha="center",
            )
        assen[0].set_yticks(y, [f"{g} ({sommen[g]})" for g in groepen])
        assen[0].invert_yaxis()
        figuur.legend(
            handles=[_afgeleid_patch()],
            loc="lower right",
            bbox_to_anchor=(0.99, 0.05),
            fontsize=8.5,
            frameon=False,
        )
        return _bytes(figuur, formaat)


def _ticks(labels: Sequence[str]) -> list[int]:
    """At most about twelve period labels on the axis."""
    stap = max(1, -(-len(labels) // 12))
    return list(range(0, len(labels), stap))


def tijdlijn_grafiek(weergave: Weergave, formaat: str) -> bytes:
    """Per period a bar stacked per group; a panel per counting and one for the derived share."""
    data: list[dict[str, Any]] = weergave.json
    with _stijl():
        panelen = tijdlijn_waarden(data)
        groepen = list(panelen[AFGELEID])
        labels = [p["periode"] for p in data]
        if data:
            stand = data[0].get("stand", "vandaag")
            bereik = f"{data[0]['peildatum']} t/m {data[-1]['peildatum']}"
        else:
            stand, bereik = "vandaag", "geen perioden"
        ondertitel = (
            f"Peildatum: de eerste dag van elke periode, {bereik}; zoals bekend op {stand}.\n"
            "Per telling apart getekend: 'tegelijk' en 'per jaar' tellen niet hetzelfde."
        )
        figuur = _figuur(
            weergave.titel.replace("Personeel", "Toegezegd Nederlands personeel"),
            ondertitel,
            noot := _noten(data),
        )
        getoond = _getoond(panelen)
        kolommen = 2 if len(getoond) > 2 else 1
        rijen = -(-len(getoond) // kolommen)
        assen = figuur.subplots(rijen, kolommen, sharex=True, sharey=True, squeeze=False).flatten()
        figuur.subplots_adjust(
            left=0.05, right=0.78, top=0.8, bottom=0.16 + _ruimte(noot), wspace=0.15, hspace=0.25
        )
        kleur = _kleuren(groepen)
        x = list(range(len(labels)))
        hoogste = 1
        for i, (as_, sleutel) in enumerate(zip(assen, getoond, strict=False)):
            afgeleid = sleutel == AFGELEID
            onder = [0] * len(labels)
            for groep in groepen:
                waarden = panelen[sleutel][groep]
                getekend = [i for i in x if waarden[i]]  # no empty bars: a smaller SVG
                as_.bar(
                    getekend,
                    [waarden[i] for i in getekend],
                    bottom=[onder[i] for i in getekend],
                    width=0.85,
                    color=kleur[groep],
                    alpha=0.55 if afgeleid else 1.0,
                    hatch="///" if afgeleid else None,
                    edgecolor="#444444" if afgeleid else "none",
                    linewidth=0.3,
                )
                onder = [a + b for a, b in zip(onder, waarden, strict=True)]
            hoogste = max(hoogste, *onder)
            if afgeleid and not any(onder):
                as_.text(0.5, 0.5, "niets afgeleid", transform=as_.transAxes, ha="center")
            _opmaak(as_, AFGELEID_TITEL if afgeleid else TELLINGEN[sleutel])
            as_.set_xticks(_ticks(labels), [labels[i] for i in _ticks(labels)])
            # Period labels under the lowest panel of each column.
            as_.tick_params(axis="x", labelbottom=i + kolommen >= len(getoond), labelrotation=45)
        assen[0].set_ylim(0, hoogste * 1.1)
        assen[0].yaxis.set_major_locator(
            MaxNLocator(integer=True)
        )  # one scale: bars compare across panels
        for as_ in assen[len(getoond) :]:
            as_.set_visible(False)
        handvatten = [Patch(color=kleur[g], label=g) for g in groepen]
        figuur.legend(
            handles=[*handvatten, _afgeleid_patch()],
            loc="upper left",
            bbox_to_anchor=(0.79, 0.8),
            fontsize=8,
            frameon=False,
            title=data[0]["per"] if data else None,
        )
        return _bytes(figuur, formaat)


def grafiek(weergave: Weergave, formaat: str) -> bytes:
    """The view (totaal or tijdlijn) as a chart in `formaat` ('svg' or 'png')."""
    if weergave.soort == "tijdlijn":
        return tijdlijn_grafiek(weergave, formaat)
    return totaal_grafiek(weergave, formaat)
