"""The compact JSON writer splices shared fragments: it must equal the plain encoding."""

from __future__ import annotations

import dataclasses
import io
import json

from strainscore.formats import json_format
from strainscore.models import Report


def plain(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":"))


def test_compact_equals_plain_encoding_on_golden_and_hostile_reports(
    golden_report: Report, hostile_report: Report
) -> None:
    for report in (golden_report, hostile_report):
        assert json_format.compact(report) == plain(report)


def test_big_report_is_compact_and_loads_back_as_to_dict(
    golden_report: Report, hostile_report: Report
) -> None:
    # over INDENT_UP_TO_PRODUCTS products, sharing line objects as a real catalogue does
    many = (golden_report.products + hostile_report.products) * 60
    big = dataclasses.replace(golden_report, products=many, issues=hostile_report.issues)
    assert len(big.products) > json_format.INDENT_UP_TO_PRODUCTS
    out = json_format.render(big)
    assert b"\n  " not in out  # compact
    assert out.decode("utf-8") == plain(big) + "\n"
    assert json.loads(out) == big.to_dict()


def test_small_report_is_indented(golden_report: Report) -> None:
    out = json_format.render(golden_report).decode("utf-8")
    assert out.startswith('{\n  "schema_version"')
    assert json.loads(out) == golden_report.to_dict()


def test_streamed_json_equals_render_for_small_and_big(
    golden_report: Report, hostile_report: Report
) -> None:
    many = (golden_report.products + hostile_report.products) * 60
    big = dataclasses.replace(golden_report, products=many)
    for report in (golden_report, big):
        buf = io.BytesIO()
        json_format.write(report, buf)
        assert buf.getvalue() == json_format.render(report)
