"""The outlet comes from the most trustworthy place available, and says which."""

from __future__ import annotations

import pytest

from newsrecon.model import ArticleMeta
from newsrecon.pipeline.outlet import name_stem, resolve_outlet, url_host

FULL = {
    "meta": ArticleMeta(outlet="Quay Weekly", sitename="quay-weekly.example"),
    "provenance": "Selm Courier",
    "self_named": "Orbital Ledger",
    "url": "https://www.aggregator.example/a/1",
    "name": "/data/in/report_17.txt",
}


def _without(*keys: str) -> dict[str, object]:
    args = dict(FULL)
    meta = args["meta"]
    assert isinstance(meta, ArticleMeta)
    if "outlet" in keys:
        meta = ArticleMeta(sitename=meta.sitename)
    if "sitename" in keys:
        meta = ArticleMeta(outlet=meta.outlet)
    args["meta"] = meta
    for key in ("provenance", "self_named", "url"):
        if key in keys:
            args[key] = None
    return args


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ((), ("Quay Weekly", "metadata")),
        (("outlet",), ("quay-weekly.example", "metadata")),
        (("outlet", "sitename"), ("Selm Courier", "provenance_line")),
        (("outlet", "sitename", "provenance"), ("aggregator.example", "url")),
        (("outlet", "sitename", "provenance", "url"), ("Orbital Ledger", "self_named")),
        (("outlet", "sitename", "provenance", "url", "self_named"), ("report_17", "file_name")),
    ],
    ids=["metadata", "sitename", "provenance", "url", "self_named", "file_name"],
)
def test_outlet_basis_order(missing: tuple[str, ...], expected: tuple[str, str]) -> None:
    assert resolve_outlet(**_without(*missing)) == expected  # type: ignore[arg-type]


def test_blank_values_fall_through() -> None:
    meta = ArticleMeta(outlet="  ", sitename="")
    assert resolve_outlet(meta, " ", None, "ftp://files.example/x", "a.txt") == ("a", "file_name")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Quay-Weekly.example/news/1", "quay-weekly.example"),
        ("http://news.selm.example:8080/x", "news.selm.example"),
        ("mailto:desk@quay.example", None),
        ("not a url", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_url_host(url: str | None, expected: str | None) -> None:
    assert url_host(url) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("/data/in/report_17.txt", "report_17"),
        ("feeds/harbour.xml#4", "harbour"),
        ("C:\\dumps\\page.html", "page"),
        ("", "unknown"),
    ],
)
def test_name_stem(name: str, expected: str) -> None:
    assert name_stem(name) == expected
