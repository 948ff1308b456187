"""Fetching DSLD label records by id from the public API, keeping a local copy of each.

Only the id is sent (a GET of ``<base>/<id>``, no query, no cookies), with a timeout. A label
fetched once is read from the cache afterwards, so a shelf checked again works offline.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from strainscore.errors import InputFileError, UsageError
from strainscore.resources import cache_dir

API_URL = "https://api.ods.od.nih.gov/dsld/v9/label/"
URL_ENV = "STRAINSCORE_DSLD_URL"  # another base address (the tests use a loopback server)
TIMEOUT_SECONDS = 20.0
MAX_RECORD_BYTES = 16 * 1024 * 1024
_ID = re.compile(r"\d{1,10}")


def fetch_labels(
    ids: Sequence[str],
    *,
    cache: Path | None = None,
    timeout: float = TIMEOUT_SECONDS,
    refresh: bool = False,
) -> list[tuple[str, bytes]]:
    """(name for messages, the record's JSON bytes) for each id, from the cache or the API.

    Raises ``UsageError`` for an id that is not a number, ``InputFileError`` when the API cannot
    be reached or has no such label."""
    bad = [i for i in ids if not _ID.fullmatch(i.strip())]
    if bad:
        raise UsageError(f"--dsld takes DSLD label numbers, e.g. --dsld 264116; not {bad[0]!r}")
    folder = (cache if cache is not None else cache_dir()) / "dsld"
    base = os.environ.get(URL_ENV) or API_URL
    out = []
    for label_id in dict.fromkeys(i.strip() for i in ids):
        path = folder / f"{label_id}.json"
        if not refresh and path.is_file():
            out.append((f"DSLD label {label_id} (cached {path})", path.read_bytes()))
            continue
        data = _get(base.rstrip("/") + "/" + label_id, label_id, timeout)
        _keep(folder, path, data)
        out.append((f"DSLD label {label_id}", data))
    return out


def _get(url: str, label_id: str, timeout: float) -> bytes:
    if not url.startswith(("https://", "http://")):  # never file: or another scheme
        raise UsageError(f"{URL_ENV} must be an http(s) address, not {url!r}")
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url, headers={"Accept": "application/json", "User-Agent": "strainscore"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data: bytes = response.read(MAX_RECORD_BYTES + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the response's socket
        what = "has no label" if exc.code == 404 else f"answered {exc.code} for label"
        raise InputFileError(f"DSLD {what} {label_id} ({url})", code="dsld-unreachable") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputFileError(
            f"cannot reach the DSLD API for label {label_id} ({reason}): check the network, or "
            "download the label's JSON and check that file",
            code="dsld-unreachable",
        ) from None
    if len(data) > MAX_RECORD_BYTES:
        raise InputFileError(
            f"DSLD's answer for label {label_id} is over 16 MB, far more than a label",
            code="dsld-unreachable",
        )
    return data


def _keep(folder: Path, path: Path, data: bytes) -> None:
    """Cache a record only when it is one (JSON with an id), written whole or not at all."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return
    if not (isinstance(doc, dict) and ("id" in doc or "data" in doc)):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-", suffix=".json")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        Path(tmp).replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs a fetch next time
