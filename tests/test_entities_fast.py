"""Fast tier: the entity layer's rules on hand-built Docs (words, heads, deps, tags, entities).

No model is loaded: each Doc carries exactly the parse a rule reads, and the entity index the
query API reads is written by hand where the rule only queries it.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.attrs import ENTITIES
from pipeline.entities.clusters import build_entities
from pipeline.entities.mentions import _collect_mentions
from pipeline.entities.query import (
    description_antecedent,
    described_org,
    place_description,
    fullest_org,
    it_antecedent,
    org_antecedent,
    owned_org,
    place_for,
    resolve_pronoun,
    role_antecedent,
    salient_org,
)
from pipeline.quoting.marks import scan_quotes

VOCAB = spacy.blank("en").vocab


def make(tokens, ents=(), entities=None, sent_starts=(0,)):
    """A Doc from (word, head offset, dep, pos, tag, lemma) rows; heads are relative (0: itself);
    sentences start at the token indices `sent_starts`."""
    words = [t[0] for t in tokens]
    doc = Doc(
        VOCAB, words=words,
        spaces=[not (i + 1 < len(words) and words[i + 1] in (".", ",", "'s")) for i in range(len(words))],
        heads=[i + t[1] for i, t in enumerate(tokens)], deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens], tags=[t[4] for t in tokens],
        lemmas=[t[5] if len(t) > 5 else t[0].lower() for t in tokens],
        sent_starts=[int(i in sent_starts) for i in range(len(tokens))], ents=list(ents) or None,
    )
    if entities is not None:
        doc._.set(ENTITIES, entities)
    return doc


def entity(name, kind, mentions, titles=(), gender=None):
    return {"name": name, "kind": kind, "gender": gender, "titles": list(titles), "aliases": [],
            "mentions": [list(m) for m in mentions]}


def at(doc, word, n=0):
    return [t for t in doc if t.text == word][n]


# --------------------------------------------------------------------------- organizations


def test_an_org_noun_with_a_proper_modifier_names_itself():
    # "the Ruritanian government said"
    doc = make([("the", 2, "det", "DET", "DT"), ("Ruritanian", 1, "amod", "ADJ", "JJ"),
                ("government", 1, "nsubj", "NOUN", "NN"), ("said", 0, "ROOT", "VERB", "VBD", "say")],
               ents=["O", "B-NORP", "O", "O"], entities=[])
    assert described_org(at(doc, "government")) == "Ruritanian government"
    assert org_antecedent(doc, at(doc, "government")) == "Ruritanian government"


def test_a_plain_org_noun_names_no_one_by_itself():
    doc = make([("the", 1, "det", "DET", "DT"), ("agency", 1, "nsubj", "NOUN", "NN"),
                ("said", 0, "ROOT", "VERB", "VBD", "say")], entities=[])
    assert described_org(at(doc, "agency")) is None
    assert org_antecedent(doc, at(doc, "agency")) is None


# "Brightwell said it would expand. Shops sell Zephyr phones. The company grew."
SALIENCE = [("Brightwell", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("it", 2, "nsubj", "PRON", "PRP"), ("would", 1, "aux", "AUX", "MD"),
            ("expand", -3, "ccomp", "VERB", "VB"), (".", -4, "punct", "PUNCT", "."),
            ("Shops", 1, "nsubj", "NOUN", "NNS", "shop"), ("sell", 0, "ROOT", "VERB", "VBP"),
            ("Zephyr", 1, "compound", "PROPN", "NNP"), ("phones", -2, "dobj", "NOUN", "NNS", "phone"),
            (".", -3, "punct", "PUNCT", "."),
            ("The", 1, "det", "DET", "DT"), ("company", 1, "nsubj", "NOUN", "NN"),
            ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", ".")]


def salience_doc():
    doc = make(SALIENCE)
    a = at(doc, "Brightwell").idx
    z = at(doc, "Zephyr").idx
    doc._.set(ENTITIES, [entity("Brightwell", "org", [(a, a + 10)]), entity("Zephyr", "org", [(z, z + 6)])])
    return doc


def test_the_company_is_the_organization_that_acts_not_the_latest_brand():
    doc = salience_doc()
    assert salient_org(doc, at(doc, "company").idx, "company") == "Brightwell"
    assert org_antecedent(doc, at(doc, "company")) == "Brightwell"


def test_a_brand_that_is_only_a_passive_subject_or_qualifies_a_thing_does_not_act():
    # "Brightwell said it would expand . Zephyr is expected . Its Zephyr phones will ship . The
    # company grew .": the brand is named more often, but never acts
    rows = [("Brightwell", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("it", 2, "nsubj", "PRON", "PRP"), ("would", 1, "aux", "AUX", "MD"),
            ("expand", -3, "ccomp", "VERB", "VB"), (".", -4, "punct", "PUNCT", "."),
            ("Zephyr", 2, "nsubjpass", "PROPN", "NNP"), ("is", 1, "auxpass", "AUX", "VBZ", "be"),
            ("expected", 0, "ROOT", "VERB", "VBN", "expect"), (".", -1, "punct", "PUNCT", "."),
            ("Its", 2, "poss", "PRON", "PRP$"), ("Zephyr", 1, "compound", "PROPN", "NNP"),
            ("phones", 2, "nsubj", "NOUN", "NNS", "phone"), ("will", 1, "aux", "AUX", "MD"),
            ("ship", 0, "ROOT", "VERB", "VB"), (".", -1, "punct", "PUNCT", "."),
            ("The", 1, "det", "DET", "DT"), ("company", 1, "nsubj", "NOUN", "NN"),
            ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 6, 10, 16))
    b = at(doc, "Brightwell").idx
    zs = [t.idx for t in doc if t.text == "Zephyr"]
    doc._.set(ENTITIES, [entity("Brightwell", "org", [(b, b + 10)]), entity("Zephyr", "org", [(z, z + 6) for z in zs])])
    assert salient_org(doc, at(doc, "company").idx, "company") == "Brightwell"


def test_only_an_organization_or_place_noun_picks_the_name_that_holds_it():
    # "Zephyr Holdings said . the zephyr spread ." : "the zephyr" (no organization noun) is no
    # organization; "the holdings" would be
    rows = [("Zephyr", 1, "compound", "PROPN", "NNP"), ("Holdings", 1, "nsubj", "PROPN", "NNPS"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", "."),
            ("the", 1, "det", "DET", "DT"), ("zephyr", 1, "nsubj", "NOUN", "NN"),
            ("spread", 0, "ROOT", "VERB", "VBD"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 4))
    doc._.set(ENTITIES, [entity("Zephyr Holdings", "org", [(0, 15)])])
    at_noun = at(doc, "zephyr").idx
    assert salient_org(doc, at_noun, "zephyr") is None
    assert salient_org(doc, at_noun, "company") == "Zephyr Holdings"


def test_it_is_the_organization_subject_of_the_verb_above_it():
    doc = salience_doc()
    assert it_antecedent(doc, at(doc, "it")) == "Brightwell"


def test_fullest_org_extends_a_short_name_but_a_place_only_to_a_team():
    doc = make([("x", 0, "ROOT", "X", "XX")])
    doc._.set(ENTITIES, [
        entity("Lakeport", "place", [(0, 1)]), entity("Lakeport Police Department", "org", [(0, 1)]),
        entity("Harlow Dynamics", "org", [(0, 1)]), entity("Harlow", "org", [(0, 1)]),
        entity("Northgate", "place", [(0, 1)]), entity("Northgate Sharks", "org", [(0, 1)]),
    ])
    assert fullest_org(doc, "Harlow") == "Harlow Dynamics"
    assert fullest_org(doc, "Lakeport") == "Lakeport"
    assert fullest_org(doc, "Northgate") == "Northgate Sharks"
    assert place_for(doc, 0, 1)["name"] == "Lakeport"


# --------------------------------------------------------------------------- people


# "Jane Roe, the club 's mother, spoke . The mother-of-two said ."
def role_doc(det="The", later=False):
    rows = [(det, 1, "det", "DET", "DT"), ("mother", 1, "nsubj", "NOUN", "NN"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            (".", -1, "punct", "PUNCT", ".")]
    name = [("Ann", 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
            ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", ".")]
    rows = rows + name if later else name + rows
    doc = make(rows)
    ann = at(doc, "Ann")
    doc._.set(ENTITIES, [entity("Ann Roe", "person", [(ann.idx, ann.idx + 7)], titles=["His mother"], gender="f")])
    return doc


def test_a_definite_person_noun_is_the_earlier_person_with_that_title():
    doc = role_doc()
    assert role_antecedent(doc, at(doc, "mother")) == "Ann Roe"


def test_a_person_noun_no_earlier_person_holds_looks_ahead():
    doc = role_doc(later=True)
    assert role_antecedent(doc, at(doc, "mother")) == "Ann Roe"


def test_an_indefinite_person_noun_is_someone_new():
    doc = role_doc(det="A")
    assert role_antecedent(doc, at(doc, "mother")) is None


# "Omar Delgado said Hale failed . The leader spoke ." (who = "Delgado"/"Officials")
def leader_doc(who="Delgado"):
    rows = [(who, 1, "nsubj", "PROPN" if who == "Delgado" else "NOUN", "NNP" if who == "Delgado" else "NNS"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), ("Hale", 1, "nsubj", "PROPN", "NNP"),
            ("failed", -2, "ccomp", "VERB", "VBD", "fail"), (".", -3, "punct", "PUNCT", "."),
            ("The", 1, "det", "DET", "DT"), ("leader", 1, "nsubj", "NOUN", "NN"),
            ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 5))
    hale = at(doc, "Hale")
    ents = [entity("Tom Hale", "person", [(hale.idx, hale.idx + 4)], gender="m")]
    if who == "Delgado":
        ents.append(entity("Omar Delgado", "person", [(0, 7)], gender="m"))
    doc._.set(ENTITIES, ents)
    return doc


def test_a_role_no_one_is_titled_with_is_the_last_person_who_spoke():
    doc = leader_doc()
    assert role_antecedent(doc, at(doc, "leader")) == "Omar Delgado"


def test_the_speaker_outranks_the_person_spoken_about_for_a_later_pronoun():
    # "Delgado said Hale had lost . He left ." : Delgado speaks, Hale is only spoken about
    rows = [("Delgado", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("Hale", 2, "nsubj", "PROPN", "NNP"), ("had", 1, "aux", "AUX", "VBD", "have"),
            ("lost", -3, "ccomp", "VERB", "VBN", "lose"), (".", -4, "punct", "PUNCT", "."),
            ("He", 1, "nsubj", "PRON", "PRP"), ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 6))
    hale = at(doc, "Hale")
    doc._.set(ENTITIES, [entity("Omar Delgado", "person", [(0, 7)], gender="m"),
                         entity("Tom Hale", "person", [(hale.idx, hale.idx + 4)], gender="m")])
    assert resolve_pronoun(doc, at(doc, "He")) == "Omar Delgado"


def test_a_person_only_spoken_about_is_no_role_holder():
    doc = leader_doc(who="Officials")
    assert role_antecedent(doc, at(doc, "leader")) is None


# "Omar Delgado spoke . <second sentence>": who "he" in the second sentence is
SPOKE = [("Delgado", 1, "nsubj", "PROPN", "NNP"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", ".")]
PRINCIPLE_C = [
    # "Hale 's plan failed , he said .": Hale is spoken about, not the speaker
    ([("Hale", 2, "poss", "PROPN", "NNP"), ("'s", -1, "case", "PART", "POS"), ("plan", 1, "nsubj", "NOUN", "NN"),
      ("failed", 3, "ccomp", "VERB", "VBD", "fail"), (",", 2, "punct", "PUNCT", ","), ("he", 1, "nsubj", "PRON", "PRP"),
      ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")], "Omar Delgado"),
    # "When Hale arrived , he said .": a name in an adjunct clause before the verb can be "he"
    ([("When", 2, "advmod", "SCONJ", "WRB"), ("Hale", 1, "nsubj", "PROPN", "NNP"),
      ("arrived", 3, "advcl", "VERB", "VBD", "arrive"), (",", 2, "punct", "PUNCT", ","),
      ("he", 1, "nsubj", "PRON", "PRP"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")],
     "Tom Hale"),
]


PRINCIPLE_C.append(
    # "Unlike the Hale plan , he left .": a name that only qualifies a thing is no he or she
    ([("Unlike", 6, "prep", "ADP", "IN"), ("the", 2, "det", "DET", "DT"), ("Hale", 1, "compound", "PROPN", "NNP"),
      ("plan", -3, "pobj", "NOUN", "NN"), (",", 2, "punct", "PUNCT", ","), ("he", 1, "nsubj", "PRON", "PRP"),
      ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")], "Omar Delgado"))


PRINCIPLE_C.append(
    # "Of Hale , he said .": a name in a preposed "of" phrase of a reporting verb is spoken about
    ([("Of", 4, "prep", "ADP", "IN"), ("Hale", -1, "pobj", "PROPN", "NNP"), (",", 2, "punct", "PUNCT", ","),
      ("he", 1, "nsubj", "PRON", "PRP"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")],
     "Omar Delgado"))


@pytest.mark.parametrize("second,expected", PRINCIPLE_C, ids=["reported", "adjunct", "modifier", "preposed-of"])
def test_a_name_in_the_words_a_pronoun_reports_is_not_its_antecedent(second, expected):
    doc = make(SPOKE + second, sent_starts=(0, 3))
    hale = at(doc, "Hale")
    doc._.set(ENTITIES, [entity("Omar Delgado", "person", [(0, 7)], gender="m"),
                         entity("Tom Hale", "person", [(hale.idx, hale.idx + 4)],
                                gender=None if hale.dep_ == "compound" else "m")])
    assert resolve_pronoun(doc, at(doc, "he")) == expected


def test_the_age_description_is_the_person_named_last():
    rows = [("Ann", 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
            ("won", 0, "ROOT", "VERB", "VBD", "win"), (".", -1, "punct", "PUNCT", "."),
            ("The", 2, "det", "DET", "DT"), ("31-year", 1, "npadvmod", "NOUN", "NN"),
            ("old", 1, "nsubj", "ADJ", "JJ"), ("smiled", 0, "ROOT", "VERB", "VBD", "smile"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows)
    ann = at(doc, "Ann")
    doc._.set(ENTITIES, [entity("Ann Roe", "person", [(ann.idx, ann.idx + 7)])])
    assert description_antecedent(doc, at(doc, "old")) == "Ann Roe"
    assert description_antecedent(doc, at(doc, "Roe")) is None


def test_a_titled_surname_joins_the_cluster_its_gender_fits():
    # "John Roe spoke . Jane Roe spoke . Mr Roe left ."
    rows = []
    for first in ("John", "Jane"):
        rows += [(first, 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
                 ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", ".")]
    rows += [("Mr", 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
             ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    ents = ["B-PERSON", "I-PERSON", "O", "O"] * 2 + ["B-PERSON", "I-PERSON", "O", "O"]
    doc = make(rows, ents=ents)
    out = {e["name"]: e for e in build_entities(doc)}
    mr = at(doc, "Roe", 2).idx
    assert [mr, mr + 3] in out["John Roe"]["mentions"]
    assert [mr, mr + 3] not in out["Jane Roe"]["mentions"]
    assert out["John Roe"]["aliases"] == ["Roe"]


@pytest.mark.parametrize("man,woman", [("Rupert", "Araminta"), ("Clement", "Philippa")])
def test_a_census_given_name_tells_the_sex_a_title_must_fit(man, woman):
    # "Araminta Roe spoke . Rupert Roe spoke . Miss Roe left .": the woman's given name is in no
    # list, the man's only in the census; the title "Miss" joins the woman, though the man is nearer
    rows = []
    for first in (woman, man):
        rows += [(first, 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
                 ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", ".")]
    rows += [("Miss", 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
             ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-PERSON", "I-PERSON", "O", "O"] * 3, sent_starts=(0, 4, 8))
    out = {e["name"]: e for e in build_entities(doc)}
    miss = at(doc, "Roe", 2).idx
    assert [miss, miss + 3] in out[f"{woman} Roe"]["mentions"]
    assert out[f"{man} Roe"]["gender"] == "m"


def test_an_untagged_word_that_speaks_twice_is_an_organization():
    # "Quorvex says it grew . Quorvex said so ." (the model tagged nothing)
    rows = [("Quorvex", 1, "nsubj", "PROPN", "NNP"), ("says", 0, "ROOT", "VERB", "VBZ", "say"),
            ("it", 1, "nsubj", "PRON", "PRP"), ("grew", -2, "ccomp", "VERB", "VBD", "grow"),
            (".", -3, "punct", "PUNCT", "."),
            ("Quorvex", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("so", -1, "advmod", "ADV", "RB"), (".", -2, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 5))
    (org,) = build_entities(doc)
    assert org["name"] == "Quorvex" and org["kind"] == "org" and len(org["mentions"]) == 2


@pytest.mark.parametrize("word,tag", [("Police", "NNP"), ("Quorvex", "NNP")])
def test_an_untagged_word_that_speaks_once_or_is_a_common_noun_is_no_name(word, tag):
    # "Police said so . police came ." / "Quorvex said so ." (once)
    rows = [(word, 1, "nsubj", "PROPN", tag), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("so", -1, "advmod", "ADV", "RB"), (".", -2, "punct", "PUNCT", ".")]
    if word == "Police":
        rows += [("police", 1, "nsubj", "NOUN", "NN"), ("came", 0, "ROOT", "VERB", "VBD", "come"),
                 (".", -1, "punct", "PUNCT", ".")]
        rows += [(word, 1, "nsubj", "PROPN", tag), ("said", 0, "ROOT", "VERB", "VBD", "say"),
                 (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 4, 7) if word == "Police" else (0,))
    assert build_entities(doc) == []


@pytest.mark.parametrize("title,words", [
    ("paid consultant for the committee", ["paid", "consultant"]),
    ("head of the museum", ["head"]),
    ("Department for Transport spokesman", ["department", "for", "transport", "spokesman"]),
])
def test_a_title_s_own_words_stop_at_a_preposition_with_an_article(title, words):
    from pipeline.entities.roles import _title_words
    assert _title_words(title) == words


def test_an_organization_cut_short_on_the_left_takes_its_first_words_back():
    from pipeline.entities.bounds import org_start
    # "the Inland Water and Canal Board ( IWCB ) said": the model tagged "Canal Board" only
    rows = [("the", 5, "det", "DET", "DT"), ("Inland", 1, "compound", "PROPN", "NNP"),
            ("Water", 3, "nmod", "PROPN", "NNP"), ("and", -1, "cc", "CCONJ", "CC"),
            ("Canal", 1, "compound", "PROPN", "NNP"), ("Board", 4, "nsubj", "PROPN", "NNP"),
            ("(", -1, "punct", "PUNCT", "-LRB-"), ("IWCB", -2, "appos", "PROPN", "NNP"),
            (")", -3, "punct", "PUNCT", "-RRB-"), ("said", 0, "ROOT", "VERB", "VBD", "say")]
    doc = make(rows, ents=["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"])
    assert org_start(doc, 4, 6) == 1
    # without the acronym, or with one the longer name does not spell: as tagged
    plain = rows[:5] + [("Board", 1, "nsubj", "PROPN", "NNP")] + rows[9:]
    assert org_start(make(plain), 4, 6) == 4
    # "editor of AB Pro Weekly": an untagged capitalized word compounded into the name
    doc = make([("editor", 0, "ROOT", "NOUN", "NN"), ("of", -1, "prep", "ADP", "IN"),
                ("AB", 2, "compound", "PROPN", "NNP"), ("Pro", 1, "compound", "PROPN", "NNP"),
                ("Weekly", -3, "pobj", "PROPN", "NNP")])
    assert org_start(doc, 3, 5) == 2


def test_a_hyphenated_first_part_belongs_to_the_organization():
    from pipeline.entities.bounds import org_start
    # "Harbor-Vale Police said" (the tokenizer splits at the hyphen)
    words = ["Harbor", "-", "Vale", "Police", "said"]
    doc = Doc(VOCAB, words=words, spaces=[False, False, True, True, False],
              heads=[2, 2, 3, 4, 4], deps=["compound", "punct", "compound", "nsubj", "ROOT"],
              pos=["PROPN", "PUNCT", "PROPN", "PROPN", "VERB"], tags=["NNP", "HYPH", "NNP", "NNP", "VBD"])
    assert org_start(doc, 2, 4) == 0


def test_a_verb_opening_a_person_entity_is_cut_off():
    rows = [("Praising", 2, "compound", "VERB", "VBG", "praise"), ("Ann", 1, "compound", "PROPN", "NNP"),
            ("Roe", 1, "nsubj", "PROPN", "NNP"), ("smiled", 0, "ROOT", "VERB", "VBD", "smile"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"])
    assert [e["name"] for e in build_entities(doc)] == ["Ann Roe"]


def test_a_one_word_person_only_ever_placed_is_a_place():
    # "Talks ended in Valdora . Crowds gathered at Valdora ." (the model tagged Valdora PERSON)
    rows = [("Talks", 1, "nsubj", "NOUN", "NNS"), ("ended", 0, "ROOT", "VERB", "VBD", "end"),
            ("in", -1, "prep", "ADP", "IN"), ("Valdora", -1, "pobj", "PROPN", "NNP"), (".", -3, "punct", "PUNCT", "."),
            ("Crowds", 1, "nsubj", "NOUN", "NNS"), ("gathered", 0, "ROOT", "VERB", "VBD", "gather"),
            ("at", -1, "prep", "ADP", "IN"), ("Valdora", -1, "pobj", "PROPN", "NNP"), (".", -3, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["O", "O", "O", "B-PERSON", "O", "O", "O", "O", "B-PERSON", "O"])
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Valdora", "place")]


def test_a_one_word_name_takes_the_full_name_the_model_missed():
    # "The victim met Ana Salas Ortega online . Salas spoke ." (only the second "Salas" tagged)
    rows = [("The", 1, "det", "DET", "DT"), ("victim", 1, "nsubj", "NOUN", "NN"), ("met", 0, "ROOT", "VERB", "VBD", "meet"),
            ("Ana", 2, "compound", "PROPN", "NNP"), ("Salas", 1, "compound", "PROPN", "NNP"),
            ("Ortega", -3, "dobj", "PROPN", "NNP"), ("online", -4, "advmod", "ADV", "RB"), (".", -5, "punct", "PUNCT", "."),
            ("Salas", 1, "nsubj", "PROPN", "NNP"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", ".")]
    ents = ["O"] * 8 + ["B-PERSON", "O", "O"]
    doc = make(rows, ents=ents)
    (person,) = [e for e in build_entities(doc) if e["kind"] == "person"]
    assert person["name"] == "Ana Salas Ortega" and len(person["mentions"]) == 2


def test_an_organization_word_takes_the_of_name_the_model_cut_off():
    # "The Harbour Council of Ruritania urged ." (the model tagged "The Harbour Council" and "Ruritania")
    rows = [("The", 2, "det", "DET", "DT"), ("Harbour", 1, "compound", "PROPN", "NNP"),
            ("Council", 3, "nsubj", "PROPN", "NNP"), ("of", -1, "prep", "ADP", "IN"),
            ("Ruritania", -1, "pobj", "PROPN", "NNP"), ("urged", 0, "ROOT", "VERB", "VBD", "urge"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "O"])
    orgs = [e["name"] for e in build_entities(doc) if e["kind"] == "org"]
    assert orgs == ["Harbour Council of Ruritania"]


@pytest.mark.parametrize("order", ["full first", "short first"])
def test_a_surname_of_several_words_joins_the_full_name(order):
    # "Ana Dal Pozzo spoke . Dal Pozzo left ." (either order)
    full = [("Ana", 2, "compound", "PROPN", "NNP"), ("Dal", 1, "compound", "PROPN", "NNP"),
            ("Pozzo", 1, "nsubj", "PROPN", "NNP"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"),
            (".", -1, "punct", "PUNCT", ".")]
    short = [("Dal", 1, "compound", "PROPN", "NNP"), ("Pozzo", 1, "nsubj", "PROPN", "NNP"),
             ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    first, second = (full, short) if order == "full first" else (short, full)
    ents = [("B-PERSON" if k == 0 else "I-PERSON") if row[4] == "NNP" else "O"
            for part in (first, second) for k, row in enumerate(part)]
    doc = make(first + second, ents=ents, sent_starts=(0, len(first)))
    (person,) = build_entities(doc)
    assert person["name"] == "Ana Dal Pozzo" and len(person["mentions"]) == 2


def test_a_surname_of_several_words_tagged_as_an_organization_joins_the_full_name():
    # "Ana Dal Pozzo spoke . Dal Pozzo left ." with the second "Dal Pozzo" tagged ORG three times
    full = [("Ana", 2, "compound", "PROPN", "NNP"), ("Dal", 1, "compound", "PROPN", "NNP"),
            ("Pozzo", 1, "nsubj", "PROPN", "NNP"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"),
            (".", -1, "punct", "PUNCT", ".")]
    short = [("Dal", 1, "compound", "PROPN", "NNP"), ("Pozzo", 1, "nsubj", "PROPN", "NNP"),
             ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"] + ["B-ORG", "I-ORG", "O", "O"] * 3
    doc = make(full + short * 3, ents=ents, sent_starts=(0, 5, 9, 13))
    (person,) = build_entities(doc)
    assert person["name"] == "Ana Dal Pozzo" and person["kind"] == "person" and len(person["mentions"]) == 4


def test_a_person_the_article_names_more_often_as_an_organization_is_an_organization():
    # "Kestrel Reds won ." tagged PERSON, then "Kestrel Reds lost ." twice tagged ORG: no given name, no title
    rows = [("Kestrel", 1, "compound", "PROPN", "NNP"), ("Reds", 1, "nsubj", "PROPN", "NNP"),
            ("won", 0, "ROOT", "VERB", "VBD", "win"), (".", -1, "punct", "PUNCT", ".")]
    lost = [("Kestrel", 1, "compound", "PROPN", "NNP"), ("Reds", 1, "nsubj", "PROPN", "NNP"),
            ("lost", 0, "ROOT", "VERB", "VBD", "lose"), (".", -1, "punct", "PUNCT", ".")]
    ents = ["B-PERSON", "I-PERSON", "O", "O"] + ["B-ORG", "I-ORG", "O", "O"] * 2
    doc = make(rows + lost * 2, ents=ents, sent_starts=(0, 4, 8))
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Kestrel Reds", "org")]


def test_a_person_named_like_an_organization_of_the_article_is_its_fuller_name():
    # "Kestrel won . Kestrel Foundry said ." with "Kestrel" tagged ORG, "Kestrel Foundry" PERSON
    rows = [("Kestrel", 1, "nsubj", "PROPN", "NNP"), ("won", 0, "ROOT", "VERB", "VBD", "win"), (".", -1, "punct", "PUNCT", "."),
            ("Kestrel", 1, "compound", "PROPN", "NNP"), ("Foundry", 1, "nsubj", "PROPN", "NNP"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O"], sent_starts=(0, 3))
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Kestrel Foundry", "org")]


def test_a_person_the_article_writes_with_the_is_an_organization():
    # "Kestrel Foundry won . The Kestrel Foundry said ." both tagged PERSON
    rows = [("Kestrel", 1, "compound", "PROPN", "NNP"), ("Foundry", 1, "nsubj", "PROPN", "NNP"),
            ("won", 0, "ROOT", "VERB", "VBD", "win"), (".", -1, "punct", "PUNCT", "."),
            ("The", 2, "det", "DET", "DT"), ("Kestrel", 1, "compound", "PROPN", "NNP"), ("Foundry", 1, "nsubj", "PROPN", "NNP"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"], sent_starts=(0, 4))
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Kestrel Foundry", "org")]


def test_a_word_before_a_name_that_starts_with_a_given_name_is_no_missed_first_name():
    # "Hydrologist Dan Pike spoke ." with only "Dan Pike" tagged; a given name there is taken in
    rows = [("Hydrologist", 2, "compound", "PROPN", "NNP"), ("Dan", 1, "compound", "PROPN", "NNP"),
            ("Pike", 1, "nsubj", "PROPN", "NNP"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [m.words for m in _collect_mentions(doc)] == [["Dan", "Pike"]]
    rows[0] = ("Mary",) + rows[0][1:]
    doc = make(rows, ents=["O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [m.words for m in _collect_mentions(doc)] == [["Mary", "Dan", "Pike"]]


def test_a_word_that_only_qualifies_a_person_noun_is_no_person():
    # "An Olympic champion spoke ." with "Olympic" tagged PERSON
    rows = [("An", 2, "det", "DET", "DT"), ("Olympic", 1, "amod", "PROPN", "NNP"),
            ("champion", 1, "nsubj", "NOUN", "NN"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["O", "B-PERSON", "O", "O", "O"])
    assert _collect_mentions(doc) == []


def test_a_person_noun_right_before_a_known_surname_is_that_person():
    # "Roe spoke . Cup winner Roe saw it . He left ." with the second "Roe" parsed apart
    rows = [("Roe", 1, "nsubj", "PROPN", "NNP"), ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", "."),
            ("Cup", 1, "compound", "PROPN", "NNP"), ("winner", 2, "nsubj", "NOUN", "NN"),
            ("Roe", 1, "advmod", "ADV", "RB"), ("saw", 0, "ROOT", "VERB", "VBD", "see"),
            ("it", -1, "dobj", "PRON", "PRP"), (".", -2, "punct", "PUNCT", "."),
            ("He", 1, "nsubj", "PRON", "PRP"), ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 3, 9), entities=[entity("Tom Roe", "person", [(0, 3)], gender="m")])
    assert resolve_pronoun(doc, at(doc, "He")) == "Tom Roe"


@pytest.mark.parametrize("written, joins", [("Okonkow", True), ("Okonkwoo", True), ("Okonkwa", True),
                                             ("Okafor", False), ("Okonkwo", True)])
def test_a_surname_misspelt_by_one_letter_joins_its_person(written, joins):
    # "Ada Okonkwo spoke . <written> left ."
    rows = [("Ada", 1, "compound", "PROPN", "NNP"), ("Okonkwo", 1, "nsubj", "PROPN", "NNP"),
            ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", "."),
            (written, 1, "nsubj", "PROPN", "NNP"), ("left", 0, "ROOT", "VERB", "VBD", "leave"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"], sent_starts=(0, 4))
    people = [e["name"] for e in build_entities(doc)]
    assert people == (["Ada Okonkwo"] if joins else ["Ada Okonkwo", written])


def test_a_possessive_in_the_reported_subject_tells_the_speakers_gender():
    # "Oriel Roe , who played Lee Vale , said her award was a surprise ." (Oriel: no known sex)
    rows = [("Oriel", 1, "compound", "PROPN", "NNP"), ("Roe", 7, "nsubj", "PROPN", "NNP"), (",", -1, "punct", "PUNCT", ","),
            ("who", 1, "nsubj", "PRON", "WP"), ("played", -3, "relcl", "VERB", "VBD", "play"),
            ("Lee", 1, "compound", "PROPN", "NNP"), ("Vale", -2, "dobj", "PROPN", "NNP"), (",", -6, "punct", "PUNCT", ","),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), ("her", 1, "poss", "PRON", "PRP$"),
            ("award", 1, "nsubj", "NOUN", "NN"), ("was", -3, "ccomp", "AUX", "VBD", "be"),
            ("a", 1, "det", "DET", "DT"), ("surprise", -2, "attr", "NOUN", "NN"), (".", -6, "punct", "PUNCT", ".")]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 8
    doc = make(rows, ents=ents)
    genders = {e["name"]: e["gender"] for e in build_entities(doc)}
    assert genders["Oriel Roe"] == "f"


@pytest.mark.parametrize("country, name", [("UK", "Kestrel International UK"), ("uk", "Kestrel International")])
def test_a_country_written_after_an_organization_names_its_branch(country, name):
    # "Kestrel International UK said ." with "UK" tagged as a place of its own
    rows = [("Kestrel", 1, "compound", "PROPN", "NNP"), ("International", 2, "nsubj", "PROPN", "NNP"),
            (country, -1, "appos", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG", "I-ORG", "B-GPE", "O", "O"])
    assert [e["name"] for e in build_entities(doc) if e["kind"] == "org"] == [name]


def test_a_work_of_art_that_says_something_is_an_organization():
    # "Kestrel Learning Labs said ." tagged WORK_OF_ART
    rows = [("Kestrel", 2, "compound", "PROPN", "NNP"), ("Learning", 1, "compound", "PROPN", "NNP"),
            ("Labs", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O", "O"])
    assert [(m.words, m.label) for m in _collect_mentions(doc)] == [(["Kestrel", "Learning", "Labs"], "ORG")]


def test_an_organization_noun_owned_by_a_person_is_the_organization_named_after_them():
    # "Roe died . Her foundation said . Roe Trust grew ." : her foundation is the Roe Trust
    rows = [("Roe", 1, "nsubj", "PROPN", "NNP"), ("died", 0, "ROOT", "VERB", "VBD", "die"), (".", -1, "punct", "PUNCT", "."),
            ("Her", 1, "poss", "PRON", "PRP$"), ("foundation", 1, "nsubj", "NOUN", "NN"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", "."),
            ("Roe", 1, "compound", "PROPN", "NNP"), ("Trust", 1, "nsubj", "PROPN", "NNP"),
            ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 3, 7))
    trust = [t for t in doc if t.text == "Roe"][1].idx
    doc._.set(ENTITIES, [entity("Ann Roe", "person", [(0, 3)], gender="f"),
                         entity("Ann Roe Trust", "org", [(trust, trust + 9)])])
    assert owned_org(doc, at(doc, "foundation")) == "Ann Roe Trust"
    assert fullest_org(doc, "Ann Roe") == "Ann Roe"  # the person is not the start of the trust's name


def test_a_word_tagged_person_once_and_organization_more_often_is_an_organization():
    # "Valmont won . The Valmont side lost . The Valmont fans left ." (the first one tagged PERSON)
    rows = [("Valmont", 1, "nsubj", "PROPN", "NNP"), ("won", 0, "ROOT", "VERB", "VBD", "win"), (".", -1, "punct", "PUNCT", "."),
            ("The", 2, "det", "DET", "DT"), ("Valmont", 1, "compound", "PROPN", "NNP"), ("side", 1, "nsubj", "NOUN", "NN"),
            ("lost", 0, "ROOT", "VERB", "VBD", "lose"), (".", -1, "punct", "PUNCT", "."),
            ("The", 2, "det", "DET", "DT"), ("Valmont", 1, "compound", "PROPN", "NNP"), ("fans", 1, "nsubj", "NOUN", "NNS"),
            ("left", 0, "ROOT", "VERB", "VBD", "leave"), (".", -1, "punct", "PUNCT", ".")]
    ents = ["B-PERSON", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "O"]
    doc = make(rows, ents=ents, sent_starts=(0, 3, 8))
    assert [(m.words, m.label) for m in _collect_mentions(doc)] == [(["Valmont"], "ORG")] * 3
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Valmont", "org")]


def test_an_organization_run_into_its_officials_name_is_cut_before_the_given_name():
    # "the Ministry of Works Jane Okafor said ." (one ORG entity from "the" to "Okafor")
    rows = [("the", 5, "det", "DET", "DT"), ("Ministry", 4, "compound", "PROPN", "NNP"), ("of", -1, "prep", "ADP", "IN"),
            ("Works", -1, "pobj", "PROPN", "NNP"), ("Jane", 1, "compound", "PROPN", "NNP"),
            ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG"] + ["I-ORG"] * 5 + ["O", "O"])
    out = {e["name"]: e["kind"] for e in build_entities(doc)}
    assert out == {"Ministry of Works": "org", "Jane Okafor": "person"}


@pytest.mark.parametrize("pronoun, kind", [("she", "person"), ("it", "org")])
def test_a_given_name_tagged_org_is_a_person_when_a_personal_pronoun_follows(pronoun, kind):
    # "Ann Velloso resigned . {pronoun} left ." (the model tagged the name ORG)
    rows = [("Ann", 1, "compound", "PROPN", "NNP"), ("Velloso", 1, "nsubj", "PROPN", "NNP"),
            ("resigned", 0, "ROOT", "VERB", "VBD", "resign"), (".", -1, "punct", "PUNCT", "."),
            (pronoun.capitalize(), 1, "nsubj", "PRON", "PRP"), ("left", 0, "ROOT", "VERB", "VBD", "leave"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG", "I-ORG", "O", "O", "O", "O", "O"], sent_starts=(0, 4))
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Ann Velloso", kind)]


def test_a_person_entity_after_a_preposition_keeps_its_hyphenated_first_part():
    # "He signed for Al-Marid ." : the first word is not a separate place run into the name
    words = ["He", "signed", "for", "Al", "-", "Marid", "."]
    doc = Doc(VOCAB, words=words, spaces=[True, True, True, False, False, False, False],
              heads=[1, 1, 1, 5, 5, 2, 1], deps=["nsubj", "ROOT", "prep", "compound", "punct", "pobj", "punct"],
              pos=["PRON", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
              tags=["PRP", "VBD", "IN", "NNP", "HYPH", "NNP", "."], lemmas=["he", "sign", "for", "Al", "-", "Marid", "."],
              sent_starts=[1, 0, 0, 0, 0, 0, 0], ents=["O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"])
    names = [e["name"] for e in build_entities(doc)]
    assert names == ["Al-Marid"] and all(n[:1].isalpha() for n in names)


def test_a_word_in_capitals_tagged_as_nothing_is_the_organization_it_spells():
    # "Friends of the Lowland Marshes sued . FLM said ." (the model tagged only the full name)
    rows = [("Friends", 5, "nsubj", "PROPN", "NNPS"), ("of", -1, "prep", "ADP", "IN"), ("the", 2, "det", "DET", "DT"),
            ("Lowland", 1, "compound", "PROPN", "NNP"), ("Marshes", -3, "pobj", "PROPN", "NNPS"),
            ("sued", 0, "ROOT", "VERB", "VBD", "sue"), (".", -1, "punct", "PUNCT", "."),
            ("FLM", 1, "nsubj", "NOUN", "NN", "flm"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG"] + ["I-ORG"] * 4 + ["O"] * 5, sent_starts=(0, 7))
    (org,) = build_entities(doc)
    flm = at(doc, "FLM").idx
    assert org["name"] == "Friends of the Lowland Marshes" and [flm, flm + 3] in org["mentions"]


def test_a_person_tagged_name_after_the_is_an_organization():
    # "the Harbour Kings won ."
    rows = [("the", 2, "det", "DET", "DT"), ("Harbour", 1, "compound", "PROPN", "NNP"),
            ("Kings", 1, "nsubj", "PROPN", "NNPS"), ("won", 0, "ROOT", "VERB", "VBD", "win"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [(e["name"], e["kind"]) for e in build_entities(doc)] == [("Harbour Kings", "org")]


def test_a_time_zone_after_a_clock_time_is_no_organization():
    rows = [("at", 0, "ROOT", "ADP", "IN"), ("0900", 1, "nummod", "NUM", "CD"), ("UTC", -2, "pobj", "PROPN", "NNP")]
    doc = make(rows, ents=["O", "B-TIME", "B-ORG"])
    assert build_entities(doc) == []


def test_places_are_entities_of_their_own():
    rows = [("Rivermouth", 1, "nsubj", "PROPN", "NNP"), ("has", 0, "ROOT", "VERB", "VBZ", "have"),
            ("claimed", -1, "aux", "VERB", "VBN", "claim"), (".", -2, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-GPE", "O", "O", "O"])
    (place,) = build_entities(doc)
    assert place["kind"] == "place" and place["name"] == "Rivermouth" and place["mentions"] == [[0, 10]]


# --------------------------------------------------------------------------- quote marks (no spaCy)


@pytest.mark.parametrize(
    "text,contents,same_run",
    [
        # a quote run on without its closing mark into a new opening mark: two quotes, one run
        ('He said: "We won. "We will win again." Then he left.', ["We won.", "We will win again."], True),
        # a closing mark right after the words is a closing mark
        ('"We won." "We will win again," he said.', ["We won.", "We will win again,"], False),
    ],
)
def test_straight_quotes_reopened_after_a_sentence(text, contents, same_run):
    quotes = scan_quotes(text)
    assert [text[q["start"]:q["end"]] for q in quotes] == contents
    assert (quotes[0]["run"] == quotes[1]["run"]) is same_run


def test_tickers_fold_into_their_organization():
    from pipeline.entities.tickers import merge_tickers

    text = "Harbor Freightways Inc. (NYSE: HBFW) fell 4%. HBFW later recovered."
    org = {"name": "Harbor Freightways Inc.", "kind": "org", "aliases": [], "mentions": [[0, 23]]}
    exchange = {"name": "NYSE", "kind": "org", "aliases": [], "mentions": [[25, 29]]}
    ticker = {"name": "HBFW", "kind": "org", "aliases": [], "mentions": [[31, 35], [47, 51]]}
    out = merge_tickers(text, [org, exchange, ticker])
    assert [c["name"] for c in out] == ["Harbor Freightways Inc."]
    assert out[0]["aliases"] == ["HBFW"] and out[0]["mentions"] == [[0, 23], [47, 51]]


def test_an_organization_seen_only_as_its_listing_takes_the_company_name_before_it():
    from pipeline.entities.tickers import merge_tickers

    text = "Harbor Freightways Inc. (NYSE: HBFW) fell 4%."
    listing = {"name": "NYSE: HBFW", "kind": "org", "aliases": [], "mentions": [[25, 35]]}
    out = merge_tickers(text, [listing])
    assert [(c["name"], c["mentions"], c["aliases"]) for c in out] == [("Harbor Freightways Inc.", [[0, 23]], ["HBFW"])]
    assert text[0:23] == "Harbor Freightways Inc."


def test_first_person_inside_a_quote_is_its_speaker():
    from pipeline.attrs import QUOTES
    from pipeline.entities.query import quote_speaker

    # “ We grew . ” Ann Roe said . We left .
    rows = [("“", 2, "punct", "PUNCT", "``"), ("We", 1, "nsubj", "PRON", "PRP"), ("grew", 4, "ccomp", "VERB", "VBD"),
            (".", -1, "punct", "PUNCT", "."), ("”", 2, "punct", "PUNCT", "''"),
            ("Ann", 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", "."),
            ("We", 1, "nsubj", "PRON", "PRP"), ("left", -3, "conj", "VERB", "VBD"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, entities=[])
    inside, outside = at(doc, "We"), at(doc, "We", 1)
    doc._.set(QUOTES, [{"start": inside.idx, "end": at(doc, ".").idx + 1, "kind": "direct", "cue": "said",
                        "cue_span": None, "speaker": {"name": "Ann Roe", "mention": "Ann Roe", "mention_span": None,
                                                      "title": None}, "confidence": 0.9}])
    assert quote_speaker(doc, inside) == "Ann Roe"
    assert quote_speaker(doc, outside) is None


def _org_tagged_then_he_said(first: str, second: str):
    """"FIRST SECOND lost . Marek said he was tired ." with "FIRST SECOND" tagged ORG."""
    rows = [(first, 1, "compound", "PROPN", "NNP"), (second, 1, "nsubj", "PROPN", "NNP"),
            ("lost", 0, "ROOT", "VERB", "VBD", "lose"), (".", -1, "punct", "PUNCT", "."),
            ("Marek", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("he", 1, "nsubj", "PRON", "PRP"), ("was", -2, "ccomp", "AUX", "VBD", "be"),
            ("tired", -1, "acomp", "ADJ", "JJ"), (".", -4, "punct", "PUNCT", ".")]
    return make(rows, ents=["B-ORG", "I-ORG", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"], sent_starts=(0, 4))


def test_a_person_s_full_name_tagged_as_an_organization_joins_the_person():
    doc = _org_tagged_then_he_said("Ivo", "Marek")
    people = [c for c in build_entities(doc) if c["kind"] in ("person", "org")]
    assert [(c["name"], c["kind"], len(c["mentions"])) for c in people] == [("Ivo Marek", "person", 2)]


def test_an_organization_named_after_a_person_stays_an_organization():
    doc = _org_tagged_then_he_said("Marek", "Holdings")
    kinds = {c["name"]: c["kind"] for c in build_entities(doc)}
    assert kinds.get("Marek Holdings") == "org"


def test_the_board_is_the_board_of_the_organization_in_the_story():
    # "Acme Holdings grew . The board said ."
    rows = [("Acme", 1, "compound", "PROPN", "NNP"), ("Holdings", 1, "nsubj", "PROPN", "NNP"),
            ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", "."),
            ("The", 1, "det", "DET", "DT"), ("board", 1, "nsubj", "NOUN", "NN"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 4), entities=[entity("Acme Holdings", "org", [(0, 13)])])
    assert org_antecedent(doc, at(doc, "board")) == "Acme Holdings board"
    # an organization whose own name holds the noun is that body itself
    doc = make(rows, sent_starts=(0, 4), entities=[entity("Acme Board", "org", [(0, 13)])])
    assert org_antecedent(doc, at(doc, "board")) == "Acme Board"


INITIALS = [("They", 1, "nsubj", "PRON", "PRP"), ("met", 0, "ROOT", "VERB", "VBD", "meet"),
            ("R.J.", 1, "compound", "PROPN", "NNP"), ("Tolland", -2, "dobj", "PROPN", "NNP"),
            (".", -3, "punct", "PUNCT", "."),
            ("Tolland", 1, "nsubj", "PROPN", "NNP"), ("told", 0, "ROOT", "VERB", "VBD", "tell"),
            ("his", 1, "poss", "PRON", "PRP$"), ("cast", -2, "dobj", "NOUN", "NN"), (".", -3, "punct", "PUNCT", ".")]


@pytest.mark.parametrize("ents,kind", [
    # a full name opening with initials, tagged ORG, and the surname alone tagged ORG: one person
    (["O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O"], "person"),
    # the surname alone tagged as a product: still the person's mention
    (["O", "O", "B-ORG", "I-ORG", "O", "B-PRODUCT", "O", "O", "O", "O"], "person"),
], ids=["org", "product"])
def test_a_full_name_opening_with_initials_tagged_org_is_a_person(ents, kind):
    doc = make(INITIALS, ents=ents, sent_starts=(0, 5))
    people = [c for c in build_entities(doc) if c["kind"] in ("person", "org")]
    assert [(c["name"], c["kind"], len(c["mentions"])) for c in people] == [("R.J. Tolland", kind, 2)]


def test_initials_the_article_names_alone_as_a_place_stay_an_organization():
    # "The U.K. said . U.K. Tolland grew ." with "U.K." a place alone and no "his"/"her" after it
    rows = [("The", 1, "det", "DET", "DT"), ("U.K.", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            (".", -1, "punct", "PUNCT", "."), ("U.K.", 1, "compound", "PROPN", "NNP"),
            ("Tolland", 1, "nsubj", "PROPN", "NNP"), ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["O", "B-GPE", "O", "O", "B-ORG", "I-ORG", "O", "O"], sent_starts=(0, 4))
    kinds = {c["name"]: c["kind"] for c in build_entities(doc)}
    assert kinds.get("U.K. Tolland") == "org"


def test_the_board_named_by_a_short_name_is_the_board_of_the_organization_it_names():
    # "Redfield United grew . The United board said ." with only the full name tagged
    rows = [("Redfield", 1, "compound", "PROPN", "NNP"), ("United", 1, "nsubj", "PROPN", "NNP"),
            ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", "."),
            ("The", 2, "det", "DET", "DT"), ("United", 1, "compound", "PROPN", "NNP"), ("board", 1, "nsubj", "NOUN", "NN"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    org = entity("Redfield United", "org", [(0, 15)])
    org["aliases"] = ["United"]
    doc = make(rows, sent_starts=(0, 4), entities=[org])
    assert org_antecedent(doc, at(doc, "board")) == "Redfield United board"
    # a short name no organization of the article has stays as written
    org["aliases"] = []
    doc = make(rows, sent_starts=(0, 4), entities=[org])
    assert org_antecedent(doc, at(doc, "board")) == "United board"


def _unit_doc(unit_words, place_label="GPE"):
    # "Acme grew . <unit words> grew in Ruritania ."
    rows = [("Acme", 1, "nsubj", "PROPN", "NNP"), ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", ".")]
    n = len(unit_words)
    rows += [(w, n - i, "compound", "PROPN", "NNP") for i, w in enumerate(unit_words[:-1])]
    rows += [(unit_words[-1], 1, "nsubj", "PROPN", "NNP"), ("grew", 0, "ROOT", "VERB", "VBD", "grow"),
             ("in", -1, "prep", "ADP", "IN"), ("Ruritania", -1, "pobj", "PROPN", "NNP"), (".", -4, "punct", "PUNCT", ".")]
    ents = ["B-ORG", "O", "O", "B-ORG"] + ["I-ORG"] * (n - 1) + ["O", "O", f"B-{place_label}", "O"]
    return make(rows, ents=ents, sent_starts=(0, 3))


@pytest.mark.parametrize("unit_words,orgs", [
    # a name that ends in a place the article names is the organization's unit there
    (["Acme", "Research", "Ruritania"], ["Acme", "Acme Research Ruritania"]),
    # must not change: "X of <place>" and a plain longer name take their short name
    (["Acme", "Bank", "of", "Ruritania"], ["Acme Bank of Ruritania"]),
    (["Acme", "Research", "Labs"], ["Acme Research Labs"]),
], ids=["unit", "of-place", "longer"])
def test_a_short_name_does_not_join_its_unit_in_a_place(unit_words, orgs):
    names = sorted(c["name"] for c in build_entities(_unit_doc(unit_words)) if c["kind"] == "org")
    assert names == orgs


def test_a_site_name_without_its_web_ending_is_the_same_organization():
    # "OpenHarbor.org grew . OpenHarbor said ."
    rows = [("OpenHarbor.org", 1, "nsubj", "PROPN", "NNP"), ("grew", 0, "ROOT", "VERB", "VBD", "grow"),
            (".", -1, "punct", "PUNCT", "."), ("OpenHarbor", 1, "nsubj", "PROPN", "NNP"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG", "O", "O", "B-ORG", "O", "O"], sent_starts=(0, 3))
    orgs = [(c["name"], len(c["mentions"])) for c in build_entities(doc) if c["kind"] == "org"]
    assert orgs == [("OpenHarbor.org", 2)]


@pytest.mark.parametrize("short,merged", [("Cons", True), ("Co", False)])
def test_a_first_word_cut_short_is_the_same_organization(short, merged):
    # "Consolidated Harbour grew . Cons said ." (two letters are too few to tell)
    rows = [("Consolidated", 1, "compound", "PROPN", "NNP"), ("Harbour", 1, "nsubj", "PROPN", "NNP"),
            ("grew", 0, "ROOT", "VERB", "VBD", "grow"), (".", -1, "punct", "PUNCT", "."),
            (short, 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], sent_starts=(0, 4))
    orgs = sorted(c["name"] for c in build_entities(doc) if c["kind"] == "org")
    assert orgs == (["Consolidated Harbour"] if merged else ["Co", "Consolidated Harbour"])


def test_an_indefinite_organization_noun_in_the_lede_is_the_subject_named_next():
    # "A rating agency said . Halvard rated it ." with Halvard the org subject of the next paragraph
    from pipeline.attrs import PARAGRAPHS
    from pipeline.entities.query import cataphoric_org
    rows = [("A", 1, "det", "DET", "DT"), ("agency", 1, "nsubj", "NOUN", "NN"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            (".", -1, "punct", "PUNCT", "."), ("Halvard", 1, "nsubj", "PROPN", "NNP"),
            ("rated", 0, "ROOT", "VERB", "VBD", "rate"), ("it", -1, "dobj", "PRON", "PRP"), (".", -2, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 4), entities=[entity("Halvard", "org", [(15, 22)])])
    doc._.set(PARAGRAPHS, [[0, 14], [15, len(doc.text)]])
    assert cataphoric_org(doc, at(doc, "agency")) == "Halvard"
    # not a subject there: no one
    rows[4], rows[6] = ("It", 1, "nsubj", "PRON", "PRP"), ("Halvard", -1, "dobj", "PROPN", "NNP")
    doc = make(rows, sent_starts=(0, 4), entities=[entity("Halvard", "org", [(24, 31)])])
    doc._.set(PARAGRAPHS, [[0, 14], [15, len(doc.text)]])
    assert cataphoric_org(doc, at(doc, "agency")) is None


def test_a_name_right_after_its_noun_however_parsed_is_the_speaker():
    # "Punk band Wrecked have confirmed ." with "Wrecked" parsed as a participle on "band"
    from pipeline.quoting.speakers import speaker_from_token
    rows = [("Punk", 1, "compound", "NOUN", "NN"), ("band", 3, "nsubj", "NOUN", "NN"),
            ("Wrecked", -1, "acl", "VERB", "VBN", "wreck"), ("have", 1, "aux", "AUX", "VBP"),
            ("confirmed", 0, "ROOT", "VERB", "VBN", "confirm"), (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, entities=[entity("Wrecked", "org", [(10, 17)])])
    assert speaker_from_token(doc, at(doc, "band"))["name"] == "Wrecked"
    # a lower-case word after the noun names no one
    rows[2] = ("wrecked", -1, "acl", "VERB", "VBN", "wreck")
    doc = make(rows, entities=[entity("Wrecked", "org", [(10, 17)])])
    assert speaker_from_token(doc, at(doc, "band"))["name"] is None


@pytest.mark.parametrize("words,expected", [
    # a group abbreviation the entity model joined to the name goes to the title
    (["Grn", "Pty", "Norman", "Hale"], (["Grn", "Pty"], ["Norman", "Hale"])),
    # must not change: two given names, initials, a two-word name, a surname that is a given name
    (["Mary", "Beth", "Turner"], ([], ["Mary", "Beth", "Turner"])),
    (["D.", "Joshua", "Ward"], ([], ["D.", "Joshua", "Ward"])),
    (["Norman", "Hale"], ([], ["Norman", "Hale"])),
    (["Oduya", "Thomas"], ([], ["Oduya", "Thomas"])),
])
def test_an_affiliation_before_a_given_name_is_no_part_of_the_name(words, expected):
    from pipeline.entities.lexicon import split_affiliation
    assert split_affiliation([], words) == expected


# --------------------------------------------------------------------------- descriptions outside the role lists


# "Ann Roe beat Kim Vale . The titleholder beat the qualifier ."
def rivals_doc(subject="titleholder", obj="qualifier"):
    rows = [("Ann", 1, "compound", "PROPN", "NNP"), ("Roe", 1, "nsubj", "PROPN", "NNP"),
            ("beat", 0, "ROOT", "VERB", "VBD", "beat"), ("Kim", 1, "compound", "PROPN", "NNP"),
            ("Vale", -2, "dobj", "PROPN", "NNP"), (".", -3, "punct", "PUNCT", "."),
            ("The", 1, "det", "DET", "DT"), (subject, 1, "nsubj", "NOUN", "NN"),
            ("beat", 0, "ROOT", "VERB", "VBD", "beat"), ("the", 1, "det", "DET", "DT"),
            (obj, -2, "dobj", "NOUN", "NN"), (".", -3, "punct", "PUNCT", ".")]
    doc = make(rows, sent_starts=(0, 6))
    kim = at(doc, "Kim")
    doc._.set(ENTITIES, [entity("Ann Roe", "person", [(0, 7)]),
                         entity("Kim Vale", "person", [(kim.idx, kim.idx + 8)])])
    return doc


def test_a_description_outside_the_lists_is_the_most_salient_person():
    doc = rivals_doc()
    assert role_antecedent(doc, at(doc, "titleholder")) == "Ann Roe"


def test_the_object_description_is_someone_else_than_the_subject_s():
    doc = rivals_doc()
    assert role_antecedent(doc, at(doc, "qualifier")) == "Kim Vale"


@pytest.mark.parametrize("noun,expected", [("pianist", "Ann Roe"), ("bakery", None), ("process", None)])
def test_a_noun_ending_as_nouns_for_people_do_is_a_person(noun, expected):
    doc = rivals_doc(subject=noun)
    assert role_antecedent(doc, at(doc, noun)) == expected


# "Ruritania and Zanda met . Later the country voted ."  /  "... the state senate voted ."
def country_doc(noun_dep="nsubj"):
    rows = [("Ruritania", 2, "nsubj", "PROPN", "NNP"), ("and", -1, "cc", "CCONJ", "CC"),
            ("Zanda", -2, "conj", "PROPN", "NNP"), ("met", 0, "ROOT", "VERB", "VBD", "meet"),
            (".", -1, "punct", "PUNCT", "."), ("Later", 3, "advmod", "ADV", "RB"), ("the", 1, "det", "DET", "DT"),
            ("country" if noun_dep == "nsubj" else "state", 1 if noun_dep == "nsubj" else 2, noun_dep, "NOUN", "NN")]
    rows += [("voted", 0, "ROOT", "VERB", "VBD", "vote")] if noun_dep == "nsubj" else [
        ("senate", 1, "nsubj", "NOUN", "NN"), ("voted", 0, "ROOT", "VERB", "VBD", "vote")]
    rows.append((".", -1, "punct", "PUNCT", "."))
    doc = make(rows, sent_starts=(0, 5))
    zanda = at(doc, "Zanda")
    doc._.set(ENTITIES, [entity("Ruritania", "place", [(0, 9)]),
                         entity("Zanda", "place", [(zanda.idx, zanda.idx + 5)])])
    return doc


def test_the_country_is_the_place_named_last():
    doc = country_doc()
    assert place_description(doc, at(doc, "country")) == "Zanda"


def test_a_country_word_modifying_a_noun_is_no_description():
    doc = country_doc(noun_dep="compound")
    assert place_description(doc, at(doc, "state")) is None


# --------------------------------------------------------------------------- names with particles and inner titles


@pytest.mark.parametrize("words,expected", [
    (["Karim", "al-Tamimi"], True), (["Rashid", "el-Masri"], True), (["Jean", "d'Arcy"], True),
    (["Jane", "Doe"], True), (["Jane", "doe"], False), (["the", "end"], False),
])
def test_a_surname_may_open_with_a_particle(words, expected):
    from pipeline.entities.lexicon import looks_like_name

    assert looks_like_name(words) is expected


@pytest.mark.parametrize("word,key", [("al-Tamimi", "Tamimi"), ("el-Masri", "Masri"), ("Tamimi", "Tamimi"),
                                      ("Al-Tamimi", "Al-Tamimi"), ("Smith-Jones", "Smith-Jones")])
def test_a_surname_is_looked_up_without_its_particle(word, key):
    from pipeline.entities.lexicon import surname_key

    assert surname_key(word) == key


@pytest.mark.parametrize("words,title,name", [
    ("Tarsa Mayor Nabil Hakim", ["Tarsa", "Mayor"], ["Nabil", "Hakim"]),
    ("Labour Party Leader Ed Miliband", ["Labour", "Party", "Leader"], ["Ed", "Miliband"]),
    ("Tarsa Port Chief of Staff Ines Marr", ["Tarsa", "Port", "Chief", "of", "Staff"], ["Ines", "Marr"]),
    ("Martin Luther King Jr.", [], ["Martin", "Luther", "King", "Jr."]),  # a title word inside a name
    ("Jane Doe", [], ["Jane", "Doe"]),
])
def test_a_place_or_body_before_a_title_goes_with_the_title(words, title, name):
    from pipeline.entities.lexicon import split_affiliation, split_title

    assert split_affiliation(*split_title(words.split())) == (title, name)


def test_a_surname_with_a_particle_joins_its_full_name():
    # "Karim al-Tamimi spoke . Tamimi said so ." (the tokenizer splits "al", "-", "Tamimi")
    rows = [("Karim", 3, "compound", "PROPN", "NNP"), ("al", 2, "compound", "PROPN", "NNP"),
            ("-", 1, "punct", "PUNCT", "HYPH"), ("Tamimi", 1, "nsubj", "PROPN", "NNP"),
            ("spoke", 0, "ROOT", "VERB", "VBD", "speak"), (".", -1, "punct", "PUNCT", "."),
            ("Tamimi", 1, "nsubj", "PROPN", "NNP"), ("said", 0, "ROOT", "VERB", "VBD", "say"),
            ("so", -1, "advmod", "ADV", "RB"), (".", -2, "punct", "PUNCT", ".")]
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, spaces=[True, False, False, True, False, True, True, True, False, False],
              heads=[i + r[1] for i, r in enumerate(rows)], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              tags=[r[4] for r in rows], lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
              sent_starts=[int(i in (0, 6)) for i in range(len(rows))],
              ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O"])
    (person,) = build_entities(doc)
    assert person["name"] == "Karim al-Tamimi" and len(person["mentions"]) == 2


def test_a_creed_or_nation_before_no_given_name_is_a_body_not_a_person():
    # "Nordic Union fighters came . Nordic Union said it won ." (the model tagged the nation alone
    # once and the whole name ORG once, a reporting subject)
    from pipeline.entities.evidence import _person_evidence

    rows = [("Nordic", 1, "compound", "PROPN", "NNP"), ("Union", 1, "compound", "PROPN", "NNP"),
            ("fighters", 1, "nsubj", "NOUN", "NNS"), ("came", 0, "ROOT", "VERB", "VBD", "come"),
            (".", -1, "punct", "PUNCT", "."),
            ("Nordic", 1, "compound", "PROPN", "NNP"), ("Union", 1, "nsubj", "PROPN", "NNP"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), ("it", 1, "nsubj", "PRON", "PRP"),
            ("won", -2, "ccomp", "VERB", "VBD", "win"), (".", -3, "punct", "PUNCT", ".")]
    ents = ["B-NORP", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"]
    doc = make(rows, ents=ents, sent_starts=(0, 5))
    assert _person_evidence(doc, 5, 7, ["Nordic", "Union"]) is False
    # must not change: with no creed or nation tagged, a two-word subject of "said" is a person
    doc = make(rows, ents=["O"] * 5 + ents[5:], sent_starts=(0, 5))
    assert _person_evidence(doc, 5, 7, ["Nordic", "Union"]) is True


def test_a_name_written_with_a_legal_form_or_its_initials_is_a_company():
    from pipeline.entities.evidence import _named_as_company

    rows = [("Quorvane", 1, "compound", "PROPN", "NNP"), ("Games", 1, "nsubj", "PROPN", "NNP"),
            ("said", 0, "ROOT", "VERB", "VBD", "say"), (".", -1, "punct", "PUNCT", "."),
            ("QG", 1, "nsubj", "PROPN", "NNP"), ("grew", 0, "ROOT", "VERB", "VBD", "grow"),
            (".", -1, "punct", "PUNCT", ".")]
    doc = make(rows, ents=["O"] * 4 + ["B-ORG", "O", "O"], sent_starts=(0, 4))
    assert _named_as_company(doc, ["Quorvane", "Games"]) is True  # its initials name an organization
    doc = make(rows, sent_starts=(0, 4))
    assert _named_as_company(doc, ["Quorvane", "Games"]) is False  # (initials the model did not tag)
    rows[4] = ("Inc", -3, "appos", "PROPN", "NNP")
    doc = make(rows[:4] + [("Quorvane", 1, "compound", "PROPN", "NNP"), ("Games", 1, "compound", "PROPN", "NNP"),
                           ("Inc", 1, "nsubj", "PROPN", "NNP"), ("grew", 0, "ROOT", "VERB", "VBD", "grow"),
                           (".", -1, "punct", "PUNCT", ".")], sent_starts=(0, 4))
    assert _named_as_company(doc, ["Quorvane", "Games"]) is True  # written with its legal form
