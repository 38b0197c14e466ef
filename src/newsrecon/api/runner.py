"""The runner: batching, caching and persistence around the pipeline stages.

Stages are plain functions of typed records; this is the one place that knows about the
store, so the same stages can later run on PostgreSQL or Spark with another runner.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from spacy.tokens import Doc

from newsrecon.api.progress import Progress, Quiet
from newsrecon.model import AnalysisParameters, Article, Dossier, Rejection, RejectKind, Story
from newsrecon.pipeline import nlp
from newsrecon.pipeline.analysis import StoryInput, analyse_story
from newsrecon.pipeline.articles import build_article
from newsrecon.pipeline.ingest import read_inputs
from newsrecon.pipeline.stories import features_from_doc, group_stories, grouping_parameters
from newsrecon.store.base import Store

PARSE_BATCH = 64


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did: the articles of this batch (new or already stored, each once,
    in input order), and every input that was not analysed."""

    articles: list[Article] = field(default_factory=list)
    new: int = 0
    stored: int = 0
    rejected: list[Rejection] = field(default_factory=list)


def story_id(founder_article_id: str) -> str:
    """Stable for the same founding article, whatever else joins the story later."""
    return "st" + hashlib.sha256(founder_article_id.encode()).hexdigest()[:10]


class Runner:
    def __init__(
        self, store: Store, params: AnalysisParameters, progress: Progress | None = None
    ) -> None:
        self.store = store
        self.params = params
        self.progress = progress or Quiet()

    # ingest ------------------------------------------------------------------
    def ingest(self, inputs: Sequence[str], stdin: BinaryIO | None = None) -> IngestResult:
        """Read, clean and store every input; duplicates within the batch are rejected with
        the article they repeat, articles already stored from earlier runs are reused."""
        result = IngestResult()
        result.articles.extend(self.ingest_iter(inputs, result, stdin))
        return result

    def ingest_iter(
        self, inputs: Sequence[str], result: IngestResult, stdin: BinaryIO | None = None
    ) -> Iterator[Article]:
        """:meth:`ingest` one article at a time: counts and rejections go to ``result``,
        articles are yielded rather than kept, so a long ingest holds one article at a time."""
        seen: dict[str, str] = {}
        self.progress.task("reading articles")
        for item in read_inputs(inputs, stdin=stdin, max_bytes=self.params.max_bytes):
            self.progress.advance()
            if isinstance(item, Rejection):
                self._reject(result, item)
                continue
            try:
                built = build_article(item, self.params)
            except Exception as err:  # one article's stage bug must not sink the batch
                built = Rejection(item.source, RejectKind.FAILED, f"analysis failed: {err!r}")
            if isinstance(built, Rejection):
                self._reject(result, built)
                continue
            if built.content_hash in seen:
                self._reject(
                    result,
                    Rejection(
                        built.source,
                        RejectKind.DUPLICATE,
                        f"same text as {seen[built.content_hash]} (article {built.id})",
                    ),
                )
                continue
            seen[built.content_hash] = built.source
            stored = self.store.article_by_hash(built.content_hash)
            if stored is None:
                self.store.add_article(built)
                result.new += 1
                stored = built
            result.stored += 1
            yield stored
        self.progress.done()

    def _reject(self, result: IngestResult, rejection: Rejection) -> None:
        result.rejected.append(rejection)
        self.store.add_rejection(rejection)
        self.progress.rejected(rejection)

    # parsing (cached by content hash and pipeline version) ----------------------
    def docs(self, articles: Sequence[Article]) -> dict[str, Doc]:
        version = nlp.parse_version()
        out: dict[str, Doc] = {}
        missing: list[Article] = []
        for article in articles:
            cached = self.store.get_doc(article.content_hash, version)
            if cached is None:
                missing.append(article)
            else:
                out[article.id] = nlp.docs_from_bytes(cached)[0]
        if missing:
            self.progress.task("parsing", total=len(missing))
            for batch in _batches(missing, PARSE_BATCH):
                for article, doc in zip(batch, nlp.parse(a.text for a in batch), strict=True):
                    self.store.put_doc(article.content_hash, version, nlp.docs_to_bytes([doc]))
                    out[article.id] = doc
                    self.progress.advance()
            self.progress.done()
        return out

    # stories -----------------------------------------------------------------
    def group(self, articles: Sequence[Article], docs: dict[str, Doc]) -> list[Story]:
        features = [features_from_doc(a.id, a.published_day, docs[a.id]) for a in articles]
        params = grouping_parameters(self.params.story_similarity)
        by_id = {a.id: a for a in articles}
        stories = []
        for group in group_stories(features, similarity=self.params.story_similarity):
            founder = by_id[group.founder]
            stories.append(
                Story(
                    id=story_id(founder.id),
                    article_ids=group.article_ids,
                    title=founder.title or _first_sentence(founder.text),
                    parameters=params,
                )
            )
        return stories

    def dossiers(
        self,
        stories: Iterable[Story],
        articles: Sequence[Article],
        docs: dict[str, Doc] | None = None,
    ) -> tuple[list[Dossier], list[Rejection]]:
        """Run the story stages on each story; a stage that fails is reported as a rejection
        naming the story and the stage, and the dossier goes out without that stage."""
        by_id = {a.id: a for a in articles}
        docs = docs if docs is not None else self.docs(articles)
        out: list[Dossier] = []
        failed: list[Rejection] = []
        stories = list(stories)
        self.progress.task("analysing stories", total=len(stories))
        for story in stories:
            members = tuple(by_id[i] for i in story.article_ids)
            results, failures = analyse_story(
                StoryInput(story, members, {a.id: docs[a.id] for a in members})
            )
            failed += [
                Rejection(f"story {story.id}", RejectKind.FAILED, f"{f.stage} failed: {f.reason}")
                for f in failures
            ]
            findings = {name: results.get(name, ()) for name in DOSSIER_FIELDS}
            out.append(Dossier(story=story, articles=members, **findings))
            self.progress.advance()
        self.progress.done()
        return out, failed


DOSSIER_FIELDS = tuple(
    f.name for f in dataclasses.fields(Dossier) if f.name not in {"story", "articles"}
)


def _first_sentence(text: str, limit: int = 90) -> str:
    line = text.strip().split("\n", 1)[0]
    cut = line.find(". ")
    line = line[: cut + 1] if 0 < cut < limit else line
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _batches(items: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
