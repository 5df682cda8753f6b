"""The article in a saved web page: main text and metadata, extracted with trafilatura.

``extract_page(html)`` returns the page's main text (what record offsets of an HTML article refer
to) and its metadata: title, author, site name, URL and publication date (htmldate, through
trafilatura). Navigation, captions, related links, comments, cookie banners and newsletter boxes
are left out by trafilatura's main-text extraction, so they yield no records. Nothing in the page
is executed or fetched.

The text is trafilatura's plain-text output: one block (paragraph, heading, list item) a line.
Extraction favours precision (trafilatura's ``favor_precision``): on hand-cleaned news pages it
lets in less furniture at no cost in body text (see bench/html_extraction.py). When that keeps less
than half of what trafilatura's balanced extraction finds, it has missed the article and the
balanced text is taken. A text without a line of prose (MIN_PROSE_WORDS) is a menu or a banner:
the page has no article. White space around lines is trimmed and blank lines dropped. The text is
deterministic: the same bytes always give the same text, so ``claimsift extract`` can write it once
and ``claimsift run`` on that JSONL gives the records of a run on the page.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from typing import Optional, Union

__all__ = ["Page", "extract_page", "MAX_HTML_BYTES"]

MAX_HTML_BYTES = 20_000_000
"""A page larger than this is refused (trafilatura's own limit)."""

# The library never prints: trafilatura and htmldate log their doubts about a page, which would
# otherwise reach stderr through logging's last-resort handler.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


@dataclass(frozen=True)
class Page:
    """What a web page holds for claimsift."""

    text: str
    """The main text, one block (paragraph, heading, list item, table row) a line, "" when the
    page has no article text."""
    title: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    """YYYY-MM-DD: the original publication date found in the page, or None."""


def _clean(value: object) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


RECALL_RATIO = 2.0
"""The balanced extraction is taken when it has more than this many times the precise one's words."""
MIN_PROSE_WORDS = 8
"""A text needs a line of at least this many words, or it is a menu or a banner: no article."""


def _extract(trafilatura, html: Union[bytes, str], url: Optional[str], precise: bool):
    with warnings.catch_warnings():  # dateutil warns about time zones it cannot name
        warnings.simplefilter("ignore")
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=precise,
            favor_precision=precise,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # The original publication date from the page's markup (metadata, URL, time
            # elements); htmldate's extensive search would guess from free text and copyright
            # lines ("2015-01-01"), and a guessed date would misplace every resolved time.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )


def _text(document) -> str:
    """The document's text, white space around lines trimmed, blank lines dropped."""
    raw = getattr(document, "text", None) or ""
    return "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def extract_page(html: Union[bytes, str], url: Optional[str] = None) -> Page:
    """The main text and metadata of a web page (`url`: where it was saved from, when known).

    Raises ValueError when the page is larger than MAX_HTML_BYTES.
    """
    import trafilatura  # imported on first use: it is slow to import and only HTML needs it

    size = len(html)
    if size > MAX_HTML_BYTES:
        raise ValueError(f"page too large ({size} bytes, limit {MAX_HTML_BYTES})")
    if not html.strip():
        return Page(text="", url=url)
    document = _extract(trafilatura, html, url, precise=True)
    text = _text(document)
    # Favouring precision sometimes loses the article and keeps a box beside it: then the
    # balanced extraction, which finds far more, is the article.
    balanced = _text(_extract(trafilatura, html, url, precise=False))
    if len(balanced.split()) > RECALL_RATIO * len(text.split()):
        text = balanced
    if not any(len(line.split()) >= MIN_PROSE_WORDS for line in text.splitlines()):
        text = ""
    meta = document.as_dict() if document is not None else {}
    published = _clean(meta.get("date"))
    return Page(
        text=text,
        title=_clean(meta.get("title")),
        author=_clean(meta.get("author")),
        site=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        url=url or _clean(meta.get("url")),
        published=published[:10] if published else None,
    )
