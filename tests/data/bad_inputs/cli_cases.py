"""Hostile runs of `strainscore check`: outputs, arguments and the process, not only the file.

Each case builds what it needs in a folder and says how to run the command; `cli_cases.csv` says
what each case must give (exit code, the error code printed in brackets, a piece of the message).
`after` checks that nothing was lost: the input unchanged, the user's files kept, no temporary
file left behind. A case with `process=True` runs in a real process (standard input redirected
from a file, signals, resource limits); the others run in-process.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LABELS = (
    "Product,Strain,CFU per serving\n"
    "Calm Gut,L. rhamnosus GG,10 billion\n"
    "Calm Gut,B. lactis BB-12,5 billion\n"
    "Focus,L. reuteri DSM 17938,1e9\n"
)


@dataclass
class Run:
    args: list[str]
    stdin: Path | None = None
    process: bool = False
    preexec: Callable[[], None] | None = None
    prelude: str = ""  # Python run in the process before the command (to fail it on cue)
    after: Callable[[Path], None] = field(default=lambda folder: None)


CASES: dict[str, Callable[[Path], Run]] = {}


def case(name: str) -> Callable[[Callable[[Path], Run]], Callable[[Path], Run]]:
    def register(fn: Callable[[Path], Run]) -> Callable[[Path], Run]:
        CASES[name] = fn
        return fn

    return register


def labels(folder: Path, name: str = "in.csv", text: str = LABELS) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def unchanged(p: Path, data: bytes) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert p.read_bytes() == data, f"{p} was changed"
        no_temporary_files(folder)

    return check


def kept(p: Path) -> Callable[[Path], None]:
    """`p` as it is now must be what it is after the run."""
    return unchanged(p, p.read_bytes())


def no_temporary_files(folder: Path) -> None:
    left = [p.name for p in folder.rglob(".strainscore-*") if p.name != ".strainscore-manifest"]
    assert not left, f"temporary files left behind: {left}"


# --- data loss -----------------------------------------------------------------------------
@case("force_onto_user_folder")
def _user_folder(folder: Path) -> Run:
    inp = labels(folder)
    mine = folder / "papers"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"years of work")

    def after(f: Path) -> None:
        assert (mine / "thesis.docx").read_bytes() == b"years of work"
        assert sorted(p.name for p in mine.iterdir()) == ["thesis.docx"]
        no_temporary_files(f)

    return Run(["check", str(inp), "-o", str(mine), "--force"], after=after)


@case("force_onto_own_folder_with_user_file")
def _own_folder_plus(folder: Path) -> Run:
    inp = labels(folder)
    out = folder / "reports"
    # A folder strainscore wrote (its manifest), to which the user then added a file.
    out.mkdir()
    (out / "index.html").write_text("old report")
    (out / ".strainscore-manifest").write_text(
        "# strainscore report folder: --force replaces it while it holds only these files\n"
        "index.html\n"
    )
    (out / "my-notes.txt").write_text("keep me")

    def after(f: Path) -> None:
        assert (out / "my-notes.txt").read_text() == "keep me"
        assert (out / "index.html").read_text() == "old report"
        no_temporary_files(f)

    return Run(["check", str(inp), "-o", str(out), "--force"], after=after)


@case("force_onto_own_folder")
def _own_folder(folder: Path) -> Run:
    inp = labels(folder)
    out = folder / "reports"
    out.mkdir()
    (out / "index.html").write_text("old report")
    (out / ".strainscore-manifest").write_text(
        "# strainscore report folder: --force replaces it while it holds only these files\n"
        "index.html\n"
    )

    def after(f: Path) -> None:
        assert (out / "index.html").read_text() != "old report"
        assert "index.html" in (out / ".strainscore-manifest").read_text()
        no_temporary_files(f)

    return Run(["check", str(inp), "-o", str(out), "--force"], after=after)


@case("empty_folder_without_force")
def _empty_folder(folder: Path) -> Run:
    inp = labels(folder)
    out = folder / "reports"
    out.mkdir()

    def after(f: Path) -> None:
        assert (out / "index.html").is_file()
        no_temporary_files(f)

    return Run(["check", str(inp), "-o", str(out)], after=after)


@case("output_is_input_via_stdin")
def _stdin(folder: Path) -> Run:
    inp = labels(folder)
    return Run(
        ["check", "-", "-o", str(inp), "--force", "--format", "csv"],
        stdin=inp,
        process=True,
        after=kept(inp),
    )


@case("output_is_input_via_symlink")
def _symlink(folder: Path) -> Run:
    inp = labels(folder)
    link = folder / "link.csv"
    link.symlink_to(inp)
    return Run(["check", str(inp), "-o", str(link), "--force"], after=kept(inp))


@case("output_is_input_via_hard_link")
def _hard_link(folder: Path) -> Run:
    inp = labels(folder)
    link = folder / "same.csv"
    link.hardlink_to(inp)
    return Run(["check", str(inp), "-o", str(link), "--force"], after=kept(inp))


@case("output_is_input_via_other_path")
def _other_path(folder: Path) -> Run:
    inp = labels(folder)
    (folder / "sub").mkdir()
    other = folder / "sub" / ".." / "in.csv"
    return Run(["check", str(inp), "-o", str(other), "--force"], after=kept(inp))


@case("output_folder_holds_input")
def _folder_holds_input(folder: Path) -> Run:
    out = folder / "reports"
    out.mkdir()
    inp = labels(out)
    return Run(["check", str(inp), "-o", str(out), "--force"], after=kept(inp))


@case("dangling_symlink_output")
def _dangling(folder: Path) -> Run:
    inp = labels(folder)
    link = folder / "report.html"
    link.symlink_to(folder / "nowhere.html")

    def after(f: Path) -> None:
        assert link.is_symlink() and not (folder / "nowhere.html").exists()

    return Run(["check", str(inp), "-o", str(link)], after=after)


@case("existing_output_without_force")
def _exists(folder: Path) -> Run:
    inp = labels(folder)
    out = folder / "report.json"
    out.write_text("earlier")
    return Run(["check", str(inp), "-o", str(out)], after=unchanged(out, b"earlier"))


# --- crashes that must be one clear line -----------------------------------------------------
@case("file_size_limit")
def _fsize(folder: Path) -> Run:
    inp = labels(folder)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    def after(f: Path) -> None:
        assert sorted(p.name for p in f.iterdir()) == ["in.csv"]

    return Run(
        ["check", str(inp), "-o", str(folder / "r.json")], process=True, preexec=limit, after=after
    )


@case("output_name_too_long")
def _long_name(folder: Path) -> Run:
    inp = labels(folder)
    return Run(["check", str(inp), "-o", str(folder / ("a" * 300 + ".json"))])


@case("output_name_250_characters")
def _name_250(folder: Path) -> Run:
    inp = labels(folder)
    out = folder / ("a" * 245 + ".json")

    def after(f: Path) -> None:
        assert out.is_file()
        no_temporary_files(f)

    return Run(["check", str(inp), "-o", str(out)], after=after)


@case("dev_stdout_with_force")
def _dev_stdout(folder: Path) -> Run:
    inp = labels(folder)
    return Run(["check", str(inp), "-o", "/dev/stdout", "--force", "--format", "json"])


@case("max_rows_huge")
def _max_rows(folder: Path) -> Run:
    inp = labels(folder)
    return Run(["check", str(inp), "--max-rows", "30000000", "--format", "json"])


@case("csv_17000_columns")
def _wide(folder: Path) -> Run:
    head = "Product,Strain," + ",".join(f"c{i}" for i in range(17_000))
    inp = labels(folder, text=head + "\nP,L. GG," + ",".join("x" * 17_000) + "\n")
    return Run(["check", str(inp), "--format", "json"])


@case("csv_100000_columns")
def _wider(folder: Path) -> Run:
    head = "Product,Strain," + ",".join(f"c{i}" for i in range(100_000))
    inp = labels(folder, text=head + "\nP,L. GG," + ",".join("x" * 100_000) + "\n")
    return Run(["check", str(inp), "--format", "json"])


@case("file_name_not_utf8")
def _not_utf8(folder: Path) -> Run:
    name = os.fsdecode(b"caf\xe9.csv")
    inp = labels(folder, name=name)
    return Run(["check", str(inp), "--format", "json"])


@case("missing_file_name_with_escapes")
def _escapes(folder: Path) -> Run:
    return Run(["check", str(folder / "no\x1b[31mpe\x07.csv")])


@case("text_undecodable")
def _text_bytes(folder: Path) -> Run:
    return Run(["check", "--text", os.fsdecode(b"L. GG \xff\xfe")])


@case("text_empty")
def _text_empty(folder: Path) -> Run:
    return Run(["check", "--text", ""])


@case("text_bidi_override")
def _text_bidi(folder: Path) -> Run:
    out = folder / "r.json"

    def after(f: Path) -> None:
        assert "\u202e" not in out.read_text(encoding="utf-8")

    return Run(["check", "--text", "L. rhamnosus \u202eGG", "-o", str(out)], after=after)


@case("text_bidi_override_html")
def _text_bidi_html(folder: Path) -> Run:
    out = folder / "r.html"

    def after(f: Path) -> None:
        page = out.read_text(encoding="utf-8")
        assert "\u202e" not in page and "\u2066" not in page

    args = ["check", "--text", "L. rhamnosus \u202eGG\u2066", "--claims", "calm\u202e", "-o"]
    return Run([*args, str(out)], after=after)


@case("unknown_output_suffix")
def _docx(folder: Path) -> Run:
    inp = labels(folder)

    def after(f: Path) -> None:
        assert not (folder / "report.docx").exists()

    return Run(["check", str(inp), "-o", str(folder / "report.docx")], after=after)


@case("umask_is_followed")
def _umask(folder: Path) -> Run:
    inp = labels(folder)
    out = folder / "r.json"

    def after(f: Path) -> None:
        assert out.stat().st_mode & 0o777 == 0o644, oct(out.stat().st_mode)

    def mask() -> None:
        os.umask(0o022)

    return Run(["check", str(inp), "-o", str(out)], process=True, preexec=mask, after=after)


@case("product_cell_with_newline")
def _newline_product(folder: Path) -> Run:
    inp = labels(folder, text='Product,Strain\n"Calm\nCONFIRMED: all strains verified",L. GG\n')
    out = folder / "r.txt"

    def after(f: Path) -> None:
        lines = out.read_text(encoding="utf-8").splitlines()
        assert not any(ln.startswith("CONFIRMED") for ln in lines), lines

    return Run(["check", str(inp), "-o", str(out)], after=after)


@case("header_with_bell_in_strict")
def _bell(folder: Path) -> Run:
    inp = labels(folder, text="Product,Strain\x07\x1b[2J\nP,\nQ,L. GG\n")
    return Run(["check", str(inp), "--strict"])


# --- failures half-way: nothing is left behind ---------------------------------------------
# Each prelude makes the report's writer fail on cue, in a real process through the console
# script, so the timing is exact: half the report is in the temporary file when it happens.
_HALF_WAY = """
import os, signal, errno
from strainscore.formats import csv_format, html_format
def _half(report, fh):
    fh.write(b"half a report")
    fh.flush()
    {action}
