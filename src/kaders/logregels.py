"""The rules of documents, frameworks and the change log across records; pure, every problem.

Documents: unique ids. Frameworks: the document they name exists (once there are documents,
each names one); earlier ids unique. Changes: known framework and document, not older than
the framework's document, a source (citaat and plek) unless every field they set is derived,
marks only fields they set, a known region, and each alters something and leaves every
version of the framework whole: on each day a `vanaf` starts and after it, the values hold
together, and a `vanaf` lies within the framework's begin and end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import onbekend
from .geheugen import zonder_gc
from .models import SAMENHANGVELDEN, WIJZIGBARE_VELDEN, Kader, Register, Wijziging
from .models import samenhangfouten as samenhang
from .regels import Probleem
from .stand import VANAF, geldt_op, pas_toe, volgorde

_KADERVELDEN = frozenset(Kader.model_fields)
_TABELLEN = ("document", "kader", "wijziging", "mandaat")


@zonder_gc()
def controleer(register: Register) -> list[Probleem]:
    """Every broken rule of the documents, frameworks and changes, in file order."""
    problemen: list[Probleem] = []
    bekend: dict[str, dt.date] = {}
    for i, document in enumerate(register.document):
        if document.id in bekend:
            tekst, wie = "id komt al voor; moet uniek zijn", f"document '{document.id}'"
            problemen.append(Probleem("document", i, "id", tekst, wie=wie))
        else:
            bekend[document.id] = document.datum
    problemen += _kaders(register, bekend)

    positie: dict[str, int] = {}
    for i, kader in enumerate(register.kader):
        positie.setdefault(kader.id, i)
    regios = {r.id for r in register.regio}
    invoerders = [k.document if k.document in bekend else None for k in register.kader]
    gezet = [wijziging.gezet() for wijziging in register.wijziging]
    plekken = [positie.get(wijziging.kader) for wijziging in register.wijziging]
    for i, wijziging in enumerate(register.wijziging):
        plek = plekken[i]
        invoerder = None if plek is None else invoerders[plek]
        problemen += _los(i, wijziging, gezet[i], plek, invoerder, bekend, regios, positie)

    # Fold in order, checking each step on plain field values (a model per step costs more).
    nieuw: dict[int, dict[str, Any]] = {}  # per framework: the values its changes set so far
    fouten_nu: dict[int, list[str]] = {}
    per_kader: dict[int, list[int]] = {}  # per framework: its changes, in fold order
    for i in volgorde(register.wijziging, bekend):
        wijziging, plek = register.wijziging[i], plekken[i]
        if plek is None or not gezet[i]:
            continue  # reported above
        basis = register.kader[plek].__dict__
        waarden = nieuw.setdefault(plek, {"afgeleid": basis["afgeleid"]})
        afgeleid = waarden["afgeleid"]
        anders = any(waarden.get(veld, basis[veld]) != nu for veld, nu in gezet[i].items())
        pas_toe(waarden, gezet[i], wijziging.afgeleid)
        vorige = per_kader.setdefault(plek, [])
        # With a vanaf the values differ per day: a change may alter only some days' values.
        gedateerd = wijziging.vanaf is not None or any(
            register.wijziging[j].vanaf is not None for j in vorige
        )
        vorige.append(i)
        if not anders and not gedateerd and waarden["afgeleid"] == afgeleid:
            tekst = (
                "wijzigt niets: elk gegeven veld heeft die waarde al "
                f"(na de documenten tot en met {bekend[wijziging.document]})"
            )
            problemen.append(Probleem("wijziging", i, None, tekst, wie=_over(i, wijziging)))
            continue
        if not (wijziging.afgeleid or SAMENHANGVELDEN & gezet[i].keys()):
            continue
        eerder = fouten_nu.get(plek, [])
        fouten_nu[plek] = samenhang(basis | waarden)
        for fout in fouten_nu[plek]:
            if fout not in eerder:
                tekst = "het kader klopt daarna niet meer: " + fout
                problemen.append(Probleem("wijziging", i, None, tekst, wie=_over(i, wijziging)))
    for plek, indexen in per_kader.items():
        if any(register.wijziging[i].vanaf is not None for i in indexen):
            problemen += _versies(register, register.kader[plek], indexen, gezet)
    problemen += _zonder_tekst(register) + _mandaten(register, bekend)
    return sorted(problemen, key=lambda p: (_TABELLEN.index(p.tabel), p.rij))


def _zonder_tekst(register: Register) -> list[Probleem]:
    """Nothing rests on a document whose text is not available: it is known, not read."""
    onleesbaar = {d.id for d in register.document if not d.tekst_beschikbaar}
    if not onleesbaar:
        return []
    problemen: list[Probleem] = []
    bronnen: list[tuple[str, list[str | None]]] = [
        ("kader", [k.document for k in register.kader]),
        ("wijziging", [w.document for w in register.wijziging]),
        ("mandaat", [m.document for m in register.mandaat]),
    ]
    for tabel, documenten in bronnen:
        for i, document in enumerate(documenten):
            if document in onleesbaar:
                tekst = (
                    f"document '{document}' heeft geen beschikbare "
                    "tekst (tekst_beschikbaar = false); niets kan erop berusten"
                )
                problemen.append(Probleem(tabel, i, "document", tekst, wie=f"{tabel} nr. {i + 1}"))
    return problemen


def _mandaten(register: Register, bekend: Mapping[str, dt.date]) -> list[Probleem]:
    """A mandate names a known document and a mission that frameworks have."""
    problemen: list[Probleem] = []
    missies = {k.missie for k in register.kader}
    for i, mandaat in enumerate(register.mandaat):
        naam = f"mandaat nr. {i + 1} (missie '{mandaat.missie}')"
        if mandaat.document not in bekend:
            tekst = onbekend("document", mandaat.document, bekend)
            problemen.append(Probleem("mandaat", i, "document", tekst, wie=naam))
        if mandaat.missie not in missies:
            tekst = onbekend("missie", mandaat.missie, missies)
            problemen.append(Probleem("mandaat", i, "missie", tekst, wie=naam))
    return problemen


def _kaders(register: Register, bekend: Mapping[str, dt.date]) -> list[Probleem]:
    """Each framework names a known document (once there are any); earlier ids are unique."""
    problemen: list[Probleem] = []
    ids = {k.id for k in register.kader}
    eerdere: set[str] = set()
    for i, kader in enumerate(register.kader):
        wie = f"kader '{kader.id}'"
        if kader.document is None:
            if bekend:
                tekst = (
                    "noemt geen document; in een register met documenten "
                    "noemt elk kader het document dat het invoerde"
                )
                problemen.append(Probleem("kader", i, None, tekst, wie=wie))
        elif kader.document not in bekend:
            tekst = onbekend("document", kader.document, bekend)
            problemen.append(Probleem("kader", i, "document", tekst, wie=wie))
        for oud in kader.eerdere_ids:
            if oud in ids or oud in eerdere:
                tekst = f"eerdere id '{oud}' is al de id of een eerdere id van een kader; "
                tekst += "moet uniek zijn"
                problemen.append(Probleem("kader", i, "eerdere_ids", tekst, wie=wie))
            eerdere.add(oud)
    return problemen


def _versies(
    register: Register, kader: Kader, indexen: list[int], gezet: list[dict[str, Any]]
) -> list[Probleem]:
    """Every version of a framework with a `vanaf` holds together: the one before each
    `vanaf` starts and the one from it; and each `vanaf` lies within begin and end then."""
    problemen: list[Probleem] = []
    wijzigingen = register.wijziging
    vanafs = sorted({v for i in indexen if (v := wijzigingen[i].vanaf) is not None})
    for dag in vanafs:
        for peildatum in (dag - dt.timedelta(days=1), dag) if dag > dt.date.min else (dag,):
            waarden: dict[str, Any] = {"afgeleid": kader.afgeleid}
            laatste = None
            for i in indexen:
                if geldt_op(wijzigingen[i], peildatum):
                    pas_toe(waarden, gezet[i], wijzigingen[i].afgeleid)
                    laatste = i
            velden = kader.__dict__ | waarden
            fouten = samenhang(velden)
            for i in indexen if peildatum == dag else ():
                if wijzigingen[i].vanaf == dag and not velden["begin"] <= dag <= velden["eind"]:
                    tekst = (
                        f"vanaf {dag} ligt buiten de looptijd van het kader "
                        f"({velden['begin']} tot en met {velden['eind']})"
                    )
                    problemen.append(
                        Probleem("wijziging", i, VANAF, tekst, wie=_over(i, wijzigingen[i]))
                    )
            if fouten and laatste is not None:
                tekst = f"op {peildatum} klopt het kader niet: " + "; ".join(fouten)
                problemen.append(
                    Probleem(
                        "wijziging", laatste, VANAF, tekst, wie=_over(laatste, wijzigingen[laatste])
                    )
                )
    return list(dict.fromkeys(problemen))


def _los(
    i: int,
    wijziging: Wijziging,
    gezet: Mapping[str, Any],
    plek: int | None,
    invoerder: str | None,
    bekend: Mapping[str, dt.date],
    regios: set[str],
    kader_ids: Iterable[str],
) -> list[Probleem]:
    """The rules one change must meet on its own: `gezet` are the fields it sets, `plek` the
    place of its framework (None: unknown), `invoerder` the known document that introduced it."""
    problemen: list[Probleem] = []
    if plek is None:
        tekst = onbekend("kader", wijziging.kader, kader_ids)
        problemen.append(Probleem("wijziging", i, "kader", tekst, wie=f"wijziging nr. {i + 1}"))
    datum = bekend.get(wijziging.document)
    if datum is None:
        tekst = onbekend("document", wijziging.document, bekend)
        problemen.append(Probleem("wijziging", i, "document", tekst, wie=_over(i, wijziging)))
    if not gezet:
        tekst = "wijzigt geen enkel veld; geef minstens één van: " + ", ".join(WIJZIGBARE_VELDEN)
        problemen.append(Probleem("wijziging", i, None, tekst, wie=_over(i, wijziging)))
    problemen += _bron(i, wijziging, gezet)
    for afleiding in wijziging.afgeleid:
        if afleiding.veld == VANAF and wijziging.vanaf is None:
            tekst = "afgeleid noemt 'vanaf', maar de wijziging heeft er geen"
            problemen.append(Probleem("wijziging", i, "afgeleid", tekst, wie=_over(i, wijziging)))
        elif afleiding.veld in _KADERVELDEN and afleiding.veld not in gezet:
            tekst = f"afgeleid noemt veld '{afleiding.veld}', maar deze wijziging zet dat veld niet"
            problemen.append(Probleem("wijziging", i, "afgeleid", tekst, wie=_over(i, wijziging)))
    if wijziging.regio is not None and wijziging.regio not in regios:
        tekst = "veld 'regio': " + onbekend("regio", wijziging.regio, regios)
        problemen.append(Probleem("wijziging", i, "regio", tekst, wie=_over(i, wijziging)))
    if datum is not None and invoerder is not None and datum < bekend[invoerder]:
        tekst = (
            f"document '{wijziging.document}' ({datum}) is ouder dan "
            f"document '{invoerder}' ({bekend[invoerder]}) dat het kader invoerde"
        )
        problemen.append(Probleem("wijziging", i, "document", tekst, wie=_over(i, wijziging)))
    return problemen


def _bron(i: int, wijziging: Wijziging, gezet: Mapping[str, Any]) -> list[Probleem]:
    """A change cites its source (citaat and plek), unless every field it sets is derived;
    `vanaf_citaat` belongs to a `vanaf`."""
    problemen: list[Probleem] = []
    afgeleid = {a.veld for a in wijziging.afgeleid}
    if not gezet or gezet.keys() <= afgeleid:
        bron_nodig: tuple[str, ...] = ()
    else:
        bron_nodig = ("citaat", "plek")
    for veld in bron_nodig:
        if getattr(wijziging, veld) is None:
            tekst = (
                f"veld '{veld}' ontbreekt: een wijziging noemt de woorden en de plek in het "
                "document waarop ze berust, tenzij elk veld dat ze zet afgeleid is "
                f"(niet afgeleid: {', '.join(sorted(gezet.keys() - afgeleid))})"
            )
            problemen.append(Probleem("wijziging", i, veld, tekst, wie=_over(i, wijziging)))
    span = sorted({"begin", "eind"} & gezet.keys())
    if wijziging.vanaf is not None and span:
        tekst = (
            f"een wijziging met vanaf zet geen {' of '.join(span)}: begin en eind zijn de "
            "looptijd van het kader zelf; zet ze in een wijziging zonder vanaf"
        )
        problemen.append(Probleem("wijziging", i, "vanaf", tekst, wie=_over(i, wijziging)))
    if wijziging.vanaf_citaat is not None and wijziging.vanaf is None:
        tekst = "vanaf_citaat hoort bij een 'vanaf'; die ontbreekt"
        problemen.append(Probleem("wijziging", i, "vanaf_citaat", tekst, wie=_over(i, wijziging)))
    return problemen


def _over(i: int, wijziging: Wijziging) -> str:
    """How a message names a change: "wijziging nr. 3 (kader 'x')"."""
    return f"wijziging nr. {i + 1} (kader '{wijziging.kader}')"
