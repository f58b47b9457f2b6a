"""Rendering details that scripts and spreadsheets depend on."""

from __future__ import annotations

import csv
import io
import json

from kaders.uitvoer.tabel import verdeel
from kaders.uitvoer.tekst import csv_tekst, json_tekst, jsonl_tekst, tsv


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
    from kaders.uitvoer.tabel import tabel
    from kaders.uitvoer.weergave import Plan, Scherm

    uit = tabel(Plan("t", [("a", "A")], [{"a": "[twintig] en [/x]"}]), Scherm(breedte=80))
    assert "[twintig] en [/x]" in uit


def test_column_widths_narrow_the_widest_first_and_keep_their_minimum() -> None:
    # (narrowest, natural) per column: an id, a name that wraps, a date that never splits
    maten = [(12, 12), (10, 34), (10, 10)]
    assert verdeel(maten, 100) == [12, 34, 10]
    assert verdeel(maten, 36) == [12, 14, 10]  # only the name gives way
    assert verdeel(maten, 20) == [12, 10, 10]  # never below a minimum (then: one block per row)


def test_column_widths_share_the_room_evenly() -> None:
    assert verdeel([(10, 20), (10, 20), (10, 10)], 30) == [10, 10, 10]
    assert verdeel([(5, 20), (5, 20)], 30) == [15, 15]


def test_table_lines_fit_the_screen_and_keep_every_cell() -> None:
    from kaders.uitvoer.tabel import tabel
    from kaders.uitvoer.weergave import Plan, Scherm

    rijen = [{"id": f"kader-met-een-lange-sleutel-{i}", "naam": "woord " * 12} for i in range(5)]
    kolommen = [("id", "ID"), ("naam", "Naam")]
    for breedte in (40, 80, 120):
        uit = tabel(Plan("t", kolommen, rijen), Scherm(breedte=breedte))
        assert max(len(regel) for regel in uit.splitlines()) <= breedte
        assert "".join(uit.split()).count("woord") == 5 * 12


def test_a_squeezed_fixed_column_folds_and_loses_nothing() -> None:
    """Regression: on a very narrow screen a date column was cut to '2028-0'."""
    from kaders.uitvoer.tabel import tabel
    from kaders.uitvoer.weergave import Plan, Scherm

    uit = tabel(Plan("t", [("eind", "Eind")], [{"eind": "2028-06-30"}]), Scherm(breedte=8))
    assert "2028-06-30" in "".join(uit.split())
    assert max(len(regel) for regel in uit.splitlines()) <= 8


def test_wide_characters_survive_a_squeezed_column() -> None:
    """Regression (review): a column squeezed to one cell dropped CJK and emoji."""
    from kaders.uitvoer.tabel import tabel
    from kaders.uitvoer.weergave import Plan, Scherm

    kolommen = [("begin", "Begin"), ("eind", "Eind"), ("naam", "Naam")]
    rij = {"begin": "2025-01-01", "eind": "2028-06-30", "naam": "東京 😀"}
    uit = tabel(Plan("T", kolommen, [rij]), Scherm(breedte=31))
    assert "東" in uit and "京" in uit and "😀" in uit


def test_one_huge_cell_is_narrowed_in_one_step() -> None:
    assert verdeel([(10, 1_000_000)], 50) == [50]
    assert verdeel([(10, 300), (10, 300)], 100) == [50, 50]
