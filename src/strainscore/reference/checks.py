"""The reviewer's guard: every rule a reference folder must pass, reported all at once.

Column rules live in the pandera schemas (made from tables.py); the rules that span rows or tables
live here. Both give ``RefProblem`` values (file, CSV line with the header as line 1, column,
message) with the stable code of their kind, registered in problems.py.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pandas as pd
import pandera.errors as pa_errors
import pandera.pandas as pa

from strainscore.reference.model import species_name
from strainscore.reference.problems import CODES
from strainscore.reference.schemas import CLINICAL_DESIGNS, TABLES
from strainscore.reference.vocab import (
    POOLED_DESIGNS,
    is_primary_source,
    normalise_name,
    split_cell,
)
from strainscore.text.scripts import CJK


@dataclass(frozen=True, order=True)
class RefProblem:
    file: str
    line: int  # 1 = header line; 0 = the file as a whole
    column: str
    message: str
    code: str = field(compare=False)  # the kind's stable code, registered in problems.py

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"reference problem code {self.code!r} is not in problems.py")

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        col = f" {self.column}:" if self.column else ""
        return f"{where}:{col} {self.message}"


def read_table(path: Path | IO[bytes]) -> pd.DataFrame:
    """Read a reference CSV as text: nothing is guessed ("NA" stays "NA", "007" stays "007").

    Rows with one field more than the header (a header that lost a name) would make pandas
    read the first column as the index; that is refused as a ParserError instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        try:
            return pd.read_csv(
                path, dtype=str, keep_default_na=False, encoding="utf-8", index_col=False
            )
        except pd.errors.ParserWarning:
            raise pd.errors.ParserError("the rows have more fields than the header") from None


def check_tables(tables: dict[str, pd.DataFrame]) -> list[RefProblem]:
    """Column rules (pandera) then cross-table rules; returns every problem, sorted.

    A table absent from `tables` is skipped: whoever read the files has already said why
    (missing, or not readable), once.
    """
    problems: list[RefProblem] = []
    for fname, schema in TABLES.items():
        if fname not in tables:
            continue
        problems.extend(_schema_problems(fname, schema, tables[fname]))
        problems.extend(_repeated_rows(fname, tables[fname]))
    if all(f in tables for f in TABLES):
        problems.extend(_cross_table_problems(tables))
    return sorted(set(problems))


def _schema_problems(fname: str, schema: pa.DataFrameSchema, df: pd.DataFrame) -> list[RefProblem]:
    try:
        schema.validate(df, lazy=True)
    except pa_errors.SchemaErrors as exc:
        return list(_from_failure_cases(fname, exc.failure_cases))
    return []


def _from_failure_cases(fname: str, fc: pd.DataFrame) -> Iterable[RefProblem]:
    for rec in fc.to_dict("records"):
        column = str(rec.get("column") or "")
        check = str(rec.get("check") or "")
        idx = rec.get("index")
        value = rec.get("failure_case")
        if rec.get("schema_context") == "DataFrameSchema" or idx is None or pd.isna(idx):
            if check == "column_in_dataframe":
                yield RefProblem(
                    fname, 1, str(value), "required column is missing", "missing-column"
                )
            elif check == "column_in_schema":
                yield RefProblem(
                    fname,
                    1,
                    str(value),
                    "unknown column (not in the data dictionary)",
                    "unknown-column",
                )
            else:
                yield RefProblem(fname, 1, column, f"{check}: {value}", "column-rule")
            continue
        line, found = int(idx) + 2, f"(found {value!r})"
        if check == "field_uniqueness":
            yield RefProblem(fname, line, column, f"must be unique {found}", "not-unique")
        else:  # one of the rules of the column's description (tables.py), in its words
            yield RefProblem(fname, line, column, f"{check} {found}", "column-rule")


def _repeated_rows(fname: str, df: pd.DataFrame) -> list[RefProblem]:
    """A row that repeats an earlier one cell for cell (a merge or a paste done twice): it adds
    nothing, and a table whose key allows a repeat (a name with two sources) would hide it."""
    if not df.duplicated().any():
        return []
    first: dict[tuple[object, ...], int] = {}
    out: list[RefProblem] = []
    for line, row in enumerate(df.itertuples(index=False, name=None), start=2):
        seen = first.setdefault(row, line)
        if seen != line:
            message = f"the same row as line {seen}"
            out.append(RefProblem(fname, line, str(df.columns[0]), message, "repeated-row"))
    return out


