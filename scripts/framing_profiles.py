"""Per-outlet framing profiles of the two candidates on PolNeAR (the 2016 US election).

Runs the framing stage's measures over a sample of each outlet's articles (every outlet is one
column) with Trump and Clinton as the actors, and prints per outlet: the label words tied to
each candidate, the reporting verbs with each candidate as subject (by tone), hedge and loaded
word rates per 1,000 of the outlet's own words, and the cited-source kinds.

Usage: python scripts/framing_profiles.py ../shared/corpora/polnear [--per-outlet 40] [--json]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from newsrecon.model import Article, Span
from newsrecon.model.entities import Alias, Entity
from newsrecon.pipeline.framing.stage import framing_rows
from newsrecon.pipeline.nlp import parse

CANDIDATES = {"Trump": ("trump",), "Clinton": ("clinton", "hillary")}


def load(root: Path, per_outlet: int) -> list[Article]:
    data = root / "data" if (root / "data").is_dir() else root
    by_name: dict[str, str] = {}
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            by_name[row["filename"]] = row["publisher"]
    taken: Counter[str] = Counter()
    out = []
    for path in sorted(data.glob("*/text/*.txt")):
        outlet = by_name.get(path.stem)
        if outlet is None or outlet == "parc" or taken[outlet] >= per_outlet:
            continue
        text = path.read_text("utf-8")
        taken[outlet] += 1
        out.append(
            Article(
                id=path.stem,
                source=str(path),
                format="text",
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                outlet=outlet,
                outlet_basis="metadata",
            )
        )
    return out


def candidate_entities(articles: list[Article], docs: dict) -> list[Entity]:  # type: ignore[type-arg]
    """The two candidates as entities: every PERSON mention naming them."""
    mentions: dict[str, list[Span]] = {name: [] for name in CANDIDATES}
    for a in articles:
        for ent in docs[a.id].ents:
            if ent.label_ != "PERSON":
                continue
            low = ent.text.lower()
            for name, keys in CANDIDATES.items():
                if any(k in low for k in keys):
                    mentions[name].append(Span(a.id, ent.start_char, ent.end_char))
    outlets = tuple(sorted({a.outlet for a in articles}))
    return [
        Entity(f"e-{name}", name, "PERSON", (Alias(name, outlets),), tuple(spans), outlets)
        for name, spans in mentions.items()
    ]


def profiles(articles: list[Article]) -> dict[str, dict[str, object]]:
    docs = dict(zip([a.id for a in articles], parse(a.text for a in articles), strict=True))
    rows = framing_rows(articles, docs, entities=candidate_entities(articles, docs))
    out: dict[str, dict[str, object]] = {}
    for row in rows:
        for cell in row.cells:
            p = out.setdefault(cell.outlet, {"articles": len(cell.articles), "words": cell.words})
            terms = {t.term: t.count for t in cell.terms}
            tones: Counter[str] = Counter()
            for t in cell.terms:
                tones[t.tone] += t.count
            if row.measure == "actor_label" and row.subject in CANDIDATES:
                p[f"labels {row.subject}"] = terms
            elif row.measure == "reporting_verb" and row.subject in CANDIDATES:
                p[f"verbs {row.subject}"] = dict(tones)
                p[f"verbs {row.subject} words"] = terms
            elif row.measure == "hedge" and not row.subject:
                p["hedges per 1000"] = cell.per_1000_words
                p["hedges by kind"] = dict(tones)
            elif row.measure == "loaded" and not row.subject:
                p["loaded per 1000"] = cell.per_1000_words
                p["loaded by tone"] = dict(tones)
            elif row.measure == "source" and not row.subject:
                p["sources by kind"] = dict(tones)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--per-outlet", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    articles = load(args.root, args.per_outlet)
    if not articles:
        sys.exit(f"{args.root}: no PolNeAR articles with an outlet in metadata.tsv")
    result = profiles(articles)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return
    for outlet, p in sorted(result.items()):
        print(f"== {outlet}: {p['articles']} articles, {p['words']} own words")
        for key in sorted(k for k in p if k not in {"articles", "words"}):
            value = p[key]
            if isinstance(value, dict):
                value = ", ".join(
                    f"{k} {v}" for k, v in sorted(value.items(), key=lambda kv: -kv[1])
                )
            print(f"   {key}: {value}")


if __name__ == "__main__":
    main()
