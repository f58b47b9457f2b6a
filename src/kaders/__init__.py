"""kaders: the Dutch national frameworks for international missions 2025 – 2028 as a register."""

__version__ = "0.1.0"