def _lines(df: pd.DataFrame) -> Iterable[tuple[int, dict[str, str]]]:
    for i, rec in enumerate(df.to_dict("records")):
        yield i + 2, {str(k): str(v) for k, v in rec.items()}


def _cross_table_problems(t: dict[str, pd.DataFrame]) -> list[RefProblem]:
    """Every rule that reads more than one table, table by table."""
    species_names = set(t["species.csv"]["current_name"])
    strain_ids = set(t["strains.csv"]["strain_id"])
    study_ids = set(t["studies.csv"]["study_id"])
    outcomes = set(t["outcomes.csv"]["outcome"])
    out = _species_problems(t)
    out += _strain_problems(t, species_names)
    out += _name_problems(t, species_names, strain_ids)
    out += _study_problems(t)
    found, arms = _intervention_problems(t, study_ids, strain_ids)
    out += found
    found, with_findings = _finding_problems(t, study_ids, outcomes, arms)
    out += found
    for line, r in _lines(t["studies.csv"]):
        if r["study_id"] not in with_findings:
            out.append(
                RefProblem("studies.csv", line, "study_id", "study has no findings", "no-findings")
            )
    out.extend(_parent_problems(t["studies.csv"]))
    out.extend(_search_problems(t, study_ids, strain_ids))
    out.extend(_review_trial_problems(t["review_trials.csv"], t["studies.csv"]))
    out.extend(_context_problems(t, study_ids, {k[0] for k in arms}))
    out.extend(_claim_phrase_problems(t["claim_phrases.csv"], outcomes))
    out.extend(_formulation_problems(t["formulations.csv"], strain_ids))
    out.extend(_label_word_problems(t["label_words.csv"], species_names))
    return out


_NEEDS_MEANING = frozenset(
    ("species", "genus", "epithet", "designation", "bifidobacteria", "scale", "rank")
)


def _label_word_problems(rows: pd.DataFrame, species_names: set[str]) -> list[RefProblem]:
    """A label word means something readable, and names only species the reference has."""
    out: list[RefProblem] = []
    seen: set[tuple[str, str, str]] = set()
    for line, r in _lines(rows):
        kind, means = r["kind"], r["means"].strip()
        k = (r["word"].strip().lower(), r["language"], kind)
        if k in seen:
            out.append(
                RefProblem(
                    "label_words.csv", line, "word", "word listed twice", "duplicate-label-word"
                )
            )
        seen.add(k)
        if kind in _NEEDS_MEANING and not means:
            out.append(
                RefProblem(
                    "label_words.csv",
                    line,
                    "means",
                    f"a {kind} word needs a meaning",
                    "label-word-meaning",
                )
            )
        if kind == "scale" and means and not _is_factor(means):
            out.append(
                RefProblem(
                    "label_words.csv", line, "means", "must be a power of ten", "scale-factor"
                )
            )
        if r["species"] and r["species"] not in species_names:
            out.append(
                RefProblem(
                    "label_words.csv",
                    line,
                    "species",
                    "not a current_name in species.csv",
                    "unknown-species",
                )
            )
        if r["species"] and kind not in ("species", "epithet"):
            out.append(
                RefProblem(
                    "label_words.csv",
                    line,
                    "species",
                    f"a {kind} word names none",
                    "label-word-species",
                )
            )
        if kind == "species" and not r["species"]:
            out.append(
                RefProblem(
                    "label_words.csv",
                    line,
                    "species",
                    "a species word names one",
                    "label-word-species",
                )
            )
    out.extend(_and_inside_word(rows))
    return out


def _and_inside_word(rows: pd.DataFrame) -> list[RefProblem]:
    """A CJK 'and' splits a cell wherever it stands (those scripts have no spaces), so it must not
    be part of any other word the table lists."""
    words = [w.strip() for w, k in zip(rows["word"], rows["kind"], strict=True) if k != "and"]
    out: list[RefProblem] = []
    for line, r in _lines(rows):
        conj = r["word"].strip()
        if r["kind"] != "and" or not CJK.search(conj):
            continue
        inside = next((w for w in words if conj in w), None)
        if inside is not None:
            out.append(
                RefProblem(
                    "label_words.csv",
                    line,
                    "word",
                    f"'{conj}' is part of the label word '{inside}'",
                    "and-inside-word",
                )
            )
    return out


