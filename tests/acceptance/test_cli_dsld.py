"""DSLD records end to end, as a dietitian runs them: a downloaded record to every format, a
folder, and `check --dsld` against a loopback fake of the API."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dsld-label.json"


@pytest.mark.parametrize("suffix", [".json", ".html", ".csv", ".xlsx", ".txt"])
def test_a_downloaded_record_checks_to_every_format(
    run_cli: Callable[..., Result], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"report{suffix}"
    args = ["check", str(EXAMPLE), "-o", str(out)]
    if suffix == ".txt":
        args += ["--format", "text"]
    run_cli(*args)
    assert out.stat().st_size > 0
    if suffix == ".json":
        report = json.loads(out.read_text(encoding="utf-8"))
        (product,) = report["products"]
        assert product["product"] == "Example Mood and Gut Probiotic (DSLD 999001)"
        ids = {s["resolved"]["strain_id"] for s in product["strains"]}
        assert {"lhelveticus-r0052", "blongum-r0175", "lrhamnosus-gg"} <= ids
    if suffix == ".html":
        assert "Example Mood and Gut Probiotic (DSLD 999001)" in out.read_text(encoding="utf-8")


def test_a_bulk_folder_checks_every_label(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    folder = tmp_path / "bulk"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "999001.json")
    record = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record.update(id=999002, fullName="Second Label")
    (folder / "999002.json").write_text(json.dumps(record), encoding="utf-8")
    result = run_cli("check", str(folder), "--format", "json")
    names = {p["product"] for p in json.loads(result.stdout)["products"]}
    assert names == {
        "Example Mood and Gut Probiotic (DSLD 999001)",
        "Second Label (DSLD 999002)",
    }


def test_foreign_json_exits_2_with_one_line(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    bad = tmp_path / "package.json"
    bad.write_text('{"name": "left-pad", "version": "1.0.0"}', encoding="utf-8")
    result = run_cli("check", str(bad), expect=2)
    assert "not a DSLD label record" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_dsld_fetches_and_then_works_offline(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    from dsldkit import FakeDSLD, example

    monkeypatch.setenv("STRAINSCORE_CACHE_DIR", str(tmp_path / "cache"))
    fake = FakeDSLD({"999001": example()})
    monkeypatch.setenv("STRAINSCORE_DSLD_URL", fake.url)
    try:
        first = run_cli("check", "--dsld", "999001", "--format", "json")
    finally:
        fake.stop()
    again = run_cli("check", "--dsld", "999001", "--format", "json")  # from the cache
    for result in (first, again):
        (product,) = json.loads(result.stdout)["products"]
        assert product["product"] == "Example Mood and Gut Probiotic (DSLD 999001)"
    offline = run_cli("check", "--dsld", "424242", expect=2)
    assert "cannot reach the DSLD API for label 424242" in offline.stderr
    assert "[dsld-unreachable]" in offline.stderr


def test_dsld_and_a_file_together_are_refused(run_cli: Callable[..., Result]) -> None:
    result = run_cli("check", str(EXAMPLE), "--dsld", "1", expect=2)
    assert "not several" in result.stderr
