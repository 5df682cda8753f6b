"""Text made safe for where it goes: a spreadsheet cell, HTML text, a ``<script>`` element, a link."""

from __future__ import annotations

import html
import re
from typing import Optional

_FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula (OWASP, "CSV Injection"): text starting
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their full-width forms) gets a
    leading ``'``, which spreadsheets show as text; plain numbers such as ``-4.5`` stay numbers."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def escape_text(text: str) -> str:
    """HTML-escape article text so that the browser's text equals it character for character
    (``\\r`` would otherwise become ``\\n``, NUL is not allowed in HTML text)."""
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\x00", "\ufffd")


_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                  0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_safe_json(text: str) -> str:
    """JSON text that is safe inside a <script> element (``</script>``, ``<!--`` cannot occur):
    ``<``, ``>``, ``&``, U+2028 and U+2029 written as escapes, the same JSON value."""
    return text.translate(_SCRIPT_UNSAFE)


def safe_url(url: Optional[str]) -> Optional[str]:
    """The URL when it is http(s), else None (``javascript:``, ``data:`` and the like never pass)."""
    return url if url and re.match(r"(?i)https?://", url) else None
