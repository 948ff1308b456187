"""The JSON contract has one home, the records' ``to_dict``: every field is in it or named as left
out, and the compact writer, which reads the same ``to_dict``, cannot drift from it."""

from __future__ import annotations

import copy
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strainscore import models
from strainscore.formats import json_format
from strainscore.models import Report
from strainscore.verdict import Studied

sys.path.insert(0, str(Path(__file__).parent / "formats"))
import report_fixtures

# Every record that has a JSON form (LabelLine, LabelSheet, CitedStudy have none: they are input
# or what a report carries for its formats).
JSON_RECORDS = {
    models.InputIssue,
    models.Amount,
    models.Resolution,
    models.DoseCheck,
    models.OutcomeEvidence,
    models.StrainReport,
    models.ClaimCheck,
    models.OutcomeSummary,
    models.ProductReport,
    models.ReferenceInfo,
    models.Report,
    Studied,
}


@pytest.fixture(scope="module")
def reports() -> tuple[Report, Report]:
    return report_fixtures.golden_report(), report_fixtures.hostile_report()


def records_in(value: Any) -> Iterator[Any]:
    """Every dataclass instance reachable from `value`."""
    seen: set[int] = set()
    todo = [value]
    while todo:
        v = todo.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            yield v
            todo.extend(getattr(v, f.name) for f in dataclasses.fields(v))
        elif isinstance(v, tuple | list):
            todo.extend(v)


def fields_read_by_to_dict(record: Any) -> set[str]:
    """The fields `record.to_dict()` reads (directly or through a property)."""
    read: set[str] = set()

    class Spy(type(record)):  # type: ignore[misc]
        def __getattribute__(self, name: str) -> Any:
            read.add(name)
            return super().__getattribute__(name)

    spy = copy.copy(record)
    object.__setattr__(spy, "__class__", Spy)
    spy.to_dict()
    return read


def test_every_json_record_is_listed() -> None:
    in_models = {
        c
        for c in vars(models).values()
        if isinstance(c, type) and dataclasses.is_dataclass(c) and hasattr(c, "to_dict")
    }
    assert in_models <= JSON_RECORDS


def test_every_field_of_a_record_is_in_its_json_or_named_as_left_out(
    reports: tuple[Report, Report],
) -> None:
    samples = {type(r): r for report in reports for r in records_in(report)}
    assert set(samples) >= JSON_RECORDS  # the fixtures hold one of each
    for cls in JSON_RECORDS:
        fields = {f.name for f in dataclasses.fields(cls)}
        omitted = getattr(cls, "JSON_OMITS", frozenset())
        assert omitted <= fields, f"{cls.__name__}.JSON_OMITS names no field"
        missing = fields - omitted - fields_read_by_to_dict(samples[cls])
        assert not missing, f"{cls.__name__}: {sorted(missing)} not in to_dict nor JSON_OMITS"


def test_a_field_to_dict_does_not_write_is_caught(reports: tuple[Report, Report]) -> None:
    # The check above on a record with a field added but not written: it must see it.
    @dataclasses.dataclass(frozen=True)
    class Grown(models.Amount):
        added: str = "new"

    grown = Grown("10 billion", 1e10, "cfu")
    assert "added" not in fields_read_by_to_dict(grown)
    assert {"text", "value", "unit", "at_manufacture"} <= fields_read_by_to_dict(grown)


def plain(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":"))


def test_the_writer_follows_a_changed_to_dict(
    reports: tuple[Report, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key added to (or moved in) a record's to_dict is in the compact JSON with no edit to
    the writer: it has no key order of its own."""
    report = reports[0]
    before = models.StrainReport.to_dict

    def grown(self: models.StrainReport, parts: models.Parts = models.PLAIN) -> dict[str, Any]:
        d = before(self, parts)
        return {"added": self.line.row * 2, **d, "last": [self.line.product]}

    monkeypatch.setattr(models.StrainReport, "to_dict", grown)
    text = json_format.compact(report)
    assert text == plain(report)
    first = json.loads(text)["products"][0]["strains"][0]
    keys = list(first)
    assert (keys[0], keys[-1]) == ("added", "last")


def test_compact_equals_plain_with_every_value_shape(reports: tuple[Report, Report]) -> None:
    # Notes and counts present and absent, floats, nulls and markup, over the writer's limit.
    golden, hostile = reports
    many = (golden.products + hostile.products) * 50
    big = dataclasses.replace(golden, products=many, issues=hostile.issues, notices=("n\u2028",))
    assert len(big.products) > json_format.INDENT_UP_TO_PRODUCTS
    assert json_format.render(big).decode("utf-8") == plain(big) + "\n"


def test_filled_makes_what_the_frozen_init_makes() -> None:
    """The resolver builds its answers with ``filled`` (no per-field ``object.__setattr__``): the
    same value, equal, hashable and frozen, as the dataclass's own ``__init__``; the two paths
    that use it give every field."""
    import dataclasses

    from strainscore.models import Resolution, filled
    from strainscore.names import resolve
    from strainscore.names.parse import Parsed, parse

    r = resolve("L. rhamnosus GG 10 billion CFU")
    again = Resolution(**{f.name: getattr(r, f.name) for f in dataclasses.fields(Resolution)})
    assert r == again and hash(r) == hash(again)
    assert set(vars(r)) == {f.name for f in dataclasses.fields(Resolution)}
    p = parse("Lactobacillus rhamnosus GG")  # the plain path builds it with filled
    assert set(vars(p)) == {f.name for f in dataclasses.fields(Parsed)}
    assert p == Parsed(**{f.name: getattr(p, f.name) for f in dataclasses.fields(Parsed)})
    made = filled(Resolution, dataclasses.asdict(again))
    assert made == again
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.match = "unknown"  # type: ignore[misc]
