"""Bytes to text: BOM, then strict UTF-8, then a declared charset, then detection.

UTF-8 goes first because valid multi-byte UTF-8 almost never arises by chance in a legacy
encoding, while pages that declare ``iso-8859-1`` but are really UTF-8 are common. Detection
prefers windows-1252 whenever charset-normalizer finds it plausible: it is the web's dominant
legacy encoding (the WHATWG default for unlabelled Western pages), and charset-normalizer alone
tends to pick a DOS code page for short English text with a few accented letters.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from newsrecon.model import RejectKind
from newsrecon.pipeline.ingest.problems import Refusal

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Browsers treat these labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii"}

# The HTML prescan only looks at the first 1024 bytes; a little more tolerates long heads.
_PRESCAN = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def html_declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta charset>`` or ``http-equiv`` tag near the top declares."""
    found = _META_CHARSET.search(data[:_PRESCAN])
    return found.group(1).decode("ascii").lower() if found else None


def _codec_candidates(label: str | None) -> list[str]:
    if not label:
        return []
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return []
    if name.startswith(("utf_8", "utf_16", "utf_32")):
        # A UTF label on bytes that are not valid UTF-8 is wrong; detection does better.
        return []
    if name in _AS_CP1252 or name == "cp1252":
        return ["cp1252", "latin_1"]
    return [name]


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> str:
    """Decode ``data``; ``declared`` is a charset from outside (an HTTP header), ``html`` says
    to honour a meta charset. Raises :class:`Refusal` (UNDECODABLE) when nothing fits."""
    codec = bom_codec(data)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise Refusal(
                RejectKind.UNDECODABLE, f"bytes are not valid {codec} despite its byte-order mark"
            ) from exc
        return text.removeprefix("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    labels = [declared, html_declared_charset(data) if html else None]
    for label in labels:
        for name in _codec_candidates(label):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                continue
    western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None:
        return str(western)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Refusal(RejectKind.UNDECODABLE, "bytes are not UTF-8 and fit no known text encoding")
    return str(best).removeprefix("\ufeff")


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` and NUL characters go (they carry no text,
    and PostgreSQL cannot store them); other characters are left alone."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
