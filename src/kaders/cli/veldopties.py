"""A framework's fields as options of `toevoegen` and `wijzig` and as questions, from the one
table of fields (kaders.velden): the same parsing and message for a bad value everywhere."""

from collections.abc import Callable, Iterable
from typing import Annotated, Any

from .. import velden
from ..errors import GebruiksFout
from ..velden import VELDEN, OngeldigeWaarde, Soort, Veld
from .bestand import vandaag
from .bundel import bundel
from .opties import optie, vast

# A list field takes one value per option, so its option has the singular name.
_OPTIENAMEN = {"typen": "--type", "landen": "--land"}
# What an option's value is called in help: by field, else by kind, else the option's name.
_METAVARS: dict[str | Soort, str] = {"organisatie": "ORG", "document": "ID", Soort.TEKST: "TEKST"}
_METAVARS |= {Soort.GETAL: "AANTAL", Soort.DATUM: "DATUM", Soort.AFLEIDING: "VELD:REDEN"}


def optienaam(naam: str) -> str:
    """The option that sets a field: '--type' for typen, '--personeel' for personeel."""
    return _OPTIENAMEN.get(naam, f"--{naam}")


def vraagnaam(naam: str) -> str:
    """The name a question on the terminal asks a field by: the option without '--'."""
    return optienaam(naam).removeprefix("--")


def lees_getypt(veld: Veld, tekst: str) -> Any:
    """One value of a field as typed ('vandaag' for a date too); OngeldigeWaarde if bad."""
    if veld.soort is Soort.DATUM and tekst == "vandaag":
        return vandaag()
    return velden.lees(veld, tekst)


def lezer(veld: Veld) -> Callable[[str], Any]:
    """An option's parser: a bad value is a usage error naming the option and the field."""
    optie_ = optienaam(veld.naam)

    def lees_optie(tekst: str) -> Any:
        try:
            return lees_getypt(veld, tekst)
        except OngeldigeWaarde as fout:
            tekst = f"ongeldige waarde voor {optie_} (veld '{veld.naam}'): {fout.probleem}"
            raise GebruiksFout([tekst]) from None

    return lees_optie


def _hulp(veld: Veld, *, wijzig: bool) -> str:
    """An option's help: the model's description, the valid values, whether it repeats."""
    hulp = veld.beschrijving
    if veld.soort is Soort.DATUM:
        hulp += " JJJJ-MM-DD of vandaag."
    if veld.keuzes:
        hulp += f" Eén van: {', '.join(veld.keuzes)}."
    if veld.herhaalbaar:
        hulp += " Herhaalbaar; vervangt de lijst." if wijzig else " Herhaalbaar."
    return hulp


def _optie(veld: Veld, *, wijzig: bool) -> Any:
    """The annotated parameter Typer builds the option of a field from."""
    naam = optienaam(veld.naam)
    metavar = _METAVARS.get(veld.naam) or _METAVARS.get(veld.soort) or vraagnaam(veld.naam).upper()
    extra: dict[str, Any] = {"autocompletion": vast(veld.keuzes)} if veld.keuzes else {}
    typer_optie = optie(naam, _hulp(veld, wijzig=wijzig), metavar, parser=lezer(veld), **extra)
    soort = list[object] | None if veld.herhaalbaar else object | None
    return Annotated[soort, typer_optie]


def _gegeven(**waarden: Any) -> dict[str, Any]:
    """The fields that were given, by field name."""
    return {naam: w for naam, w in waarden.items() if w is not None and w != []}


def met_velden(
    namen: Iterable[str], *, wijzig: bool = False
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command an option per field, handed to it as one `velden` dict of the given ones."""
    opties = {n: (_optie(VELDEN[n], wijzig=wijzig), None) for n in namen}
    return bundel("velden", opties, _gegeven)
