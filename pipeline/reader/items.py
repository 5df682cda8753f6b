"""What the reader yields: an `Article` to process, or a `Problem` the user must hear of; and the
ledger of article ids seen in one run of the reader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Literal, Optional, Union


@dataclass(frozen=True)
class Article:
    """One article to process. Record offsets refer to `text`."""

    id: str
    text: str
    source: str
    """Where it came from: the file path, or ``path:LINE`` for a JSONL line."""
    published: Optional[str] = None
    """YYYY-MM-DD, when the input gave a parseable date."""
    title: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    """The byline's author(s), from the input or the page's metadata."""
    site: Optional[str] = None
    """The publication's name, from the input or the page's metadata."""

    def metadata(self) -> Dict[str, Optional[str]]:
        """The article's metadata as the pipeline carries it (doc._.claimsift_article)."""
        return {
            "id": self.id, "published": self.published, "title": self.title, "url": self.url,
            "author": self.author, "site": self.site,
        }


@dataclass(frozen=True)
class Problem:
    """Something about the inputs the user must hear of."""

    source: str
    reason: str
    level: Literal["error", "warning", "skipped"]


Item = Union[Article, Problem]


class Ids:
    """Ids seen so far in one iter_inputs call, with where they were first seen."""

    def __init__(self) -> None:
        self.first: Dict[str, str] = {}

    def claim(self, article_id: str, source: str) -> Optional[Problem]:
        first = self.first.get(article_id)
        if first is not None:
            return Problem(source, f"duplicate id {article_id}, first at {first}", "error")
        self.first[article_id] = source
        return None


def content_warnings(text: str, source: str, quiet: bool = False) -> List[Problem]:
    """The warning for an empty or whitespace-only article (none when `quiet`)."""
    if quiet:
        return []
    if not text:
        return [Problem(source, "empty article: nothing to extract", "warning")]
    if not text.strip():
        return [Problem(source, "whitespace-only article: nothing to extract", "warning")]
    return []
