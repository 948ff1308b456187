"""The JSON contract (docs/json-format.md): exactly ``Report.to_dict()``, versioned."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from strainscore.formats._once import PerObject
from strainscore.models import (
    SCHEMA_VERSION,
    ProductReport,
    Report,
    Resolution,
    StrainReport,
)

__all__ = ["SCHEMA_VERSION", "render", "write"]
# Indented JSON is easy to read and diff, but turns off the C encoder (4.5x slower, 1.7x
# larger on a 10,000-product catalogue): big reports are written compact.
INDENT_UP_TO_PRODUCTS = 200

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def render(report: Report) -> bytes:
    if len(report.products) <= INDENT_UP_TO_PRODUCTS:
        return (
            json.dumps(report.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        ).encode("utf-8")
    return (compact(report) + "\n").encode("utf-8")


def write(report: Report, fh: BinaryIO) -> None:
    """``render`` written into a binary file; a big report goes product by product, so its
    text is never held whole in memory."""
    if len(report.products) <= INDENT_UP_TO_PRODUCTS:
        fh.write(render(report))
        return
    for part in _compact_parts(report):
        fh.write(part.encode("utf-8"))
    fh.write(b"\n")


def compact(report: Report) -> str:
    """``json.dumps(report.to_dict())`` in compact form, byte for byte, built faster."""
    return "".join(_compact_parts(report))


def _compact_parts(report: Report) -> Iterator[str]:
    """The compact JSON in pieces: head, one piece per product, tail.

    A catalogue's lines share their resolutions, counts and bodies of evidence (the check hands
    out one object per distinct value), so each shared object is encoded once and its text
    spliced in wherever it recurs. A test holds this equal to the plain encoding."""
    once = _Texts()
    head, tail = _encode(report.head_dict()), _encode(report.tail_dict())
    yield f'{head[:-1]},"products":['
    for i, p in enumerate(report.products):
        yield ("," if i else "") + _product(p, once)
    yield f"],{tail[1:]}"


def _product(p: ProductReport, once: _Texts) -> str:
    strains = ",".join(_strain(s, once) for s in p.strains)
    head, tail = _encode(p.head_dict()), _encode(p.tail_dict())
    return f'{head[:-1]},"strains":[{strains}],{tail[1:]}'


def _strain(s: StrainReport, once: _Texts) -> str:
    # Key order as StrainReport.to_dict: the resolution's keys (its "notes" last), then
    # row, cfu_per_serving and evidence.
    r = s.resolution
    head = once.resolution(r)
    notes = _encode([*r.notes, *s.notes]) if s.notes or r.notes else "[]"
    amount = s.line.cfu_per_serving
    cfu = "null" if amount is None else once.amount(amount)
    evidence = once.evidence(s.evidence)
    row = s.line.row
    return (
        f'{head[:-1]},"notes":{notes},"row":{row},"cfu_per_serving":{cfu},"evidence":{evidence}}}'
    )


def _resolution_without_notes(r: Resolution) -> dict[str, Any]:
    d = r.to_dict()
    del d["notes"]
    return d


class _Texts:
    """The encoded text of each shared object, made once per object."""

    def __init__(self) -> None:
        self.resolution = PerObject(lambda r: _encode(_resolution_without_notes(r)))
        self.amount = PerObject(lambda a: _encode(a.to_dict()))
        self.evidence = PerObject(lambda ev: _encode([e.to_dict() for e in ev]))