def _is_factor(text: str) -> bool:
    try:
        x = float(text)
    except ValueError:
        return False
    return x >= 10 and float(f"{x:.0e}") == x and str(int(x)).rstrip("0") == "1"


def _species_problems(t: dict[str, pd.DataFrame]) -> list[RefProblem]:
    out: list[RefProblem] = []
    for line, r in _lines(t["species.csv"]):
        expected = species_name(r["genus"], r["species"], r["subspecies"])
        if r["current_name"] != expected:
            out.append(
                RefProblem(
                    "species.csv", line, "current_name", f"should read {expected!r}", "species-name"
                )
            )
    return out


def _strain_problems(t: dict[str, pd.DataFrame], species_names: set[str]) -> list[RefProblem]:
    out: list[RefProblem] = []
    designation_keys: dict[tuple[str, str], str] = {}
    for line, r in _lines(t["strains.csv"]):
        name = species_name(r["genus"], r["species"], r["subspecies"])
        if name not in species_names:
            out.append(
                RefProblem(
                    "strains.csv",
                    line,
                    "species",
                    f"{name!r} is not in species.csv",
                    "unknown-species",
                )
            )
        dkey = (f"{r['genus']} {r['species']}", normalise_name(r["designation"]))
        if dkey in designation_keys:
            out.append(
                RefProblem(
                    "strains.csv",
                    line,
                    "designation",
                    f"same species and designation as {designation_keys[dkey]!r}",
                    "duplicate-strain",
                )
            )
        designation_keys.setdefault(dkey, r["strain_id"])
    return out


def _name_problems(
    t: dict[str, pd.DataFrame], species_names: set[str], strain_ids: set[str]
) -> list[RefProblem]:
    out: list[RefProblem] = []
    # A name must lead to one place: one strain, or one species.
    targets: dict[str, tuple[str, int]] = {}
    for line, r in _lines(t["names.csv"]):
        sid, cur = r["strain_id"], r["current_name"]
        if bool(sid) == bool(cur):
            out.append(
                RefProblem(
                    "names.csv",
                    line,
                    "strain_id",
                    "give exactly one of strain_id or current_name",
                    "name-target",
                )
            )
        if sid and sid not in strain_ids:
            out.append(
                RefProblem(
                    "names.csv", line, "strain_id", f"unknown strain_id {sid!r}", "unknown-strain"
                )
            )
        if cur and cur not in species_names:
            out.append(
                RefProblem(
                    "names.csv",
                    line,
                    "current_name",
                    f"{cur!r} is not in species.csv",
                    "unknown-species",
                )
            )
        target = sid or cur
        # A name of no Latin letters or digits (ラブレ菌) has an empty key: compare it as written.
        key = normalise_name(r["name"]) or r["name"].strip().casefold()
        if key in targets and targets[key][0] != target:
            out.append(
                RefProblem(
                    "names.csv",
                    line,
                    "name",
                    f"{r['name']!r} already points at {targets[key][0]!r} (line {targets[key][1]})",
                    "name-conflict",
                )
            )
        targets.setdefault(key, (target, line))
    return out


def _study_problems(t: dict[str, pd.DataFrame]) -> list[RefProblem]:
    out: list[RefProblem] = []
    seen_doi: dict[str, int] = {}
    seen_pmid: dict[str, int] = {}
    for line, r in _lines(t["studies.csv"]):
        if not r["doi"] and not r["pmid"]:
            out.append(
                RefProblem(
                    "studies.csv",
                    line,
                    "doi",
                    "a study needs a DOI or a PMID",
                    "missing-identifier",
                )
            )
        for col, seen in (("doi", seen_doi), ("pmid", seen_pmid)):
            val = r[col].lower()
            if val and val in seen:
                out.append(
                    RefProblem(
                        "studies.csv",
                        line,
                        col,
                        f"same {col} as line {seen[val]} (duplicate study)",
                        "duplicate-study",
                    )
                )
            if val:
                seen.setdefault(val, line)
        if r["design"] in CLINICAL_DESIGNS and not r["age_group"]:
            out.append(
                RefProblem(
                    "studies.csv",
                    line,
                    "age_group",
                    "human studies need age_group",
                    "missing-age-group",
                )
            )
    return out


