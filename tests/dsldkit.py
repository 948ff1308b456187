"""DSLD records shaped as the real ones (fields and nesting as in api/label/<id> records)."""

from __future__ import annotations

import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dsld-label.json"


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


class FakeDSLD:
    """A loopback server answering /label/<id> with recorded records, and logging requests."""

    def __init__(self, records: dict[str, Any]) -> None:
        self.records = records
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(("GET", self.path, dict(self.headers)))
                label_id = self.path.rsplit("/", 1)[-1]
                if label_id not in fake.records:
                    self.send_error(404)
                    return
                body = json.dumps(fake.records[label_id]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/dsld/v9/label/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
