"""The simple baseline the attribution evaluation reports beside newsrecon: every span between
paired quotation marks is a quote, its cue is the nearest reporting verb in the same sentence,
and its source is that verb's grammatical subject."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsrecon.pipeline.quotes.lexicon import lexicon
from newsrecon.pipeline.quotes.spans import Candidate, doc_text
from newsrecon.pipeline.quotes.spans import extent as _extent

_PAIRED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def baseline_candidates(doc: Doc) -> list[Candidate]:
    speech = lexicon().speech
    out: list[Candidate] = []
    for m in _PAIRED.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        verbs = [
            t
            for t in sent
            if t.lemma_.lower() in speech and t.pos_ == "VERB" and not span.start <= t.i < span.end
        ]
        cue = source = None
        if verbs:
            verb = min(verbs, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
            cue = _extent([verb])
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                source = _extent([subj.left_edge, subj.right_edge])
        out.append(Candidate(source, cue, [(m.start(), m.end())], "direct"))
    return out
