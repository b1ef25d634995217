"""The scheme finder's domain (no Qt): every funding scheme as a filterable, sortable row,
side-by-side comparison of two to four schemes, and CSV for spreadsheets.

``SchemeTable.from_model(model, clock)`` builds the rows from the scheme
catalogue (the same entries the scheme pages show); ``compare(rows)`` lines
them up field by field.
"""

from guide.schemes.compare import (
    MAX_COMPARE,
    MIN_COMPARE,
    ComparisonRow,
    compare,
    comparison_csv,
    comparison_html,
    table_csv,
    write_csv,
)
from guide.schemes.table import SOON_DAYS, SORT_KEYS, NextRound, SchemeRow, SchemeTable, lead_funder

__all__ = [
    "MAX_COMPARE",
    "MIN_COMPARE",
    "SOON_DAYS",
    "SORT_KEYS",
    "ComparisonRow",
    "NextRound",
    "SchemeRow",
    "SchemeTable",
    "compare",
    "comparison_csv",
    "comparison_html",
    "lead_funder",
    "table_csv",
    "write_csv",
]
