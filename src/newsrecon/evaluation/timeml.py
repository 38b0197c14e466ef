"""TimeML (``*.tml``) loader: document text, gold TIMEX3 spans, and the creation time.

Layout (TimeBank 1.2, AQUAINT, TempEval-3 TBAQ-cleaned and its test sets): one XML document per
file, root ``<TimeML>``, the article body in ``<TEXT>`` with inline ``<TIMEX3>``, ``<EVENT>``,
``<SIGNAL>`` elements, and the document creation time (DCT) as the ``<TIMEX3>`` whose
``functionInDocument`` is ``CREATION_TIME``, usually in a ``<DCT>`` element before ``<TEXT>``
but at the start of ``<TEXT>`` in some releases. The scored text is the character content of
``<TEXT>`` with the markup removed, which is what TempEval-3 systems were given; where the DCT
sits inside it, its span is kept (``dct_span``) so scoring can leave it out of both sides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from lxml import etree

from newsrecon.errors import CorpusError

CREATION_TIME = "CREATION_TIME"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: offsets into :attr:`TimeMLDocument.text`."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """One annotated article: body text, its gold timexes (DCT excluded) and its DCT."""

    name: str
    text: str
    timexes: tuple[GoldTimex, ...]
    dct: date | datetime | None
    dct_value: str | None
    dct_span: tuple[int, int] | None


def parse_timex_value(value: str) -> date | datetime | None:
    """A calendar date (or date and time) from a TIMEX3 value, if it names one.

    DCT values are full dates in every release we know of ("1998-01-08", sometimes with a time
    "1998-08-07T06:18:00"); compact "19980108" also occurs in older TimeBank headers.
    """
    value = value.strip()
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d", "%Y%m%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.date() if "T" not in value else parsed
    return None


def _text_and_timexes(
    element: etree._Element,
) -> tuple[str, list[tuple[int, int, etree._Element]]]:
    """Flatten ``element``'s character content, recording where each TIMEX3 starts and ends."""
    parts: list[str] = []
    spans: list[tuple[int, int, etree._Element]] = []
    length = 0

    def walk(node: etree._Element) -> None:
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            if not isinstance(child.tag, str):  # comments, processing instructions
                if child.tail:
                    parts.append(child.tail)
                    length += len(child.tail)
                continue
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                spans.append((start, length, child))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(element)
    return "".join(parts), spans


def load_timeml_file(path: Path) -> TimeMLDocument:
    """One ``.tml`` file; :class:`CorpusError` when it is not TimeML with a ``<TEXT>`` body."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as err:
        raise CorpusError(f"{path}: not well-formed TimeML XML ({err})") from err
    body = root.find(".//TEXT")
    if body is None:
        raise CorpusError(f"{path}: no <TEXT> element, so this is not a TimeML document")
    dct_element = next(
        (t for t in root.iter("TIMEX3") if t.get("functionInDocument") == CREATION_TIME), None
    )
    text, spans = _text_and_timexes(body)
    gold: list[GoldTimex] = []
    dct_span: tuple[int, int] | None = None
    for start, end, element in spans:
        if element is dct_element:
            dct_span = (start, end)
            continue
        gold.append(
            GoldTimex(
                start=start,
                end=end,
                text=text[start:end],
                type=element.get("type", ""),
                value=element.get("value", ""),
                tid=element.get("tid", ""),
            )
        )
    dct_value = dct_element.get("value") if dct_element is not None else None
    return TimeMLDocument(
        name=path.stem,
        text=text,
        timexes=tuple(gold),
        dct=parse_timex_value(dct_value) if dct_value else None,
        dct_value=dct_value,
        dct_span=dct_span,
    )


def iter_timeml(directory: Path) -> Iterator[TimeMLDocument]:
    """Every ``*.tml`` under ``directory`` (recursively), in path order."""
    if not directory.is_dir():
        raise CorpusError(f"{directory}: not a directory of TimeML (*.tml) files")
    paths = sorted(directory.rglob("*.tml"))
    if not paths:
        raise CorpusError(f"{directory}: no *.tml files found (expected a TimeML corpus)")
    for path in paths:
        yield load_timeml_file(path)


def load_timeml(directory: Path) -> list[TimeMLDocument]:
    """All documents of a TimeML corpus directory."""
    return list(iter_timeml(directory))
