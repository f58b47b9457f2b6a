"""The `kaders` command line: the app, its commands (an explicit list) and `main()`."""

import gc
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
import typer.models

from .. import __version__
from ..models import STATUS_UITLEG
from . import bestand, opties
from .nederlands import KadersCommando, KadersGroep
from .typer_intern import click

# Every command, by name, in the order the help lists them: "module:function" in this package,
# imported only when the command is built. A new command is one line here.
COMMANDOS: dict[str, str] = {
    "list": "overzicht:lijst",
    "toon": "overzicht:toon",
    "totaal": "overzicht:totaal",
    "verloopt": "overzicht:verloopt",
    "export": "overzicht:export",
    "verschil": "vergelijken:verschil",
    "tijdlijn": "vergelijken:tijdlijn",
    "historie": "levend:historie",
    "documenten": "levend:documenten",
    "valideer": "bijhouden:valideer",
    "toevoegen": "bijhouden:toevoegen",
    "document-toevoegen": "wijzigen:document_toevoegen",
    "wijzig": "wijzigen:wijzig",
    "beeindig": "wijzigen:beeindig",
    "schema": "overzicht:schema",
}
# Other names of a command (not listed in the help): the Dutch word for `list`.
ALIASSEN = {"lijst": "list"}
SCHRIJVENDE_COMMANDOS = frozenset(
    {"toevoegen", "document-toevoegen", "wijzig", "beeindig"}
)  # the commands that change a register
# The commands that read the register as known on a day: each gets --stand, here only.
OP_STAND = frozenset(
    {
        "list",
        "toon",
        "totaal",
        "verloopt",
        "export",
        "verschil",
        "tijdlijn",
        "historie",
        "documenten",
    }
)


def functie(naam: str) -> Callable[..., Any]:
    """The function of a command in COMMANDOS, its module imported now."""
    module, attribuut = COMMANDOS[naam].split(":")
    uitkomst: Callable[..., Any] = getattr(
        importlib.import_module(f"{__name__}.{module}"), attribuut
    )
    return uitkomst


def _letterlijk(tekst: str | None) -> str | None:
    """Text that Rich shows as written: an opening bracket escaped, so '[[wijziging]]' stays."""
    return None if tekst is None else tekst.replace("[", "\\[")


STATUSSEN_UITGELEGD = "Statussen (--status):\n" + "\n".join(
    f"  {status}: {uitleg}" for status, uitleg in STATUS_UITLEG.items()
)


def _alineas(tekst: str | None) -> str | None:
    """A docstring's paragraphs as single lines, for Rich to wrap to the screen (Typer keeps
    each line break); examples keep their lines."""
    if tekst is None:
        return None
    alineas = tekst.split("\n\n")
    return "\n\n".join(
        a if a.lstrip().startswith(("Voorbeeld", "kaders ")) else " ".join(a.split())
        for a in alineas
    )


class Commandogroep(KadersGroep):
    """The group of COMMANDOS; each is built from its function only when it is needed.

    Typer would build every command at start-up, reading the types of all their options
    (measured: about 2 ms a command), and each module costs ~1 ms to import; a run needs
    only its own. Help and completion ask for
    all of them, through the same two methods (the lazy group Click documents).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDOS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd_name = ALIASSEN.get(cmd_name, cmd_name)
        if cmd_name not in self.commands and cmd_name in COMMANDOS:
            # Every command also takes --register after its name (wins over one before it).
            callback = opties.met_register(functie(cmd_name), stand=cmd_name in OP_STAND)
            info = typer.models.CommandInfo(name=cmd_name, callback=callback, cls=KadersCommando)
            commando = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode="rich"
            )
            # Help is written as plain text: '[[wijziging]]' is a table, not Rich markup.
            commando.help = _letterlijk(_alineas(commando.help))
            if cmd_name == "list":  # where a status is looked up: each with its meaning
                commando.epilog = _letterlijk(STATUSSEN_UITGELEGD)
            for param in commando.params:
                hulp = getattr(param, "help", None)
                if isinstance(hulp, str):
                    setattr(param, "help", _letterlijk(hulp))  # noqa: B010 (options only)
            self.commands[cmd_name] = commando
        return self.commands.get(cmd_name)


app = typer.Typer(
    cls=Commandogroep,
    name="kaders",
    help=(
        "Register van de Nederlandse militaire, civiele en politiële bijdragen aan "
        "internationale missies 2025 – juni 2028 (Kamerstuk 29 521, nr. 493).\n\n"
        "Voorbeeld:\nkaders list --regio westelijke-balkan"
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
            parser=bestand.pad("--register"),
        ),
    ] = None,
    versie: Annotated[
        bool,
        typer.Option("--version", help="Toon de versie en stop.", callback=_versie, is_eager=True),
    ] = False,
) -> None:
    """Register van de nationale kaders voor internationale missies."""
    ctx.obj = register  # the register given before the command: Click's way to its commands
    if (
        register is not None
        and ctx.get_parameter_source("register") == click.core.ParameterSource.ENVIRONMENT
    ):
        ctx.meta[bestand.UIT_OMGEVING] = True


def main() -> None:
    """Console entry point."""
    try:
        app()
    finally:
        # At exit the interpreter's last collection walks every object Typer, Pydantic and
        # Rich made (about 20 ms, 1/8 of a run); none of them is garbage that needs it.
        gc.freeze()
