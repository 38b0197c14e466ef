"""Cross-document entity coreference corpora in their published layouts.

- ECB+ (CROMER XML, ``<T>/<T>_<N>ecb[plus].xml``): entity markables are the HUMAN_PART*,
  NON_HUMAN_PART*, LOC_* and TIME_* tags (ACTION_* and NEG_ACTION_* are events); chains come
  from ``CROSS_DOC_COREF`` (instance id in ``note``, shared across documents) and
  ``INTRA_DOC_COREF``; a markable in no relation is a singleton. Topic: the folder.
- MEANTIME (``meantime.conll``): the last column holds chain brackets; entity chains are those
  whose id names an entity class (PER, ORG, LOC, PRO, FIN); ``intra_`` chains are document-local.
  Topic: the part of the document key before ``/``.

Documents keep their tokens; the text is the tokens joined by single spaces (sentences by a
newline), so every mention has exact character offsets into it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsrecon.errors import CorpusError
from newsrecon.evaluation.ecbplus import ecb_files

ECB_TYPES = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_GENERIC": "PERSON",
    "HUMAN_PART": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "HUMAN_PART_FAC": "FAC",
    "HUMAN_PART_VEH": "THING",
    "HUMAN_PART_MET": "THING",
    "NON_HUMAN_PART": "THING",
    "NON_HUMAN_PART_GENERIC": "THING",
    "LOC_GEO": "GPE",
    "LOC_FAC": "FAC",
    "LOC_OTHER": "LOC",
    "TIME_DATE": "TIME",
    "TIME_DURATION": "TIME",
    "TIME_OF_THE_DAY": "TIME",
    "TIME_REPETITION": "TIME",
}
MEANTIME_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "THING", "FIN": "THING"}
_CHAIN = re.compile(r"^(?:cross_intra_|cross_|intra_)([A-Z]{3})")


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str
    start: int  # character offsets into CorefDocument.text
    end: int
    type: str
    chain: str


@dataclass(frozen=True, slots=True)
class CorefDocument:
    id: str
    topic: str
    text: str
    mentions: tuple[GoldMention, ...]


def _layout(tokens: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Text of ``(sentence, token)`` pairs and each token's character range."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    previous: int | None = None
    for sentence, token in tokens:
        if previous is not None:
            sep = "\n" if sentence != previous else " "
            parts.append(sep)
            pos += 1
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
        previous = sentence
    return "".join(parts), offsets


def load_ecbplus(directory: Path) -> list[CorefDocument]:
    docs = []
    for path in ecb_files(directory):
        try:
            root = ET.parse(path).getroot()  # noqa: S314 (a local corpus, no entities)
        except ET.ParseError as err:
            raise CorpusError(f"{path}: not valid XML ({err})") from err
        docs.append(_ecb_document(path, root))
    return docs


def _ecb_document(path: Path, root: ET.Element) -> CorefDocument:
    token_ids: dict[str, int] = {}
    tokens: list[tuple[int, str]] = []
    for tok in root.iter("token"):
        token_ids[tok.get("t_id", "")] = len(tokens)
        tokens.append((int(tok.get("sentence", "0")), tok.text or ""))
    text, offsets = _layout(tokens)
    markables: dict[str, tuple[str, list[int]]] = {}
    markables_el = root.find("Markables")
    for el in markables_el if markables_el is not None else ():
        ids = [a.get("t_id", "") for a in el.iter("token_anchor")]
        anchors = [token_ids[t] for t in ids if t in token_ids]
        if el.tag in ECB_TYPES and anchors:
            markables[el.get("m_id", "")] = (ECB_TYPES[el.tag], sorted(anchors))
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else ():
        chain = rel.get("note") or f"{path.name}#{rel.get('r_id')}"
        if rel.tag == "INTRA_DOC_COREF":
            chain = f"{path.name}#intra{rel.get('r_id')}"
        for src in rel.iter("source"):
            chain_of[src.get("m_id", "")] = chain
    mentions = []
    for m_id, (type_, anchors) in markables.items():
        start, end = offsets[anchors[0]][0], offsets[anchors[-1]][1]
        chain = chain_of.get(m_id, f"{path.name}#single{m_id}")
        mentions.append(GoldMention(f"{path.name}#{m_id}", start, end, type_, chain))
    mentions.sort(key=lambda m: (m.start, m.end))
    return CorefDocument(path.name, path.parent.name, text, tuple(mentions))


def load_meantime(directory: Path) -> list[CorefDocument]:
    path = directory / "meantime.conll" if directory.is_dir() else directory
    if not path.is_file():
        raise CorpusError(f"{directory}: no meantime.conll (MEANTIME CoNLL layout)")
    docs: list[CorefDocument] = []
    key = ""
    rows: list[tuple[int, str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#begin document"):
            match = re.match(r"#begin document \(([^)]*)\)", line)
            if match is None:
                raise CorpusError(f"{path}:{number}: cannot read the document key")
            key, rows = match.group(1), []
        elif line.startswith("#end document"):
            docs.append(_meantime_document(key, rows))
            key, rows = "", []
        elif line.strip():
            cols = line.split("\t")
            if len(cols) < 5:
                raise CorpusError(f"{path}:{number}: expected 5 tab-separated columns")
            rows.append((int(cols[1]), cols[3], cols[4].strip()))
    if key:
        docs.append(_meantime_document(key, rows))
    if not docs:
        raise CorpusError(f"{path}: no documents")
    return docs


def _meantime_document(key: str, rows: list[tuple[int, str, str]]) -> CorefDocument:
    text, offsets = _layout([(s, w) for s, w, _ in rows])
    open_at: dict[str, list[int]] = defaultdict(list)
    found: list[tuple[int, int, str]] = []
    for index, (_, _, column) in enumerate(rows):
        if column in ("-", "_", ""):
            continue
        for part in (p.strip() for p in column.split("|")):
            if not part:
                continue
            chain = part.strip("()")
            if part.startswith("("):
                open_at[chain].append(index)
            if part.endswith(")") and open_at[chain]:
                found.append((open_at[chain].pop(), index, chain))
    mentions = []
    for n, (first, last, chain) in enumerate(sorted(found)):
        match = _CHAIN.match(chain)
        if match is None or match.group(1) not in MEANTIME_TYPES:
            continue
        chain_id = f"{key}#{chain}" if chain.startswith("intra_") else chain
        mentions.append(
            GoldMention(
                f"{key}#{n}",
                offsets[first][0],
                offsets[last][1],
                MEANTIME_TYPES[match.group(1)],
                chain_id,
            )
        )
    return CorefDocument(key, key.split("/")[0], text, tuple(mentions))
