"""One entry point for every rendering of a :class:`Document`, and the rule that picks one."""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal, get_args

from newsrecon.errors import ConfigError
from newsrecon.report.html import render_html
from newsrecon.report.markdown import render_markdown
from newsrecon.report.schema import Document

Format = Literal["json", "md", "html"]
FORMATS: tuple[Format, ...] = get_args(Format)

_BY_EXTENSION: dict[str, Format] = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_ALIASES: dict[str, Format] = {"markdown": "md", "htm": "html"}


def render(doc: Document, fmt: Format) -> str:
    if fmt == "json":
        return doc.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        return render_markdown(doc)
    if fmt == "html":
        return render_html(doc)
    raise ConfigError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")


def format_for_path(path: str | None, explicit: str | None) -> Format:
    """``explicit`` wins; else the extension of ``path``; stdout (``None`` or ``-``) gets JSON."""
    if explicit is not None:
        name = explicit.strip().lower()
        name = _ALIASES.get(name, name)
        for fmt in FORMATS:
            if fmt == name:
                return fmt
        raise ConfigError(f"unknown output format {explicit!r}: use one of {', '.join(FORMATS)}")
    if path is None or path == "-":
        return "json"
    suffix = PurePath(path).suffix.lower()
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    known = ", ".join(_BY_EXTENSION)
    raise ConfigError(
        f"cannot tell the output format of {path!r} from its extension ({known}): "
        f"give the format explicitly ({', '.join(FORMATS)})"
    )
