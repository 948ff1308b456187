"""DSLD (NIH Dietary Supplement Label Database) label records as a label source."""

from strainscore.labels.dsld.fetch import fetch_labels
from strainscore.labels.dsld.read import (
    looks_like_json,
    read_dsld,
    read_dsld_bytes,
    read_dsld_documents,
)

__all__ = ["fetch_labels", "looks_like_json", "read_dsld", "read_dsld_bytes", "read_dsld_documents"]