def _intervention_problems(
    t: dict[str, pd.DataFrame], study_ids: set[str], strain_ids: set[str]
) -> tuple[list[RefProblem], dict[tuple[str, str], int]]:
    out: list[RefProblem] = []
    arms: dict[tuple[str, str], int] = {}
    pairs: set[tuple[str, str, str]] = set()
    for line, r in _lines(t["interventions.csv"]):
        if r["study_id"] not in study_ids:
            out.append(
                RefProblem(
                    "interventions.csv",
                    line,
                    "study_id",
                    f"unknown study {r['study_id']!r}",
                    "unknown-study",
                )
            )
        if r["strain_id"] not in strain_ids:
            out.append(
                RefProblem(
                    "interventions.csv",
                    line,
                    "strain_id",
                    f"unknown strain_id {r['strain_id']!r}",
                    "unknown-strain",
                )
            )
        key3 = (r["study_id"], r["arm"], r["strain_id"])
        if key3 in pairs:
            out.append(
                RefProblem(
                    "interventions.csv",
                    line,
                    "strain_id",
                    "listed twice in arm",
                    "duplicate-arm-strain",
                )
            )
        pairs.add(key3)
        arms[(r["study_id"], r["arm"])] = arms.get((r["study_id"], r["arm"]), 0) + 1

    blend_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, r in _lines(t["interventions.csv"]):
        blend_names[(r["study_id"], r["arm"])].add(r["blend_name"])
    for line, r in _lines(t["interventions.csv"]):
        names = blend_names[(r["study_id"], r["arm"])]
        if len(names) > 1:
            out.append(
                RefProblem(
                    "interventions.csv",
                    line,
                    "blend_name",
                    "differs within arm",
                    "blend-name-differs",
                )
            )
        if arms[(r["study_id"], r["arm"])] > 1 and not r["blend_name"]:
            out.append(
                RefProblem(
                    "interventions.csv",
                    line,
                    "blend_name",
                    "a multi-strain arm needs one",
                    "blend-name-missing",
                )
            )
    return out, arms


def _finding_problems(
    t: dict[str, pd.DataFrame],
    study_ids: set[str],
    outcomes: set[str],
    arms: dict[tuple[str, str], int],
) -> tuple[list[RefProblem], set[str]]:
    out: list[RefProblem] = []
    studies_with_arms = {k[0] for k in arms}
    with_findings: set[str] = set()
    finding_keys: set[tuple[str, str, str]] = set()
    for line, r in _lines(t["findings.csv"]):
        sid = r["study_id"]
        with_findings.add(sid)
        if sid not in study_ids:
            out.append(
                RefProblem(
                    "findings.csv", line, "study_id", f"unknown study {sid!r}", "unknown-study"
                )
            )
        if r["outcome"] not in outcomes:
            out.append(
                RefProblem(
                    "findings.csv",
                    line,
                    "outcome",
                    f"{r['outcome']!r} not in outcomes.csv",
                    "unknown-outcome",
                )
            )
        if sid in studies_with_arms and (sid, r["arm"]) not in arms:
            out.append(
                RefProblem(
                    "findings.csv", line, "arm", f"study {sid} has no arm {r['arm']}", "unknown-arm"
                )
            )
        fkey = (sid, r["arm"], r["outcome"])
        if fkey in finding_keys:
            out.append(
                RefProblem(
                    "findings.csv",
                    line,
                    "outcome",
                    "outcome given twice for arm",
                    "duplicate-finding",
                )
            )
        finding_keys.add(fkey)
    return out, with_findings


def _formulation_problems(rows: pd.DataFrame, strain_ids: set[str]) -> list[RefProblem]:
    out: list[RefProblem] = []
    for line, r in _lines(rows):
        ids = split_cell(r["strain_ids"])
        for sid in ids:
            if sid not in strain_ids:
                out.append(
                    RefProblem(
                        "formulations.csv",
                        line,
                        "strain_ids",
                        f"unknown strain_id {sid!r}",
                        "unknown-strain",
                    )
                )
        if len(set(ids)) < 2:
            out.append(
                RefProblem(
                    "formulations.csv",
                    line,
                    "strain_ids",
                    "a formulation has two or more strains "
                    "(one strain's trade name goes in names.csv)",
                    "formulation-size",
                )
            )
        elif len(set(ids)) < len(ids):
            out.append(
                RefProblem(
                    "formulations.csv",
                    line,
                    "strain_ids",
                    "a strain listed twice",
                    "formulation-repeat",
                )
            )
    return out


