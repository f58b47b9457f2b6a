"""Everything that makes Typer and Click speak Dutch: help headings, usage line, errors."""

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ..errors import KadersFout, Weigering, dichtstbij, os_fout
from .afdruk import EXIT_AFGEBROKEN, EXIT_DATA, EXIT_GEBRUIK, EXIT_OK, meld, tekenset_fout
from .typer_intern import click, help_koppen

HULP_OPTIE = "Toon deze hulp en stop."
KOPPEN = {
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "OPTIONS_PANEL_TITLE": "Opties",
    "COMMANDS_PANEL_TITLE": "Commando's",
    "DEFAULT_STRING": "[standaard: {}]",
    "ENVVAR_STRING": "[omgevingsvariabele: {}]",
    "REQUIRED_LONG_STRING": "[verplicht]",
}
# A hint after a refusal to write, by the kind of refusal (KadersFout.soort): the core never
# names an option, so the advice that does lives here.
HINTS: dict[Weigering, str] = {
    Weigering.BESTAAT: "tip: geef --overschrijf om het te vervangen",
    Weigering.REGISTER: (
        "tip: kies een ander pad voor --uitvoer; het register zelf wijzigt u met "
        "'kaders toevoegen' of in een editor"
    ),
    Weigering.RECHTEN: "tip: is schrijven de bedoeling, geef het bestand dan eerst schrijfrechten "
    "(chmod u+w), of werk op een kopie met --register",
    Weigering.EIGENAAR: "tip: laat de eigenaar het wijzigen, of werk op een kopie met --register",
    Weigering.MAP: "tip: maak de map schrijfbaar, of schrijf naar een bestand in een andere map",
    Weigering.DOCUMENT: "tip: noem het document met --document ID; een nieuw document voegt u "
    "toe met 'kaders document-toevoegen'",
    Weigering.HARDLINK: "tip: geef het register een eigen bestand (cp REGISTER kopie && mv kopie "
    "REGISTER), of werk op een kopie met --register",
    Weigering.APPARAAT: "tip: naar stdout schrijft u met --uitvoer - of zonder --uitvoer",
    Weigering.PERIODEN: "tip: kies --van en --tot dichter bij elkaar, of --stap kwartaal",
}
# Click's English usage errors (as of Typer 0.29) and their Dutch text; a test checks each.
CLICK_MELDINGEN = (
    (r"No such command '(.+)'\.", "onbekend commando '{0}'"),
    (r"Option '(.+)' requires an argument\.", "optie '{0}' verwacht een waarde"),
    (r"Option '(.+)' does not take a value\.", "optie '{0}' neemt geen waarde"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", "onverwacht extra argument: {0}"),
)


# Typer's completion options, in Dutch.
COMPLETION_HULP = {
    "install_completion": "Installeer opdrachtregelaanvulling voor de huidige shell.",
    "show_completion": "Toon het aanvulscript voor de huidige shell, om te kopiëren of aan te "
    "passen.",
}
# Click's usage pieces, in Dutch.
GEBRUIK = {
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]...",
    "[ARGS]...": "[ARGUMENTEN]...",
}
# The metavar for a parameter Typer would show as '<type>'.
METAVARS = {"str": "TEKST", "int": "GETAL", "path": "PAD", "float": "GETAL", "date": "DATUM"}


def installeer_aanvulling(ctx: click.Context, param: click.Parameter, waarde: Any) -> Any:
    """--install-completion with Dutch messages (Typer's own are English)."""
    if not waarde or ctx.resilient_parsing:
        return waarde
    from .typer_intern import installeer, shell_naam, shells

    shell = waarde if isinstance(waarde, str) else shell_naam()
    if shell not in shells():
        print(f"kaders: aanvulling voor shell '{shell}' wordt niet ondersteund", file=sys.stderr)
        sys.exit(EXIT_GEBRUIK)
    shell, pad = installeer(shell)
    print(f"Aanvulling voor {shell} geïnstalleerd in {pad}.")
    print("Die werkt zodra u de terminal opnieuw start.")
    sys.exit(EXIT_OK)


