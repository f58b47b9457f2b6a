"""Typer commands: arguments -> register -> query -> render. Only this module prints."""

import datetime as dt
import gc
import os
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click as click
from typer.core import TyperCommand, TyperGroup

from . import __version__, query, render
from .errors import GebruiksFout, KadersFout, dichtstbij, onbekend, os_fout
from .models import DUIDINGEN, ORGANISATIES, STATUSSEN, TELLINGEN, TYPEN, Register
from .register import gebundeld_register, laad

EXIT_OK, EXIT_DATA, EXIT_GEBRUIK, EXIT_AFGEBROKEN = 0, 1, 2, 130


class _NederlandseHulp:
    """Dutch headings in the help pages Typer and Click draw."""

    def get_help_option(self, ctx: click.Context) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = "Toon deze hulp en stop."
        return optie

    def format_usage(self, ctx: click.Context, formatter: Any) -> None:
        stukken = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(stukken), prefix="Gebruik: ")

    def format_help(self, ctx: click.Context, formatter: Any) -> None:
        from typer import rich_utils

        rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
        rich_utils.OPTIONS_PANEL_TITLE = "Opties"
        rich_utils.COMMANDS_PANEL_TITLE = "Commando's"
        rich_utils.DEFAULT_STRING = "[standaard: {}]"
        rich_utils.ENVVAR_STRING = "[omgevingsvariabele: {}]"
        rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
        super().format_help(ctx, formatter)  # type: ignore[misc]


class KadersCommando(_NederlandseHulp, TyperCommand):
    """A command with Dutch help."""


