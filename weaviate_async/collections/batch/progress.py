"""Progress of a batch or an ingest (objects, rate, ETA) shown with a maintained progress
library, when asked: ``progress=True`` uses tqdm if it is installed, else rich; a callable gets
``(done, failed, added)`` after each answer from the server instead.

Neither library is a dependency: install the ``progress`` extra (``weaviate-async[progress]``,
tqdm) to get a bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from weaviate_async._validate import invalid

__all__ = ["Progress", "ProgressOption", "make_progress"]

#: ``progress=``: False (none), True (a bar), or a callable ``(done, failed, added) -> None``.
ProgressOption = bool | Callable[[int, int, int], None]


class Progress:
    """A progress display fed with ``(done, failed, added)``; :meth:`close` ends it."""

    def __init__(self, callback: Callable[[int, int, int], None], close: Callable[[], None]):
        self.update = callback
        self.close = close


def _tqdm_bar(total: int | None, description: str) -> Progress | None:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    bar: Any = tqdm(total=total, desc=description, unit="obj", smoothing=0.1)
    state = {"shown": 0}

    def update(done: int, failed: int, added: int) -> None:
        finished = done + failed
        if total is None and bar.total != added:
            bar.total = added
        if finished > state["shown"]:
            bar.update(finished - state["shown"])
            state["shown"] = finished
        if failed:
            bar.set_postfix(failed=failed, refresh=False)

    return Progress(update, bar.close)


def _rich_bar(total: int | None, description: str) -> Progress | None:
    try:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )
        from rich.progress import Progress as RichProgress
    except ImportError:
        return None
    bar: Any = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    bar.start()
    task = bar.add_task(description, total=total)

    def update(done: int, failed: int, added: int) -> None:
        bar.update(task, completed=done + failed, total=total if total is not None else added)

    return Progress(update, bar.stop)


def make_progress(
    option: ProgressOption, total: int | None = None, description: str = "objects"
) -> Progress | None:
    """The progress display ``option`` asks for, or None.

    Raises:
        WeaviateInvalidInputError: ``option`` is neither a bool nor a callable, or True was
            given and neither tqdm nor rich is installed.
    """
    if option is False or option is None:
        return None
    if option is True:
        shown = _tqdm_bar(total, description) or _rich_bar(total, description)
        if shown is None:
            raise invalid(
                "progress",
                "needs tqdm or rich: install weaviate-async[progress], or pass a callable",
                option,
            )
        return shown
    if callable(option):
        return Progress(option, lambda: None)
    raise invalid("progress", "must be a bool or a callable (done, failed, added)", option)
