"""Views of a run's records for the people who check them: plain functions, no printing.

Records are handled as plain dicts in the shape of ``models/records.py``. One module per view:

- ``records``: ``load_records`` reads a run's JSONL (bad lines become problems, not exceptions);
  ``filter_records`` and ``group_records`` select records and fold repeats of a claim (same
  ``cluster``) into one group with its appearances; ``who``, ``what``, ``value_text`` describe one.
- ``listing``: ``table_text``, ``csv_text`` / ``write_csv`` and ``jsonl_text`` are what
  ``claimsift inspect`` prints: a table for a terminal, CSV with stable columns (``CSV_COLUMNS``,
  ``GROUP_COLUMNS``) for spreadsheets, JSONL to pipe on.
- ``html_report`` (with its page frame, style and script in ``page``): ``build_report`` makes one
  self-contained HTML file (no network, no external scripts, fonts or styles): an index of the
  articles and one section per article, shown one at a time through the URL fragment, with
  quotes and figures highlighted at their exact offsets. Overlapping spans (a figure inside a
  quote) are cut into segments at every boundary in Python (``segment_spans``), so offsets are
  code points, as in the records, whatever the browser's string encoding.
- ``claimreview``: ``claimreview_drafts`` makes schema.org ClaimReview drafts (JSON-LD), one per
  claim cluster, with the verdict fields left empty for the fact-checker; ``claimreview_json`` is
  the text to publish.
- ``escaping``: text made safe for where it goes: spreadsheet cells that would run as a formula
  are neutralized (``csv_safe``), article text is HTML-escaped (``escape_text``), JSON in a
  ``<script>`` element has ``<``, ``>`` and ``&`` escaped (``script_safe_json``), and only
  http(s) URLs become links (``safe_url``).
"""

from __future__ import annotations

from .claimreview import claimreview_drafts, claimreview_json
from .escaping import csv_safe, escape_text, safe_url, script_safe_json
from .html_report import build_report, render_marked_text, segment_spans
from .listing import CSV_COLUMNS, GROUP_COLUMNS, csv_text, group_row, jsonl_text, record_row, table_text, write_csv
from .records import Group, Rec, filter_records, group_records, load_records, record_kind, value_text, what, who

__all__ = [
    "CSV_COLUMNS",
    "GROUP_COLUMNS",
    "Group",
    "Rec",
    "load_records",
    "filter_records",
    "group_records",
    "record_kind",
    "who",
    "what",
    "value_text",
    "record_row",
    "group_row",
    "table_text",
    "csv_text",
    "write_csv",
    "jsonl_text",
    "segment_spans",
    "render_marked_text",
    "build_report",
    "claimreview_drafts",
    "claimreview_json",
    "csv_safe",
    "escape_text",
    "safe_url",
    "script_safe_json",
]
