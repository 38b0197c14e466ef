"""Which language an article is in, with py3langid's normalised probability.

The model is loaded once per process (about a second) and shared; classification itself is
fast, but only the first ``SAMPLE_CHARS`` characters are used since a few thousand characters
settle the language of a news article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 5000
# Below this probability the top language is not trusted; the text is "und" (undetermined)
# and is not refused as non-English: very short texts are where langid guesses wildly.
MIN_CONFIDENCE = 0.5
UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability); ``("und", p)`` when the best guess is below
    ``MIN_CONFIDENCE`` or there are no letters to judge."""
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return UNDETERMINED, 0.0
    code, probability = _identifier().classify(sample)
    probability = float(probability)
    if probability < MIN_CONFIDENCE:
        return UNDETERMINED, probability
    return str(code), probability


def language_name(code: str) -> str:
    """English name of a language code ("fr" -> "French"), or the code if unknown."""
    try:
        name = Locale.parse(code).english_name
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return str(name) if name else code
