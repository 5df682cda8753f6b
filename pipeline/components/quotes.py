"""Quote detection and attribution.

The stage ("claimsift_quotes", after ``claimsift_entities``) writes ``doc._.claimsift_quotes``
(see ``pipeline/attrs.py``): one record per maximal quoted segment, offsets on the content
without its marks.

How it works:

1. ``scan_quotes(text, paragraphs)`` (pure) runs a character-level state machine over the quote
   marks of each paragraph: curly “ ”, straight ", TeX-style `` '', guillemets « », low „ “,
   and single ‘ ’ / ' only where they open and close a quote (never an apostrophe: "Okonkwo’s",
   "’90s", "don’t", "the Smiths' house"). Marks nested inside an open quote belong to it (the
   outer quote is reported). A paragraph that ends inside a quote yields a record running to
   the paragraph's end (``closed`` False); when the next paragraph opens again it is the same
   speaker's run (``run`` links them). A mark that never closes costs one paragraph at most.
2. ``is_title_or_scare`` drops titles of songs/films/books (a title noun before the mark, "by
   Someone" after it, title-cased names), nicknames between a first and a last name, and one- or
   two-word scare quotes that no reporting verb in the sentence attributes.
3. Attribution uses the dependency parse: the reporting verb (``quotes_reporting_verbs.txt``)
   that governs the quote, or stands right after it (", he said" / ", said X"), or leads into
   it ("X said:"), a naming verb for fragments (X called the plan “a betrayal”), "according
   to X", "was quoted as saying", a clause ending in a colon ("Doe was blunt: “...”"), a dash
   sign-off in the paragraph or on the next line ("— Sen. Jane Doe"). A passive reporting verb
   ("I am told", "could be announced") is no cue, and a subject inside the quote itself is never
   the speaker. The speaker is the verb's subject, mapped to the canonical fullest name through the
   people clusters (``pipeline.components.people``): pronouns by gender and recency, surnames,
   titles ("the congresswoman", "the governor" for "Gov. X"), organizations and org nouns
   ("the agency"), coordinated subjects ("X and Y"). A subject
   that names no one ("a truck driver") gives ``name`` None and its words as ``mention``.
   Quotes with no cue of their own take the speaker of their run (multi-paragraph quotes) and
   of the other quotes in the paragraph (both ways, twice), of the previous paragraph's
   attribution, or of the reporting verb in the sentence before them ("..., she said. “...”").
   Answers of a Q&A article (``pipeline/quoting/interview.py``) are ``direct`` quotes of the
   interviewee without quote marks; a document ("the report said") speaks for its author.
4. Reported speech ("X said shelters are not the answer", "according to X, ...", "..., X said")
   becomes quote records of kind ``indirect`` (``pipeline/quoting/reported.py``: the reported
   clause, the cue as written, the speaker as above). On by default; the factory's
   ``emit_indirect`` setting (``claimsift run --no-indirect``) turns it off.
"""


from __future__ import annotations

from typing import Dict, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import attrs, wordlists

# --------------------------------------------------------------------------- component

class QuotesComponent(wordlists.SavesLists):
    """Writes ``doc._.claimsift_quotes``; a failure raises through spaCy's error handler."""

    def __init__(self, nlp: Language, name: str, emit_indirect: bool = True,
                 lists: Optional[Dict[str, Union[str, List[str]]]] = None):
        self.name = name
        self.emit_indirect = emit_indirect
        self.lists = wordlists.StageLists("claimsift_quotes", lists)

    def __call__(self, doc: Doc) -> Doc:
        from ..quoting.attribution import find_quotes  # imported once the word lists are set

        doc._.set(attrs.QUOTES, find_quotes(doc, emit_indirect=self.emit_indirect))
        return doc



@Language.factory(
    "claimsift_quotes",
    assigns=[f"doc._.{attrs.QUOTES}"],
    requires=["doc.sents", "doc.ents", "token.dep", "token.pos", "token.lemma", f"doc._.{attrs.PARAGRAPHS}",
              f"doc._.{attrs.FURNITURE}", f"doc._.{attrs.ENTITIES}"],
    default_config={"emit_indirect": True, "lists": {}},
)
def make_quotes(nlp: Language, name: str, emit_indirect: bool, lists: Dict[str, Union[str, List[str]]]) -> QuotesComponent:
    return QuotesComponent(nlp, name, emit_indirect=emit_indirect, lists=lists)
