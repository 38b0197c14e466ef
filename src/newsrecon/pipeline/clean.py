"""Keep the article, drop the page furniture around it, and say exactly what was dropped.

Cleaning works line by line on ``RawDocument.body`` and never rewrites text: every kept
paragraph is a verbatim slice of the body and every dropped line becomes a
:class:`~newsrecon.model.Removal` with its offsets, so a reader can audit each decision and
evidence spans into the clean text can be traced back to the input.

Rules lean on *position* plus *wording*: furniture sits in the run of lines before the first
real sentence or in the run after the last one, and is short and unlike a sentence. Wording
alone (a phrase list, :file:`data/boilerplate.tsv`) only removes a line that *is* the phrase
or starts with it; a real sentence that merely contains "share" or "Reuters" stays.

Reason codes: ``caption`` (picture caption or photo credit), ``provenance`` (a "Source: X"
or "Originally published by X" line; X is kept as the outlet), ``call_to_action``,
``cookie_notice``, ``copyright``, ``title_repeat``, ``byline``, ``author_box``,
``separator`` (a line without a letter or digit), and ``teaser`` (a short non-sentence line
inside a trailing block of furniture, such as a product or promo headline, or a link card
whose headline was read twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from newsrecon.model import Removal

# How long a line may be and still count as furniture of each kind (in words). Real captions
# run long, calls to action and credits do not.
CAPTION_MAX_WORDS = 60
GLUED_CREDIT_MAX_WORDS = 12
CAPTION_BEFORE_CREDIT_MAX_WORDS = 30
PREFIX_MAX_WORDS = 25
CONTAINS_MAX_WORDS = 15
SHORT_LINE_MAX_WORDS = 25
BYLINE_MAX_WORDS = 15
AUTHOR_BOX_MAX_WORDS = 80
OUTLET_MAX_WORDS = 8
# How far into the body a title repeat or byline may sit, in lines.
TOP_RUN_MAX_LINES = 8
# Short non-sentence lines just above a trailing furniture block that are taken with it.
TEASERS_ABOVE_BLOCK = 2

_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]}* \t\u00a0"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_EDGE_PUNCT = " \t\u00a0.,;:!?-–—|»›>•·*#()[]{}\"'“”‘’_~=+"
_SEPARATORS = frozenset(":|-–—»›>•·/")


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What cleaning kept and found.

    ``paragraphs`` are the body offsets of each kept paragraph, in order; ``text`` is those
    slices joined by one blank line. ``provenance`` is the outlet a provenance line named,
    ``self_named`` a brand the page's own furniture names, ``byline`` the name in a
    leading "By ..." line.
    """

    text: str
    removals: tuple[Removal, ...]
    paragraphs: tuple[tuple[int, int], ...]
    provenance: str | None = None
    self_named: str | None = None
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    block: int


@dataclass(frozen=True, slots=True)
class _Phrases:
    line: dict[str, str]
    prefix: tuple[tuple[str, str], ...]
    contains: tuple[tuple[str, str], ...]
    headers: frozenset[str]
    keep: tuple[str, ...]
    credit_marker: re.Pattern[str]
    agency_end: re.Pattern[str]
    agency_glued: re.Pattern[str]
    agency_only: re.Pattern[str]
    image_end: re.Pattern[str]
    author_box: re.Pattern[str]


def normalise(text: str) -> str:
    """Case-folded, quote-straightened, whitespace-collapsed text without edge punctuation:
    the form phrase rows are written in."""
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(_EDGE_PUNCT)


def _alternation(names: list[str]) -> str:
    # Longest first, so "getty images" wins over "getty".
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


@lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    rows: dict[str, list[tuple[str, str]]] = {}
    data = resources.files("newsrecon.pipeline").joinpath("data", "boilerplate.tsv")
    for raw in data.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, reason, phrase = raw.split("\t")
        rows.setdefault(kind, []).append((reason, phrase.casefold()))
    agencies = _alternation([p for _, p in rows["agency"]])
    images = _alternation([p for _, p in rows["image"]])
    markers = _alternation([p for _, p in rows["marker"]])
    roles = _alternation([p for _, p in rows["role"]])
    who = r"[^.!?\n]{1,80}?"
    return _Phrases(
        line={phrase: reason for reason, phrase in rows["line"]},
        prefix=tuple((p, r) for r, p in rows["prefix"]),
        contains=tuple((p, r) for r, p in rows["contains"]),
        headers=frozenset(p for _, p in rows["header"]),
        keep=tuple(p for _, p in rows["keep"]),
        # "... Photo: Reuters", "(Image by Jane Roe)", "Credit | AFP"
        credit_marker=re.compile(
            rf"(?:^|[\s(\[|–—-])(?:{markers})(?:\s*[:|©/]\s*|\s+by\s+|\s+©\s*|\s+courtesy\s+"
            rf"(?:of\s+)?)(?P<who>{who})\s*[)\]]?\s*$",
            re.IGNORECASE,
        ),
        # "... on Monday (AFP)", "... on Monday. AP Photo/Jane Roe", "... | Reuters"
        agency_end=re.compile(
            rf"(?:[(\[]\s*(?:{agencies})(?:\s*(?:/|via|\|)\s*[^)\]]{{1,60}})?\s*[)\]]"
            rf"|\s[|/–—-]\s*(?:{agencies})(?:\s*(?:/|via)\s*{who})?)\s*$",
            re.IGNORECASE,
        ),
        # A name glued to the credit by an extractor that dropped the separator: "Jane RoeAFP".
        agency_glued=re.compile(rf"(?<=[a-zà-ÿ.)])(?=[A-Z])(?i:{agencies})\s*$"),
        agency_only=re.compile(
            rf"^[(\[]?\s*(?:{agencies})(?:\s*(?:/|via|\|)\s*{who})?\s*[)\]]?$", re.IGNORECASE
        ),
        image_end=re.compile(rf"\s(?:via\s+)?(?:{images})\s*[)\]]?\s*$", re.IGNORECASE),
        author_box=re.compile(
            r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was|has been|writes as)\s+(?:a|an|the)\s+"
            rf"(?:[\w'’,-]+\s+){{0,5}}?(?:{roles})s?\b",
        ),
    )


