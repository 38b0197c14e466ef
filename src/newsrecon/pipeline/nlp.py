"""The spaCy stage: one pinned pipeline per process, batch parsing, and parses as cacheable bytes.

Loading the model takes seconds and hundreds of megabytes, so it happens once per process
(:func:`get_pipeline`). Parses are cached by the store as opaque bytes keyed by (article content
hash, :func:`parse_version`); the version names everything that can change a parse (project
pipeline version, model name and version, project components), so any upgrade is a cache miss
rather than a stale parse.

Project components are registered with versioned names that start with ``newsrecon_``
(``@Language.component("newsrecon_titles_v1")``) in the modules that define them, and listed in
:data:`PROJECT_COMPONENTS`, the one place that says which run and in what order. Renaming a
component (``_v1`` -> ``_v2``) when its output changes is what invalidates cached parses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

import newsrecon.pipeline.entities.components  # noqa: F401 (registers newsrecon_titles_v1, ...)
from newsrecon.version import PIPELINE_VERSION, SPACY_MODEL

# Project components appended after the model's own, in this order. Each name must be
# registered (``@Language.component`` / ``@Language.factory``) by a module imported below.
PROJECT_COMPONENTS: tuple[str, ...] = (
    "newsrecon_titles_v1",
    "newsrecon_acronyms_v1",
)


def build_pipeline(
    components: Sequence[str] = PROJECT_COMPONENTS, model: str = SPACY_MODEL
) -> Language:
    """A fresh pipeline: the pinned model plus ``components`` appended in order.

    Separate from :func:`get_pipeline` so tests (and tools comparing component versions) can
    build a pipeline with a different component list without touching the process-wide one.
    """
    return add_components(spacy.load(model), components)


def add_components(nlp: Language, components: Sequence[str]) -> Language:
    """Append registered components to ``nlp`` in order; an unregistered name raises
    spaCy's ``ValueError`` at once rather than when parsing starts."""
    for name in components:
        nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=1)
def get_pipeline() -> Language:
    """The process-wide pipeline with the project's components (loaded on first use)."""
    return build_pipeline()


def version_key(
    pipeline_version: str, model_name: str, model_version: str, components: Sequence[str]
) -> str:
    """The cache key part that names a parse's producer; any changed part changes the key."""
    parts = "+".join(components) if components else "none"
    return f"{pipeline_version}/{model_name}-{model_version}/{parts}"


def parse_version(nlp: Language | None = None) -> str:
    """Version of parses made by ``nlp`` (the process-wide pipeline if omitted).

    Read from the loaded pipeline's own metadata, not from configuration, so a model package
    upgraded underneath an unchanged project still changes the key.
    """
    nlp = nlp if nlp is not None else get_pipeline()
    meta = nlp.meta
    model_name = f"{meta.get('lang', '')}_{meta.get('name', '')}"
    added = [name for name in nlp.pipe_names if name.startswith("newsrecon_")]
    return version_key(PIPELINE_VERSION, model_name, str(meta.get("version", "")), added)


def parse(texts: Iterable[str], batch_size: int = 32, nlp: Language | None = None) -> Iterator[Doc]:
    """Parse ``texts`` lazily, in order, one Doc per text.

    Single process on purpose: the machine budget is two cores shared with the runner, and
    spaCy's multiprocessing re-loads the model per worker.
    """
    nlp = nlp if nlp is not None else get_pipeline()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=1)


def docs_to_bytes(docs: Iterable[Doc]) -> bytes:
    """Serialise parses (tokens, tags, lemmas, dependencies, entities, sentence starts, span
    groups and extension data) so the store can keep them without knowing spaCy."""
    doc_bin = DocBin(store_user_data=True)
    for doc in docs:
        doc_bin.add(doc)
    data: bytes = doc_bin.to_bytes()
    return data


def docs_from_bytes(data: bytes, vocab: Vocab | None = None) -> list[Doc]:
    """Restore parses made by :func:`docs_to_bytes`; texts and character offsets are exact.

    ``vocab`` defaults to the process-wide pipeline's, which is what later stages compare
    lexemes and vectors against.
    """
    vocab = vocab if vocab is not None else get_pipeline().vocab
    return list(DocBin(store_user_data=True).from_bytes(data).get_docs(vocab))
