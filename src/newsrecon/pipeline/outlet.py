"""Who published an article, and how we know.

The outlet is what reports are compared by (who said what first, who copied whom), so the
value carries its basis and the most trustworthy source wins:

1. ``meta.outlet`` (``metadata``): a reader was told the outlet explicitly (a JSON field, a
   feed's channel).
2. ``meta.sitename`` (``metadata``): the page declares its own site name (``og:site_name``).
3. A provenance line in the text (``provenance_line``): "Source: X", "Originally published
   by X". It beats the URL because a republished or aggregated copy lives at the
   aggregator's address while the line names the outlet that actually reported it.
4. The URL host without ``www.`` (``url``): where the copy was found.
5. A brand the page names itself with in its own footer (``self_named``): a copyright
   holder or the brand opening a promo line. Weaker than the URL, because a footer can name
   a product or a partner rather than the publisher.
6. The file name stem (``file_name``): only a label so the article can be told apart.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit

from newsrecon.model import ArticleMeta


def url_host(url: str | None) -> str | None:
    """The host of an http(s) URL without ``www.``, lower-cased; None for anything else."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return host.removeprefix("www.")


def name_stem(name: str) -> str:
    """The file name without directory, extension or ``#N`` record suffix."""
    base = name.split("#", 1)[0].replace("\\", "/")
    return PurePath(base).stem or base or "unknown"


def resolve_outlet(
    meta: ArticleMeta,
    provenance: str | None,
    self_named: str | None,
    url: str | None,
    name: str,
) -> tuple[str, str]:
    """(outlet, basis) by the order in the module docstring; ``name`` is the input's file
    name (or source) used as the last resort."""
    candidates = (
        (meta.outlet, "metadata"),
        (meta.sitename, "metadata"),
        (provenance, "provenance_line"),
        (url_host(url), "url"),
        (self_named, "self_named"),
    )
    for value, basis in candidates:
        if value and value.strip():
            return value.strip(), basis
    return name_stem(name), "file_name"
