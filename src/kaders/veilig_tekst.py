"""Text from a register is data: before it reaches a terminal, control characters are shown.

A terminal obeys control characters: ESC starts colour, cursor and title sequences (ANSI,
OSC), C1 0x9b is a one-byte CSI, CR returns to the start of the line, BEL rings. Text that
reaches a screen shows each of them as an escape (ESC as `\\x1b`) instead; tab and newline
stay, and so does CR right before a newline (CSV lines end in CRLF). Files keep the text
exactly as it is: only what goes to a person on a terminal is made visible.
"""

from __future__ import annotations

import re

# C0 except tab and newline (CR only when it does not end a line), DEL, and C1 (0x80-0x9f).
# One character class and one fixed look-ahead: linear in the text, never backtracking.
_STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def _als_escape(gevonden: re.Match[str]) -> str:
    return f"\\x{ord(gevonden.group()):02x}"


def toonbaar(tekst: str) -> str:
    """The text with every control character a terminal would obey shown as `\\xNN`."""
    if _STUURTEKEN.search(tekst) is None:  # the common case: nothing to replace
        return tekst
    return _STUURTEKEN.sub(_als_escape, tekst)
