"""The compiled reference: a checked reference's rows, kept in the user's cache folder.

Reading, checking and building a reference takes longer the bigger its tables are; the rows
of a reference that passed its checks are kept as one JSON file under the cache folder, named by
and holding a key: the sha256 of the tables' bytes, ``datapackage.json``, the strainscore
version, this file format's version and the reference code (so a changed rule never trusts an
old pass). A load reads the tables' bytes, makes the key, and uses the file only when the key
inside it matches and the payload's own sha256 checks out; otherwise (missing, stale, corrupt,
unreadable, not ours) it loads the normal way and writes a new file atomically (a temporary
file in the same folder, then a rename). Nothing here is unpickled or run: the file is JSON of
strings, read into the same typed rows as the CSVs. The threat model is in
docs/architecture.md.

Where: ``$STRAINSCORE_CACHE_DIR`` if set; else the platform's user cache folder
(``$XDG_CACHE_HOME/strainscore`` or ``~/.cache/strainscore`` on Linux,
``~/Library/Caches/strainscore`` on macOS, ``%LOCALAPPDATA%\\strainscore\\Cache`` on Windows).
``STRAINSCORE_NO_CACHE=1`` turns it off (nothing read or written).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from itertools import chain
from pathlib import Path

from strainscore import __version__
from strainscore.reference.tables import Grid

FORMAT = "strainscore-compiled-reference"
FORMAT_VERSION = 1
KEEP = 8  # compiled references kept per cache folder (newest first); older ones are removed
_PREFIX = "reference-"


def cache_dir() -> Path | None:
    """The folder compiled references go in (``resources.cache_dir``), or None when the cache
    is turned off."""
    from strainscore.resources import cache_dir as user_cache

    if os.environ.get("STRAINSCORE_NO_CACHE", "").strip() not in ("", "0"):
        return None
    return user_cache()


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The reference code's bytes: a changed check or model invalidates every compiled file."""
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def cache_key(files: Mapping[str, bytes]) -> str:
    """The key of a reference whose files (name -> bytes) are `files`."""
    h = hashlib.sha256(f"{FORMAT}\0{FORMAT_VERSION}\0{__version__}\0{_code_hash()}\0".encode())
    for name in sorted(files):
        data = files[name]
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _path(folder: Path, key: str) -> Path:
    return folder / f"{_PREFIX}{key[:32]}.json"


def load(key: str, folder: Path | None = None) -> tuple[dict[str, str], dict[str, Grid]] | None:
    """(info, records per table) kept under `key`, or None when there is no sound file for it."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return None
    try:
        data = _path(folder, key).read_bytes()
        head, _, payload = data.partition(b"\n")
        meta = json.loads(head)
        if meta != _head(key, payload):
            return None
        return _parse(json.loads(payload))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _head(key: str, payload: bytes) -> dict[str, object]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "key": key,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }


def _parse(body: object) -> tuple[dict[str, str], dict[str, Grid]]:
    """The info and the records, checked to be strings in the shape they were written in."""
    if not isinstance(body, dict):
        raise ValueError("not an object")
    info, tables = body["info"], body["tables"]
    if not isinstance(info, dict) or not all(isinstance(v, str) for v in info.values()):
        raise ValueError("bad info")
    if not isinstance(tables, dict):
        raise ValueError("bad tables")
    out: dict[str, Grid] = {}
    for name, table in tables.items():
        columns, rows = table["columns"], table["rows"]
        if not all(isinstance(c, str) for c in columns):
            raise ValueError("bad columns")
        width = len(columns)
        if not isinstance(rows, list) or any(
            type(row) is not list or len(row) != width for row in rows
        ):
            raise ValueError("bad row")
        # str.join refuses any cell that is not a string (TypeError), at C speed: the per-cell
        # isinstance test was most of the time a grown reference took to load
        "".join(chain.from_iterable(rows))
        out[str(name)] = (tuple(columns), rows)
    return dict(info), out


def store(
    key: str,
    info: Mapping[str, str],
    tables: Mapping[str, Grid],
    folder: Path | None = None,
) -> Path | None:
    """Write the compiled reference atomically; returns its path, or None when not written
    (cache off, folder not writable, disk full: a cache never fails a check)."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return None
    body = {
        "info": dict(info),
        "tables": {
            name: {"columns": list(columns), "rows": rows}
            for name, (columns, rows) in tables.items()
        },
    }
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = json.dumps(_head(key, payload)).encode("ascii")
    target = _path(folder, key)
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(head + b"\n" + payload)
        Path(tmp).replace(target)
        tmp = None
        _prune(folder, keep=target)
    except OSError:
        return None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return target


def _prune(folder: Path, keep: Path) -> None:
    """Keep the KEEP newest compiled references (several reference folders may be in use)."""
    found = []
    for p in folder.glob(f"{_PREFIX}*.json"):
        try:
            found.append((p.stat().st_mtime, p))
        except OSError:
            continue
    found.sort(reverse=True)
    for _, p in found[KEEP:]:
        if p != keep:
            p.unlink(missing_ok=True)
