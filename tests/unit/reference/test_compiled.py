"""The compiled reference in the cache folder: used only for the same bytes, never trusted
otherwise, and never the reason a check fails."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from refkit import write_reference
from strainscore.errors import ReferenceDataError
from strainscore.reference import compiled
from strainscore.reference.loader import _load_cached, load_reference, read_files


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("STRAINSCORE_CACHE_DIR", str(folder))
    monkeypatch.delenv("STRAINSCORE_NO_CACHE", raising=False)
    _load_cached.cache_clear()
    yield folder
    _load_cached.cache_clear()


def _fresh(folder: Path) -> object:
    _load_cached.cache_clear()  # a new process, as far as the loader can tell
    return load_reference(folder)


def _files(cache: Path) -> list[Path]:
    return sorted(cache.glob("reference-*.json"))


def test_a_load_writes_one_compiled_file_and_the_next_uses_it(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref_dir = write_reference(tmp_path / "ref")
    first = _fresh(ref_dir)
    assert len(_files(cache)) == 1
    assert not [p for p in cache.iterdir() if p.name.startswith(".tmp-")]

    from strainscore.reference import loader

    def no_checks(*args: object) -> None:
        raise AssertionError("a compiled reference of the same bytes is not checked again")

    monkeypatch.setattr(loader, "check_tables", no_checks)
    second = _fresh(ref_dir)
    assert second == first
    assert second.strains == first.strains and second.studies == first.studies


def test_changed_tables_are_read_and_checked_again(cache: Path, tmp_path: Path) -> None:
    ref_dir = write_reference(tmp_path / "ref")
    _fresh(ref_dir)
    strains = ref_dir / "strains.csv"
    strains.write_text(strains.read_text() + "not,a,valid,row\n")
    with pytest.raises(ReferenceDataError):
        _fresh(ref_dir)


def test_the_file_name_alone_is_not_trusted(cache: Path, tmp_path: Path) -> None:
    """A file under the right name whose key or payload does not match is ignored (and
    replaced), so the report is the one the tables give."""
    ref_dir = write_reference(tmp_path / "ref")
    expected = _fresh(ref_dir)
    (path,) = _files(cache)
    head, _, payload = path.read_bytes().partition(b"\n")
    planted = payload.replace(b"Testibacillus", b"Plantedbacillus")
    assert planted != payload
    path.write_bytes(head + b"\n" + planted)  # the payload no longer matches its sha256
    assert _fresh(ref_dir) == expected
    meta = json.loads(head)
    meta["key"] = "0" * 64
    path.write_bytes(json.dumps(meta).encode() + b"\n" + payload)  # another reference's key
    assert _fresh(ref_dir) == expected


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff garbage", b"{}\n{}", b'{"format": 1}\n[1, 2]', b"not json\nnot json"],
)
def test_a_corrupt_file_falls_back_to_a_normal_load(
    cache: Path, tmp_path: Path, content: bytes
) -> None:
    ref_dir = write_reference(tmp_path / "ref")
    expected = _fresh(ref_dir)
    (path,) = _files(cache)
    path.write_bytes(content)
    assert _fresh(ref_dir) == expected
    assert compiled.load(compiled.cache_key(read_files(ref_dir))) is not None  # rewritten


def test_well_formed_json_of_the_wrong_shape_is_refused(cache: Path, tmp_path: Path) -> None:
    ref_dir = write_reference(tmp_path / "ref")
    expected = _fresh(ref_dir)
    key = compiled.cache_key(read_files(ref_dir))
    body = {"info": {"version": 1}, "tables": {"strains.csv": {"columns": ["a"], "rows": [[2]]}}}
    payload = json.dumps(body).encode()
    (path,) = _files(cache)
    path.write_bytes(json.dumps(compiled._head(key, payload)).encode() + b"\n" + payload)
    assert compiled.load(key) is None
    assert _fresh(ref_dir) == expected


def test_an_unwritable_cache_folder_never_fails_a_check(cache: Path, tmp_path: Path) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the folder should be")
    ref_dir = write_reference(tmp_path / "ref")
    assert _fresh(ref_dir).info.version == "9.9.9"
    assert cache.read_text() == "a file where the folder should be"


def test_turned_off_nothing_is_read_or_written(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRAINSCORE_NO_CACHE", "1")
    assert compiled.cache_dir() is None
    _fresh(write_reference(tmp_path / "ref"))
    assert not cache.exists()


def test_the_key_follows_every_byte_and_the_code(tmp_path: Path) -> None:
    files = read_files(write_reference(tmp_path / "ref"))
    key = compiled.cache_key(files)
    assert compiled.cache_key(dict(files)) == key
    changed = dict(files, **{"names.csv": files["names.csv"] + b"\n"})
    assert compiled.cache_key(changed) != key
    renamed = {("x" + k if k == "names.csv" else k): v for k, v in files.items()}
    assert compiled.cache_key(renamed) != key
    repackaged = dict(files, **{"datapackage.json": files["datapackage.json"].replace(b"9", b"8")})
    assert compiled.cache_key(repackaged) != key


def test_the_info_path_is_the_folder_loaded_not_the_one_compiled(
    cache: Path, tmp_path: Path
) -> None:
    a = write_reference(tmp_path / "a")
    b = write_reference(tmp_path / "b")
    assert _fresh(a).info.path == str(a.resolve())
    assert _fresh(b).info.path == str(b.resolve())
    assert len(_files(cache)) == 1  # the same bytes share one compiled file


def test_old_compiled_files_are_pruned(cache: Path, tmp_path: Path) -> None:
    for i in range(compiled.KEEP + 3):
        ref_dir = write_reference(tmp_path / f"ref{i}")
        pkg = ref_dir / "datapackage.json"
        pkg.write_text(pkg.read_text().replace("9.9.9", f"9.9.{i}"))
        _fresh(ref_dir)
    assert len(_files(cache)) == compiled.KEEP


def test_the_default_folder_is_the_platforms_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRAINSCORE_CACHE_DIR", raising=False)
    monkeypatch.delenv("STRAINSCORE_NO_CACHE", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert compiled.cache_dir() == Path("/somewhere/cache/strainscore")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert compiled.cache_dir() == Path.home() / ".cache" / "strainscore"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert compiled.cache_dir() == Path.home() / "Library" / "Caches" / "strainscore"
    monkeypatch.setenv("STRAINSCORE_CACHE_DIR", os.fspath(Path("/x")))
    assert compiled.cache_dir() == Path("/x")


def test_a_change_to_the_table_description_makes_a_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The description of the tables (tables.py) is reference code: a column added there must
    never be read from a file compiled before."""
    import shutil

    code = tmp_path / "reference"
    shutil.copytree(Path(compiled.__file__).parent, code, ignore=shutil.ignore_patterns("__py*"))
    monkeypatch.setattr(compiled, "__file__", str(code / "compiled.py"))
    files = read_files(write_reference(tmp_path / "ref"))
    compiled._code_hash.cache_clear()
    try:
        key = compiled.cache_key(files)
        described = code / "tables.py"
        described.write_text(described.read_text(encoding="utf-8") + "\n# a new column\n")
        compiled._code_hash.cache_clear()
        assert compiled.cache_key(files) != key
    finally:
        compiled._code_hash.cache_clear()
