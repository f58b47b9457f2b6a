"""Rendering details that scripts and spreadsheets depend on."""

from __future__ import annotations

import csv
import io
import json

from kaders.render import csv_tekst, json_tekst, jsonl_tekst, tsv


def test_tsv_keeps_one_record_per_line_whatever_the_text() -> None:
    """Regression (fuzz): \\x1e, \\u2028 and friends are line breaks for str.splitlines."""
    vreemd = "a\tb\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
    uit = tsv(["x", "y"], [{"x": vreemd, "y": 1}])
    assert uit.splitlines() == ["x\ty", "a b c d e f g h i j k l\t1"]


def test_csv_escapes_formula_starts_but_not_numbers() -> None:
    rijen = [{"t": t, "n": -5} for t in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "ok")]
    gelezen = list(csv.reader(io.StringIO(csv_tekst(["t", "n"], rijen))))
    assert [r[0] for r in gelezen[1:]] == ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "ok"]
    assert {r[1] for r in gelezen[1:]} == {"-5"}


def test_csv_escapes_lists_joined_into_text() -> None:
    gelezen = list(csv.reader(io.StringIO(csv_tekst(["l"], [{"l": ["=evil", "ok"]}]))))
    assert gelezen[1] == ["'=evil,ok"]


def test_json_lines_survive_splitlines() -> None:
    """Regression (long fuzz run): U+0085 in a value split a jsonl record for str.splitlines."""
    waarde = {"bron": "a\x85b\u2028c\u2029d\x1ee"}
    regels = jsonl_tekst([waarde, waarde]).splitlines()
    assert [json.loads(r) for r in regels] == [waarde, waarde]
    assert json.loads(json_tekst(waarde)) == waarde


def test_table_shows_brackets_literally() -> None:
    """Regression: Rich markup in a cell ('[twintig]', '[/x]') vanished or crashed."""
    from kaders.render import Scherm, tabel

    uit = tabel("t", [("a", "A")], [{"a": "[twintig] en [/x]"}], Scherm(breedte=80))
    assert "[twintig] en [/x]" in uit
