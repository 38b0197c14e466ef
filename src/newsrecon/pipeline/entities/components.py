"""spaCy rule components for what the small English model does not mark: titles and ranks
before a person's name, and acronyms defined in the text ("Long Form (LF)").

They only add span groups, never change ``doc.ents``, so other stages see the model's entities
unchanged. Span groups travel with cached parses (DocBin keeps them); stages that read them call
:func:`title_spans` / :func:`acronym_definitions`, which compute them on the fly for a parse made
without the components.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsrecon.pipeline.entities.lexicon import ABBREVIATIONS, LONGEST_TITLE, MINOR_WORDS, TITLES
from newsrecon.pipeline.entities.names import acronym_of, ascii_fold, is_acronym, name_tokens

TITLES_KEY = "newsrecon_titles"
ACRONYM_SHORT_KEY = "newsrecon_acronym_short"
ACRONYM_LONG_KEY = "newsrecon_acronym_long"
# Loose definitions: the long form's initials do not spell the acronym (label says so).
EXACT, LOOSE = "exact", "loose"
TITLE_SEPARATOR = "; "


def _title_word(token_text: str) -> str:
    word = ascii_fold(token_text).rstrip(".")
    return ABBREVIATIONS.get(word, word)


def _title_before(doc: Doc, end: int, floor: int) -> tuple[int, list[str]] | None:
    """The run of titles ending at token ``end`` (exclusive), not before ``floor``:
    ``(start token, normalised titles in text order)``; the longest title wins at each step."""
    start = end
    titles: list[str] = []
    while start > floor:
        for size in range(min(LONGEST_TITLE, start - floor), 0, -1):
            chunk = " ".join(_title_word(t.text) for t in doc[start - size : start])
            if chunk in TITLES:
                titles.insert(0, chunk)
                start -= size
                break
        else:
            break
    return (start, titles) if titles else None


def find_titles(doc: Doc) -> list[Span]:
    """Title spans written before, or at the start of, each PERSON entity; the label lists
    the normalised titles joined by ``"; "``: ``Commander Maj Gen Ann Smith`` gives
    ``Commander Maj Gen`` labelled ``commander; major general``."""
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        inner_end = ent.start
        for i in range(ent.start, ent.end - 1):  # titles the model put inside the entity
            inner = _title_before(doc, i + 1, ent.start)
            if inner is not None and inner[0] == ent.start:
                inner_end = i + 1
        floor = max(0, ent.start - 2 * LONGEST_TITLE)
        found = _title_before(doc, inner_end, floor)
        if found is None:
            continue
        start, titles = found
        spans.append(Span(doc, start, inner_end, label=TITLE_SEPARATOR.join(titles)))
    return spans


def _capitalised_run(doc: Doc, end: int) -> int:
    """Start of the run of capitalised words (minor words allowed inside) ending at ``end``;
    a run never crosses a sentence start."""
    start = end
    while start > 0:
        tok = doc[start - 1]
        capital = tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text)
        if not (capital or (tok.lower_ in MINOR_WORDS and start < end)):
            break
        start -= 1
        if tok.is_sent_start:
            break
    while start < end and doc[start].lower_ in MINOR_WORDS:
        start += 1
    return start


def find_acronym_definitions(doc: Doc) -> list[tuple[Span, Span]]:
    """``(acronym, long form)`` pairs for ``Long Form (LF)`` written in the text.

    The long form is the shortest run of capitalised words before the parenthesis whose
    initials spell the acronym (label ``exact``); failing that, the whole run if it has two
    or more capitalised words, starts with the acronym's letter and is not a person's name
    (label ``loose``): a text that defines an acronym oddly is exactly what a reader must see.
    """
    pairs: list[tuple[Span, Span]] = []
    persons = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    for i, tok in enumerate(doc):
        if not (0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"):
            continue
        if not is_acronym(tok.text):
            continue
        run_start = _capitalised_run(doc, i - 1)
        if run_start >= i - 1:
            continue
        short = Span(doc, i, i + 1, label=EXACT)
        found = False
        for start in range(i - 2, run_start - 1, -1):
            if acronym_of(tok.text, name_tokens(doc[start : i - 1].text)):
                pairs.append((short, Span(doc, start, i - 1, label=EXACT)))
                found = True
                break
        if found:
            continue
        run = doc[run_start : i - 1]
        capitals = [t for t in run if t.text[:1].isupper()]
        if (
            len(capitals) >= 2
            and ascii_fold(run.text)[:1] == ascii_fold(tok.text)[:1]
            and not any(t.i in persons for t in run)
        ):
            pairs.append(
                (Span(doc, i, i + 1, label=LOOSE), Span(doc, run_start, i - 1, label=LOOSE))
            )
    return pairs


def title_spans(doc: Doc) -> list[Span]:
    if TITLES_KEY in doc.spans:
        return list(doc.spans[TITLES_KEY])
    return find_titles(doc)


def acronym_definitions(doc: Doc) -> list[tuple[Span, Span]]:
    if ACRONYM_SHORT_KEY in doc.spans and ACRONYM_LONG_KEY in doc.spans:
        return list(zip(doc.spans[ACRONYM_SHORT_KEY], doc.spans[ACRONYM_LONG_KEY], strict=True))
    return find_acronym_definitions(doc)


@Language.component("newsrecon_titles_v1")
def titles_component(doc: Doc) -> Doc:
    doc.spans[TITLES_KEY] = find_titles(doc)
    return doc


@Language.component("newsrecon_acronyms_v1")
def acronyms_component(doc: Doc) -> Doc:
    pairs = find_acronym_definitions(doc)
    doc.spans[ACRONYM_SHORT_KEY] = [short for short, _ in pairs]
    doc.spans[ACRONYM_LONG_KEY] = [long for _, long in pairs]
    return doc
