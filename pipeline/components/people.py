"""Per-article clusters of people and organizations, and pronoun resolution.

The stage ("claimsift_people", after ``ner``) groups the PERSON and ORG mentions of one
article into clusters and writes them to ``doc._.claimsift_people`` (see ``pipeline/attrs.py``):
full names, surnames, first names, title + surname ("Rep. Okonkwo"), possessives ("Okonkwo’",
"Lindqvist's") all land in one cluster whose ``name`` is the fullest form the article uses. Titles
and roles are kept apart from names ("longtime strategist Dana Whitmore" gives the name
"Dana Whitmore" and the title "longtime strategist"). A cluster's gender ("m", "f" or None) comes
from gendered titles ("Ms.", "congresswoman") and from the he/she pronouns that follow its
mentions; it is what pronoun resolution uses.

The small entity model mislabels and misses names, so the stage corrects it with general
evidence: a span tagged ORG/GPE is a person when a title starts it ("Councilmember Jane Doe"),
a title, role or person noun precedes it ("longtime resident Jane Doe"), an age or a person
apposition follows it ("Jane Doe, 54,"), or it is a capitalized two-or-three-word subject of a
reporting verb whose first word never stands alone elsewhere (organizations are shortened to
their first word, people to their last). A PERSON span ending in an organization word
("Acme Renewables", ``people_org_words.txt``) or right after an organization noun ("industrial
group Acme Werke", ``people_org_nouns.txt``) is an organization. Names no entity covers are
found after titles ("said Mayor Jane Doe") and as reporting-verb subjects; a first name the
model left out ("Jane" in "Jane Doe, 54,") joins the name; hyphenated surnames are repeated as
one word; an acronym joins the organization it abbreviates.

Organizations: a lone word that starts exactly one known organization's name joins it ("Harlow"
beside "Harlow Dynamics"; not when the name is a place's body, "X County Board",
``people_place_words.txt``); a short organization name joins the one fuller name it starts or
(capitalized names only, not after "of") ends ("the Gulls" -> "Harbor City Gulls"); an
untagged fuller form in the text ("X Technologies" where only "X" was tagged) joins too; an
organization's canonical name is its fullest form. Garbage is kept out: datelines (an all-caps
place opening a paragraph before a dash: "CITY, Region (Agency) -") are places, never clusters;
entities crossing a lowercase function word ("Gulls as Mercer" in a headline) are split there;
a one-word "person" that opens a sentence or headline and that the article also writes in
lower case ("Ferry strike ...", "Turnout reached ...") is dropped. When neither titles nor
pronouns give a person's gender, a first name of one sex does (``people_first_names_*.txt``,
weak evidence only).

Pure helpers that later stages call (they read only ``doc._.claimsift_people`` and the parse):

``canonical_name(doc, start, end) -> str | None``
    The canonical cluster name for the mention at character offsets ``[start, end)`` of
    ``doc.text`` (a full name, a surname, a first name, "Rep. X", a possessive "X's"), else None.

``resolve_pronoun(doc, token) -> str | None``
    The canonical name a personal pronoun (he/him/his/himself, she/her/hers/herself,
    they/them/their) refers to, by gender and recency: mentions earlier in the same sentence
    and in up to four preceding sentences, subjects preferred, a pronoun subject of an earlier
    sentence followed through to its own antecedent. "they" resolves to a coordinated subject
    ("X and Y") or an organization. An object pronoun never refers to the subject of its own
    clause (binding principle B: in "Judge X ordered him to pay", him is not X); possessives and
    reflexives can ("X raised money for her campaign"). None when nothing fits.

``cluster_for(doc, start, end) -> dict | None``
    The cluster dict itself, for callers that also want the gender, kind or titles.

``role_antecedent(doc, token) -> str | None``
    The person a definite role noun stands for ("the congresswoman" -> the most recent person
    with that role or a compatible gender; titles map to roles through
    ``people_title_roles.txt``, so "Gov. X" is "the governor").

``org_antecedent(doc, token) -> str | None``
    The organization a definite org noun stands for ("the agency" -> the most recent
    organization, preferring one whose name ends in that noun).
"""


from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import attrs
from ..entities.clusters import build_clusters

# --------------------------------------------------------------------------- component

class PeopleComponent:
    """Writes ``doc._.claimsift_people``; a failure raises through spaCy's error handler."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(attrs.PEOPLE, build_clusters(doc))
        return doc


@Language.factory(
    "claimsift_people",
    assigns=[f"doc._.{attrs.PEOPLE}"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.tag", "token.lemma",
              f"doc._.{attrs.PARAGRAPHS}"],
    default_config={},
)
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(nlp, name)
