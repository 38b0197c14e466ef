"""Dated expressions of one article, each with its sentence, tense and event.

The expressions come from :func:`newsrecon.pipeline.timex.find_timexes`; the parse supplies
the sentence (the evidence), its content lemmas (to tell whether two outlets speak of the same
event) and a short description of the event the expression dates: the word it attaches to
("published" in "a letter published on Thursday") with that word's subject or noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsrecon.model import Article
from newsrecon.pipeline.timex import Timex, find_timexes
from newsrecon.pipeline.timex.context import Context

# Values that date nothing on a calendar (the vague present, past and future).
_VAGUE = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A DATE or TIME expression of one article; offsets index ``Article.text``.

    ``raw`` is the value without an anchor (``XXXX-11-16``), ``tense`` +1 for the future and
    -1 otherwise, ``lemmas`` the content lemmas of the sentence, without the expression's.
    """

    article: str
    outlet: str
    start: int
    end: int
    text: str
    type: str
    raw: str
    anchored: bool
    tense: int
    sent_start: int
    sent_end: int
    lemmas: tuple[str, ...]
    description: str
    event: tuple[str, ...] = ()


def article_mentions(article: Article, doc: Doc | None) -> list[Mention]:
    """The article's dated expressions (durations, sets and vague references left out)."""
    text = article.text
    ctx = Context.of(text, None)
    out: list[Mention] = []
    for timex in find_timexes(text, None):
        if timex.type not in ("DATE", "TIME") or timex.value in _VAGUE:
            continue
        sent = _sentence(doc, timex) if doc is not None else None
        if sent is not None:
            s_start, s_end = sent.start_char, sent.end_char
            lemmas = _lemmas(sent, timex)
            words = _event_words(sent, timex)
            description = " ".join(t.text for t in words) if words else sent.text.strip()[:80]
            event = tuple(sorted({t.lemma_.lower() for t in words if t.is_alpha}))
        else:
            s_start, s_end = ctx.sentence(timex.start, timex.end)
            s_end = min(s_end, len(text))
            lemmas = tuple(w.lower() for w in text[s_start:s_end].split() if len(w) > 3)
            description = text[s_start:s_end].strip()[:80]
            event = ()
        s_start, s_end = _trimmed(text, s_start, s_end)
        out.append(
            Mention(
                article=article.id,
                outlet=article.outlet,
                start=timex.start,
                end=timex.end,
                text=timex.text,
                type=timex.type,
                raw=timex.value,
                anchored=timex.anchored,
                tense=ctx.tense(timex.start, timex.end),
                sent_start=s_start,
                sent_end=s_end,
                lemmas=lemmas,
                description=description,
                event=event,
            )
        )
    return out


def resolved_values(article: Article, anchor: date | None) -> dict[tuple[int, int], Timex]:
    """Every expression of the article resolved against ``anchor``, by its offsets."""
    return {(t.start, t.end): t for t in find_timexes(article.text, anchor)}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence(doc: Doc, timex: Timex) -> SpacySpan | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0].sent


def _lemmas(sent: SpacySpan, timex: Timex) -> tuple[str, ...]:
    return tuple(
        t.lemma_.lower()
        for t in sent
        if t.pos_ in _CONTENT_POS
        and not t.is_stop
        and t.is_alpha
        and not timex.start <= t.idx < timex.end
    )


def _attachment(sent: SpacySpan, timex: Timex) -> Token | None:
    """The word outside the expression that the expression (or its preposition) modifies."""
    inside = [t for t in sent if timex.start <= t.idx < timex.end]
    if not inside:
        return None
    root = min(inside, key=lambda t: len(list(t.ancestors)))
    head = root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    if head.i == root.i or timex.start <= head.idx < timex.end:
        return None
    return head


def _event_words(sent: SpacySpan, timex: Timex) -> list[Token]:
    """A few words for the event: "letter published", "state media reported"."""
    head = _attachment(sent, timex)
    if head is None:
        return []
    if head.pos_ in ("NOUN", "PROPN"):
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod", "poss")] + [head]
    elif head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        words = [head.head, head]
    else:
        subject = next((t for t in head.lefts if t.dep_ in ("nsubj", "nsubjpass")), None)
        words = []
        if subject is not None:
            words = [t for t in subject.lefts if t.dep_ == "compound"] + [subject]
        words.append(head)
        particle = next((t for t in head.rights if t.dep_ in ("dobj", "prt")), None)
        if particle is not None and particle.i < head.i + 3:
            words.append(particle)
    return words