def _word_count(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    """Looks like running prose: several words, some in lower case, ending as a sentence ends
    (a full stop, question or exclamation mark, possibly inside a closing quote)."""
    stripped = text.rstrip(_CLOSERS)
    if not stripped or _word_count(text) < 4 or not any(c.islower() for c in text):
        return False
    return stripped[-1] in _TERMINAL or (stripped[-1] == ":" and _word_count(text) >= 6)


def _split_lines(body: str) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    blank = False
    for match in re.finditer(r"[^\n]+", body):
        raw = match.group()
        if not raw.strip():
            blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        start = match.start() + lead
        end = start + len(raw.strip())
        if lines and (blank or body.count("\n", lines[-1].end, start) > 1):
            block += 1
        blank = False
        lines.append(_Line(start, end, body[start:end], block))
    return lines


def _phrase_reason(text: str) -> str | None:
    """The reason a line is furniture by its wording alone, if it is."""
    phrases = _phrases()
    norm = normalise(text)
    if not norm:
        return None
    if norm in phrases.line:
        return phrases.line[norm]
    head = " ".join(text.translate(_QUOTES).casefold().split()).lstrip(_EDGE_PUNCT.replace("©", ""))
    words = _word_count(text)
    if words <= PREFIX_MAX_WORDS:
        for phrase, reason in phrases.prefix:
            if head.startswith(phrase) and _ends_word(head, len(phrase)):
                return reason
    if words <= CONTAINS_MAX_WORDS:
        for phrase, reason in phrases.contains:
            if phrase in norm:
                return reason
    return None


def _ends_word(text: str, at: int) -> bool:
    """The phrase ends at a word boundary, so "share this" does not match "share thistle";
    a phrase ending in a digit is a year prefix ("copyright 20") and may run on."""
    if at >= len(text) or text[at - 1].isdigit():
        return True
    return not (text[at].isalnum() and text[at - 1].isalnum())


def caption_part(text: str) -> str | None:
    """If ``text`` is a picture caption ending in (or consisting of) a credit, the caption
    without its credit ("" for a bare credit); otherwise None.

    A sentence that ends with a full stop ("..., according to Reuters.") is never a caption:
    credits are not punctuated as prose.
    """
    phrases = _phrases()
    words = _word_count(text)
    if words > CAPTION_MAX_WORDS or text.rstrip(_CLOSERS)[-1:] in _TERMINAL:
        return None
    if phrases.agency_only.match(text):
        return ""
    for pattern in (phrases.credit_marker, phrases.agency_end, phrases.image_end):
        found = pattern.search(text)
        if found and _word_count(found.group()) <= 8:
            return text[: found.start()].rstrip(" \t\u00a0([|–—-")
    glued = phrases.agency_glued.search(text)
    if glued and words <= GLUED_CREDIT_MAX_WORDS and not is_sentence(text[: glued.start()]):
        return text[: glued.start()]
    return None


_PROVENANCE = (
    re.compile(
        r"^(?:source|sources|via|courtesy(?:\s+of)?|from)\s*(?:[:»›>|]+|[-–—]+)\s*(?P<outlet>.+?)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:this\s+(?:article|story|piece|post|report|op-ed|column)\s+)?(?:was\s+|is\s+)?"
        r"(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:on|in|at|by|with)\s+"
        r"(?P<outlet>.+?)(?:[.;]\s.*|[.;]?)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:this\s+(?:article|story|piece|post)\s+(?:is|was|has\s+been)\s+)?"
        r"(?:republished|reprinted|reproduced|syndicated)\s+(?:with\s+permission\s+)?"
        r"(?:from|by|courtesy\s+of)\s+(?P<outlet>.+?)(?:[.;]\s.*|[.;]?)$",
        re.IGNORECASE,
    ),
)
_OUTLET_TAIL = re.compile(
    r"(?:,\s|\s+(?:under|with|and is|as part of|on\s+\w+day)\b|\s+\(|\s+[|–—]\s).*$", re.IGNORECASE
)


def provenance_outlet(text: str) -> str | None:
    """The outlet a provenance line names ("Source » Example", "Originally published by
    Example."), or None. A URL is reduced to its host."""
    if _word_count(text) > 20:
        return None
    for pattern in _PROVENANCE:
        found = pattern.match(text.strip())
        if found:
            outlet = _OUTLET_TAIL.sub("", found["outlet"]).strip(_EDGE_PUNCT)
            if re.match(r"^(?:https?://|www\.)", outlet, re.IGNORECASE):
                host = urlsplit(outlet if "://" in outlet else f"//{outlet}").hostname or ""
                outlet = host.removeprefix("www.")
            if outlet and _word_count(outlet) <= OUTLET_MAX_WORDS:
                return outlet
    return None


_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|report by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|al|el|bin|da|du|la|le"
    r"|del|dos|di))*)"
    r"(?:\s*(?:[,|•·–—/;]|\s-\s|\bin\b|\bfor\b|\bat\b|\bon\b).*)?$",
    re.IGNORECASE,
)


def byline_name(text: str) -> str | None:
    """The name in a "By Jane Roe, Capital correspondent" line, or None."""
    if _word_count(text) > BYLINE_MAX_WORDS or is_sentence(text):
        return None
    found = _BYLINE.match(text.strip())
    if not found:
        return None
    name = re.sub(r"\s+(?:and|&)$", "", found["name"].strip()).strip()
    first = name.split()[0]
    return name if first[:1].isupper() else None


def _is_title_repeat(text: str, title: str | None) -> bool:
    if not title or not normalise(title):
        return False
    line, head = normalise(text), normalise(title)
    if line == head:
        return True
    # The title with junk glued on (a kicker, a site name, a share widget), not a lede sentence.
    return line.startswith(head) and not is_sentence(text) and len(line) <= len(head) + 80


