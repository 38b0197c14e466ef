"""Transliteration-aware name rules, as tables of fictional names."""

from __future__ import annotations

import pytest

from newsrecon.pipeline.entities.names import (
    acronym_of,
    is_acronym,
    persons_match,
    split_title,
    tokens_match,
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Qorbani", "Ghorbani", True),  # q / gh
        ("Mohammed", "Muhammad", True),
        ("Mohammad", "Mohamed", True),
        ("Qa'ani", "Qaani", True),  # apostrophe for a glottal stop
        ("Yousef", "Yusuf", True),
        ("Haddadi", "Haddadi", True),
        ("Khan", "Qaani", False),  # same skeleton letters, different names
        ("Qorbani", "Haddad", False),
        ("Talib", "Tabil", False),
    ],
)
def test_tokens_match(a: str, b: str, same: bool) -> None:
    assert tokens_match(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("esmat qorbani", "esmat ghorbani", True),
        ("esmat qorbani", "qorbani", True),  # surname after a full mention
        ("esmat qorbani", "ismat haddad", False),  # shared first name only: never
        ("esmat qorbani", "esmat", False),  # a bare first name is not a surname
        ("e qorbani", "esmat qorbani", True),  # an initial
        ("farid qorbani", "esmat qorbani", False),  # same surname, different person
    ],
)
def test_persons_match(a: str, b: str, same: bool) -> None:
    assert persons_match(a.split(), b.split()) is same


@pytest.mark.parametrize(
    ("tokens", "title", "rest"),
    [
        ("maj gen farid qorbani", "major general", "farid qorbani"),
        ("brigadier general farid qorbani", "brigadier general", "farid qorbani"),
        ("general", None, "general"),
        ("farid qorbani", None, "farid qorbani"),
    ],
)
def test_split_title(tokens: str, title: str | None, rest: str) -> None:
    assert split_title(tokens.split()) == (title, rest.split())


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("NHA", "northern harbour authority", True),
        ("NHA", "the northern harbour authority", True),
        ("NHA", "nordic ice club", False),
        ("BOE", "bank of england", False),  # minor words do not count
        ("BE", "bank of england", True),
    ],
)
def test_acronym_of(acronym: str, words: str, expected: bool) -> None:
    assert acronym_of(acronym, words.split()) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("NHA", True), ("U.N.", True), ("III", False), ("Nha", False)]
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected
