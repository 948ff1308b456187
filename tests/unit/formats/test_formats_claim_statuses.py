"""Claims judged in every format: supported, unclear and contradicted (never counted as backed),
with counts by status; the verdict leads every format.

The golden sheet holds each: Calm Duo ("stress relief": the blend's stress studies disagree;
"calm": its anxiety studies found no effect), Mum Mood ("postpartum mood": HN001 supports a
benefit for depression), Half Blend ("mood": only part of a blend), and "+calm" on a product
whose strain is not recognised (no evidence recorded).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from strainscore.formats import render
from strainscore.models import Report
from strainscore.reference import load_reference
from strainscore.workflows.check import check_text

STATUSES = {
    ("Calm Duo", "stress relief"): "unclear",
    ("Calm Duo", "calm"): "contradicted",
    ("Mum Mood", "postpartum mood"): "supported",
    ("Half Blend", "mood"): "indirect-only",
}


def test_statuses_and_counts_in_the_report(golden_report: Report) -> None:
    by = {(p.product, c.claim): c for p in golden_report.products for c in p.claims}
    for key, status in STATUSES.items():
        assert by[key].status == status, key
        assert by[key].backed == (status == "supported")
    duo = golden_report.products[0]
    assert duo.claims_without_evidence == ("stress relief", "calm")  # neither is backed
    assert duo.claim_counts["unclear"] == 1 and duo.claim_counts["contradicted"] == 1


def test_json_gives_each_status_and_the_counts(golden_report: Report) -> None:
    data = json.loads(render(golden_report, "json"))
    assert data["schema_version"] == "2.0"
    duo, mum = data["products"][0], data["products"][1]
    assert [c["status"] for c in duo["claims"]] == ["unclear", "contradicted"]
    assert duo["claims_without_evidence"] == ["stress relief", "calm"]
    assert duo["claim_counts"] == {
        "supported": 0, "unclear": 1, "contradicted": 1, "indirect-only": 0,
        "no-evidence": 0, "no-outcome": 0,
    }  # fmt: skip
    assert mum["claims"][0]["status"] == "supported" and mum["claims_without_evidence"] == []
    assert mum["claims"][0]["evidence"][0]["verdict"] == "likely helps"
    # Supported, but only by studies in one special population: the claim says so.
    assert mum["claims"][0]["note"] == "the supporting studies were in pregnant women only"
    body = mum["strains"][0]["evidence"][0]
    assert list(body)[:4] == ["outcome", "verdict", "verdict_text", "studied"]
    assert body["verdict_text"] == "likely helps, in pregnant women"
    assert body["studied"]["text"] == "1 trial, 423 pregnant women"


def test_text_gives_each_status_and_the_counts(golden_report: Report) -> None:
    text = " ".join(render(golden_report, "text").decode().split())
    assert "Claims on the label (2): 1 unclear, 1 contradicted" in text
    assert "'calm': contradicted - the studies found no effect" in text
    assert "'stress relief': unclear - the studies disagree" in text
    assert (
        "Claims on the label (1): 1 supported 'postpartum mood': supported - the supporting "
        "studies were in pregnant women only" in text
    )
    assert "Depression: likely helps, in pregnant women (certainty: moderate; 1 trial, 423" in text


def test_html_gives_each_status_and_never_counts_a_contradicted_claim(
    golden_report: Report,
) -> None:
    html = render(golden_report, "html").decode()
    assert '<strong class="claim-status cs-contradicted">contradicted</strong>' in html
    assert '<strong class="claim-status cs-unclear">unclear</strong>' in html
    assert '<strong class="claim-status cs-supported">supported</strong>' in html
    assert "Label claims supported by graded evidence: 0 of 2 (1 unclear, 1 contradicted)." in html
    assert "Label claims supported by graded evidence: 1 of 1 (1 supported)." in html


def test_html_index_gives_the_counts(golden_report: Report, tmp_path: Path) -> None:
    from strainscore.formats.html_format import fill_folder

    fill_folder(golden_report, tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "1 unclear, 1 contradicted; not supported:" in index


def test_xlsx_summary_gives_each_status_and_the_counts(golden_report: Report) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(render(golden_report, "xlsx")))
    ws = wb["Summary"]
    rows = list(ws.iter_rows(values_only=True))
    head = [str(h) for h in rows[0]]
    duo = dict(zip(head, rows[1], strict=True))
    assert duo["claim statuses"] == "stress relief: unclear | calm: contradicted"
    assert (duo["claims supported"], duo["claims unclear"], duo["claims contradicted"]) == (0, 1, 1)
    assert duo["claims not supported"] == "stress relief, calm"
    mum = dict(zip(head, rows[2], strict=True))
    assert (mum["claims supported"], mum["claims not supported"]) == (1, None)


def test_csv_gives_each_status_and_leads_with_the_verdict(golden_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(golden_report, "csv").decode())))
    duo = next(r for r in rows if r["product"] == "Calm Duo")
    assert duo["claim_counts"] == "1 unclear, 1 contradicted"
    assert duo["claim_statuses"] == "stress relief: unclear | calm: contradicted"
    head = list(rows[0])
    assert head.index("verdict") < head.index("grade") < head.index("direction")
    mum = next(r for r in rows if r["product"] == "Mum Mood" and r["outcome"] == "depression")
    assert mum["verdict"] == "likely helps, in pregnant women"
    assert mum["studied"] == "1 trial, 423 pregnant women"


def test_no_outcome_recognised_is_its_own_status(golden_report: Report) -> None:
    ref = load_reference(Path(__file__).parents[2] / "golden" / "reference")
    r = check_text("Lactobacillus rhamnosus HN001", reference=ref, claims="shiny hair")
    assert r.products[0].claims[0].status == "no-outcome"
    assert "1 no outcome recognised" in render(r, "text").decode()
