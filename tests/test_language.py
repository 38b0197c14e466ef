"""Language detection with py3langid's normalised probabilities (own invented sentences)."""

from __future__ import annotations

import pytest

from newsrecon.pipeline.language import UNDETERMINED, detect_language, language_name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The harbour authority of Port Avelin said on Tuesday it would extend night "
            "shifts through the winter because cargo volumes keep rising.",
            "en",
        ),
        (
            "Le port d'Avelin a annoncé mardi qu'il prolongerait les équipes de nuit pendant "
            "tout l'hiver, car le volume des marchandises ne cesse d'augmenter.",
            "fr",
        ),
        (
            "Der Hafen von Avelin kündigte am Dienstag an, die Nachtschichten den ganzen "
            "Winter über zu verlängern, weil die Frachtmengen weiter steigen.",
            "de",
        ),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    detected, probability = detect_language(text)
    assert detected == code
    assert 0.9 <= probability <= 1.0


@pytest.mark.parametrize("text", ["", "1234 5678 -- !!", "   "])
def test_nothing_to_judge_is_undetermined(text: str) -> None:
    assert detect_language(text) == (UNDETERMINED, 0.0)


@pytest.mark.parametrize(
    ("code", "name"), [("fr", "French"), ("de", "German"), ("zz-not-a-code", "zz-not-a-code")]
)
def test_language_name(code: str, name: str) -> None:
    assert language_name(code) == name
