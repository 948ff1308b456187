"""Building issues and errors: each names where the problem is and says what to do."""

from __future__ import annotations

from collections.abc import Sequence

from strainscore.errors import InputFileError, lookup
from strainscore.models import InputIssue, Severity


def display_name(source: str) -> str:
    return "standard input" if source == "-" else source


def issue(
    code: str,
    detail: str,
    *,
    source: str,
    severity: Severity = "error",
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    header: str | None = None,
    value: str | None = None,
    advice: str | None = None,
) -> InputIssue:
    """An issue whose message is what is wrong, then what to do (the code's hint by default)."""
    todo = advice if advice is not None else lookup(code).hint
    message = f"{detail.rstrip('.')}. {todo}".strip()
    return InputIssue(
        code, message, severity, display_name(source), sheet, row, column, header, value
    )


def fatal(issues: Sequence[InputIssue]) -> InputFileError:
    """One error for issues that make the file unusable; the issues ride along for the CLI."""
    text = "; ".join(f"{i.location}: {i.message}" if i.location else i.message for i in issues)
    return InputFileError(text, code=issues[0].code, issues=tuple(issues))


def file_error(
    source: str,
    code: str,
    detail: str,
    *,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    header: str | None = None,
    value: str | None = None,
    advice: str | None = None,
) -> InputFileError:
    return fatal(
        [
            issue(
                code,
                detail,
                source=source,
                sheet=sheet,
                row=row,
                column=column,
                header=header,
                value=value,
                advice=advice,
            )
        ]
    )
