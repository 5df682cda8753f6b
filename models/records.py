"""The claimsift record contract: one JSON object per JSONL line.

Every record points back to the exact characters of the article it came from:
``article_text[span.start:span.end] == text``. This module imports pydantic only.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

SCHEMA_VERSION = "1.1"

QuoteKind = Literal["direct", "fragment", "indirect"]
QuantityKind = Literal[
    "money", "percent", "percentage_points", "count", "multiplier", "duration", "age", "measure",
    "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Offsets(_Model):
    """Character offsets into the article text (Python string indices, end exclusive)."""

    start: int = Field(ge=0)
    """First character."""
    end: int = Field(ge=0)
    """One past the last character."""

    @model_validator(mode="after")
    def _ordered(self) -> "Offsets":
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class ArticleRef(_Model):
    """The article a record came from."""

    id: str
    """The article id: the .txt path relative to the input folder without extension, or the JSONL `id`."""
    published: Optional[str] = None
    """Publication date (YYYY-MM-DD) from the input, the web page's metadata or a dateline near the start, or null."""
    title: Optional[str] = None
    """Headline from the input or the article's first line, or null."""
    url: Optional[str] = None
    """The article's URL when the input or the web page gave one."""
    author: Optional[str] = None
    """The author(s) when the input or the web page's metadata gave them, or null."""
    site: Optional[str] = None
    """The publication's name when the input or the web page's metadata gave it, or null."""


class SentenceRef(_Model):
    """The sentence that holds the finding."""

    start: int = Field(ge=0)
    """First character of the sentence."""
    end: int = Field(ge=0)
    """One past the last character of the sentence."""
    text: str
    """The sentence as written."""


class Speaker(_Model):
    """Who said a quote."""

    name: Optional[str] = None
    """The canonical (fullest) name in the article, or null for an unnamed source."""
    mention: str
    """The attributing words as written ("she", "Okafor", "a spokesperson")."""
    mention_span: Optional[Offsets] = None
    """Where the mention is in the article text."""
    title: Optional[str] = None
    """Role or title given with the name ("longtime strategist"), or null."""


class Quantity(_Model):
    """A normalized figure."""

    value: float
    """The number, scales applied (1850000.0 for "$1.85 million"); percentages stay in percent units."""
    unit: Optional[str] = None
    """ISO currency code for money, a unit symbol for measures ("kW", "m²"), "percent", "points",
    "times", a time unit, or the counted noun."""
    kind: QuantityKind
    """What sort of figure it is."""
    approx: Optional[str] = None
    """The qualifier as written in lower case ("nearly", "more than"), or null."""


class Entity(_Model):
    """A person, organization or thing named in the article."""

    name: str
    """Canonical name: the fullest form used in the article."""


SubjectKind = Literal["person", "organization", "place", "thing"]


class Subject(_Model):
    """Whom or what a figure is about."""

    name: str
    """The entity's canonical (fullest) name, or a short noun phrase for a thing ("crude prices")."""
    kind: SubjectKind
    """person, organization or place (an entity of the article), or thing (what is measured)."""


class TimeRef(_Model):
    """When a figure applies, from the sentence's date or time expression."""

    text: str
    """The expression as written ("last year", "Oct. 25")."""
    date: Optional[str] = None
    """ISO date the expression resolves to, or null when it cannot be resolved."""


class _RecordBase(_Model):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    """Version of this record format."""
    id: str
    """Stable id: the same input always gives the same id."""
    article: ArticleRef
    """The article the record came from."""
    span: Offsets
    """Where `text` is in the article text."""
    text: str
    """Exactly `article_text[span.start:span.end]`."""
    sentence: SentenceRef
    """The sentence holding the finding."""
    confidence: float = Field(ge=0.0, le=1.0)
    """How sure the extractor is, from 0 to 1."""
    cluster: str
    """Same claim, same cluster: a hash of the normalized quote and speaker, or of the subject, predicate and value, shared by repeats across articles (wire copy)."""

    @model_validator(mode="after")
    def _span_fits_text(self) -> "_RecordBase":
        if self.span.end - self.span.start != len(self.text):
            raise ValueError("span length differs from the length of text")
        return self


class QuoteRecord(_RecordBase):
    """A quotation (direct, fragment or indirect) and who said it."""

    type: Literal["quote"] = "quote"
    """Record type."""
    kind: QuoteKind
    """direct: a quoted sentence or clause; fragment: a few quoted words in the reporter's sentence; indirect: reported speech without marks."""
    speaker: Optional[Speaker] = None
    """The speaker, or null when no one can be named with confidence."""
    cue: Optional[str] = None
    """The reporting verb as written ("said", "according to"), or null."""


class NumericRecord(_RecordBase):
    """A checkable figure and the claim around it."""

    type: Literal["numeric"] = "numeric"
    """Record type."""
    quantity: Quantity
    """The normalized figure."""
    subject: Optional[Subject] = None
    """Whom or what the figure is about."""
    predicate: Optional[str] = None
    """Lemma of the verb that governs the figure ("spend")."""
    statement: str
    """A short readable claim ("Maria Lopez raised $2.5 million")."""
    time: Optional[TimeRef] = None
    """When the figure applies, or null."""
    attributed_to: Optional[Entity] = None
    """Who claims the figure: set when it sits inside a quote or behind "according to"."""


Record = Annotated[Union[QuoteRecord, NumericRecord], Field(discriminator="type")]
"""Any claimsift record, told apart by its `type`."""

record_adapter: TypeAdapter[Record] = TypeAdapter(Record)


def parse_record(line: str | bytes) -> QuoteRecord | NumericRecord:
    """Validate one JSONL line into a record."""
    return record_adapter.validate_json(line)


def record_json_schema() -> dict:
    """The JSON Schema of a record, as committed in models/schema/record.schema.json."""
    schema = record_adapter.json_schema()
    schema["title"] = "claimsift record"
    schema["$comment"] = f"schema_version {SCHEMA_VERSION}"
    return schema
