"""The HTML reports opened in headless Chromium, as a reader would open them.

Reports are made with the CLI into tmp_path; check_reports.mjs (playwright-core + axe-core) opens
each page and reports requests, console errors, dialogs, DOM and axe violations as JSON.

Needs /usr/bin/chromium (or $CHROMIUM), node, and `npm ci` in tests/browser. Without them the test
is skipped on a workstation and fails when the CI environment variable is set.
Refresh docs/screenshot.png: STRAINSCORE_UPDATE_SCREENSHOT=1 pytest tests/browser
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
EXAMPLE = ROOT / "examples" / "mood-and-gut-labels.xlsx"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
EVIL_PRODUCT = "<img src=x onerror=alert(1)>"
EVIL_STRAIN = "<script>alert(1)</script>"
HOSTILE_CSV = (
    "product,brand,strain,cfu_per_serving,servings_per_day,claims\n"
    f'"{EVIL_PRODUCT}","=HYPERLINK(""http://x.invalid"")",{EVIL_STRAIN},1 billion,1,"<b>calm</b>"\n'
    f'"{EVIL_PRODUCT}","=HYPERLINK(""http://x.invalid"")",L. rhamnosus HN001,6 billion,1,calm\n'
    '"<svg onload=alert(2)>",x,"Bifidobacterium bifidum <iframe src=https://x.invalid>",lots,1,\n'
    '"<svg onload=alert(2)>",x,"Rosell-175",2 billion,1,mood\n'
)


def _missing() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install -y --no-install-recommends chromium)"
    if shutil.which("node") is None:
        return "node is not installed"
    for package in ("playwright-core", "axe-core"):
        if not (HERE / "node_modules" / package / "package.json").is_file():
            return f"{package} is not installed (run: npm ci --prefix tests/browser)"
    return None


@pytest.fixture(scope="module")
def browser_ready() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def _check(*args: str) -> None:
    cmd = [sys.executable, "-m", "strainscore", "check", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"


def _run_pages(pages: list[dict[str, Any]], tmp_path: Path) -> dict[str, Any]:
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    env = {**os.environ, "CHROMIUM": CHROMIUM}
    done = subprocess.run(
        ["node", str(HERE / "check_reports.mjs"), str(job)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=HERE,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    (tmp_path / "browser-result.json").write_text(done.stdout, encoding="utf-8")
    return result


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, browser_ready: None) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("reports")
    hostile = tmp / "hostile.csv"
    hostile.write_text(HOSTILE_CSV, encoding="utf-8")
    _check(str(EXAMPLE), "-o", str(tmp / "example"))
    _check(str(EXAMPLE), "-o", str(tmp / "example.html"))
    _check(str(hostile), "-o", str(tmp / "hostile"))
    _check(str(hostile), "-o", str(tmp / "hostile.html"))
    _check("--text", "L. rhamnosus HN001, Bifidobacterium bifidum", "-o", str(tmp / "text.html"))
    files = sorted(tmp.glob("*.html")) + sorted(tmp.glob("*/*.html"))
    update = os.environ.get("STRAINSCORE_UPDATE_SCREENSHOT") == "1"
    shot = SCREENSHOT if update else tmp / "screenshot.png"
    calm = next((tmp / "example").glob("001-*.html"))
    # index-by-*.html share index.html's template: axe runs on index.html only (it is slow).
    pages = [
        {
            "file": str(f),
            "axe": not f.name.startswith("index-by-"),
            **({"screenshot": str(shot)} if f == calm else {}),
        }
        for f in files
    ]
    result = _run_pages(pages, tmp)
    return {"result": result, "tmp": tmp, "shot": shot, "files": files}


def test_every_page_opens_offline_quietly_and_accessibly(reports: dict[str, Any]) -> None:
    pages = reports["result"]["pages"]
    assert len(pages) == len(reports["files"]) >= 12
    for p in pages:
        name = Path(p["file"]).relative_to(reports["tmp"])
        assert p["requests"] == [], name  # nothing but file: and data:
        assert p["console_errors"] == [], name
        assert p["page_errors"] == [], name
        assert p["dialogs"] == [], name
        assert p["scripts"] == 0 and p["images"] == 0, name
        assert p["lang"] == "en", name
        assert p["print_overflow_px"] <= 0, f"{name}: wider than an A4 page when printed"
        if "axe" not in p:
            assert name.name.startswith("index-by-"), name
            continue
        counts = p["axe"]["counts"]
        serious = [v for v in p["axe"]["violations"] if v["impact"] in ("serious", "critical")]
        assert counts["serious"] == 0 and counts["critical"] == 0, (name, serious)


def test_markup_in_the_label_shows_as_text_and_runs_nothing(reports: dict[str, Any]) -> None:
    hostile = [
        p for p in reports["result"]["pages"]
        if Path(p["file"]).parent.name == "hostile" or p["file"].endswith("hostile.html")
    ]  # fmt: skip
    assert len(hostile) >= 4
    shown = "\n".join(p["text"] for p in hostile)
    assert EVIL_PRODUCT in shown
    assert EVIL_STRAIN in shown
    assert "<svg onload=alert(2)>" in shown
    assert all(p["dialogs"] == [] and p["scripts"] == 0 for p in hostile)


def test_screenshot_is_the_top_of_a_report_at_1200_pixels(reports: dict[str, Any]) -> None:
    width, height = _png_size(reports["shot"])
    assert (width, height) == (1200, 900)  # cropped: readable at README width


# One product (a blend held whole, two claims) and five products (one a blend of 8 strains),
# shared with the PDF test (tests/unit/formats/test_pdf_format.py).
HANDOUTS = ROOT / "tests" / "data" / "handouts"
# Pages when printed (A4 and Letter): issue 19's targets, one product at most 2 pages, five
# products (one a blend of 8 strains) at most 6 (48 A4 pages before the print layout).
MAX_PAGES = {"one.html": 2, "five.html": 6, "species.html": 2, "index.html": 1}
PHONE = 390


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory, browser_ready: None) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("handouts")
    shutil.copy(HANDOUTS / "one-product.csv", tmp / "one.csv")
    shutil.copy(HANDOUTS / "five-products.csv", tmp / "five.csv")
    _check(str(tmp / "one.csv"), "-o", str(tmp / "one.html"))
    _check(str(tmp / "five.csv"), "-o", str(tmp / "five.html"))
    _check(str(tmp / "five.csv"), "-o", str(tmp / "folder"))
    _check("--text", "Bifidobacterium bifidum, Lactobacillus acidophilus", "-o",
           str(tmp / "species.html"))  # fmt: skip
    files = [tmp / "one.html", tmp / "five.html", tmp / "species.html", tmp / "folder/index.html"]
    files += sorted((tmp / "folder").glob("0*.html"))
    update = os.environ.get("STRAINSCORE_UPDATE_SCREENSHOT") == "1"
    phone_shot = ROOT / "docs" / "screenshot-phone.png" if update else tmp / "phone.png"
    pages = [
        {
            "file": str(f),
            "print": True,
            "phone": True,
            **({"phone_screenshot": str(phone_shot)} if f.name == "one.html" else {}),
        }
        for f in files
    ]
    return {"result": _run_pages(pages, tmp), "tmp": tmp}


def test_print_fits_the_page_budget_on_a4_and_letter(handouts: dict[str, Any]) -> None:
    for p in handouts["result"]["pages"]:
        name = Path(p["file"]).name
        limit = MAX_PAGES.get(name, 2)  # each product page of a folder: one product
        for paper, count in p["print_pages"].items():
            assert 1 <= count <= limit, f"{name} prints on {count} {paper} pages (at most {limit})"


def test_print_keeps_rows_items_and_boxes_whole(handouts: dict[str, Any]) -> None:
    """As applied in print media, and as drawn: no row, list item or 'In short' box of the
    tagged PDF has content on two pages, and no caption or header row ends a page alone."""
    boxes = 0
    for p in handouts["result"]["pages"]:
        name, rules = Path(p["file"]).name, p["print_rules"]
        assert rules["rows_breakable"] == rules["items_breakable"] == 0, (name, rules)
        assert rules["boxes_breakable"] == 0, (name, rules)
        for paper, drawn in p["print_layout"].items():
            where = (name, paper, drawn)
            assert drawn["pages"] == p["print_pages"][paper], where
            assert drawn["headings"] == rules["headings"], where  # boxes found by their heading
            assert drawn["split_rows"] == drawn["split_items"] == 0, where
            assert drawn["orphan_headers"] == 0, where
            assert drawn["box_pages"] == [1] * rules["boxes"], where
            boxes += rules["boxes"]
    assert boxes >= 2 * 10  # every product's box, on both papers


def test_continued_tables_repeat_their_header(handouts: dict[str, Any]) -> None:
    continued = 0
    for p in handouts["result"]["pages"]:
        name, rules = Path(p["file"]).name, p["print_rules"]
        assert rules["theads"] > 0 or name == "species.html", name
        assert rules["theads_not_repeated"] == 0, (name, rules)  # display: table-header-group
        for paper, drawn in p["print_layout"].items():
            assert drawn["headers_missing"] == 0, (name, paper, drawn)
            continued += drawn["tables_over_pages"]
    assert continued > 0  # some table runs on to a second page, so the check bites


def test_nothing_scrolls_sideways_on_a_phone(handouts: dict[str, Any]) -> None:
    for p in handouts["result"]["pages"]:
        phone = p["phone"]
        assert phone["client_width"] == PHONE
        assert phone["scroll_width"] <= PHONE, (Path(p["file"]).name, phone)


@pytest.fixture(scope="module")
def atlas_pages(tmp_path_factory: pytest.TempPathFactory, browser_ready: None) -> dict[str, Any]:
    """The atlas built from the shipped reference by the CLI, opened like the reports."""
    tmp = tmp_path_factory.mktemp("atlas")
    cmd = [sys.executable, "-m", "strainscore", "reference", "site", "-o", str(tmp / "site")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    site = tmp / "site"
    update = os.environ.get("STRAINSCORE_UPDATE_SCREENSHOT") == "1"
    shot = ROOT / "docs" / "screenshot-atlas.png" if update else tmp / "atlas.png"
    # axe on one page of each kind (it is slow); every outcome page is opened and checked.
    sample = ["index.html", "strain-lrhamnosus-hn001.html", "outcome-anxiety.html"]
    sample += [next(site.glob("blend-*.html")).name, next(site.glob("study-*.html")).name]
    files = sample + sorted(p.name for p in site.glob("outcome-*.html") if p.name not in sample)
    pages = [
        {
            "file": str(site / name),
            "axe": name in sample,
            "phone": True,
            **({"screenshot": str(shot)} if name == "strain-lrhamnosus-hn001.html" else {}),
        }
        for name in files
    ]
    return {"result": _run_pages(pages, tmp), "site": site}


def test_the_atlas_opens_offline_accessibly_and_fits_a_phone(atlas_pages: dict[str, Any]) -> None:
    pages = atlas_pages["result"]["pages"]
    assert len(pages) >= 30
    for p in pages:
        name = Path(p["file"]).name
        assert p["requests"] == [] and p["console_errors"] == [] and p["page_errors"] == [], name
        assert p["scripts"] == 0 and p["images"] == 0 and p["lang"] == "en", name
        assert p["print_overflow_px"] <= 0, name
        assert p["phone"]["scroll_width"] <= PHONE, (name, p["phone"])
        if "axe" in p:
            counts = p["axe"]["counts"]
            assert counts["serious"] == 0 and counts["critical"] == 0, (name, p["axe"])
    assert sum("axe" in p for p in pages) == 5
