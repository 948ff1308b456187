"""Reading users' label spreadsheets: file formats, headers, amounts, validation."""

from strainscore.labels.reader import read_label, read_label_stream
from strainscore.labels.rows.cfu import parse_amount
from strainscore.labels.text import label_from_text

__all__ = ["label_from_text", "parse_amount", "read_label", "read_label_stream"]
