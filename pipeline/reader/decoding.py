"""From bytes to the text that record offsets refer to: the encodings a .txt file may use,
byte-order marks, binary files told apart from text, universal newlines; and ISO dates."""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime
from typing import List, Optional, Tuple

SNIFF_BYTES = 8192
_CONTROL_RATIO = 0.01
"""Share of C0 control characters (other than tab, line breaks, VT, FF) that marks a binary file."""

_BINARY_SIGNATURES: Tuple[Tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_UTF_BOMS: Tuple[Tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # not tab, newlines, VT, FF
_ISO_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")


def _universal_newlines(text: str) -> str:
    """What text-mode reading with newline=None does: \\r\\n and a lone \\r become \\n."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def binary_signature(head: bytes) -> Optional[str]:
    for signature, label in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return label
    return None


def _looks_binary_text(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls >= 8 and controls > _CONTROL_RATIO * len(sample)


def decode_text(data: bytes) -> Tuple[Optional[str], List[str], Optional[str]]:
    """Decode the bytes of a .txt file as ``open(path, encoding="utf-8").read()`` would.

    Returns ``(text, warnings, error)``: `text` is None exactly when `error` says why the bytes
    are not text. Universal newlines are applied; a UTF-8 byte-order mark is kept as U+FEFF.
    """
    warnings: List[str] = []
    for bom, codec, label in _UTF_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)  # the codec consumes the byte-order mark
            except UnicodeDecodeError as err:
                return None, warnings, f"starts with a {label} byte-order mark but is not valid {label} ({err.reason})"
            if "\x00" in text or _looks_binary_text(text):
                return None, warnings, "binary file (control characters)"
            warnings.append(f"decoded as {label} (byte-order mark), not UTF-8; offsets refer to the decoded text")
            return _universal_newlines(text), warnings, None
    signature = binary_signature(data[:SNIFF_BYTES])
    if signature:
        return None, warnings, f"binary file ({signature})"
    if b"\x00" in data:
        return None, warnings, "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None, warnings, f"neither UTF-8 nor cp1252 (byte 0x{bad} at offset {err.start})"
        warnings.append(
            f"not valid UTF-8 (byte 0x{bad} at offset {err.start}); decoded as cp1252, "
            "offsets refer to the decoded text"
        )
    else:
        if text.startswith("\ufeff"):
            warnings.append(
                "starts with a UTF-8 byte-order mark, kept as U+FEFF at offset 0 "
                '(as open(path, encoding="utf-8") reads it)'
            )
    if _looks_binary_text(text):
        return None, warnings, "binary file (control characters)"
    return _universal_newlines(text), warnings, None


def normalize_date(value: object) -> Tuple[Optional[str], bool]:
    """``(YYYY-MM-DD or None, ok)`` for an ISO date or datetime string; None and "" are ok.

    A datetime keeps the calendar date it was written with (no time-zone conversion).
    """
    if value is None:
        return None, True
    if not isinstance(value, str):
        return None, False
    text = value.strip()
    if not text:
        return None, True
    try:
        return date.fromisoformat(text).isoformat(), True
    except ValueError:
        pass
    candidate = text[:-1] + "+00:00" if text[-1:] in "Zz" else text
    try:
        return datetime.fromisoformat(candidate).date().isoformat(), True
    except ValueError:
        pass
    match = _ISO_DATE_PREFIX.match(text)  # older Pythons parse fewer ISO forms
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat(), True
        except ValueError:
            pass
    return None, False


def encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