def _parent_problems(studies: pd.DataFrame) -> list[RefProblem]:
    """A secondary report points at its trial's main paper, which is itself no secondary report."""
    if "parent_study" not in studies.columns:
        return []
    out: list[RefProblem] = []
    rows = {r["study_id"]: r for _, r in _lines(studies)}
    for line, r in _lines(studies):
        parent = r["parent_study"]
        if not parent:
            continue
        if parent == r["study_id"]:
            out.append(
                RefProblem(
                    "studies.csv", line, "parent_study", "names the study itself", "parent-self"
                )
            )
        elif parent not in rows:
            out.append(
                RefProblem(
                    "studies.csv",
                    line,
                    "parent_study",
                    f"unknown study {parent!r}",
                    "unknown-study",
                )
            )
        elif rows[parent].get("parent_study"):
            out.append(
                RefProblem(
                    "studies.csv",
                    line,
                    "parent_study",
                    f"{parent!r} is itself a secondary report: name its parent "
                    f"{rows[parent]['parent_study']!r}",
                    "parent-secondary",
                )
            )
        elif rows[parent]["design"] in POOLED_DESIGNS or r["design"] in POOLED_DESIGNS:
            out.append(
                RefProblem(
                    "studies.csv",
                    line,
                    "parent_study",
                    "links a trial's reports; a review's trials go in review_trials.csv",
                    "parent-review",
                )
            )
    return out


def _search_problems(
    t: dict[str, pd.DataFrame], study_ids: set[str], strain_ids: set[str]
) -> list[RefProblem]:
    out: list[RefProblem] = []
    for line, r in _lines(t["searches.csv"]):
        strain, blend = r["strain_id"], r["blend_name"].strip()
        topic = str(r.get("topic", "")).strip()
        if sum(map(bool, (strain, blend, topic))) != 1:
            out.append(
                RefProblem(
                    "searches.csv",
                    line,
                    "strain_id",
                    "give the strain searched for (strain_id), the blend (blend_name) or, for "
                    "a review's table or a topic, the topic: one of them",
                    "search-target",
                )
            )
        elif strain and strain not in strain_ids:
            out.append(
                RefProblem(
                    "searches.csv",
                    line,
                    "strain_id",
                    f"unknown strain {strain!r}",
                    "unknown-strain",
                )
            )
        for sid in split_cell(r["included"]):
            if sid and sid not in study_ids:
                out.append(
                    RefProblem(
                        "searches.csv", line, "included", f"unknown study {sid!r}", "unknown-study"
                    )
                )
    return out


def _review_trial_problems(links: pd.DataFrame, studies: pd.DataFrame) -> list[RefProblem]:
    out: list[RefProblem] = []
    design = dict(zip(studies["study_id"], studies["design"], strict=True))
    parent = (
        dict(zip(studies["study_id"], studies["parent_study"], strict=True))
        if "parent_study" in studies.columns
        else {}
    )
    seen: set[tuple[str, str]] = set()
    for line, r in _lines(links):
        rid, sid = r["review_id"], r["study_id"]
        if rid not in design:
            out.append(
                RefProblem(
                    "review_trials.csv",
                    line,
                    "review_id",
                    f"unknown study {rid!r}",
                    "unknown-study",
                )
            )
        elif design[rid] not in POOLED_DESIGNS:
            out.append(
                RefProblem(
                    "review_trials.csv",
                    line,
                    "review_id",
                    f"{rid!r} is not a review or meta-analysis",
                    "not-a-review",
                )
            )
        if sid not in design:
            out.append(
                RefProblem(
                    "review_trials.csv", line, "study_id", f"unknown study {sid!r}", "unknown-study"
                )
            )
        elif design[sid] in POOLED_DESIGNS:
            out.append(
                RefProblem(
                    "review_trials.csv",
                    line,
                    "study_id",
                    f"{sid!r} is itself a review",
                    "review-of-review",
                )
            )
        elif parent.get(sid):
            out.append(
                RefProblem(
                    "review_trials.csv",
                    line,
                    "study_id",
                    f"{sid!r} is a secondary report of {parent[sid]!r}: list the trial's main "
                    "paper, so the trial counts once",
                    "review-trial-secondary",
                )
            )
        if (rid, sid) in seen:
            out.append(
                RefProblem(
                    "review_trials.csv", line, "study_id", "listed twice", "duplicate-review-trial"
                )
            )
        seen.add((rid, sid))
    return out


