"""DSLD records shaped as the real ones (fields and nesting as in api/label/<id> records)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[4] / "examples" / "dsld-label.json"


def quantity(value: float, unit: str) -> list[dict[str, Any]]:
    return [
        {
            "servingSizeOrder": 1,
            "servingSizeQuantity": 1,
            "operator": "=",
            "quantity": value,
            "unit": unit,
            "dailyValueTargetGroup": [],
            "servingSizeUnit": "Capsule(s)",
        }
    ]


def ingredient(name: str, category: str = "bacteria", **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "order": 1,
        "ingredientId": 1,
        "description": "",
        "notes": "",
        "quantity": quantity(0, "NP"),
        "nestedRows": [],
        "name": name,
        "category": category,
        "ingredientGroup": " ".join(name.split()[:2]),
        "uniiCode": None,
        "alternateNames": [],
        "forms": [],
    }
    row.update(fields)
    return row


def example() -> dict[str, Any]:
    """The shipped example record (a fresh copy each time)."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path
