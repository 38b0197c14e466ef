"""Who is who in a story: one :class:`Entity` per real-world person, organisation, place or
group, however each outlet wrote it.

An entity keeps every surface form (:class:`Alias`) with the outlets that used it, so a reader
sees that one outlet wrote a name differently, and every mention as a span, so each alias can be
checked in its article. Titles and ranks are kept per outlet (:class:`TitleSeen`) because they
are where outlets most often disagree about a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsrecon.model.span import Span


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing the entity's name (titles stripped), and who wrote it that way."""

    text: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TitleSeen:
    """A title or rank written before a person's name (normalised: ``Maj Gen`` ->
    ``major general``), the outlets that gave it and where."""

    title: str
    outlets: tuple[str, ...]
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention as the resolver sees it.

    ``kind`` is ``name`` (a proper name), ``acronym``, ``nominal`` (a common noun phrase),
    ``pronoun`` or ``description`` (a phrase standing for a named entity). ``head`` is the
    lemma of the phrase's head word; ``title`` the rank or title written before a name.
    """

    span: Span
    text: str
    type: str
    kind: str = "name"
    head: str = ""
    title: str | None = None
    title_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """``name`` is the canonical form (the fullest name most outlets wrote); ``outlets`` are the
    outlets that mention it and ``outlet_count`` their number; ``acronym`` is the short form
    an organisation is also known by in the story, if any."""

    id: str
    name: str
    type: str
    aliases: tuple[Alias, ...]
    mentions: tuple[Span, ...]
    outlets: tuple[str, ...]
    outlet_count: int = 0
    titles: tuple[TitleSeen, ...] = ()
    acronym: str | None = None
