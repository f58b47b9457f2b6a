"""Shared paths and helpers for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
DATA = TESTS / "data"
ROOT = TESTS.parent
BRIEF = DATA / "brief-29521-493.txt"
KLEIN = DATA / "klein.toml"
REGISTER = ROOT / "data" / "kaders.toml"


def kaders(
    *args: str,
    cwd: Path | None = None,
    invoer: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real program as a subprocess, as a user would."""
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
    omgeving.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kaders", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=invoer,
        env=omgeving,
        timeout=60,
    )


def kaders_hier(*args: str, invoer: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in this process (Click's test runner), for the many cases where a process
    of its own adds only start-up time; same result shape as `kaders`."""
    from typer.testing import CliRunner

    from kaders.cli import app

    uitkomst = CliRunner().invoke(app, list(args), input=invoer)
    return subprocess.CompletedProcess(
        list(args), uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr
    )


@pytest.fixture(scope="session", autouse=True)
def _eigen_omgeving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The programs the tests start see the same environment in every run, alone or in parallel.

    They cache registers in a folder of this run (of this worker, under pytest-xdist), not in
    ~/.cache; and no terminal size comes in from outside (pytest-xdist sets COLUMNS=80 in its
    workers, a developer's shell may export it): a test that wants a width sets it.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KADERS_CACHE", str(tmp_path_factory.mktemp("kaders-cache")))
        for naam in ("COLUMNS", "LINES", "KADERS_REGISTER", "KADERS_DEBUG"):
            mp.delenv(naam, raising=False)
        yield


@pytest.fixture(scope="session")
def register():  # type: ignore[no-untyped-def]
    from kaders.laden import laad

    return laad(REGISTER)
