"""What a rule needs besides its own match: the anchor, the tense of the sentence, and the
reference time (the last period the text named), which "a year earlier" or "the next day"
count from in narrative, as in HeidelTime's news and narrative strategies."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsrecon.pipeline.timex.points import Point
from newsrecon.pipeline.timex.tense import parse_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Sentence ends: terminal punctuation before a capital or quote, or a blank line. Abbreviation
# dots ("Nov. 16") rarely precede a capital, so they seldom cut a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘`(]*[A-Z])|\n\s*\n")
# Future cues: modal "will"/"shall", "going to", scheduling verbs. "would" is left out: in
# reported speech it is as often habitual or conditional as future.
_FUTURE = re.compile(
    r"\b(?:will|shall|wo\s*n't|won't|going\s+to|plans?\s+to|planned\s+to|scheduled|"
    r"is\s+to|are\s+to|expects?\s+to|due\s+to\s+(?:be|arrive|meet|visit|start|begin)|"
    r"intends?\s+to|upcoming|next(?!\s+to\b))\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|says|told|ago|last|earlier|yesterday|"
    r"[a-z]+ed)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Context:
    """Per-text state for the rules; ``reference`` moves as dates are resolved in order."""

    text: str
    anchor: date | None
    reference: Point | None
    _starts: list[int]
    doc: Doc | None = None
    # The last fiscal period (quarter or half) the text named: "the quarter", "the latest
    # period" and "the 1988 period" refer back to it though other dates came between.
    period: Point | None = None
    # The stretch to date the report is about ("P9M" after "the first nine months"), which
    # "the year-earlier period" then repeats a year before.
    stretch: str | None = None

    @classmethod
    def of(cls, text: str, anchor: date | None, doc: Doc | None = None) -> Context:
        """``doc``, a parse of exactly ``text``, lets the governing verb decide the tense."""
        if doc is not None and doc.text != text:
            raise ValueError("the parse given for temporal expressions is not of this text")
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        return cls(text, anchor, None, starts, doc)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence containing ``start``..``end``."""
        i = bisect_right(self._starts, start) - 1
        s = self._starts[i]
        e = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return s, max(e, end)

    def tense(self, start: int, end: int) -> int:
        """+1 when the sentence speaks of the future, -1 otherwise (news mostly reports the past).

        With a parse, the tense of the governing verb decides when it is decisive. Otherwise
        the nearest tense cue before the expression decides; with none before it, the nearest
        after it within the sentence; with none at all, past.
        """
        if self.doc is not None:
            parsed = parse_tense(self.doc, start, end)
            if parsed is not None:
                return parsed
        s, e = self.sentence(start, end)
        before = self.text[s:start]
        cues = [(m.end(), 1) for m in _FUTURE.finditer(before)]
        cues += [(m.end(), -1) for m in _PAST.finditer(before)]
        if cues:
            return max(cues)[1]
        after = self.text[end:e]
        f = _FUTURE.search(after)
        p = _PAST.search(after)
        if f and (not p or f.start() < p.start()):
            return 1
        return -1

    def direction(self, start: int, end: int) -> int:
        """The tense as :meth:`tense` says, except that with a parse whose verb forms decide
        nothing, 0 (neither): a month then lies where it is nearest the anchor."""
        if self.doc is not None:
            return parse_tense(self.doc, start, end) or 0
        return self.tense(start, end)

    def ref_day(self) -> date | None:
        """The reference time's day, falling back to the anchor."""
        return self.reference.day if self.reference is not None else self.anchor
