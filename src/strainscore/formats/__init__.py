"""Output formats. Each module renders a ``Report``; none reads files or knows about click."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, BinaryIO

from strainscore.models import Report

# format -> "module:function"; function(report, **options) -> bytes
FORMATS: dict[str, str] = {
    "text": "strainscore.formats.text_format:render",
    "json": "strainscore.formats.json_format:render",
    "html": "strainscore.formats.html_format:render",
    "csv": "strainscore.formats.csv_format:render",
    "xlsx": "strainscore.formats.xlsx_format:render",
}
# Formats that can also write straight into a binary file as they go, so a huge report is never
# held whole in memory: format -> "module:function"; function(report, fh) -> None.
STREAMS: dict[str, str] = {
    "csv": "strainscore.formats.csv_format:write",
    "json": "strainscore.formats.json_format:write",
}
SUFFIXES = {
    ".txt": "text",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".xlsx": "xlsx",
}


def renderer(fmt: str) -> Callable[..., bytes]:
    module, func = FORMATS[fmt].split(":")
    fn: Callable[..., bytes] = getattr(importlib.import_module(module), func)
    return fn


def streamer(fmt: str) -> Callable[[Report, BinaryIO], None] | None:
    """The format's streaming writer, or None when it renders whole (``render``)."""
    if fmt not in STREAMS:
        return None
    module, func = STREAMS[fmt].split(":")
    fn: Callable[[Report, BinaryIO], None] = getattr(importlib.import_module(module), func)
    return fn


def render(report: Report, fmt: str, **options: Any) -> bytes:
    """The report in one format, as bytes ready to write."""
    return renderer(fmt)(report, **options)