class KadersGroep(_NederlandseHulp, TyperGroup):
    """The command group, with Dutch messages for every error and never a traceback."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run a command and turn every outcome into an exit code and a message on stderr."""
        try:
            uitkomst = super().main(
                args=args,
                prog_name=prog_name or "kaders",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = uitkomst if isinstance(uitkomst, int) else EXIT_OK
        except KadersFout as fout:
            for melding in fout.meldingen:
                print(f"kaders: {melding}", file=sys.stderr)
            code = fout.exitcode
        except click.exceptions.NoArgsIsHelpError as fout:
            print(fout.format_message(), file=sys.stderr)
            code = EXIT_GEBRUIK
        except click.exceptions.UsageError as fout:
            print(f"kaders: {_gebruiksfout(fout)}", file=sys.stderr)
            if fout.ctx is not None:
                print(f"Zie '{fout.ctx.command_path} --help'.", file=sys.stderr)
            code = EXIT_GEBRUIK
        except (typer.Abort, KeyboardInterrupt):
            print("", file=sys.stderr)
            code = EXIT_AFGEBROKEN
        except Exception as fout:
            if os.environ.get("KADERS_DEBUG"):
                raise
            print(
                f"kaders: interne fout ({type(fout).__name__}: {fout}); dit is een fout in "
                "kaders, meld die graag. KADERS_DEBUG=1 toont de details.",
                file=sys.stderr,
            )
            code = EXIT_DATA
        sys.exit(code)


def _gebruiksfout(fout: click.exceptions.UsageError) -> str:
    """A Dutch text for Click's usage errors."""
    if isinstance(fout, click.exceptions.NoSuchOption):
        tekst = f"onbekende optie '{fout.option_name}'"
        mogelijk = sorted(fout.possibilities or [])
        return tekst + (f"; bedoelde u '{mogelijk[0]}'?" if mogelijk else "")
    if isinstance(fout, click.exceptions.MissingParameter):
        hint = fout.param.get_error_hint() if fout.param else ""
        return f"{hint or 'waarde'} ontbreekt"
    if isinstance(fout, click.exceptions.BadParameter) and fout.param is not None:
        hint = fout.param.get_error_hint()
        return f"ongeldige waarde voor {hint}: {fout.message}"
    bericht = fout.format_message()
    patronen = (
        (r"No such command '(.+)'\.", "onbekend commando '{0}'"),
        (r"Option '(.+)' requires an argument\.", "optie '{0}' verwacht een waarde"),
        (r"Option '(.+)' does not take a value\.", "optie '{0}' neemt geen waarde"),
        (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", "onverwacht extra argument: {0}"),
    )
    for patroon, nl in patronen:
        gevonden = re.match(patroon, bericht)
        if gevonden:
            tekst = nl.format(gevonden.group(1))
            if "commando" in tekst and fout.ctx is not None:
                commandos = list(getattr(fout.ctx.command, "commands", {}))
                beste = dichtstbij(gevonden.group(1), commandos)
                tekst += f"; bedoelde u '{beste[0]}'?" if beste else ""
                tekst += f" Geldig: {', '.join(sorted(commandos))}."
            return tekst
    return f"ongeldige aanroep: {bericht}"


app = typer.Typer(
    cls=KadersGroep,
    name="kaders",
    help=(
        "Register van de Nederlandse militaire, civiele en politiële bijdragen aan "
        "internationale missies 2025 – juni 2028 (Kamerstuk 29 521, nr. 493).\n\n"
        "Voorbeeld: kaders list --regio westelijke-balkan"
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _versie(waarde: bool) -> None:
    if waarde:
        print(f"kaders {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    ctx: typer.Context,
    register: Annotated[
        Path | None,
        typer.Option(
            "--register",
            envvar="KADERS_REGISTER",
            help="Het registerbestand (anders $KADERS_REGISTER, anders het meegeleverde).",
            show_default=False,
            metavar="PAD",
        ),
    ] = None,
    versie: Annotated[
        bool,
        typer.Option("--version", help="Toon de versie en stop.", callback=_versie, is_eager=True),
    ] = False,
) -> None:
    """Register van de nationale kaders voor internationale missies."""
    ctx.obj = register or gebundeld_register()


# --- shared helpers -----------------------------------------------------------------------


def _laad(ctx: typer.Context) -> Register:
    pad: Path = ctx.find_root().obj
    return laad(pad, _cache_map())


def _cache_map() -> Path | None:
    """Where large registers are cached: $KADERS_CACHE ('uit' to switch off) or ~/.cache/kaders."""
    keuze = os.environ.get("KADERS_CACHE")
    if keuze is not None:
        return None if keuze in ("", "0", "uit") else Path(keuze)
    basis = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(basis) / "kaders"


def _datum(waarde: str | None, optie: str, standaard: dt.date) -> dt.date:
    if waarde is None:
        return standaard
    if waarde == "vandaag":
        return dt.date.today()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde, re.ASCII):
            raise ValueError
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise GebruiksFout(
            [f"ongeldige datum voor {optie}: '{waarde}'; verwacht JJJJ-MM-DD, bv. 2026-01-01"]
        ) from None


def _formaat(waarde: str | None, toegestaan: Sequence[str] = render.FORMATEN) -> str:
    if waarde is None:
        return "tabel" if sys.stdout.isatty() else "tsv"
    if waarde.lower() not in toegestaan:
        raise GebruiksFout([f"--formaat: {onbekend('formaat', waarde, toegestaan)}"])
    return waarde.lower()


def _scherm() -> render.Scherm:
    terminal = sys.stdout.isatty()
    kleur = terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    breedte = shutil.get_terminal_size((100, 24)).columns if terminal else 200
    return render.Scherm(breedte=breedte, kleur=kleur)


def _schrijf(tekst: str, code_bij_breuk: int = EXIT_OK) -> None:
    """Write to stdout; a reader that went away (| head) ends the program quietly."""
    try:
        sys.stdout.write(tekst)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code_bij_breuk) from None
    except OSError as fout:
        raise KadersFout([f"kan de uitvoer niet schrijven: {os_fout(fout)}"]) from None


def _leeg(formaat: str, tekst: str) -> None:
    """An empty selection: csv/tsv print their header, the rest nothing; a note on stderr."""
    if formaat in ("csv", "tsv"):
        _schrijf(tekst)
    print("kaders: geen kaders gevonden voor deze selectie", file=sys.stderr)


def _voltooi(soort: str) -> Any:
    """A completion function that offers values from the register in use."""

    def voltooi(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            pad = ctx.find_root().params.get("register") or gebundeld_register()
            register = laad(Path(pad))
        except Exception:
            return []
        waarden: dict[str, Sequence[str]] = {
            "regio": [r.id for r in register.regio],
            "id": [k.id for k in register.kader],
            "type": TYPEN,
            "status": STATUSSEN,
            "organisatie": ORGANISATIES,
        }
        return [w for w in waarden[soort] if w.startswith(incomplete)]

    return voltooi


RegioOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--regio",
        help="Regio (herhaalbaar); een regio omvat haar onderregio's.",
        autocompletion=_voltooi("regio"),
        metavar="REGIO",
        show_default=False,
    ),
]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--type",
        help="militair, civiel of politie (herhaalbaar); een gemengd kader telt voor elk type.",
        autocompletion=_voltooi("type"),
        metavar="TYPE",
        show_default=False,
    ),
]
OrganisatieOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--organisatie",
        help="EU, NAVO, VN, OVSE, coalitie, bilateraal of nationaal (herhaalbaar).",
        autocompletion=_voltooi("organisatie"),
        metavar="ORG",
        show_default=False,
    ),
]
StatusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        help="vastgesteld, verlengd, verkenning, voornemen, voorwaardelijk of beeindigd.",
        autocompletion=_voltooi("status"),
        metavar="STATUS",
        show_default=False,
    ),
]
ZoekOpt = Annotated[
    str | None,
    typer.Option(
        "--zoek",
        help="Zoek in id, missie, naam, regio en landen (zonder accenten).",
        metavar="TEKST",
        show_default=False,
    ),
]
PeildatumOpt = Annotated[
    str | None,
    typer.Option("--peildatum", help="Datum JJJJ-MM-DD.", metavar="DATUM", show_default=False),
]
TelPeildatumOpt = Annotated[
    str | None,
    typer.Option(
        "--peildatum",
        help="Datum JJJJ-MM-DD waarop geteld wordt (standaard: vandaag).",
        metavar="DATUM",
        show_default=False,
    ),
]
PerOpt = Annotated[
    str,
    typer.Option("--per", help=f"Groepeer per {', '.join(query.GROEPERINGEN)}.", metavar="GROEP"),
]
FormaatOpt = Annotated[
    str | None,
    typer.Option(
        "--formaat",
        "-f",
        help="tabel, json, jsonl, csv of tsv (standaard: tabel op een terminal, anders tsv).",
        metavar="FORMAAT",
        show_default=False,
    ),
]


