"""Size limits for untrusted input. All grow with ``max_rows``, the one limit users raise."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_ROWS = 1_000_000
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_rows: int = DEFAULT_MAX_ROWS
    max_members: int = 10_000  # parts in an .xlsx zip (real workbooks hold tens to hundreds)
    # Declared size / compressed size of one part. Sheet XML measured at ~17:1; zeros reach ~1000:1.
    max_ratio: int = 200
    ratio_floor: int = 8 * MIB  # smaller parts cannot hurt whatever their ratio

    @property
    def max_file_bytes(self) -> int:
        """The file itself (CSV text, or the .xlsx zip)."""
        return 64 * MIB + self.max_rows * 1024

    @property
    def max_unpacked_bytes(self) -> int:
        """All parts of an .xlsx together, as declared (a sheet row takes ~360 bytes of XML)."""
        return 64 * MIB + self.max_rows * 1024

    @property
    def max_cells(self) -> int:
        """Rows x columns of one sheet's used area: calamine allocates all of it at once."""
        return max(2_000_000, self.max_rows * 20)
