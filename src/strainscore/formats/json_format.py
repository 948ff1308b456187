"""The JSON contract (docs/json-format.md): exactly ``Report.to_dict()``, versioned."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from strainscore.formats._once import PerObject
from strainscore.models import SCHEMA_VERSION, Report, to_data

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
    _Compact(lambda text: fh.write(text.encode("utf-8"))).report(report)
    fh.write(b"\n")


def compact(report: Report) -> str:
    """``json.dumps(report.to_dict())`` in compact form, byte for byte, built faster."""
    pieces: list[str] = []
    _Compact(pieces.append).report(report)
    return "".join(pieces)


class _Part:
    """A value the writer fills in itself: JSON text made already, or a list of records each
    written from its own ``to_dict(parts)``."""

    __slots__ = ("records", "text")

    def __init__(self, text: str = "", records: Sequence[Any] | None = None) -> None:
        self.text = text
        self.records = records


class _Keys(str):
    """The dict key under which ``Parts.keys`` puts the spread keys' text (one spread a dict)."""


_SPREAD = _Keys("\x00keys")  # no record has this key


class _Compact:
    """The ``Parts`` the compact writer passes to the records' ``to_dict``: the key order is
    theirs, so there is none to keep here.

    A catalogue's lines share their resolutions, counts and bodies of evidence (the check hands
    out one object per distinct value), so each shared object is encoded once and its text
    spliced in wherever it recurs; the top list (the products) goes out one item at a time. A
    test holds this equal to the plain encoding."""

    def __init__(self, put: Callable[[str], object]) -> None:
        self._put = put
        # Bound here, not as methods: to_dict calls them once per line.
        self.one: Callable[[Any], Any] = PerObject(lambda v: _Part(_encode(to_data(v))))
        self._spread: dict[Callable[[Any], dict[str, Any]], PerObject[dict[str, Any]]] = {}
        self._key_text: dict[str, str] = {}

    def keys(self, record: Any, data: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        made = self._spread.get(data)
        if made is None:
            made = self._spread[data] = PerObject(lambda r: {_SPREAD: _Part(_encode(data(r)))})
        return made(record)

    def each(self, records: Sequence[Any]) -> Any:
        return _Part(records=records)

    def report(self, report: Report) -> None:
        out: list[str] = []
        self._dict(report.to_dict(self), out, top=True)
        self._put("".join(out))

    def _dict(self, d: dict[str, Any], out: list[str], top: bool = False) -> None:
        """`d` as compact JSON into `out`: its plain keys encoded together, in runs."""
        sep = "{"
        run: dict[str, Any] = {}
        key_text = self._key_text
        for k, v in d.items():
            if not isinstance(v, _Part):
                run[k] = v
                continue
            if run:
                out.append(sep + self._run(run))
                sep, run = ",", {}
            if v.records is not None:
                out.append(f"{sep}{key_text.get(k) or self._key(k)}:[")
                self._list(v.records, out, top)
            elif k is not _SPREAD:
                out.append(f"{sep}{key_text.get(k) or self._key(k)}:{v.text}")
            elif v.text != "{}":
                out.append(sep + v.text[1:-1])
            else:
                continue
            sep = ","
        out.append(sep + self._run(run) + "}" if run else "{}" if sep == "{" else "}")

    def _run(self, run: dict[str, Any]) -> str:
        """Plain keys and values as compact JSON, without the braces. A line's own keys are
        numbers, nulls and empty lists: written here, the encoder is not started for them."""
        texts = []
        key_text = self._key_text
        for k, v in run.items():
            if type(v) is int:
                value = repr(v)
            elif v is None:
                value = "null"
            elif type(v) is list and not v:
                value = "[]"
            else:
                return _encode(run)[1:-1]
            texts.append(f"{key_text.get(k) or self._key(k)}:{value}")
        return ",".join(texts)

    def _key(self, k: str) -> str:
        text = self._key_text.get(k)
        if text is None:
            text = self._key_text[k] = _encode(k)
        return text

    def _list(self, records: Sequence[Any], out: list[str], top: bool) -> None:
        for i, r in enumerate(records):
            if i:
                out.append(",")
            self._dict(r.to_dict(self), out)
            if top:  # one product at a time: the whole text is never held
                self._put("".join(out))
                out.clear()
        out.append("]")
