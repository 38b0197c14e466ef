"""Markdown forms of the dedicated views (summary, corroboration matrix, framing table), so the
Markdown dossier carries what the HTML page shows. Every text from the document goes through
:func:`newsrecon.report.markdown.escape_inline`'s rules (passed in as ``esc``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from newsrecon.report import views

Esc = Callable[[str], str]


def summary(
    items: Sequence[Mapping[str, Any]], where: Callable[[str], str], esc: Esc, h: str
) -> list[str]:
    main = [i for i in items if i.get("kind") == "summary"]
    disputed = [i for i in items if i.get("kind") == "disputed"]
    lines = [f"{h} Summary ({len(main)})", ""]
    lines.append(
        "Sentences taken word for word from the articles, most corroborated first; "
        "each cites the outlets that carry it."
    )
    lines.append("")
    for n, item in enumerate(main, 1):
        lines += _sentence(n, item, where, esc)
    if disputed:
        lines += [f"{h}# Disputed ({len(disputed)})", ""]
        for n, item in enumerate(disputed, 1):
            lines += _sentence(n, item, where, esc)
    return lines


def _sentence(n: int, item: Mapping[str, Any], where: Callable[[str], str], esc: Esc) -> list[str]:
    evidence = item.get("evidence") or {}
    cited = [str(o) for o in item.get("outlets", [])]
    return [
        f"{n}. {esc(str(item.get('text', '')))} ({esc(where(str(evidence.get('article', ''))))})",
        f"   - **Cited by {len(cited)}:** {esc(', '.join(cited))}",
        f"   - **Basis:** {esc(str(item.get('basis', '')))}",
        "",
    ]


def matrix(
    claims: Sequence[Mapping[str, Any]], outlets: Sequence[str], esc: Esc, h: str
) -> list[str] | None:
    table = views.matrix(claims, outlets, lambda _: "")
    if table is None:
        return None
    lines = [f"{h} Claims and corroboration ({len(table.rows)})", ""]
    lines.append(
        "✓ reports it, ✓ₐ reports it attributed to a source, ✗ contradicts it, "
        "blank: does not mention it."
    )
    lines.append("")
    lines.append(
        "| Claim | Status | Independent sources | " + " | ".join(esc(o) for o in outlets) + " |"
    )
    lines.append("|---|---|---|" + "---|" * len(outlets))
    for entry, cells in table.rows:
        c = entry.item
        row = [
            esc(str(c.get("text", ""))),
            esc(str(c.get("status", ""))),
            str(c.get("independent_sources", "")),
        ]
        row += [mark for mark, _ in cells]
        lines.append("| " + " | ".join(row) + " |")
    return [*lines, ""]


def framing(rows: Sequence[Mapping[str, Any]], esc: Esc, h: str) -> list[str]:
    groups = views.framing(rows, lambda _: "")
    lines = [
        f"{h} Framing",
        "",
        "No score: each cell lists the outlet's words (× count, the lexicon's note on the "
        "word) and hits per 1,000 of its own words (outside quotation marks).",
        "",
    ]
    for group in groups:
        outlets = [str(cell.get("outlet")) for cell, _ in group.rows[0][1]]
        lines += [f"{h}# {group.title}", "", esc(group.explanation), ""]
        lines.append("| About | " + " | ".join(esc(o) for o in outlets) + " |")
        lines.append("|---|" + "---|" * len(outlets))
        for row, cells in group.rows:
            out = [esc(str(row.get("subject") or "all"))]
            for cell, terms in cells:
                words = "; ".join(
                    f"{esc(str(t.item.get('term')))}"
                    + (f" ×{t.item.get('count')}" if int(t.item.get("count", 1)) > 1 else "")
                    + f" ({esc(str(t.item.get('tone')))})"
                    for t in terms
                )
                rate = cell.get("per_1000_words")
                if rate is not None and terms:
                    words += f" — {rate} per 1,000 words"
                out.append(words or "—")
            lines.append("| " + " | ".join(out) + " |")
        lines.append("")
    return lines
