"""Rich progress on a terminal (articles, rate, ETA); nothing when stderr is piped."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsrecon.api.progress import Quiet
from newsrecon.model import Rejection

ERR = Console(stderr=True, highlight=False, soft_wrap=True)


def say_rejected(rejection: Rejection) -> None:
    """One line per input that was not analysed, naming it and the reason."""
    ERR.print(f"newsrecon: {rejection.message()}", markup=False)


class RichProgress:
    def __init__(self) -> None:
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[progress.data.speed]{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=ERR,
            transient=True,
        )
        self._task: TaskID | None = None

    def task(self, label: str, total: int | None = None) -> None:
        self.done()
        self._bar.start()
        self._task = self._bar.add_task(label, total=total, rate="")

    def advance(self, n: int = 1) -> None:
        if self._task is None:
            return
        self._bar.advance(self._task, n)
        speed = self._bar.tasks[-1].speed
        self._bar.update(self._task, rate=f"{speed:.1f}/s" if speed else "")

    def done(self) -> None:
        if self._task is not None:
            self._bar.stop()
            self._task = None

    def rejected(self, rejection: Rejection) -> None:
        if self._task is not None:
            self._bar.console.print(f"newsrecon: {rejection.message()}", markup=False)
        else:
            say_rejected(rejection)


class QuietButRejections(Quiet):
    """Piped: no bar, but rejected inputs are still reported one line each."""

    def rejected(self, rejection: Rejection) -> None:
        say_rejected(rejection)


def reporter() -> RichProgress | QuietButRejections:
    return RichProgress() if sys.stderr.isatty() else QuietButRejections()
