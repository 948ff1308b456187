"""Work over forked processes: every item done once, in the parent's order, failures raised."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from strainscore.formats import _parallel
from strainscore.formats._parallel import MIN_PER_PART, WorkerFailed, in_parts, split, workers
from strainscore.formats.html_format import fill_folder
from strainscore.models import Report

needs_fork = pytest.mark.skipif(not _parallel._can_fork(), reason="forks only on Linux")


@pytest.mark.parametrize(("n", "parts"), [(0, 1), (5, 2), (10, 3), (601, 4)])
def test_split_keeps_every_item_once_in_order(n: int, parts: int) -> None:
    items = list(range(n))
    got = split(items, parts)
    assert len(got) == parts
    assert [i for part in got for i in part] == items
    assert max(map(len, got)) - min(map(len, got)) <= 1


def test_a_small_batch_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRAINSCORE_WORKERS", "8")
    assert workers(MIN_PER_PART - 1) == 1
    monkeypatch.setenv("STRAINSCORE_WORKERS", "1")
    assert workers(100 * MIN_PER_PART) == 1


@needs_fork
def test_each_part_runs_in_its_own_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRAINSCORE_WORKERS", "3")
    items = list(range(3 * MIN_PER_PART))

    def work(part: Sequence[int]) -> None:
        (tmp_path / f"{part[0]}").write_text(f"{os.getpid()} {len(part)}")

    in_parts(work, items)
    written = {int(p.name): p.read_text().split() for p in tmp_path.iterdir()}
    assert sorted(written) == [0, MIN_PER_PART, 2 * MIN_PER_PART]
    assert len({pid for pid, _ in written.values()}) == 3
    assert written[0][0] == str(os.getpid())  # the parent does the first part itself


@needs_fork
def test_a_failing_child_fails_the_whole_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRAINSCORE_WORKERS", "2")

    def work(part: Sequence[int]) -> None:
        if part[0] != 0:
            raise ValueError("a page could not be rendered")

    with pytest.raises(WorkerFailed):
        in_parts(work, list(range(2 * MIN_PER_PART)))


@needs_fork
def test_a_failing_parent_stops_its_children(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRAINSCORE_WORKERS", "2")

    def work(part: Sequence[int]) -> None:
        if part[0] == 0:
            raise ValueError("the parent's part failed")

    with pytest.raises(ValueError, match="parent"):
        in_parts(work, list(range(2 * MIN_PER_PART)))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


@needs_fork
def test_html_pages_in_parallel_equal_the_pages_made_in_one_process(
    golden_report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = dataclasses.replace(
        golden_report, products=golden_report.products * (MIN_PER_PART // 2 + 1)
    )
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    monkeypatch.setenv("STRAINSCORE_WORKERS", "1")
    fill_folder(many, one)
    monkeypatch.setenv("STRAINSCORE_WORKERS", "2")
    assert workers(len(many.products)) == 2
    fill_folder(many, two)
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert len(names) == len(many.products) + 3
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