def _selectie(
    register: Register,
    regio: list[str] | None,
    type_: list[str] | None,
    organisatie: list[str] | None,
    status: list[str] | None,
    zoek: str | None,
    peildatum: dt.date | None,
) -> list[Any]:
    filter_ = query.Filter(
        regios=tuple(regio or ()),
        typen=tuple(type_ or ()),
        organisaties=tuple(organisatie or ()),
        statussen=tuple(status or ()),
        zoek=zoek,
        peildatum=peildatum,
    )
    return query.selecteer(register, query.normaliseer(register, filter_))


# --- commands ------------------------------------------------------------------------------


@app.command(cls=KadersCommando, name="valideer")
def valideer(
    ctx: typer.Context,
    pad: Annotated[
        Path | None, typer.Argument(help="Registerbestand (standaard: het register in gebruik).")
    ] = None,
) -> None:
    """Controleer een register: exit 0 als het geldig is, 1 met alle fouten als niet.

    Voorbeeld: kaders valideer data/kaders.toml
    """
    bestand = pad or ctx.find_root().obj
    register = laad(bestand)
    kaders = register.kader
    zonder = sum(1 for k in kaders if k.personeel is None)
    _schrijf(
        f"{bestand}: geldig — {len(kaders)} kaders ({zonder} zonder aantal), "
        f"{len(register.regio)} regio's\n"
    )


