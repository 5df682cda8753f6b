"""schema.org ClaimReview drafts (JSON-LD) for fact-checkers, one per claim cluster."""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Sequence

from .escaping import safe_url, script_safe_json
from .records import Rec, group_records, one_line, record_kind, what

_ORGANIZATION = re.compile(
    r"(?i)\b(inc|corp|corporation|ltd|llc|plc|gmbh|company|group|bank|fund|university|"
    r"college|institute|department|ministry|agency|office|bureau|board|council|commission|committee|"
    r"association|federation|union|party|government|administration|authority|service|police|court|"
    r"network|foundation|center|centre|organization|organisation)\b\.?$"
)
_ACRONYM = re.compile(r"^(?:the )?[A-Z][A-Z&]{1,5}$")


def _author(name: Optional[str], job_title: Optional[str], mention: Optional[str] = None) -> Dict[str, Any]:
    """A schema.org Person (or Organization, when the name looks like one) for a claim's author."""
    kind = "Organization" if name and (_ORGANIZATION.search(name) or _ACRONYM.match(name)) else "Person"
    author: Dict[str, Any] = {"@type": kind, "name": name or "", "jobTitle": job_title or ""}
    if kind == "Organization":
        del author["jobTitle"]
    if not name and mention:
        author["description"] = f"unnamed source: {mention}"
    return author


def _short(text: str, limit: int = 280) -> str:
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def claimreview_drafts(records: Sequence[Rec]) -> List[Dict[str, Any]]:
    """schema.org ClaimReview drafts (JSON-LD), one per claim cluster, in order of first appearance.

    Filled from the records: ``claimReviewed`` (the quote, or the figure's statement, cut to 280
    characters), ``itemReviewed`` (a Claim with its ``author``: the speaker, or for a figure the
    person it is attributed to; the earliest ``datePublished`` of its articles; an ``appearance``
    per article: identifier, url, headline, datePublished; ``disambiguatingDescription``: the record
    type and kind, e.g. "quote indirect") and ``identifier`` (the cluster id).
    Left empty for the fact-checker: ``reviewRating``, the review's own ``author``,
    ``datePublished`` and ``url``. Only http(s) URLs are copied (``javascript:``, ``data:`` and
    the like become ""); ``claimreview_json`` is the text to publish.
    """
    drafts: List[Dict[str, Any]] = []
    for group in group_records(records):
        first = group.first
        if first.get("type") == "quote":
            speaker = first.get("speaker") or {}
            author = _author(speaker.get("name"), speaker.get("title"), speaker.get("mention"))
        else:
            attributed = (first.get("attributed_to") or {}).get("name")
            author = _author(attributed, None)
        appearances: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()
        for r in group.records:
            article = r.get("article") or {}
            aid = article.get("id", "")
            if aid in appearances:
                continue
            appearances[aid] = {
                "@type": "CreativeWork",
                "identifier": aid,
                "url": safe_url(article.get("url")) or "",
                "headline": article.get("title") or "",
                "datePublished": article.get("published") or "",
            }
        dates = sorted(a["datePublished"] for a in appearances.values() if a["datePublished"])
        claim: Dict[str, Any] = {
            "@type": "Claim",
            "author": author,
            "datePublished": dates[0] if dates else "",
            "appearance": list(appearances.values()),
            "disambiguatingDescription": f"{first.get('type', '')} {record_kind(first) or ''}".strip(),  # "quote indirect"
        }
        if first.get("type") == "numeric" and (first.get("subject") or {}).get("name"):
            claim["about"] = {"@type": "Thing", "name": first["subject"]["name"]}
        drafts.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": group.cluster,
                "claimReviewed": _short(what(first)),
                "itemReviewed": claim,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": "",
                    "bestRating": "",
                    "worstRating": "",
                    "alternateName": "",
                },
                "author": {"@type": "Organization", "name": "", "url": ""},
                "datePublished": "",
                "url": "",
            }
        )
    return drafts


def claimreview_json(records: Sequence[Rec]) -> str:
    """``claimreview_drafts`` as an indented JSON array, safe to paste inside a
    ``<script type="application/ld+json">`` element."""
    return script_safe_json(json.dumps(claimreview_drafts(records), ensure_ascii=False, indent=2)) + "\n"
