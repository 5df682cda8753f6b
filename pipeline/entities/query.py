"""The entity query API: what later stages ask of the entity index on a Doc (canonical names,
pronoun, role-noun, description, organization-noun and document antecedents). Reads only the Doc.

Quotes and figures import from here only; the rules live in `index.py` (the index and its
lookups), `pronouns.py`, `roles.py`, `descriptions.py`, `orgs.py` (organizations and documents) and
`titles.py` (the title written with a mention)."""

from __future__ import annotations

from .descriptions import demonym_place, described_person, place_description, titled_name
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
    bare_org_noun,
    cataphoric_org,
    described_org,
    document_source,
    fullest_org,
    it_antecedent,
    named_force,
    org_antecedent,
    salient_org,
)
from .pronouns import kin_antecedent, owned_org, pronoun_antecedent, resolve_pronoun
from .roles import cataphoric_antecedent, description_antecedent, is_person_noun, role_antecedent
from .titles import mention_title

__all__ = [
    "AGENT_KINDS",
    "FIRST_PERSON",
    "bare_org_noun",
    "canonical_name",
    "cataphoric_antecedent",
    "cataphoric_org",
    "cluster_for",
    "described_org",
    "described_person",
    "demonym_place",
    "description_antecedent",
    "document_source",
    "fullest_org",
    "is_person_noun",
    "it_antecedent",
    "kin_antecedent",
    "mention_title",
    "most_mentioned_person",
    "named_force",
    "org_antecedent",
    "owned_org",
    "place_for",
    "place_description",
    "place_named",
    "pronoun_antecedent",
    "quote_speaker",
    "resolve_pronoun",
    "role_antecedent",
    "salient_org",
    "titled_name",
]

