"""Run as `python -m kaders`."""

from kaders.cli import main

main()
