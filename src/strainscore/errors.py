"""The error vocabulary: stable issue codes, and the few exceptions the CLI maps to exit codes.

Each code has a title (for docs and tables) and a hint that tells the user what to do. Messages are
built where the problem is found; the registry keeps the wording of the advice in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strainscore.models import InputIssue

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True)
class IssueCode:
    code: str
    title: str
    hint: str


_CODES: dict[str, IssueCode] = {}


def register(code: str, title: str, hint: str) -> IssueCode:
    """Add a code to the registry; each code once, so its advice has one wording."""
    if code in _CODES:
        raise ValueError(f"issue code {code!r} is registered twice")
    entry = IssueCode(code, title, hint)
    _CODES[code] = entry
    return entry


def lookup(code: str) -> IssueCode:
    return _CODES[code]


def all_codes() -> list[IssueCode]:
    return sorted(_CODES.values(), key=lambda c: c.code)


# Whole-file problems (exit 2).
register("file-not-found", "File not found", "Check the path and the file name.")
register(
    "not-a-file",
    "Not a file",
    "Give a spreadsheet file; a folder is read only when it holds DSLD label records (.json).",
)
register("unreadable-file", "File cannot be read", "Check the file's permissions.")
register(
    "unsupported-format",
    "Unsupported file type",
    "Save the sheet as .xlsx (Excel workbook) or .csv (UTF-8) and try again.",
)
register("empty-file", "Empty file", "The file has no content; export the sheet again.")
register(
    "file-too-large",
    "File too large",
    "Split the file, or raise the limit with --max-rows (the size limit grows with it).",
)
register("corrupt-workbook", "Damaged workbook", "Open it in Excel and save it again as .xlsx.")
register(
    "encrypted-workbook",
    "Password-protected workbook",
    "Remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and "
    "save a copy, or save a copy as CSV.",
)
register(
    "unsafe-workbook",
    "Workbook refused for safety",
    "The file declares far more data than it holds or uses unsafe XML; if you trust it, open it "
    "in Excel and save it again as .xlsx.",
)
register(
    "sheet-too-large",
    "Sheet's used area too large",
    "Delete stray cells far below or right of the table (Ctrl+End shows the last used cell) and "
    "save again, or raise the limit with --max-rows.",
)
register("too-many-rows", "Too many rows", "Split the file, or raise the limit with --max-rows.")
register(
    "no-sheet-with-columns",
    "No sheet has the required columns",
    "Add a header row with at least 'product' and 'strain' columns.",
)
register("sheet-not-found", "Sheet not found", "Use one of the sheet names the message lists.")
register("no-data-rows", "No data rows", "Add one row per strain per product under the header.")
register(
    "empty-text",
    "No strain in --text",
    'Give the strains from the label, e.g. --text "L. rhamnosus GG, B. lactis BB-12".',
)
register(
    "bad-encoding",
    "Text encoding not recognised",
    "Save the file as 'CSV UTF-8' from your spreadsheet program.",
)
register(
    "bad-csv",
    "CSV text cannot be split into cells",
    "A quote is probably never closed; check the quotes on the line named, or save the file "
    "again as 'CSV UTF-8'.",
)
register(
    "not-dsld-record",
    "Not a DSLD label record",
    "Give the JSON of a DSLD label as the API or the bulk download gives it (an object with "
    "'id' and 'ingredientRows'), a JSON list of them, or a folder of them.",
)
register(
    "bad-dsld-field",
    "DSLD record field of the wrong kind",
    "The record was changed or is of another format; download the label's JSON from DSLD again.",
)
register(
    "dsld-unreachable",
    "DSLD label could not be fetched",
    "Check the network and the label number, or download the label's JSON and check the file.",
)
register(
    "no-microbe-rows",
    "DSLD label lists no bacteria or yeast",
    "Nothing to check on this label: it is probably not a probiotic.",
)
# Column problems (exit 2: the sheet cannot be read as a table).
register(
    "missing-column",
    "Required column missing",
    "Add the column (header names are matched ignoring case and spaces).",
)
register(
    "duplicate-column",
    "Column given twice",
    "Keep one column for each field; rename or delete the other.",
)
# Row and cell problems: an error leaves the row out of the check, the other rows go on.
register(
    "ragged-row",
    "Row has more fields than the header",
    "A value probably contains an unquoted separator; quote it or remove the extra field.",
)
register("missing-value", "Required value missing", "Fill in the cell.")
register(
    "product-ambiguous",
    "Blank product cell that cannot be continued",
    "Type the product name on every row of the product (or at least on the first row of each "
    "block of rows, with no blank row inside the block).",
)
register(
    "invalid-cfu",
    "Count not understood",
    "Write the viable count per serving, e.g. '10 billion', '1 x 10^9' or '5e9 CFU'; if Excel "
    "turned it into a date or a percentage, format the column as Text and type it again.",
)
register("non-cfu-unit", "Amount not in CFU", "Give the count in CFU if the label states one.")
register(
    "invalid-servings",
    "Servings per day not understood",
    "Write a positive number, e.g. 1 or 2.",
)
register(
    "formula-no-value",
    "Formula without a saved value",
    "Open the file in Excel (which calculates formulas) and save it, or type the value.",
)
register(
    "formula-error",
    "Formula shows an error",
    "Fix the formula (the cell shows an error such as #N/A or #REF!) or type the value.",
)
register(
    "cell-too-long",
    "Cell too long",
    "Put one product or strain name in the cell, under 500 characters.",
)
register(
    "control-characters",
    "Invisible control characters",
    "They were removed; retype the cell if the text looks wrong.",
)
# Notices about the reading itself.
register("encoding-fallback", "Read as Windows-1252", "Save as 'CSV UTF-8' to be sure.")
register("at-manufacture", "Count given at time of manufacture", "Counts fall over shelf life.")

# Codes of the exceptions that stop a command (the CLI prints the message, exit code 2).
register(
    "reference-missing",
    "Reference folder not found",
    "Check the --reference path, or leave it out to use the shipped reference.",
)
register(
    "reference-invalid",
    "Reference does not pass its checks",
    "Run 'strainscore reference check FOLDER' and fix each problem it lists.",
)


# Output problems (exit 2): nothing is written and nothing the user had is changed.
register(
    "output-exists",
    "Output already exists",
    "Add --force to replace it, or choose another name.",
)
register(
    "output-is-input",
    "Output is the input file",
    "Choose another name: the input is never overwritten, even with --force.",
)
register(
    "output-folder-not-ours",
    "Folder holds files strainscore did not write",
    "Give a new or empty folder, or move the other files out; --force does not change this.",
)
register(
    "output-folder-missing",
    "Output folder does not exist",
    "Create the folder first, or check the path.",
)
register("output-is-folder", "Output is a folder", "Give a file name, e.g. -o report.html.")
register(
    "output-not-folder",
    "Output is not a folder",
    "Give a folder name (or a name without a suffix) for a folder of HTML pages.",
)
register(
    "output-not-regular",
    "Output is a device or pipe",
    "Leave out -o to write to standard output, or give a file name.",
)
register(
    "output-unwritable",
    "Output cannot be written",
    "Free some space, choose a folder you can write to, or a shorter name; nothing was left "
    "behind.",
)
register(
    "output-too-large",
    "Annotated workbook too large",
    "Write CSV or JSON instead (-o report.csv), or check the catalogue in parts.",
)
register(
    "unknown-output-suffix",
    "Output name has an unknown suffix",
    "End the name with .html, .json, .csv, .xlsx or .pdf, or give --format.",
)
register(
    "too-many-for-one-page",
    "Too many products for one HTML or PDF file",
    "Write a folder instead, e.g. -o reports/.",
)
register(
    "pdf-extra-missing",
    "PDF output needs the optional extra",
    'Install it: pip install "strainscore[pdf]" (WeasyPrint also needs Pango from the system).',
)


class StrainscoreError(Exception):
    """Base of the errors the CLI turns into a message and an exit code (never a traceback)."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, code: str = "error") -> None:
        # A code is registered above ("error" is the generic one), so a script can rely on it.
        if code != "error":
            lookup(code)
        super().__init__(message)
        self.message = message
        self.code = code


class InputFileError(StrainscoreError):
    """The user's file cannot be used at all (missing, wrong type, unsafe, no usable sheet).

    ``issues`` holds the located problems (sheet, row, column) when there are any.
    """

    def __init__(
        self, message: str, *, code: str = "error", issues: tuple[InputIssue, ...] = ()
    ) -> None:
        super().__init__(message, code=code)
        self.issues = issues


class ReferenceDataError(StrainscoreError):
    """The reference folder is missing or does not pass its checks."""


class OutputError(StrainscoreError):
    """The output cannot be written as asked (exists, same as input, folder missing)."""


class UsageError(StrainscoreError):
    """Options that do not fit together."""