def vernederlands(param: click.Parameter, ctx: click.Context) -> None:
    """Dutch help and metavar for a parameter: no '<bool>', '<str>' or English help."""
    if isinstance(param, TyperOption) and param.name in COMPLETION_HULP:
        param.help = COMPLETION_HULP[param.name]
        if param.name == "install_completion":
            param.callback = installeer_aanvulling
    if isinstance(param, TyperOption) and param.is_flag:
        param.metavar = ""  # a flag takes no value: nothing to show
    elif param.metavar is None and isinstance(param, TyperOption | TyperArgument):
        soort = param.display_type(ctx).strip("<>")
        param.metavar = METAVARS.get(soort, "WAARDE")
    if isinstance(param, TyperArgument):
        # An argument's name is its Dutch metavar already; no English '<str>' beside it.
        param.display_type_rich = _geen_type  # type: ignore[method-assign]


def _geen_type(ctx: click.Context) -> None:
    return None


class _NederlandseHulp:
    """Dutch headings, usage line, metavars and completion texts in Typer's and Click's help."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params: list[click.Parameter] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            vernederlands(param, ctx)
        return params

    def get_help_option(self, ctx: click.Context) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = HULP_OPTIE
        return optie

    def format_usage(self, ctx: click.Context, formatter: Any) -> None:
        stukken = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        tekst = " ".join(GEBRUIK.get(s, s) for s in stukken)
        formatter.write_usage(ctx.command_path, tekst, prefix="Gebruik: ")

    def format_help(self, ctx: click.Context, formatter: Any) -> None:
        help_koppen(tuple(KOPPEN.items()))
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
                meld(str(melding))
            if fout.soort is not None:
                meld(HINTS[fout.soort])
            code = fout.exitcode
        except click.exceptions.NoArgsIsHelpError as fout:
            print(fout.format_message(), file=sys.stderr)
            code = EXIT_GEBRUIK
        except click.exceptions.UsageError as fout:
            meld(gebruiksfout(fout))
            if fout.ctx is not None:
                meld(f"Zie '{fout.ctx.command_path} --help'.", voorvoegsel="")
            code = EXIT_GEBRUIK
        except (typer.Abort, KeyboardInterrupt):
            print("", file=sys.stderr)
            code = EXIT_AFGEBROKEN
        except UnicodeEncodeError as fout:  # help text for a stream in ascii, say
            meld(tekenset_fout(fout))
            code = EXIT_DATA
        except OSError as fout:  # help text to a closed stdout, say
            waar = f"{fout.filename}: " if fout.filename else ""
            meld(f"{waar}kan niet lezen of schrijven: {os_fout(fout)}")
            code = EXIT_DATA
        except Exception as fout:
            if os.environ.get("KADERS_DEBUG"):
                raise
            meld(
                f"interne fout ({type(fout).__name__}: {fout}); dit is een fout in "
                "kaders, meld die graag. KADERS_DEBUG=1 toont de details."
            )
            code = EXIT_DATA
        sys.exit(code)


def gebruiksfout(fout: click.exceptions.UsageError) -> str:
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
    for patroon, nl in CLICK_MELDINGEN:
        gevonden = re.match(patroon, bericht)
        if gevonden:
            tekst = nl.format(gevonden.group(1))
            if "commando" in tekst and fout.ctx is not None:
                groep = fout.ctx.command
                commandos = groep.list_commands(fout.ctx) if isinstance(groep, TyperGroup) else []
                beste = dichtstbij(gevonden.group(1), commandos)
                tekst += f"; bedoelde u '{beste[0]}'?" if beste else ""
                tekst += f" Geldig: {', '.join(sorted(commandos))}."
            return tekst
    return f"ongeldige aanroep: {bericht}"
