"""Pydantic records written by claimsift. Imports pydantic only, never spaCy."""

from .records import (
    SCHEMA_VERSION,
    ArticleRef,
    Entity,
    NumericRecord,
    Offsets,
    Quantity,
    QuoteRecord,
    Record,
    SentenceRef,
    Speaker,
    Subject,
    SubjectKind,
    TimeRef,
    parse_record,
    record_adapter,
    record_json_schema,
)

__all__ = [
    "SCHEMA_VERSION", "ArticleRef", "Entity", "NumericRecord", "Offsets", "Quantity",
    "QuoteRecord", "Record", "SentenceRef", "Speaker", "Subject", "SubjectKind", "TimeRef", "parse_record",
    "record_adapter", "record_json_schema",
]
