"""Numeric claims: each quantity in the article with its subject, predicate, time and source.

Pure functions over a parsed ``Doc`` first (subject from the dependency parse, time from the
sentence's DATE/TIME entities, attribution from quote spans and "according to"), then the thin
component and its factory ``claimsift_figures``, which writes ``doc._.claimsift_figures``.
Quantities themselves are found and normalized by ``pipeline.components.quantities``.
"""


from __future__ import annotations

from typing import Dict, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import attrs, wordlists

# ----------------------------------------------------------------------------------------------
# component
# ----------------------------------------------------------------------------------------------


class FiguresComponent(wordlists.SavesLists):
    """Writes ``doc._.claimsift_figures``; a failure raises through spaCy's error handler."""

    def __init__(self, nlp: Language, name: str, lists: Optional[Dict[str, Union[str, List[str]]]] = None):
        self.name = name
        self.lists = wordlists.StageLists("claimsift_figures", lists)

    def __call__(self, doc: Doc) -> Doc:
        from ..figures.assembly import extract_figures  # imported once the word lists are set

        doc._.set(attrs.FIGURES, extract_figures(doc))
        return doc


@Language.factory(
    "claimsift_figures",
    assigns=[f"doc._.{attrs.FIGURES}"],
    requires=["doc.sents", "doc.ents", "token.dep", "token.pos", "token.lemma", f"doc._.{attrs.ARTICLE}",
              f"doc._.{attrs.FURNITURE}", f"doc._.{attrs.ENTITIES}", f"doc._.{attrs.QUOTES}"],
    default_config={"lists": {}},
)
def make_figures(nlp: Language, name: str, lists: Dict[str, Union[str, List[str]]]) -> FiguresComponent:
    return FiguresComponent(nlp, name, lists=lists)