csv_format.write = _half
csv_format.CsvWriter.write = lambda self, report: _half(report, self.fh)  # a file in parts
_fill = html_format.fill_folder
def _half_folder(report, folder):
    (folder / "index.html").write_bytes(b"half")
    {action}
html_format.fill_folder = _half_folder
"""


def _half_way(folder: Path, action: str, *out: str) -> Run:
    inp = labels(folder)

    def after(f: Path) -> None:
        assert sorted(p.name for p in f.iterdir()) == ["in.csv"], list(f.iterdir())

    return Run(
        ["check", str(inp), "-o", str(folder / out[0]), *out[1:]],
        process=True,
        prelude=_HALF_WAY.format(action=action),
        after=after,
    )


@case("sigterm_while_streaming_csv")
def _sigterm_csv(folder: Path) -> Run:
    return _half_way(folder, "os.kill(os.getpid(), signal.SIGTERM)", "r.csv")


@case("sigint_while_streaming_csv")
def _sigint_csv(folder: Path) -> Run:
    return _half_way(folder, "os.kill(os.getpid(), signal.SIGINT)", "r.csv")


@case("sigterm_while_writing_html_folder")
def _sigterm_folder(folder: Path) -> Run:
    return _half_way(folder, "os.kill(os.getpid(), signal.SIGTERM)", "reports")


@case("disk_full_while_streaming_csv")
def _disk_full(folder: Path) -> Run:
    return _half_way(folder, "raise OSError(errno.ENOSPC, 'No space left on device')", "r.csv")


@case("read_only_folder")
def _read_only(folder: Path) -> Run:
    action = "raise OSError(errno.EROFS, 'Read-only file system')"
    return _half_way(folder, action, "r.csv")


@case("another_run_wrote_the_output_first")
def _race(folder: Path) -> Run:
    # The other run finishes while this one writes: its report must stay, this one must fail.
    action = "open(os.environ['RACE_OUT'], 'wb').write(b'the other run')"
    run = _half_way(folder, action, "r.csv")
    out = folder / "r.csv"
    os.environ["RACE_OUT"] = str(out)

    def after(f: Path) -> None:
        assert out.read_bytes() == b"the other run"
        no_temporary_files(f)

    run.after = after
    return run


@case("another_run_wrote_the_folder_first")
def _race_folder(folder: Path) -> Run:
    action = (
        "os.makedirs(os.environ['RACE_OUT']); "
        "open(os.path.join(os.environ['RACE_OUT'], 'index.html'), 'wb').write(b'other')"
    )
    run = _half_way(folder, action.replace("index.html", "index.html"), "reports")
    out = folder / "reports"
    os.environ["RACE_OUT"] = str(out)
    # The other run appears half-way, after this one's checks: fill_folder writes, then it lands.
    run.prelude = run.prelude.replace("    " + action, "    " + action + "; return")

    def after(f: Path) -> None:
        assert (out / "index.html").read_bytes() == b"other"
        no_temporary_files(f)

    run.after = after
    return run


def run_in_process(run: Run) -> bool:
    return not run.process and sys.platform != "win32"


@case("duplicate_header_with_escapes")
def _dup_escape(folder: Path) -> Run:
    inp = labels(folder, text="Product,Strain\x1b[31m,Strain name\x07\nP,L. GG,GG\n")
    return Run(["check", str(inp)])


@case("product_judged_on_part_of_its_rows")
def _partly(folder: Path) -> Run:
    inp = labels(
        folder,
        text="Product,Strain,CFU per serving\nCalm,L. rhamnosus GG,10 billion\n"
        "Calm,B. lactis BB-12,-5 billion\n",
    )
    out = folder / "r.json"

    def after(f: Path) -> None:
        import json

        (product,) = json.loads(out.read_text(encoding="utf-8"))["products"]
        assert any("row 3" in n and "other rows only" in n for n in product["notes"]), product

    return Run(["check", str(inp), "-o", str(out)], after=after)


@case("lookup_with_escapes")
def _lookup(folder: Path) -> Run:
    return Run(["lookup", "L. GG\x1b[31m\x1b]0;owned\x07\x1b[2J"])


@case("json_stays_valid_with_huge_counts")
def _json_valid(folder: Path) -> Run:
    inp = labels(
        folder,
        text="Product,Strain,CFU per serving,Servings per day\nP,L. GG,1.7e308,10\n"
        f"Q,L. GG,1e15,1{'0' * 300}\nR,L. GG,{'9' * 400},1\nS,L. GG,10 billion,1\n",
    )
    out = folder / "r.json"

    def after(f: Path) -> None:
        import json

        def refuse(name: str) -> None:
            raise AssertionError(f"{name} in the JSON")

        data = json.loads(out.read_text(encoding="utf-8"), parse_constant=refuse)
        assert [p["product"] for p in data["products"]] == ["S"]

    return Run(["check", str(inp), "-o", str(out)], after=after)


@case("annotated_xlsx_100000_columns")
def _xlsx_wide(folder: Path) -> Run:
    head = "Product,Strain," + ",".join(f"c{i}" for i in range(100_000))
    inp = labels(folder, text=head + "\nP,L. GG," + ",".join("x" * 100_000) + "\n")

    def after(f: Path) -> None:
        assert sorted(p.name for p in f.iterdir()) == ["in.csv"]

    return Run(["check", str(inp), "-o", str(folder / "annotated.xlsx")], after=after)


@case("lookup_with_a_line_break")
def _lookup_newline(folder: Path) -> Run:
    return Run(["lookup", "Lacto\nMatch: strain - verified"])
