"""The one place where claimsift's Doc extension attributes are declared.

Stages talk to each other only through these attributes. Every value is plain
(str, int, float, bool, None, lists and dicts of those) so that a Doc stays
serializable with ``Doc.to_bytes()`` and can cross process boundaries. All
offsets are character offsets into ``doc.text``, end exclusive.

``doc._.claimsift_article`` (dict, set by the runner before the pipeline runs,
completed by the article stage)::

    {"id": str, "published": "YYYY-MM-DD" | None, "title": str | None, "url": str | None,
     "author": str | None, "site": str | None}

``doc._.claimsift_furniture`` (list, article stage): page furniture that no
stage reports from (author bios, "Related Articles" lists, photo credits,
the leading date line)::

    [{"start": int, "end": int, "label": str}]

``doc._.claimsift_paragraphs`` (list, sentences stage): ``[[start, end], ...]``
for every non-empty paragraph (text between blank lines or single line breaks).

``doc._.claimsift_entities`` (list, entities stage): the article's entity index, one entry per
person, organization or place, in order of first mention::

    [{"name": str,            # canonical fullest name ("Darnell Vance", "Food and Drug Administration")
      "kind": "person" | "org" | "place",
      "gender": "m" | "f" | None,
      "titles": [str],        # titles and roles seen with the name, kept apart from it
      "aliases": [str],       # the other forms the article uses ("Vance", "FDA", "Rovers")
      "mentions": [[start, end], ...]}]

``doc.spans["claimsift_entities"]`` (span group, entities stage): every mention of the index as a
span labelled PERSON, ORG or PLACE whose ``kb_id_`` is the entity's canonical name.

``doc._.claimsift_quotes`` (list, quotes stage)::

    [{"start": int, "end": int,           # content without the quote marks
      "kind": "direct" | "fragment" | "indirect",
      "cue": str | None, "cue_span": [start, end] | None,
      "speaker": None | {"name": str | None, "mention": str,
                         "mention_span": [start, end] | None, "title": str | None},
      "confidence": float}]

``doc._.claimsift_figures`` (list, figures stage)::

    [{"start": int, "end": int,           # the quantity expression
      "value": float, "unit": str | None, "kind": str, "approx": str | None,
      "subject": str | None, "subject_kind": "person" | "organization" | "place" | "thing" | None,
      "predicate": str | None, "statement": str,
      "time": None | {"text": str, "date": "YYYY-MM-DD" | None},
      "attributed_to": str | None, "confidence": float}]
"""

from __future__ import annotations

from spacy.tokens import Doc

ARTICLE = "claimsift_article"
FURNITURE = "claimsift_furniture"
PARAGRAPHS = "claimsift_paragraphs"
ENTITIES = "claimsift_entities"
ENTITY_SPANS = ENTITIES  # the span group key (doc.spans), beside the extension of the same name
QUOTES = "claimsift_quotes"
FIGURES = "claimsift_figures"

ALL = (ARTICLE, FURNITURE, PARAGRAPHS, ENTITIES, QUOTES, FIGURES)


def register() -> None:
    """Declare the extensions once; safe to call again."""
    for name in ALL:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()


def in_furniture(doc: Doc, start: int, end: int) -> bool:
    """True when [start, end) overlaps a furniture span of the doc."""
    for item in doc._.get(FURNITURE) or ():
        if start < item["end"] and item["start"] < end:
            return True
    return False
