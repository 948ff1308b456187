"""The JSON contract (docs/json-format.md): exactly ``Report.to_dict()``, versioned."""

from __future__ import annotations

import json
from typing import Any

from strainscore.models import Report

SCHEMA_VERSION = "1.0"


def render(report: Report, **_: Any) -> bytes:
    return (json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
