"""Run as `python -m kaders`."""

from kaders.start import main

main()
