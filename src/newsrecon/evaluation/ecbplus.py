"""ECB+ (Cybulska & Vossen 2014) in its published CROMER XML layout, for story clustering.

``<DIR>/<topic>/<topic>_<n>ecb.xml`` and ``<topic>_<n>ecbplus.xml``: each topic holds two real
events of the same kind; the ``ecb`` files report one and the ``ecbplus`` files the other, so a
file's sub-topic is ``<topic>/ecb`` or ``<topic>/ecbplus``. Only the tokens are read (the
annotated mentions are not used by story clustering). The text is rebuilt from the tokens with
one sentence per line and no space before closing punctuation, which is all the features need.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # local, published corpus files
from dataclasses import dataclass
from pathlib import Path

from newsrecon.errors import CorpusError

_FILE = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecbplus|ecb)\.xml$")
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$"}


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str
    topic: str
    subtopic: str
    text: str


def _detokenize(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        if out and token not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(token)
    return "".join(out)


def read_document(path: Path) -> EcbDocument:
    match = _FILE.match(path.name)
    if not match:
        raise CorpusError(f"{path}: not an ECB+ file name (<topic>_<n>ecb[plus].xml)")
    try:
        root = ET.parse(path).getroot()  # noqa: S314 - local corpus file
    except (ET.ParseError, OSError) as err:
        raise CorpusError(f"{path}: cannot read ECB+ XML ({err})") from err
    sentences: dict[str, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
    text = "\n".join(_detokenize(words) for _, words in sorted(sentences.items(), key=_num))
    topic = match["topic"]
    return EcbDocument(path.name, topic, f"{topic}/{match['kind']}", text)


def _num(item: tuple[str, list[str]]) -> int:
    return int(item[0]) if item[0].isdigit() else 0


def ecb_files(directory: Path) -> list[Path]:
    """The ECB+ files of ``directory`` (the ``topics`` folder, or one topic's folder), sorted
    by path; the story and the coreference evaluations both read the corpus through this.

    Raises :class:`CorpusError` when the folder holds no ECB+ file.
    """
    if not directory.is_dir():
        raise CorpusError(f"{directory}: not a directory")
    paths = sorted(directory.glob("*/*.xml")) or sorted(directory.glob("*.xml"))
    paths = [p for p in paths if _FILE.match(p.name)]
    if not paths:
        raise CorpusError(f"{directory}: no ECB+ files (<topic>/<topic>_<n>ecb[plus].xml)")
    return paths


def load_ecbplus(directory: Path) -> list[EcbDocument]:
    """Every document under ``directory`` (see :func:`ecb_files`), sorted by topic then name."""
    docs = [read_document(p) for p in ecb_files(directory)]
    docs.sort(key=lambda d: (int(d.topic), d.name))
    return docs
