"""The entity query API: what later stages ask of the entity index on a Doc (canonical names,
pronoun, role-noun, organization-noun and document antecedents). Reads only the Doc.

Quotes and figures import from here only; the rules live in `index.py` (the index and its
lookups), `pronouns.py`, `roles.py` and `orgs.py` (organizations and documents)."""

from __future__ import annotations

from .index import (
    AGENT_KINDS,
    FIRST_PERSON,
    canonical_name,
    cluster_for,
    most_mentioned_person,
    place_for,
    place_named,
    quote_speaker,
)
from .orgs import (
    cataphoric_org,
    described_org,
    document_source,
    fullest_org,
    it_antecedent,
    org_antecedent,
    salient_org,
)
from .pronouns import kin_antecedent, pronoun_antecedent, resolve_pronoun
from .roles import cataphoric_antecedent, description_antecedent, role_antecedent

__all__ = [
    "AGENT_KINDS",
    "FIRST_PERSON",
    "canonical_name",
    "cataphoric_antecedent",
    "cataphoric_org",
    "cluster_for",
    "described_org",
    "description_antecedent",
    "document_source",
    "fullest_org",
    "it_antecedent",
    "kin_antecedent",
    "most_mentioned_person",
    "org_antecedent",
    "place_for",
    "place_named",
    "pronoun_antecedent",
    "quote_speaker",
    "resolve_pronoun",
    "role_antecedent",
    "salient_org",
]


# ---------------------------------------------------------------------------------------------
# added for figures: the place a nationality word names

_DEMONYM_ENDS = frozenset({"", "n", "an", "ian", "i", "ese", "ean", "ish", "ic"})
_PLACE_ENDS = frozenset({"", "a", "o", "e", "y", "ia"})
_MIN_STEM = 4  # letters a place and its nationality word share ("Borduria"/"Bordurian", "Zanda"/"Zandese")


def demonym_place(doc, word: str):
    """The canonical name of the article's place that a nationality word names ("Ruritanian" ->
    "Ruritania", "Zandese" -> "Zanda"), or None: the word and a one-word place name share a stem of
    four letters or more, and what is left of each is a usual ending ("-n", "-ian", "-ese" / "-a",
    "-y"); no place of the article fits, no answer (the word is not looked up in a list)."""
    from .. import attrs  # (here, so that the additions stay at the end of this facade)

    low = word.lower()
    if len(low) < _MIN_STEM + 1 or not word[:1].isupper():
        return None
    for entity in doc._.get(attrs.ENTITIES) or ():
        name = entity.get("name") or ""
        if entity.get("kind") != "place" or " " in name or name.lower() == low:
            continue
        place = name.lower()
        stem = 0
        while stem < min(len(low), len(place)) and low[stem] == place[stem]:
            stem += 1
        if stem >= _MIN_STEM and low[stem:] in _DEMONYM_ENDS and place[stem:] in _PLACE_ENDS:
            return name
    return None


__all__ += ["demonym_place"]
