"""The one place that reaches into Typer's private parts: its vendored Click, its shell
completion installer and the headings of its Rich help. Everything else in kaders uses public
Typer API or imports from here, so a Typer upgrade that moves them breaks one module (the
translation tests are the guard). The completion installer is imported only when it is used."""

import functools

from typer import _click as click

__all__ = ["click", "help_koppen", "installeer", "shell_naam", "shells"]


@functools.cache
def help_koppen(koppen: tuple[tuple[str, str], ...]) -> None:
    """Set the headings of Typer's Rich help ('Options' -> 'Opties') once, on the first help
    shown: Rich is loaded only then."""
    from typer import rich_utils

    for naam, tekst in koppen:
        setattr(rich_utils, naam, tekst)


def shells() -> set[str]:
    """The shells Typer can install completion for."""
    from typer._completion_shared import Shells

    return {s.value for s in Shells}


def shell_naam() -> str | None:
    """The shell the user runs, as Typer detects it for --install-completion."""
    from typer._completion_shared import _get_shell_name

    return _get_shell_name()


def installeer(shell: str) -> tuple[str, object]:
    """Install completion for a shell; returns the shell and the file written."""
    from typer._completion_shared import install

    return install(shell=shell)
