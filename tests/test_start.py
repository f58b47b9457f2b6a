"""Issue 20, items 3, 6 and 7: Ctrl-C from the first line, and closed or narrow standard streams
(kaders.start, kaders.strommen). Real processes: a closed descriptor only exists in one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KLEIN, REGISTER

# Sends SIGINT to itself the moment MODULE is imported, then starts kaders the way its
# console script does (or as `python -m kaders`): no sleep, no race, the same point every run.
_CTRL_C_TIJDENS_IMPORT = """
import importlib.abc, os, signal, sys

class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == {module!r}:
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["kaders", "--register", {register!r}, "list", "-f", "json"]
if {als_module!r}:
    import runpy
    runpy.run_module("kaders", run_name="__main__", alter_sys=True)
else:
    from importlib.metadata import entry_points
    (script,) = entry_points(group="console_scripts", name="kaders")
    sys.exit(script.load()())
"""


def _python(code: str, **extra: object) -> subprocess.CompletedProcess[str]:
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=60,
        **extra,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("module", ["typer", "pydantic", "kaders.cli", "kaders.models"])
@pytest.mark.parametrize("als_module", [False, True], ids=["script", "python-m"])
def test_ctrl_c_during_the_heavy_imports_is_a_quiet_130(module: str, als_module: bool) -> None:
    code = _CTRL_C_TIJDENS_IMPORT.format(module=module, register=str(KLEIN), als_module=als_module)
    proces = _python(code)
    assert proces.returncode == 130, proces.stderr
    assert "Traceback" not in proces.stderr and "KeyboardInterrupt" not in proces.stderr
    assert proces.stdout == ""


def test_ctrl_c_while_the_command_runs_is_still_handled_by_the_command_line() -> None:
    code = _CTRL_C_TIJDENS_IMPORT.format(
        module="kaders.uitvoer.tekst", register=str(KLEIN), als_module=False
    )
    proces = _python(code)
    assert proces.returncode == 130, proces.stderr
    assert "Traceback" not in proces.stderr


def _shell(opdracht: str, **env: str) -> subprocess.CompletedProcess[str]:
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"} | env
    kaders = f"{sys.executable} -m kaders"
    return subprocess.run(
        ["sh", "-c", opdracht.replace("kaders", kaders, 1)],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=60,
    )


def test_with_stderr_closed_no_message_lands_in_stdout() -> None:
    proces = _shell(f"kaders --register {REGISTER} verloopt --check -f json 2>&-")
    assert proces.returncode in (0, 1)
    json.loads(proces.stdout)  # only the JSON: the summary line went nowhere
    assert "kader(s) eindigen" not in proces.stdout


def test_with_stderr_closed_an_error_is_only_the_exit_code() -> None:
    proces = _shell("kaders list --regio nergens -f json 2>&-")
    assert proces.returncode == 2 and proces.stdout == ""


def test_with_stdout_closed_the_message_says_so() -> None:
    proces = _shell(f"kaders --register {KLEIN} list >&-")
    assert proces.returncode == 1
    assert (
        proces.stderr == "kaders: kan de uitvoer niet schrijven: gesloten (bv. met >&- of 2>&-)\n"
    )


def test_help_with_stdout_closed_is_no_internal_error() -> None:
    proces = _shell("kaders list --help >&-")
    assert proces.returncode == 1 and "interne fout" not in proces.stderr, proces.stderr


def test_with_stdin_closed_toevoegen_says_there_is_no_input(tmp_path: Path) -> None:
    kopie = tmp_path / "r.toml"
    kopie.write_bytes(KLEIN.read_bytes())
    proces = _shell(f"kaders --register {kopie} toevoegen <&-")
    assert proces.returncode in (1, 2), proces.stderr
    assert "interne fout" not in proces.stderr and "Traceback" not in proces.stderr
    assert kopie.read_bytes() == KLEIN.read_bytes()


@pytest.mark.parametrize("formaat", ["tsv", "json", "tabel"])
def test_an_ascii_stdout_gets_a_clear_refusal(formaat: str) -> None:
    proces = _shell(f"kaders list -f {formaat}", PYTHONIOENCODING="ascii")
    assert proces.returncode == 1, proces.stderr
    assert proces.stdout == ""
    assert "de tekenset ascii" in proces.stderr and "PYTHONIOENCODING=utf-8" in proces.stderr
    assert "interne fout" not in proces.stderr


def test_ascii_help_is_no_internal_error() -> None:
    proces = _shell("kaders list --help", PYTHONIOENCODING="ascii")
    assert "interne fout" not in proces.stderr and "Traceback" not in proces.stderr


def test_an_ascii_stdout_with_ascii_data_works() -> None:
    proces = _shell(
        f"kaders --register {KLEIN} list -f tsv --regio europa", PYTHONIOENCODING="ascii"
    )
    assert proces.returncode == 0, proces.stderr
    assert proces.stdout.startswith("id\tmissie")
