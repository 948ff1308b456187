"""The reviewer's reports: a reference diff (text or Markdown) and the reference's stats."""

from __future__ import annotations

from strainscore.workflows.reference_diff import Body, GradeChange, ReferenceDiff, RowChange
from strainscore.workflows.reference_stats import ReferenceStats

KIND_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def _body(b: Body | None) -> str:
    return f"{b.grade} ({b.direction})" if b else "not graded"


def _row_summary(r: RowChange) -> str:
    return ", ".join(f"{c} {v}" for c, v in r.shown)


def _counts(d: ReferenceDiff) -> list[tuple[str, int, int, int]]:
    tables = dict.fromkeys(r.table for r in d.rows)
    return [(t, d.count(t, "added"), d.count(t, "removed"), d.count(t, "changed")) for t in tables]


def _grade_groups(d: ReferenceDiff) -> list[tuple[str, list[GradeChange]]]:
    groups = [("Grade or direction changes", [g for g in d.grades if g.moved])]
    same = [g for g in d.grades if not g.moved]
    if same:  # only worth a section when there are some
        groups.append(("Same grade and direction, different studies", same))
    return groups


def diff_text(d: ReferenceDiff) -> str:
    """The diff for the terminal."""
    out = [
        f"Reference {d.old.spec} ({d.old.version}, {d.old.created}) -> "
        f"{d.new.spec} ({d.new.version}, {d.new.created})"
    ]
    out += [f"Note: {n}" for n in d.notes]
    if not d.rows:
        out.append("No differences in the tables.")
    for t, added, removed, changed in _counts(d):
        out.append(f"  {t}: {added} added, {removed} removed, {changed} changed")
    for title, changes in _grade_groups(d):
        out += ["", f"{title} ({len(changes)}):"]
        for g in changes:
            line = f"  {g.subject} [{g.basis}] {g.outcome}: {_body(g.old)} -> {_body(g.new)}"
            extra = [f"+{s}" for s in g.studies_added] + [f"-{s}" for s in g.studies_removed]
            out.append(line + (f"  ({' '.join(extra)})" if extra else ""))
        if not changes:
            out.append("  none")
    table = ""
    for r in d.rows:
        if r.table != table:
            table = r.table
            out += ["", f"{table}:"]
        summary = _row_summary(r)
        out.append(f"  {KIND_SIGN[r.kind]} {r.key_text}" + (f": {summary}" if summary else ""))
        out += [f"      {c}: {o!r} -> {n!r}" for c, o, n in r.fields]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """A value safe inside a Markdown table cell or list item."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "'")


def diff_markdown(d: ReferenceDiff) -> str:
    """The diff as Markdown, to paste into a review."""
    out = [
        f"## Reference diff: `{_md(d.old.spec)}` ({d.old.version}, {d.old.created}) → "
        f"`{_md(d.new.spec)}` ({d.new.version}, {d.new.created})",
        "",
    ]
    out += [f"> **Note:** {_md(n)}" for n in d.notes]
    if d.notes:
        out.append("")
    if d.rows:
        out += ["| table | added | removed | changed |", "|---|---:|---:|---:|"]
        out += [f"| {t} | {a} | {rm} | {c} |" for t, a, rm, c in _counts(d)]
    else:
        out.append("No differences in the tables.")
    for title, changes in _grade_groups(d):
        out += ["", f"### {title} ({len(changes)})", ""]
        if not changes:
            out.append("None.")
            continue
        out += [
            "| strain or blend | basis | outcome | before | after | studies added | removed |",
            "|---|---|---|---|---|---|---|",
        ]
        for g in changes:
            cells = (
                g.subject,
                g.basis,
                g.outcome,
                _body(g.old),
                _body(g.new),
                ", ".join(g.studies_added),
                ", ".join(g.studies_removed),
            )
            out.append("| " + " | ".join(_md(c) for c in cells) + " |")
    table = ""
    for r in d.rows:
        if r.table != table:
            table = r.table
            out += ["", f"### {table}", ""]
        summary = _row_summary(r)
        head = f"- **{r.kind}** `{_md(r.key_text)}`" + (f": {_md(summary)}" if summary else "")
        out.append(head)
        out += [f"  - `{c}`: {_md(o) or '(empty)'} → {_md(n) or '(empty)'}" for c, o, n in r.fields]
    return "\n".join(out) + "\n"


def stats_text(st: ReferenceStats) -> str:
    """Plain text for the terminal, one section per count."""
    info = st.info
    out = [f"Reference {info.version} of {info.date} ({info.path})", ""]
    out.append("  ".join(f"{k.replace('_', ' ')}: {n}" for k, n in st.totals))
    out += ["", "Studies by design:"]
    out += [f"  {d:<20} {n:>4}" for d, n in st.by_design]
    out += ["", "Studies by outcome (findings by effect):"]
    for o in st.by_outcome:
        eff = ", ".join(f"{n} {e}" for e, n in o.effects)
        out.append(f"  {o.outcome:<32} {o.studies:>4}  ({eff})")
    done, total = st.primary_sources
    out += [
        "",
        f"Source pages: {done} of {total} studies cite a primary page (PubMed, PMC, "
        "Europe PMC, doi.org, a publisher or a registry).",
    ]
    out += [
        "",
        "Studies by strain (all; alone; in people; outcomes in people; last search):",
    ]
    for s in st.by_strain:
        searched = s.last_searched or "not yet reviewed"
        counts = f"{s.studies:>4}  {s.alone:>4}  {s.human:>4}  {s.outcomes:>4}"
        out.append(f"  {s.name:<48} {counts}  {searched}")
    out += ["", "Studies by year:"]
    out += [f"  {y}  {n:>4}  {'#' * n}" for y, n in st.by_year]
    out += ["", f"Checked longest ago (the {len(st.oldest_checked)} oldest checked_on dates):"]
    for c in st.oldest_checked:
        out.append(f"  {c.checked_on}  {c.study_id:<22} {c.short:<22} {c.source_url}")
    return "\n".join(out) + "\n"
