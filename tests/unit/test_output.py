"""strainscore.output in-process: the same rules the hostile-run corpus checks through the CLI,
down to the failure paths a real process cannot reach on cue (no hard links, a swap that fails)."""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest

from strainscore import output
from strainscore.errors import OutputError
from strainscore.output import (
    MANIFEST,
    Interrupted,
    manifest_names,
    signals_as_exceptions,
    write_file,
    write_folder,
    write_stream,
)


def _pages(folder: Path) -> None:
    (folder / "index.html").write_text("new")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_folder_is_written_with_its_manifest_and_replaced_only_while_ours(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    write_folder(out, _pages)
    assert manifest_names(out) == {"index.html", MANIFEST}
    write_folder(out, lambda f: (f / "other.html").write_text("x"), force=True)
    assert _names(out) == [MANIFEST, "other.html"]
    (out / "mine.txt").write_text("keep")
    with pytest.raises(OutputError) as info:
        write_folder(out, _pages, force=True)
    assert info.value.code == "output-folder-not-ours"
    assert (out / "mine.txt").read_text() == "keep" and _names(tmp_path) == ["reports"]


def test_a_forged_or_missing_manifest_is_not_ours(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    (out / MANIFEST).write_text("index.html\n")  # no strainscore heading
    (out / "index.html").write_text("theirs")
    with pytest.raises(OutputError, match="did not write"):
        write_folder(out, _pages, force=True)
    assert manifest_names(tmp_path) is None


def test_a_failed_swap_puts_the_old_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "reports"
    write_folder(out, _pages)
    real_rename = Path.rename

    def failing(self: Path, target: Path) -> Path:
        if Path(target) == out:
            raise OSError(errno.EIO, "I/O error")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OutputError, match="cannot be written"):
        write_folder(out, lambda f: (f / "index.html").write_text("newer"), force=True)
    assert (out / "index.html").read_text() == "new"
    assert _names(tmp_path) == ["reports"]


def test_a_folder_made_by_another_run_meanwhile_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "reports"

    def other_run_lands(folder: Path) -> None:
        _pages(folder)
        out.mkdir()
        (out / "index.html").write_text("other run")

    with pytest.raises(OutputError) as info:
        write_folder(out, other_run_lands)
    assert info.value.code == "output-exists"
    assert (out / "index.html").read_text() == "other run"
    assert _names(tmp_path) == ["reports"]


def test_an_interrupt_while_building_a_folder_leaves_nothing(tmp_path: Path) -> None:
    def interrupted(folder: Path) -> None:
        _pages(folder)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_folder(tmp_path / "reports", interrupted)
    assert _names(tmp_path) == []


def test_without_hard_links_the_name_is_still_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(self: Path, target: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(Path, "hardlink_to", no_links)
    write_file(tmp_path / "r.json", b"{}")
    assert (tmp_path / "r.json").read_bytes() == b"{}"

    def other_run_lands(fh: object) -> None:
        (tmp_path / "s.json").write_bytes(b"other")

    with pytest.raises(OutputError) as info:
        write_stream(tmp_path / "s.json", other_run_lands)
    assert info.value.code == "output-exists"
    assert (tmp_path / "s.json").read_bytes() == b"other"
    assert _names(tmp_path) == ["r.json", "s.json"]


def test_a_folder_that_cannot_be_written_in_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refused)
    monkeypatch.setattr(output.tempfile, "mkdtemp", refused)
    for write in (
        lambda: write_file(tmp_path / "r.json", b"{}"),
        lambda: write_folder(tmp_path / "reports", _pages),
    ):
        with pytest.raises(OutputError, match="permission to write in") as info:
            write()
        assert info.value.code == "output-unwritable"
    assert _names(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_a_read_only_folder(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission to write in"):
            write_file(tmp_path / "r.json", b"{}")
    finally:
        tmp_path.chmod(0o700)


def test_sigterm_becomes_an_exception_and_the_handler_is_put_back(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)

    def killed(fh: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    with pytest.raises(Interrupted) as info, signals_as_exceptions():
        write_stream(tmp_path / "r.csv", killed)
    assert info.value.name == "SIGTERM" and info.value.signum == signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is before
    assert _names(tmp_path) == []


def test_the_cli_reports_an_interrupt_in_one_line(run_cli, tmp_path: Path, monkeypatch) -> None:
    from strainscore.formats import csv_format

    labels = tmp_path / "in.csv"
    labels.write_text("Product,Strain\nP,L. GG\n")

    def stopped(report: object, fh: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(csv_format, "write", stopped)
    monkeypatch.setattr(csv_format.CsvWriter, "write", stopped)  # a file checked in parts
    result = run_cli("check", str(labels), "-o", str(tmp_path / "r.csv"), expect=130)
    assert result.stderr.strip() == "strainscore: stopped by SIGINT; no output was left behind"
    assert _names(tmp_path) == ["in.csv"]
