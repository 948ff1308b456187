"""Where a shipped data folder (reference/, templates/) is, installed or in a checkout, and the
shipped label words that grammars read when they are imported.

Kept under ``text`` so the amount grammar and the cell splitter can read the shipped label words
without importing any other strainscore package; ``strainscore.resources`` is the public face of it.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """The shipped top-level folder `name`."""
    # In a wheel, hatch force-includes the top-level folders as strainscore/_data/<name>.
    packaged = Path(str(resources.files("strainscore"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    # In a source checkout (editable install, or tests run from the tree) use the top-level folder.
    return Path(__file__).resolve().parents[3] / name


@cache
def _shipped_label_rows() -> tuple[tuple[str, str, str], ...]:
    """(word, kind, means) of every row of the shipped label_words.csv, read once."""
    path = data_dir("reference") / "label_words.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(
            (row["word"], row.get("kind") or "", row.get("means") or "")
            for row in csv.DictReader(fh)
            if row.get("word")
        )


@cache
def shipped_label_words(kind: str) -> tuple[tuple[str, str], ...]:
    """(word, means) of every row of the shipped label_words.csv of `kind`, in the table's order.

    The grammars that work without a loaded reference (amounts, the cell splitter) read their
    words here, so the table stays their one home.
    """
    return tuple((word, means) for word, k, means in _shipped_label_rows() if k == kind)


@cache
def shipped_genera() -> frozenset[str]:
    """Every genus the shipped taxonomy writes, current or former, in lower case: species.csv's
    genera and the first word of names.csv's former names and synonyms. The cell splitter asks
    whether a piece of a cell names an organism at all ("1 Beutel mit 1,34 g Pulver enthält
    5 × 10⁹ KBE" does not), read once and only when it asks."""
    folder = data_dir("reference")
    with (folder / "species.csv").open(encoding="utf-8", newline="") as fh:
        genera = {row["genus"].lower() for row in csv.DictReader(fh) if row.get("genus")}
    with (folder / "names.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("kind") in ("old-name", "synonym") and row.get("name"):
                genera.add(row["name"].split()[0].lower())
    return frozenset(genera)