def self_named_brand(text: str) -> str | None:
    """The brand a promo/teaser line opens with: the run of Title-Case words before the first
    ALL-CAPS token or separator ("Acme Insight | WEEKLY ..." -> "Acme Insight").

    A run that is the whole line, or ends at a lower-case word, is a headline, not a brand.
    The brand is returned as the exact slice of the line, so it can be found in the input.
    """
    tokens = list(re.finditer(r"[^\s]+", text))
    run: list[re.Match[str]] = []
    stopped = False
    for token in tokens:
        word = token.group()
        bare = word.rstrip(":|")
        if all(c in _SEPARATORS for c in word):
            stopped = True
            break
        letters = [c for c in bare if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            stopped = True
            break
        if not (bare[:1].isupper() and bare[:1].isalpha() and any(c.islower() for c in bare)):
            break
        run.append(token)
        if bare != word:  # "Brand:" ends the run at its own separator
            stopped = True
            break
    if not stopped or not run or len(run) > 5 or run[-1] is tokens[-1]:
        return None
    return text[run[0].start() : run[-1].start() + len(run[-1].group().rstrip(":|"))]


def is_doubled(text: str) -> bool:
    """A link card whose headline an extractor read twice ("Ports Brace Ports Brace"): the
    line is one phrase of three or more words, repeated."""
    words = text.split()
    half = len(words) // 2
    return len(words) % 2 == 0 and half >= 3 and words[:half] == words[half:]


def copyright_holder(text: str) -> str | None:
    """The holder in "© 2024 Example Media. All rights reserved.", or None."""
    found = re.match(
        r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*"
        r"(?P<holder>[A-Z][^.,|]*?)\s*(?:[.,|]|all rights|$)",
        text.strip(),
        re.IGNORECASE,
    )
    if not found or not re.match(r"^(?:©|\(c\)|copyright)", text.strip(), re.IGNORECASE):
        return None
    holder = found["holder"].strip(_EDGE_PUNCT)
    if not holder or not holder[0].isupper() or _word_count(holder) > OUTLET_MAX_WORDS:
        return None
    return holder


def _furniture(line: _Line, edge: bool) -> tuple[str, str | None] | None:
    """(reason, outlet named) for a line that is furniture wherever it sits, or at the top
    or bottom of the body (``edge``) where provenance lines and author boxes live."""
    if not any(c.isalnum() for c in line.text):
        return "separator", None
    caption = caption_part(line.text)
    if caption is not None:
        return "caption", None
    if is_doubled(line.text):
        return "teaser", None
    reason = _phrase_reason(line.text)
    if reason is not None and (edge or reason in ("call_to_action", "cookie_notice")):
        return reason, None
    if edge:
        outlet = provenance_outlet(line.text)
        if outlet is not None:
            return "provenance", outlet
        if _word_count(line.text) <= AUTHOR_BOX_MAX_WORDS and _phrases().author_box.match(
            line.text
        ):
            return "author_box", None
        if normalise(line.text) in _phrases().headers:
            return "author_box", None
    return None


def is_newsroom_credit(text: str) -> bool:
    """A "Reporting by ...; Editing by ..." line: the article's own credits, kept as text."""
    norm = normalise(text)
    return _word_count(text) <= BYLINE_MAX_WORDS * 2 and any(k in norm for k in _phrases().keep)


def _is_weak(line: _Line) -> bool:
    return _word_count(line.text) <= SHORT_LINE_MAX_WORDS and not is_sentence(line.text)


class _Cleaner:
    def __init__(self, body: str, title: str | None) -> None:
        self.body = body
        self.title = title
        self.lines = _split_lines(body)
        self.reasons: dict[int, str] = {}
        self.provenance: str | None = None
        self.byline: str | None = None
        self.self_named: str | None = None

    def drop(self, index: int, reason: str) -> None:
        self.reasons.setdefault(index, reason)

    def run(self) -> CleanResult:
        self._bottom()
        self._top()
        self._middle()
        return self._result()

    def _note_outlet(self, outlet: str | None) -> None:
        if outlet and self.provenance is None:
            self.provenance = outlet

    def _top(self) -> None:
        """Title repeats, bylines, captions and furniture before the first real sentence."""
        for i, line in enumerate(self.lines[:TOP_RUN_MAX_LINES]):
            if i in self.reasons:
                continue
            if _is_title_repeat(line.text, self.title):
                self.drop(i, "title_repeat")
                continue
            name = byline_name(line.text)
            if name is not None:
                self.drop(i, "byline")
                self.byline = self.byline or name
                continue
            found = _furniture(line, edge=True)
            if found is not None and found[0] != "author_box":
                self.drop(i, found[0])
                self._note_outlet(found[1])
                continue
            if is_sentence(line.text) or not _is_weak(line):
                break

    def _bottom(self) -> None:
        """The trailing run of furniture: from the first strong line (a call to action,
        provenance line, copyright line, author box) to the end, plus up to
        ``TEASERS_ABOVE_BLOCK`` short non-sentence lines just above it."""
        strong: dict[int, tuple[str, str | None]] = {}
        weak: list[int] = []
        i = len(self.lines) - 1
        while i >= 0:
            line = self.lines[i]
            if is_newsroom_credit(line.text):
                break
            found = _furniture(line, edge=True)
            header_above = i > 0 and normalise(self.lines[i - 1].text) in _phrases().headers
            if found is None and header_above and _word_count(line.text) <= AUTHOR_BOX_MAX_WORDS:
                found = ("author_box", None)
            if found is not None:
                strong[i] = found
            elif _is_weak(line):
                weak.append(i)
            else:
                break
            i -= 1
        # Captions, separators and link cards are removed wherever they sit (see _middle) but
        # do not make a block of furniture: the short lines above them may be subheads.
        passive = ("caption", "separator", "teaser")
        anchors = [i for i, (reason, _) in strong.items() if reason not in passive]
        if not anchors:
            return
        top = min(anchors)
        above = sorted((w for w in weak if w < top), reverse=True)
        keep_from = top
        for w in above[:TEASERS_ABOVE_BLOCK]:
            if w == keep_from - 1:
                keep_from = w
        for index in range(keep_from, len(self.lines)):
            reason, outlet = strong.get(index, ("teaser", None))
            self.drop(index, reason)
            self._note_outlet(outlet)
        self._find_self_name(keep_from, strong)

    def _find_self_name(self, first: int, strong: dict[int, tuple[str, str | None]]) -> None:
        """A page names itself in its own footer: a copyright holder, else the brand opening
        a promo line, but only in a block that also holds a call to action."""
        for index, (reason, _) in sorted(strong.items()):
            if reason == "copyright":
                holder = copyright_holder(self.lines[index].text)
                if holder:
                    self.self_named = holder
                    return
        if not any(reason == "call_to_action" for reason, _ in strong.values()):
            return
        for index in range(first, len(self.lines)):
            if index not in strong:
                brand = self_named_brand(self.lines[index].text)
                if brand:
                    self.self_named = brand
                    return

    def _middle(self) -> None:
        """Captions and stand-alone calls to action between paragraphs, then the caption text
        that sits on the line above a bare credit or repeats the caption of a glued one."""
        for i, line in enumerate(self.lines):
            if i in self.reasons:
                continue
            found = _furniture(line, edge=False)
            if found is not None:
                self.drop(i, found[0])
        for i, line in enumerate(self.lines):
            if self.reasons.get(i) != "caption" or i == 0 or (i - 1) in self.reasons:
                continue
            caption = caption_part(line.text) or ""
            above = self.lines[i - 1]
            repeated = bool(caption) and normalise(caption).startswith(normalise(above.text))
            bare_credit = not caption and (
                (
                    above.block == line.block
                    and _word_count(above.text) <= CAPTION_BEFORE_CREDIT_MAX_WORDS
                )
                or _is_weak(above)
            )
            if (repeated and normalise(above.text)) or bare_credit:
                self.drop(i - 1, "caption")

    def _result(self) -> CleanResult:
        removals = tuple(
            Removal(line.start, line.end, line.text, self.reasons[i])
            for i, line in enumerate(self.lines)
            if i in self.reasons
        )
        paragraphs: list[tuple[int, int]] = []
        previous: int | None = None
        for i, line in enumerate(self.lines):
            if i in self.reasons:
                previous = None
                continue
            if previous is not None and _continues(self.lines[previous], line):
                paragraphs[-1] = (paragraphs[-1][0], line.end)
            else:
                paragraphs.append((line.start, line.end))
            previous = i
        text = "\n\n".join(self.body[s:e] for s, e in paragraphs)
        return CleanResult(
            text=text,
            removals=removals,
            paragraphs=tuple(paragraphs),
            provenance=self.provenance,
            self_named=self.self_named,
            byline=self.byline,
        )


def _continues(previous: _Line, line: _Line) -> bool:
    """A hard-wrapped paragraph: same block, the line before stops mid-sentence and this one
    carries on in lower case."""
    return (
        previous.block == line.block
        and previous.text.rstrip(_CLOSERS)[-1:] not in _TERMINAL + ":"
        and line.text[:1].islower()
    )


def clean_body(body: str, title: str | None) -> CleanResult:
    """Split ``body`` into the article's paragraphs and the furniture removed from it.

    ``title`` (from metadata) lets a repeated headline at the top be recognised.
    """
    return _Cleaner(body, title).run()
