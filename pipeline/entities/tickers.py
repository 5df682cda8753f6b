"""Stock tickers: "Acme Corp. (NYSE: ACME)" names one company, not three entities.

A parenthesis right after an organization's mention that holds a ticker, with or without its
exchange, makes the ticker an alias of that organization: the mentions inside the parenthesis
(the exchange, the ticker) leave their own clusters, and later uses of the bare ticker join the
organization. An organization the entity model saw only as its listing takes the company name
written before the parenthesis.
"""

from __future__ import annotations

import re
from typing import Dict, List

# (after the name's possessive too: "Acme's (ACM) shares")
_TICKER = re.compile(r"(?:['\u2019]s)?\s*\((?:[A-Za-z][A-Za-z .]{0,20}:\s*)?([A-Z][A-Z0-9.\-]{0,7})\)")


def merge_tickers(text: str, clusters: List[dict]) -> List[dict]:
    """The clusters with tickers folded into their organizations (a new list; clusters are dicts
    with "name", "kind", "aliases" and "mentions" as in the entity index)."""
    for cluster in clusters:
        _name_the_listed_company(text, cluster)
    tickers: Dict[str, dict] = {}
    inside: List[tuple] = []
    for cluster in clusters:
        if cluster.get("kind") != "org":
            continue
        for _, end in cluster["mentions"]:
            match = _TICKER.match(text, end)
            if match:
                tickers.setdefault(match.group(1), cluster)
                inside.append((end, match.end()))
    if not tickers:
        return clusters
    out = []
    for cluster in clusters:
        if cluster["name"] in tickers and tickers[cluster["name"]] is not cluster:
            owner = tickers[cluster["name"]]
            owner["mentions"] = sorted(owner["mentions"] + [m for m in cluster["mentions"] if not _within(m, inside)])
            continue
        cluster["mentions"] = [m for m in cluster["mentions"] if not _within(m, inside) or cluster in tickers.values()]
        if cluster["mentions"]:
            out.append(cluster)
    for ticker, owner in tickers.items():
        if ticker not in owner.setdefault("aliases", []) and ticker != owner["name"]:
            owner["aliases"].append(ticker)
    return out


_EXCHANGE_TICKER = re.compile(r"[A-Za-z][A-Za-z .]{0,20}:\s*([A-Z][A-Z0-9.\-]{0,7})")
# a company's name written with its legal form, right before the parenthesis of its listing
_LISTED_NAME = re.compile(r"((?:[A-Z][\w&'’.\-]*\s+){1,5}(?:Inc|Corp|Corporation|Co|Ltd|LLC|LP|plc|PLC|SA|AG|NV|"
                          r"Group|Holdings|Company)\.?)\s*\($")


def _name_the_listed_company(text: str, cluster: dict) -> None:
    """An organization the entity model saw only as its listing ("Acme Widgets Inc. (NASDAQ: AWI)"
    tagged "NASDAQ: AWI"): it takes the company name written with its legal form before the
    parenthesis, and the listing becomes its mention's ticker."""
    if cluster.get("kind") != "org" or len(cluster["mentions"]) != 1:
        return
    a, b = cluster["mentions"][0]
    listing = _EXCHANGE_TICKER.fullmatch(text[a:b])
    before = _LISTED_NAME.search(text[max(0, a - 80):a])
    if listing is None or before is None:
        return
    start = a - (len(text[max(0, a - 80):a]) - before.start(1))
    name = before.group(1)
    cluster["name"] = name
    cluster["mentions"] = [[start, start + len(name)]]
    cluster["aliases"] = [listing.group(1)]


def _within(mention, spans) -> bool:
    a, b = mention
    return any(lo <= a and b <= hi for lo, hi in spans)
