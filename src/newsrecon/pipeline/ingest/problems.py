"""The one internal signal readers use to refuse an input; ``read_inputs`` turns it into a
:class:`~newsrecon.model.Rejection` so nothing is raised through a batch."""

from __future__ import annotations

from newsrecon.model import Rejection, RejectKind


class Refusal(Exception):
    """Raised inside a reader when a whole input (or the rest of it) cannot be read.

    Per-record problems inside a container are yielded as rejections directly instead, so the
    other records still come through.
    """

    def __init__(self, kind: RejectKind, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason

    def rejection(self, source: str) -> Rejection:
        return Rejection(source, self.kind, self.reason)
