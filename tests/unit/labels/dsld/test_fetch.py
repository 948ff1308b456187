"""Fetching DSLD labels by id: against a fake DSLD server on the loopback address, never the
network."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsldkit import FakeDSLD, example
from strainscore.errors import InputFileError, UsageError
from strainscore.labels.dsld import fetch_labels
from strainscore.labels.dsld.fetch import URL_ENV


@pytest.fixture
def fake_dsld(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDSLD]:
    fake = FakeDSLD({"999001": example()})
    monkeypatch.setenv(URL_ENV, fake.url)
    yield fake
    fake.stop()


def test_a_label_is_fetched_by_its_id_alone(fake_dsld: FakeDSLD, tmp_path: Path) -> None:
    ((name, data),) = fetch_labels(["999001"], cache=tmp_path)
    assert json.loads(data)["id"] == 999001
    assert name == "DSLD label 999001"
    ((method, path, headers),) = fake_dsld.requests
    assert (method, path) == ("GET", "/dsld/v9/label/999001")  # the id, no query string
    assert "Cookie" not in headers and "Authorization" not in headers


def test_a_fetched_label_is_kept_and_read_offline(fake_dsld: FakeDSLD, tmp_path: Path) -> None:
    fetch_labels(["999001"], cache=tmp_path)
    fake_dsld.stop()  # offline from here
    ((name, data),) = fetch_labels(["999001"], cache=tmp_path)
    assert "cached" in name and json.loads(data)["id"] == 999001
    assert (tmp_path / "dsld" / "999001.json").is_file()
    assert not list((tmp_path / "dsld").glob(".part-*"))  # written whole, no leftovers


def test_an_unknown_label_is_a_clear_error(fake_dsld: FakeDSLD, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="DSLD has no label 123") as exc:
        fetch_labels(["123"], cache=tmp_path)
    assert exc.value.code == "dsld-unreachable"
    assert not (tmp_path / "dsld" / "123.json").exists()


def test_offline_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = FakeDSLD({})
    fake.stop()  # nothing listens on its port now
    monkeypatch.setenv(URL_ENV, fake.url)
    with pytest.raises(InputFileError, match="cannot reach the DSLD API for label 5") as exc:
        fetch_labels(["5"], cache=tmp_path, timeout=2)
    assert exc.value.code == "dsld-unreachable"


@pytest.mark.parametrize("bad", ["12a", "../etc/passwd", "", "1" * 11, "5?x=1"])
def test_only_label_numbers_are_sent(bad: str, fake_dsld: FakeDSLD, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="DSLD label numbers"):
        fetch_labels([bad], cache=tmp_path)
    assert fake_dsld.requests == []


def test_no_scheme_but_http_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(URL_ENV, "file:///etc/")
    with pytest.raises(UsageError, match="http"):
        fetch_labels(["1"], cache=tmp_path)


def test_an_answer_that_is_not_a_record_is_not_cached(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeDSLD({"7": ["not", "a", "record"]})
    monkeypatch.setenv(URL_ENV, fake.url)
    try:
        fetch_labels(["7"], cache=tmp_path)
    finally:
        fake.stop()
    assert not (tmp_path / "dsld" / "7.json").exists()
