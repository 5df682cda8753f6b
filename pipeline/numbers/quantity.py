"""``Quantity``: one quantity found in a text, as the finder and the figures stage share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Quantity:
    """One quantity found in a text. ``text[start:end]`` is the reported span."""

    start: int
    end: int
    text: str
    value: float
    kind: str                      # money, percent, percentage_points, count, multiplier,
    #                                duration, age, measure, other
    unit: Optional[str] = None
    approx: Optional[str] = None
    num_start: int = 0             # the number itself (without sign, scale, unit)
    num_end: int = 0
    noun: Optional[str] = None     # a guess at the counted noun (the word after the number)
    bare: bool = False             # a plain number with nothing around it
    words: bool = False            # written in words
    link: Optional[str] = None     # "pair" (52% to 46%), "range" (between 10 and 20)
    partner: Optional[int] = None  # index of the other member of a pair or range
    position: int = 0              # 0 = first of a pair or range, 1 = second
    confidence: float = 0.8
    extra: dict = field(default_factory=dict)  # "counted": a word number the context counts
    #                                             ("one of the four"), whatever its parse role
