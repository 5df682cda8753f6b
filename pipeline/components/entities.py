"""The entities stage: the article's entity index (who is who), which the other stages query.

The stage ("claimsift_entities", after ``ner``) writes ``doc._.claimsift_entities`` and the span
group ``doc.spans["claimsift_entities"]`` (see ``pipeline/attrs.py``): every person, organization
and place of the article with a canonical fullest name, the other forms the article uses
(aliases: surnames, first names, "Rep. X", possessives, short organization names, acronyms),
titles and roles kept apart from names ("longtime strategist Dana Whitmore" gives the name
"Dana Whitmore" and the title "longtime strategist"), and a gender for people.

The work is done by pure functions in ``pipeline/entities/``: ``mentions.py`` collects the
PERSON and ORG mentions (the small entity model corrected with titles, roles, ages, reporting
verbs, datelines and organization words), ``clusters.py`` groups them (full names, surnames,
first names), ``org_names.py`` joins an organization's other names (shortened names, acronyms),
``titles.py`` reads titles and gender (titles, role appositives, pronouns), ``canonical.py`` makes
each entity's record (canonical name, aliases; gender from first names when nothing else tells),
``places.py`` adds the places, and ``query.py`` is the API that the quotes and figures
stages call; it reads only the ``Doc``:

``canonical_name(doc, start, end)``, ``cluster_for(doc, start, end)``
    The canonical name (or the whole entry) for the mention at character offsets [start, end).
``resolve_pronoun(doc, token)``, ``pronoun_antecedent(doc, token)``
    A he/she/they pronoun by gender, recency and binding principle B.
``role_antecedent(doc, token)``, ``description_antecedent(doc, token)``, ``cataphoric_antecedent(doc, token)``
    "the congresswoman", "the mother-of-two", "the 31-year-old", and "a spokesperson" named right after.
``described_person(doc, token)``, ``place_description(doc, token)``, ``titled_name(doc, token)``
    "the reigning titleholder", "the country", and "the group" after "folk group X".
``org_antecedent(doc, token)``, ``it_antecedent(doc, token)``, ``salient_org(doc, pos, noun)``, ``fullest_org(doc, name)``
    "the agency", "the Ruritanian government", "it", and the fullest name of an organization.
``place_for(doc, start, end)``, ``most_mentioned_person(doc)``
    A place speaking for its government; an interview's interviewee.
"""


from __future__ import annotations

from typing import Dict, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import attrs, wordlists

# --------------------------------------------------------------------------- component

class EntitiesComponent(wordlists.SavesLists):
    """Writes the entity index (``doc._.claimsift_entities``) and its mentions as the span group
    ``doc.spans["claimsift_entities"]``; a failure raises through spaCy's error handler."""

    def __init__(self, nlp: Language, name: str, lists: Optional[Dict[str, Union[str, List[str]]]] = None):
        self.name = name
        self.lists = wordlists.StageLists("claimsift_entities", lists)

    def __call__(self, doc: Doc) -> Doc:
        from ..entities.clusters import build_entities  # imported once the word lists are set

        entities = build_entities(doc)
        doc._.set(attrs.ENTITIES, entities)
        doc.spans[attrs.ENTITY_SPANS] = entity_spans(doc, entities)
        return doc


def entity_spans(doc: Doc, entities: List[dict]) -> List[Span]:
    """One span per mention, labelled with its entity's kind (PERSON, ORG, PLACE), its ``kb_id``
    the entity's canonical name; in text order."""
    out = []
    for e in entities:
        for a, b in e["mentions"]:
            span = doc.char_span(a, b, label=e["kind"].upper(), kb_id=e["name"], alignment_mode="expand")
            if span is not None:
                out.append(span)
    out.sort(key=lambda s: (s.start, s.end))
    return out


@Language.factory(
    "claimsift_entities",
    assigns=[f"doc._.{attrs.ENTITIES}", "doc.spans"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.tag", "token.lemma",
              f"doc._.{attrs.PARAGRAPHS}"],
    default_config={"lists": {}},
)
def make_entities(nlp: Language, name: str, lists: Dict[str, Union[str, List[str]]]) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, lists=lists)
