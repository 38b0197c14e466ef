"""Cleaning keeps the article and removes furniture, each removal indexing the body exactly.

Every fixture is invented for this file (fictional places, people and outlets).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.pipeline.clean import (
    caption_part,
    clean_body,
    copyright_holder,
    is_sentence,
    provenance_outlet,
    self_named_brand,
)

LEDE = "The harbour authority of Port Avelin said on Tuesday it would extend night shifts."
SECOND = "Cargo volumes are expected to rise by a fifth next year, the authority said."
TEASER = "Orbital Ledger\u00a0PORT WATCH : \u201cWinter backlog grows at northern quays\u201d"
CLOSING = "The shifts will start in November and run until the spring thaw, officials said."


def _para(*lines: str) -> str:
    return "\n\n".join(lines)


# (id, body, title, expected removals as (reason, exact line), sentences that must stay)
CASES = [
    (
        "caption_with_photo_credit_at_top",
        _para(
            "Dockworkers unload crates at the quay in March 2024. Photo: Norden Press",
            LEDE,
            SECOND,
        ),
        None,
        [("caption", "Dockworkers unload crates at the quay in March 2024. Photo: Norden Press")],
        [LEDE, SECOND],
    ),
    (
        "name_line_glued_to_agency_credit",
        "Talia Brennvik\nTalia BrennvikAFP\n\n" + _para(LEDE, SECOND),
        None,
        [("caption", "Talia Brennvik"), ("caption", "Talia BrennvikAFP")],
        [LEDE, SECOND],
    ),
    (
        "caption_line_then_bare_credit",
        _para(LEDE, "A ferry leaves the quay at dawn.\nPhoto: Lena Ostrova", SECOND),
        None,
        [("caption", "A ferry leaves the quay at dawn."), ("caption", "Photo: Lena Ostrova")],
        [LEDE, SECOND],
    ),
    (
        "caption_with_bracketed_agency_between_paragraphs",
        _para(LEDE, "Firefighters on the ridge above Selm on Sunday (AP)", SECOND),
        None,
        [("caption", "Firefighters on the ridge above Selm on Sunday (AP)")],
        [LEDE, SECOND],
    ),
    (
        "image_library_credit",
        _para(LEDE, "The old lighthouse at Kess Point Getty Images", SECOND),
        None,
        [("caption", "The old lighthouse at Kess Point Getty Images")],
        [LEDE, SECOND],
    ),
    (
        "source_provenance_last_line",
        _para(LEDE, SECOND, "Source » riverdalepost"),
        None,
        [("provenance", "Source » riverdalepost")],
        [LEDE, SECOND],
    ),
    (
        "originally_published_line",
        _para(
            LEDE,
            SECOND,
            "This article was originally published by The Harbour Review. Read the original.",
        ),
        None,
        [
            (
                "provenance",
                "This article was originally published by The Harbour Review. Read the original.",
            )
        ],
        [LEDE, SECOND],
    ),
    (
        "product_page_trailing_calls_to_action",
        _para(
            LEDE,
            SECOND,
            TEASER,
            "Book a Demo",
            "get in touch",
        ),
        None,
        [
            (
                "teaser",
                TEASER,
            ),
            ("call_to_action", "Book a Demo"),
            ("call_to_action", "get in touch"),
        ],
        [LEDE, SECOND],
    ),
    (
        "repeated_title_twice_with_junk",
        "Council Approves Tram Line\nCouncil Approves Tram Line | City Desk\n\n"
        + _para(LEDE, SECOND),
        "Council Approves Tram Line",
        [
            ("title_repeat", "Council Approves Tram Line"),
            ("title_repeat", "Council Approves Tram Line | City Desk"),
        ],
        [LEDE, SECOND],
    ),
    (
        "author_box_at_end",
        _para(
            LEDE,
            SECOND,
            "Mara Feldt is a transport correspondent for the Northern Ledger.",
        ),
        None,
        [("author_box", "Mara Feldt is a transport correspondent for the Northern Ledger.")],
        [LEDE, SECOND],
    ),
    (
        "about_the_author_header_and_bio",
        _para(LEDE, SECOND, "About the author", "Jon Arvik covers energy markets from Selm."),
        None,
        [
            ("author_box", "About the author"),
            ("author_box", "Jon Arvik covers energy markets from Selm."),
        ],
        [LEDE, SECOND],
    ),
    (
        "byline_at_top",
        _para("By Jana Koll and Piet Roos, Port Avelin", LEDE, SECOND),
        None,
        [("byline", "By Jana Koll and Piet Roos, Port Avelin")],
        [LEDE, SECOND],
    ),
    (
        "share_and_newsletter_lines",
        _para(
            "Share this article",
            LEDE,
            "Advertisement",
            SECOND,
            "Sign up for our daily newsletter to get the top stories.",
            CLOSING,
        ),
        None,
        [
            ("call_to_action", "Share this article"),
            ("call_to_action", "Advertisement"),
            ("call_to_action", "Sign up for our daily newsletter to get the top stories."),
        ],
        [LEDE, SECOND, CLOSING],
    ),
    (
        "copyright_and_cookie_footer",
        _para(
            LEDE,
            SECOND,
            "We use cookies to improve your experience.",
            "© 2024 Northwind Media. All rights reserved.",
        ),
        None,
        [
            ("cookie_notice", "We use cookies to improve your experience."),
            ("copyright", "© 2024 Northwind Media. All rights reserved."),
        ],
        [LEDE, SECOND],
    ),
    (
        "related_list_at_end",
        _para(LEDE, SECOND, "Related articles", "Tram fares to rise", "New bridge opens"),
        None,
        [
            ("call_to_action", "Related articles"),
            ("teaser", "Tram fares to rise"),
            ("teaser", "New bridge opens"),
        ],
        [LEDE, SECOND],
    ),
    (
        "sentences_that_only_mention_furniture_words_stay",
        _para(
            "Customers can sign up for the new ferry pass online, the operator said.",
            "Share prices of the operator fell 3% on Monday.",
            "The minister resigned on Monday, according to Reuters.",
            "Photo agencies protested against the new rules, the union said.",
            "Readers can get in touch with the council by letter, a spokesman said.",
        ),
        None,
        [],
        [
            "Customers can sign up for the new ferry pass online, the operator said.",
            "Share prices of the operator fell 3% on Monday.",
            "The minister resigned on Monday, according to Reuters.",
            "Photo agencies protested against the new rules, the union said.",
            "Readers can get in touch with the council by letter, a spokesman said.",
        ],
    ),
    (
        "headline_line_without_metadata_title_stays",
        _para("Ports Brace For A Long Winter", LEDE, SECOND),
        None,
        [],
        ["Ports Brace For A Long Winter", LEDE, SECOND],
    ),
    (
        "trailing_photo_credit_does_not_take_subheads_with_it",
        _para(LEDE, "What happens next", SECOND, "A quiet quay at dusk\nPhoto: Lena Ostrova"),
        None,
        [("caption", "A quiet quay at dusk"), ("caption", "Photo: Lena Ostrova")],
        [LEDE, "What happens next", SECOND],
    ),
    (
        "separator_and_doubled_link_card_between_paragraphs",
        _para(LEDE, "___", "Ports Brace For Winter Ports Brace For Winter", SECOND),
        None,
        [("separator", "___"), ("teaser", "Ports Brace For Winter Ports Brace For Winter")],
        [LEDE, SECOND],
    ),
    (
        "separator_at_end_does_not_take_subheads",
        _para(LEDE, "What happens next", SECOND, "* * *"),
        None,
        [("separator", "* * *")],
        [LEDE, "What happens next", SECOND],
    ),
    (
        "newsroom_credit_line_stays_and_ends_the_trailing_block",
        _para(LEDE, SECOND, "Reporting by Jana Koll; Editing by Piet Roos", "Share this article"),
        None,
        [("call_to_action", "Share this article")],
        [LEDE, SECOND, "Reporting by Jana Koll; Editing by Piet Roos"],
    ),
    (
        "single_newline_paragraphs",
        "\n".join([LEDE, SECOND, CLOSING, "Source: Harbour Review"]),
        None,
        [("provenance", "Source: Harbour Review")],
        [LEDE, SECOND, CLOSING],
    ),
]


@pytest.mark.parametrize(
    ("body", "title", "removed", "kept"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_furniture_is_removed_and_sentences_stay(
    body: str, title: str | None, removed: list[tuple[str, str]], kept: list[str]
) -> None:
    result = clean_body(body, title)
    assert [(r.reason, r.text) for r in result.removals] == removed
    for removal in result.removals:
        assert body[removal.start : removal.end] == removal.text
        assert removal.text not in result.text.split("\n\n")
    paragraphs = result.text.split("\n\n")
    for sentence in kept:
        assert sentence in paragraphs


@pytest.mark.parametrize(
    ("body", "provenance", "self_named", "byline"),
    [
        (_para(LEDE, "Source » riverdalepost"), "riverdalepost", None, None),
        (
            _para(LEDE, "Source: https://www.harbour-review.example/story/1"),
            "harbour-review.example",
            None,
            None,
        ),
        (
            _para(LEDE, "First published on www.harbour-review.example"),
            "harbour-review.example",
            None,
            None,
        ),
        (
            _para(LEDE, "Originally published at The Selm Courier, under a free licence."),
            "The Selm Courier",
            None,
            None,
        ),
        (
            _para(LEDE, "Orbital Ledger PORT WATCH: backlog grows", "Request a demo"),
            None,
            "Orbital Ledger",
            None,
        ),
        (
            _para(LEDE, "Quayside Analytics | Weekly shipping outlook", "Contact us"),
            None,
            "Quayside Analytics",
            None,
        ),
        (_para(LEDE, "Copyright 2023 Northwind Media"), None, "Northwind Media", None),
        # A teaser without a call to action in its block names nothing.
        (_para(LEDE, "Orbital Ledger PORT WATCH: backlog grows"), None, None, None),
        (_para("By Jana Koll | 3 March 2024", LEDE), None, None, "Jana Koll"),
    ],
    ids=[
        "source_arrow",
        "source_url_host",
        "first_published_host",
        "originally_published_cut_at_comma",
        "teaser_brand_before_all_caps",
        "teaser_brand_before_separator",
        "copyright_holder",
        "teaser_without_call_to_action",
        "byline_name",
    ],
)
def test_metadata_found_in_furniture(
    body: str, provenance: str | None, self_named: str | None, byline: str | None
) -> None:
    result = clean_body(body, None)
    assert result.provenance == provenance
    assert result.self_named == self_named
    assert result.byline == byline
    assert LEDE in result.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Crowds on the square. Photo: Jon Arvik", "Crowds on the square."),
        ("Crowds on the square (Reuters)", "Crowds on the square"),
        ("Crowds on the square | AFP", "Crowds on the square"),
        ("Jon ArvikReuters", "Jon Arvik"),
        ("AP Photo/Jon Arvik", ""),
        ("Reuters", ""),
        ("Image by Lena Ostrova", ""),
        ("The mayor spoke to Reuters.", None),
        ("He said, according to AFP.", None),
        ("Reuters reported the figures on Monday", None),
        ("The photo: a study in contrasts, critics said.", None),
    ],
)
def test_caption_part(line: str, expected: str | None) -> None:
    assert caption_part(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Acme Insight | WEEKLY: rates", "Acme Insight"),
        ("Acme Insight: how rates moved", "Acme Insight"),
        ("Northwind\u00a0PORTS daily", "Northwind"),
        ("Tram fares to rise", None),
        ("Tram Fares Rise", None),
        ("NEWS: rates", None),
        ("\u201cQuote\u201d Acme", None),
    ],
)
def test_self_named_brand(line: str, expected: str | None) -> None:
    assert self_named_brand(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source » riverdalepost", "riverdalepost"),
        ("Via: Selm Courier", "Selm Courier"),
        ("This story first appeared in The Quay Weekly.", "The Quay Weekly"),
        ("Republished with permission from Northwind Media.", "Northwind Media"),
        ("The source said the deal was close.", None),
        ("Sources told the paper the deal was close.", None),
    ],
)
def test_provenance_outlet(line: str, expected: str | None) -> None:
    assert provenance_outlet(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("© 2024 Northwind Media. All rights reserved.", "Northwind Media"),
        ("Copyright (c) 2019-2024 Quay Press", "Quay Press"),
        ("All rights reserved.", None),
    ],
)
def test_copyright_holder(line: str, expected: str | None) -> None:
    assert copyright_holder(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (LEDE, True),
        ("\u201cWe will build it,\u201d she said.", True),
        ("Book a Demo", False),
        ("Tram fares to rise", False),
        ("Yes.", False),
    ],
)
def test_is_sentence(line: str, expected: bool) -> None:
    assert is_sentence(line) is expected


FURNITURE_LINES = [
    "Photo: Norden Press",
    "Talia BrennvikAFP",
    "Source » riverdalepost",
    "Book a Demo",
    "get in touch",
    "By Jana Koll",
    "Share this article",
    "© 2024 Northwind Media. All rights reserved.",
    "About the author",
    "Orbital Ledger PORT WATCH: backlog grows",
]
PROSE_LINES = [LEDE, SECOND, CLOSING, "Ports Brace For A Long Winter"]
line_text = st.one_of(
    st.sampled_from(FURNITURE_LINES + PROSE_LINES),
    st.text(max_size=60),
)
separator = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\r\n\r\n", "\n\n\n", "  \n"])


@st.composite
def bodies(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line_text, max_size=12))
    parts: list[str] = []
    for line in lines:
        parts.append(draw(st.sampled_from(["", " ", "\t", "\u00a0"])) + line)
        parts.append(draw(separator))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(body=bodies(), title=st.one_of(st.none(), st.sampled_from([*PROSE_LINES, "", "x"])))
def test_removals_and_paragraphs_index_the_body(body: str, title: str | None) -> None:
    result = clean_body(body, title)
    spans = sorted(
        [(r.start, r.end) for r in result.removals] + list(result.paragraphs),
    )
    for removal in result.removals:
        assert body[removal.start : removal.end] == removal.text
        assert removal.text.strip() == removal.text != ""
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start  # kept and removed pieces never overlap
    assert result.text == "\n\n".join(body[s:e] for s, e in result.paragraphs)
    for paragraph in result.text.split("\n\n") if result.text else []:
        assert paragraph in body
    # Nothing is lost silently: every non-blank line is either kept or removed.
    covered = "".join(body[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(body.split())