@app.command(cls=KadersCommando, name="list")
def lijst(
    ctx: typer.Context,
    regio: RegioOpt = None,
    type_: TypeOpt = None,
    organisatie: OrganisatieOpt = None,
    status: StatusOpt = None,
    zoek: ZoekOpt = None,
    peildatum: PeildatumOpt = None,
    sorteer: Annotated[
        str,
        typer.Option(
            "--sorteer", help=f"Sorteer op: {', '.join(query.SORTEERSLEUTELS)}.", metavar="SLEUTEL"
        ),
    ] = "regio",
    formaat: FormaatOpt = None,
) -> None:
    """Toon de kaders die aan de filters voldoen.

    Voorbeeld: kaders list --regio westelijke-balkan --type politie
    """
    register = _laad(ctx)
    datum = None if peildatum is None else _datum(peildatum, "--peildatum", dt.date.today())
    uitvoer = _formaat(formaat)
    kaders = query.sorteer(
        register,
        _selectie(register, regio, type_, organisatie, status, zoek, datum),
        sorteer.lower(),
    )
    tekst = render.lijst(kaders, uitvoer, _scherm(), "Nationale kaders")
    if not kaders:
        _leeg(uitvoer, tekst)
        return
    _schrijf(tekst)


@app.command(cls=KadersCommando, name="toon")
def toon(
    ctx: typer.Context,
    kader_id: Annotated[
        str, typer.Argument(metavar="ID", help="Het kader.", autocompletion=_voltooi("id"))
    ],
    formaat: FormaatOpt = None,
) -> None:
    """Toon alles over één kader, met de bron in de brief en wat is afgeleid.

    Voorbeeld: kaders toon eulex-kosovo
    """
    register = _laad(ctx)
    gevonden = {k.id: k for k in register.kader}
    if kader_id not in gevonden:
        voorvoegsel = [i for i in gevonden if i.startswith(kader_id)]
        beste = voorvoegsel[:3] or dichtstbij(kader_id, gevonden, 3)
        hint = f"; bedoelde u {', '.join(repr(b) for b in beste)}?" if beste else ""
        raise GebruiksFout([f"onbekend kader '{kader_id}'{hint} Zie 'kaders list' voor alle ids."])
    kader = gevonden[kader_id]
    regionaam = register.regio_index[kader.regio].naam
    _schrijf(render.toon(kader, regionaam, _formaat(formaat), _scherm()))


@app.command(cls=KadersCommando, name="totaal")
def totaal(
    ctx: typer.Context,
    per: PerOpt = "type",
    regio: RegioOpt = None,
    type_: TypeOpt = None,
    organisatie: OrganisatieOpt = None,
    status: StatusOpt = None,
    zoek: ZoekOpt = None,
    peildatum: TelPeildatumOpt = None,
    formaat: FormaatOpt = None,
) -> None:
    """Tel het personeel per groep op een peildatum; kaders zonder aantal apart geteld.

    Voorbeeld: kaders totaal --per regio --peildatum 2026-01-01
    """
    register = _laad(ctx)
    datum = _datum(peildatum, "--peildatum", dt.date.today())
    uitvoer = _formaat(formaat)
    kaders = _selectie(register, regio, type_, organisatie, status, zoek, None)
    uitkomst = query.totaal(register, kaders, datum, per.lower())
    _schrijf(render.totaal(uitkomst, uitvoer, _scherm()))


@app.command(cls=KadersCommando, name="verloopt")
def verloopt(
    ctx: typer.Context,
    voor: Annotated[
        str | None,
        typer.Option(
            "--voor",
            help="Drempeldatum (standaard: het standaardeinde, 2028-06-30).",
            metavar="DATUM",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 als een kader tussen peildatum en drempel eindigt."),
    ] = False,
    regio: RegioOpt = None,
    type_: TypeOpt = None,
    organisatie: OrganisatieOpt = None,
    status: StatusOpt = None,
    zoek: ZoekOpt = None,
    peildatum: TelPeildatumOpt = None,
    formaat: FormaatOpt = None,
) -> None:
    """Toon de kaders die vóór de drempel eindigen, met de dagen die resten.

    Voorbeeld: kaders verloopt --voor 2026-01-01 --peildatum 2025-04-04
    """
    register = _laad(ctx)
    drempel = _datum(voor, "--voor", register.metadata.standaard_eind)
    datum = _datum(peildatum, "--peildatum", dt.date.today())
    uitvoer = _formaat(formaat)
    kaders = _selectie(register, regio, type_, organisatie, status, zoek, None)
    verlopen = query.verloopt(kaders, drempel, datum)
    titel = f"Kaders die vóór {drempel} eindigen (peildatum {datum})"
    tekst = render.verloop(verlopen, uitvoer, _scherm(), titel)
    binnen = query.binnen_venster(verlopen) if check else []
    if verlopen:
        _schrijf(tekst, EXIT_DATA if binnen else EXIT_OK)
    else:
        _leeg(uitvoer, tekst)
    if binnen:
        print(
            f"kaders: {len(binnen)} kader(s) eindigen tussen {datum} en {drempel}",
            file=sys.stderr,
        )
        raise typer.Exit(EXIT_DATA)


@app.command(cls=KadersCommando, name="export")
def export(
    ctx: typer.Context,
    regio: RegioOpt = None,
    type_: TypeOpt = None,
    organisatie: OrganisatieOpt = None,
    status: StatusOpt = None,
    zoek: ZoekOpt = None,
    peildatum: PeildatumOpt = None,
    formaat: Annotated[
        str,
        typer.Option(
            "--formaat", "-f", help="json, jsonl, csv, tsv, toml of tabel.", metavar="FORMAAT"
        ),
    ] = "json",
    uitvoer_pad: Annotated[
        Path | None,
        typer.Option(
            "--uitvoer",
            "-o",
            help="Schrijf naar dit bestand (atomisch) in plaats van naar stdout.",
            metavar="PAD",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Exporteer alle velden van de (gefilterde) kaders; standaard als JSON.

    Met --formaat toml: een genormaliseerd register dat weer precies zo inleest.

    Voorbeeld: kaders export --formaat csv --uitvoer kaders.csv
    """
    from . import schrijven  # tomli-w and file locking: only where something is written

    register = _laad(ctx)
    datum = None if peildatum is None else _datum(peildatum, "--peildatum", dt.date.today())
    uitvoer = _formaat(formaat, (*render.FORMATEN, "toml"))
    kaders = _selectie(register, regio, type_, organisatie, status, zoek, datum)
    if uitvoer == "toml":
        tekst = schrijven.register_toml(register, kaders)
    else:
        tekst = render.export(kaders, uitvoer, _scherm())
    if uitvoer_pad is not None:
        schrijven.exporteer(uitvoer_pad, tekst, is_register=uitvoer == "toml")
        print(f"kaders: {len(kaders)} kaders geschreven naar {uitvoer_pad}", file=sys.stderr)
        return
    if not kaders:
        _leeg(uitvoer, tekst)
        return
    _schrijf(tekst)


@app.command(cls=KadersCommando, name="schema")
def schema() -> None:
    """Print het JSON Schema van het registerbestand (voor TOML-editors).

    Voorbeeld: kaders schema > kaders.schema.json
    """
    from .models import json_schema

    _schrijf(render.json_tekst(json_schema()))


VERPLICHT = ("id", "missie", "naam", "regio", "organisatie", "typen", "status", "bron")


def _tekstoptie(naam: str, hulp: str, metavar: str = "TEKST") -> Any:
    return typer.Option(naam, help=hulp, metavar=metavar, show_default=False)


@app.command(cls=KadersCommando, name="toevoegen")
def toevoegen(
    ctx: typer.Context,
    id_: Annotated[str | None, _tekstoptie("--id", "Stabiele sleutel (a-z, 0-9, -).", "ID")] = None,
    missie: Annotated[str | None, _tekstoptie("--missie", "Korte naam.")] = None,
    naam: Annotated[str | None, _tekstoptie("--naam", "Volledige naam.")] = None,
    regio: Annotated[str | None, _tekstoptie("--regio", "Regio-id.", "REGIO")] = None,
    land: Annotated[list[str] | None, _tekstoptie("--land", "Land (herhaalbaar).")] = None,
    organisatie: Annotated[str | None, _tekstoptie("--organisatie", "Organisatie.", "ORG")] = None,
    type_: Annotated[
        list[str] | None, _tekstoptie("--type", "militair, civiel, politie (herhaalbaar).", "TYPE")
    ] = None,
    personeel: Annotated[
        str | None, _tekstoptie("--personeel", "Aantal; weglaten als onbekend.", "AANTAL")
    ] = None,
    duiding: Annotated[str | None, _tekstoptie("--duiding", "circa, maximaal, exact.")] = None,
    telling: Annotated[
        str | None, _tekstoptie("--telling", "per-jaar, gelijktijdig, niet-vermeld.")
    ] = None,
    begin: Annotated[
        str | None, _tekstoptie("--begin", "JJJJ-MM-DD (standaard: begin register).", "DATUM")
    ] = None,
    eind: Annotated[
        str | None, _tekstoptie("--eind", "JJJJ-MM-DD (standaard: standaardeinde).", "DATUM")
    ] = None,
    status: Annotated[str | None, _tekstoptie("--status", "Status.", "STATUS")] = None,
    bron: Annotated[str | None, _tekstoptie("--bron", "Sectie en kop in de brief.")] = None,
    citaat: Annotated[str | None, _tekstoptie("--citaat", "Zinsnede uit de brief.")] = None,
    toelichting: Annotated[str | None, _tekstoptie("--toelichting", "Toelichting.")] = None,
    afgeleid: Annotated[
        list[str] | None, _tekstoptie("--afgeleid", "'veld: reden' (herhaalbaar).", "VELD:REDEN")
    ] = None,
    droog: Annotated[
        bool, typer.Option("--droog", help="Toon de TOML die zou worden toegevoegd; schrijf niets.")
    ] = False,
) -> None:
    """Voeg één kader toe aan het register: eerst gevalideerd, dan atomisch toegevoegd.

    Het kader komt uit de opties, of (zonder opties) als JSON-object of TOML-tabel van stdin.
    Bestaande inhoud, commentaar en opmaak blijven byte voor byte gelijk.

    Voorbeeld: kaders --register kopie.toml toevoegen --id test --missie Test --naam Test
    --regio europa --organisatie EU --type civiel --status verkenning --bron "Bijlage, 1"
    """
    from . import schrijven  # tomli-w and file locking: only where something is written

    pad: Path = ctx.find_root().obj
    if pad.resolve().is_relative_to(Path(__file__).resolve().parent):
        raise GebruiksFout(
            ["het meegeleverde register is alleen-lezen; kies er een met --register PAD"]
        )
    opties: dict[str, Any] = {
        "id": id_,
        "missie": missie,
        "naam": naam,
        "regio": regio,
        "landen": land or None,
        "organisatie": _vocabulaire(organisatie, ORGANISATIES),
        "typen": [_vocabulaire(t, TYPEN) for t in type_] if type_ else None,
        "personeel": _geheel_getal(personeel),
        "duiding": _vocabulaire(duiding, DUIDINGEN),
        "telling": _vocabulaire(telling, TELLINGEN),
        "begin": begin,
        "eind": eind,
        "status": _vocabulaire(status, STATUSSEN),
        "bron": bron,
        "citaat": citaat,
        "toelichting": toelichting,
        "afgeleid": [_afleiding(a) for a in afgeleid] if afgeleid else None,
    }
    data = {k: v for k, v in opties.items() if v is not None}
    if not data and not sys.stdin.isatty():
        data = schrijven.lees_invoer(sys.stdin.buffer.read())
    else:
        _vraag_ontbrekende(data)
    kader, toml = schrijven.voeg_toe(pad, data, droog=droog)
    if droog:
        _schrijf(toml)
        print(f"kaders: droog: kader '{kader.id}' is geldig; niets geschreven", file=sys.stderr)
    else:
        print(f"kaders: kader '{kader.id}' toegevoegd aan {pad}", file=sys.stderr)


def _geheel_getal(tekst: str | None) -> int | str | None:
    """An integer option; anything else goes on as text, for the model to reject in Dutch."""
    if tekst is not None and re.fullmatch(r"-?\d{1,12}", tekst.strip(), re.ASCII):
        return int(tekst)
    return tekst


def _vocabulaire(waarde: str | None, geldig: Sequence[str]) -> str | None:
    """A vocabulary value in its canonical spelling ('eu' -> 'EU'); unknown ones unchanged."""
    if waarde is None:
        return None
    return {g.casefold(): g for g in geldig}.get(waarde.casefold(), waarde)


def _afleiding(tekst: str) -> dict[str, str]:
    veld, scheiding, reden = tekst.partition(":")
    if not scheiding or not veld.strip() or not reden.strip():
        raise GebruiksFout([f"--afgeleid verwacht 'veld: reden', kreeg '{tekst}'"])
    return {"veld": veld.strip(), "reden": reden.strip()}


def _vraag_ontbrekende(data: dict[str, Any]) -> None:
    """Ask for missing required fields on a terminal; without one, name the missing options."""
    ontbrekend = [veld for veld in VERPLICHT if veld not in data]
    if not ontbrekend:
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        opties = ", ".join("--type" if v == "typen" else f"--{v}" for v in ontbrekend)
        raise GebruiksFout([f"ontbrekende opties: {opties}"])
    for veld in ontbrekend:
        antwoord = str(typer.prompt(veld)).strip()
        data[veld] = [t.strip() for t in antwoord.split(",")] if veld == "typen" else antwoord


def _enkel_commando(args: Sequence[str]) -> str | None:
    """The command a plain `kaders [--register PAD] COMMAND …` runs, else None.

    Typer builds every command, reading the type hints of all their parameters, before it
    parses the command line (about 1.5 ms a command). Such a command line needs only its own
    command; help, --version, completion or an unknown command get them all.
    """
    if "_KADERS_COMPLETE" in os.environ:
        return None
    i = 0
    while i < len(args) and (args[i] == "--register" or args[i].startswith("--register=")):
        i += 2 if args[i] == "--register" else 1
    namen = {c.name for c in app.registered_commands if c.name}
    return args[i] if i < len(args) and args[i] in namen else None


def main() -> None:
    """Console entry point: build only the command that runs (see _enkel_commando)."""
    naam = _enkel_commando(sys.argv[1:])
    if naam is not None:
        app.registered_commands = [c for c in app.registered_commands if c.name == naam]
    try:
        app()
    finally:
        # At exit the interpreter's last collection walks every object Typer, Pydantic and
        # Rich made (about 20 ms, 1/8 of a run); none of them is garbage that needs it.
        gc.freeze()


from . import cli_historie  # noqa: E402,F401  (registers verschil and tijdlijn)