def _context_problems(
    t: dict[str, pd.DataFrame], study_ids: set[str], with_arms: set[str]
) -> list[RefProblem]:
    """A human trial's findings need intervention rows, or they would reach no report: only
    pooled reviews, and studies listed in context_studies.csv with the reason, are context."""
    out: list[RefProblem] = []
    studies = {r["study_id"]: r for _, r in _lines(t["studies.csv"])}
    context = set(t["context_studies.csv"]["study_id"])
    reported: set[str] = set()
    for line, r in _lines(t["findings.csv"]):
        sid = r["study_id"]
        study = studies.get(sid)
        if study is None or sid in with_arms or sid in context or sid in reported:
            continue
        if study["design"] in POOLED_DESIGNS or study["design"] not in CLINICAL_DESIGNS:
            continue
        reported.add(sid)
        out.append(
            RefProblem(
                "findings.csv",
                line,
                "study_id",
                f"{sid!r} has findings but no interventions.csv row, so it would appear in no "
                "report: add its arms, or list it in context_studies.csv with the reason",
                "finding-without-arm",
            )
        )
    for line, r in _lines(t["context_studies.csv"]):
        sid = r["study_id"]
        if sid not in study_ids:
            out.append(
                RefProblem(
                    "context_studies.csv",
                    line,
                    "study_id",
                    f"unknown study {sid!r}",
                    "unknown-study",
                )
            )
        elif sid in with_arms:
            out.append(
                RefProblem(
                    "context_studies.csv",
                    line,
                    "study_id",
                    f"{sid!r} has intervention rows, so it is graded, not context",
                    "context-with-arms",
                )
            )
    return out


def _claim_phrase_problems(rows: pd.DataFrame, outcomes: set[str]) -> list[RefProblem]:
    out: list[RefProblem] = []
    seen: set[tuple[str, str]] = set()
    for line, r in _lines(rows):
        for o in split_cell(r["outcomes"]):
            if o and o not in outcomes:
                out.append(
                    RefProblem(
                        "claim_phrases.csv",
                        line,
                        "outcomes",
                        f"{o!r} not in outcomes.csv",
                        "unknown-outcome",
                    )
                )
        key = (r["language"], r["phrase"].casefold())
        if key in seen:
            out.append(
                RefProblem(
                    "claim_phrases.csv",
                    line,
                    "phrase",
                    "phrase given twice",
                    "duplicate-claim-phrase",
                )
            )
        seen.add(key)
    return out


def reference_warnings(tables: dict[str, pd.DataFrame]) -> list[RefProblem]:
    """What a reviewer should fix but that does not stop the reference from loading:
    a source page that is not a primary one, and a strain with no search logged."""
    out: list[RefProblem] = []
    if "studies.csv" in tables and "source_url" in tables["studies.csv"].columns:
        for line, r in _lines(tables["studies.csv"]):
            if r["source_url"] and not is_primary_source(r["source_url"]):
                out.append(
                    RefProblem(
                        "studies.csv",
                        line,
                        "source_url",
                        "not a primary source (PubMed, PMC, Europe PMC, doi.org, the publisher "
                        "or a trial registry): replace it where one exists",
                        "mirror-source",
                    )
                )
    if "strains.csv" in tables and "searches.csv" in tables:
        searched = set(tables["searches.csv"].get("strain_id", pd.Series(dtype=str)))
        for line, r in _lines(tables["strains.csv"]):
            if r["strain_id"] not in searched:
                out.append(
                    RefProblem(
                        "strains.csv",
                        line,
                        "strain_id",
                        "no search logged in searches.csv: reports say 'not yet reviewed'",
                        "not-searched",
                    )
                )
    return sorted(set(out))
