"""The `kaders` command line: the app, its commands (an explicit list) and `main()`."""

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import __version__
from . import bijhouden, opties, overzicht, vergelijken
from .nederlands import KadersCommando, KadersGroep

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

# Every command, by name, in the order the help lists them. A new command is one line here.
COMMANDOS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("list", overzicht.lijst),
    ("toon", overzicht.toon),
    ("totaal", overzicht.totaal),
    ("verloopt", overzicht.verloopt),
    ("export", overzicht.export),
    ("verschil", vergelijken.verschil),
    ("tijdlijn", vergelijken.tijdlijn),
    ("valideer", bijhouden.valideer),
    ("toevoegen", bijhouden.toevoegen),
    ("schema", overzicht.schema),
)
SCHRIJVENDE_COMMANDOS = frozenset({"toevoegen"})  # the commands that change a register
# Every command also takes --register after its name (it wins over one given before it).
for _naam, _functie in COMMANDOS:
    app.command(name=_naam, cls=KadersCommando)(opties.met_register(_functie))


def _versie(waarde: bool) -> None:
    if waarde:
        print(f"kaders {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
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


def main() -> None:
    """Console entry point."""
    try:
        app()
    finally:
        # At exit the interpreter's last collection walks every object Typer, Pydantic and
        # Rich made (about 20 ms, 1/8 of a run); none of them is garbage that needs it.
        gc.freeze()
