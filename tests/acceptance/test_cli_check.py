"""strainscore check as a user runs it: exit codes, stdout/stderr, files written."""

from __future__ import annotations

import json
from pathlib import Path

from strainscore import __version__

EXAMPLE = Path(__file__).parents[2] / "examples" / "mood-and-gut-labels.xlsx"


def _csv(tmp_path: Path, text: str, name: str = "labels.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_version_and_help(run_cli) -> None:
    assert run_cli("--version").stdout.strip().endswith(__version__)
    out = run_cli("--help").stdout
    assert "check" in out and "not medical advice" in out
    assert "Exit codes" in run_cli("check", "--help").stdout


def test_text_to_stdout(run_cli) -> None:
    r = run_cli("check", "--text", "Lactobacillus rhamnosus HN001")
    assert "Lacticaseibacillus rhamnosus HN001" in r.stdout
    assert "not medical advice" in r.stdout
    assert r.stderr == ""


def test_json_contract_keys(run_cli, tmp_path: Path) -> None:
    labels = _csv(tmp_path, "product,strain,cfu_per_serving\nP,L. reuteri DSM 17938,1e8\n")
    data = json.loads(run_cli("check", str(labels), "--format", "json").stdout)
    assert {"schema_version", "strainscore_version", "reference", "products", "issues"} <= set(data)
    assert set(data["reference"]) == {"version", "date", "sha256"}
    strain = data["products"][0]["strains"][0]
    assert strain["match"] == "strain" and strain["row"] == 2
    assert {"outcome", "grade", "direction", "basis", "study_ids", "reasons", "dose"} <= set(
        strain["evidence"][0]
    )


def test_row_problems_reported_and_other_rows_checked(run_cli, tmp_path: Path) -> None:
    labels = _csv(
        tmp_path, "product,strain,cfu_per_serving\nA,L. reuteri DSM 17938,lots\nB,,1e9\nC,LGG,1e9\n"
    )
    data = json.loads(run_cli("check", str(labels), "--format", "json").stdout)
    found = {(i["code"], i["row"], i["column"]) for i in data["issues"]}
    assert ("invalid-cfu", 2, "C") in found and ("missing-value", 3, "B") in found
    assert [p["product"] for p in data["products"]] == ["C"]
    run_cli("check", str(labels), "--strict", expect=2)
    run_cli("check", str(labels), "--fail-on", "issues", expect=1)


def test_fail_on_no_evidence(run_cli) -> None:
    run_cli("check", "--text", "Bifidobacterium bifidum", "--fail-on", "no-evidence", expect=1)
    run_cli("check", "--text", "L. reuteri DSM 17938", "--fail-on", "no-evidence", expect=0)


def test_bad_input_exit_2_without_traceback(run_cli, tmp_path: Path) -> None:
    r = run_cli("check", str(tmp_path / "missing.xlsx"), expect=2)
    assert "missing.xlsx" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("check", str(_csv(tmp_path, "a,b\n1,2\n")), expect=2)
    assert "product" in r.stderr
    run_cli("check", expect=2)  # neither a file nor --text


def test_output_file_written_whole_and_not_replaced(run_cli, tmp_path: Path) -> None:
    labels = _csv(tmp_path, "product,strain\nP,LGG\n")
    before = labels.read_bytes()
    out = tmp_path / "out.json"
    run_cli("check", str(labels), "-o", str(out))
    assert json.loads(out.read_text())["products"][0]["product"] == "P"
    r = run_cli("check", str(labels), "-o", str(out), expect=2)
    assert "--force" in r.stderr
    run_cli("check", str(labels), "-o", str(out), "--force")
    r = run_cli("check", str(labels), "-o", str(labels), "--format", "json", "--force", expect=2)
    assert "input" in r.stderr
    assert labels.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.csv", "out.json"]


def test_example_workbook(run_cli) -> None:
    data = json.loads(run_cli("check", str(EXAMPLE), "--format", "json").stdout)
    products = {p["product"]: p for p in data["products"]}
    assert products["Calm Biome Daily"]["strains_with_evidence"] == 2
    happy = products["Happy Gut 12"]
    assert happy["strains_with_evidence"] == 0
    assert {s["match"] for s in happy["strains"]} == {"species"}
    assert any(i["code"] == "at-manufacture" for i in data["issues"])


def test_text_output_never_echoes_terminal_control_codes(run_cli) -> None:
    out = run_cli("check", "--text", "Bifidobacterium bifidum\x1b[2J\x1b]0;pwned\x07").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "Bifidobacterium bifidum" in out


def test_text_without_counts_says_so_once(run_cli) -> None:
    out = run_cli("check", "--text", "L. reuteri DSM 17938").stdout
    assert "Daily count: not given on the label." in out
    assert out.count("doses are not compared") == 1
    assert "dose unknown" not in out


def test_a_big_batch_asks_for_a_folder_not_one_page(run_cli, tmp_path: Path) -> None:
    from strainscore.formats.html_format import ONE_PAGE_MAX

    rows = "".join(f"P{i},LGG\n" for i in range(ONE_PAGE_MAX + 1))
    labels = _csv(tmp_path, "product,strain\n" + rows)
    r = run_cli("check", str(labels), "-o", str(tmp_path / "one.html"), expect=2)
    assert "write a folder instead" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "one.html").exists()  # nothing half-written
    run_cli("check", str(labels), "-o", str(tmp_path / "reports"))
    assert len(list((tmp_path / "reports").glob("*.html"))) == ONE_PAGE_MAX + 1 + 3
    small = _csv(tmp_path, "product,strain\n" + rows.split("\n", 1)[1], name="small.csv")
    run_cli("check", str(small), "-o", str(tmp_path / "ok.html"))  # at the limit: one page


def test_reference_site_writes_the_atlas_whole(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    r = run_cli("reference", "site", "-o", str(out))
    assert "pages of the evidence atlas" in r.stderr
    assert (out / "index.html").is_file() and (out / "outcome-anxiety.html").is_file()
    r = run_cli("reference", "site", "-o", str(out), expect=2)
    assert "--force" in r.stderr
