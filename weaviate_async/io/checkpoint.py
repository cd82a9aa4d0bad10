"""Where an import stands, kept in a small sidecar file so that an interrupted or partly failed
run can be resumed: every row before ``rows_done`` was answered by the server (acknowledged or
failed), and ``failed`` lists the rows among them that failed."""

from __future__ import annotations

import bisect
import collections
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from weaviate_async.collections.batch.ledger import Ledger
from weaviate_async.exceptions import WeaviateInvalidInputError

if TYPE_CHECKING:
    from weaviate_async.classes.batch import ErrorObject
    from weaviate_async.wire.batch import PendingObject

__all__ = ["Checkpoint", "RowLedger"]

_VERSION = 1


@attrs.define
class Checkpoint:
    """The state of an import, as saved beside its input.

    Attributes:
        collection: the collection imported into.
        rows_done: every row before this one was answered.
        failed: the rows before ``rows_done`` that failed, ascending.
    """

    collection: str
    rows_done: int = 0
    failed: list[int] = attrs.field(factory=list)

    @classmethod
    def load(cls, path: Path, collection: str) -> Checkpoint:
        """The saved state, or a fresh one when there is none."""
        if not path.exists():
            return cls(collection)
        try:
            data = orjson.loads(path.read_bytes())
            state = cls(data["collection"], int(data["rows_done"]), sorted(data["failed"]))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise WeaviateInvalidInputError(
                f"resume: {path} is not an import checkpoint ({exc})"
            ) from exc
        if state.collection != collection:
            raise WeaviateInvalidInputError(
                f"resume: {path} is the checkpoint of an import into {state.collection!r}, "
                f"not {collection!r}"
            )
        return state

    def wants(self, row: int) -> bool:
        """Whether a resumed run must send this row again."""
        if row >= self.rows_done:
            return True
        i = bisect.bisect_left(self.failed, row)
        return i < len(self.failed) and self.failed[i] == row

    def save(self, path: Path) -> None:
        """Write the state atomically (a crash leaves the old file or the new one)."""
        data = {"version": _VERSION, "collection": self.collection}
        data.update(rows_done=self.rows_done, failed=self.failed)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(orjson.dumps(data))
        os.replace(temporary, path)


class RowLedger(Ledger):
    """A batch ledger that knows which input row each object came from, and keeps the
    checkpoint's watermark: the first row not yet answered, all rows before it settled.

    Objects are added in row order, some rows skipped (a resumed run, rows refused before
    sending): the mapping from batch index to row is kept as runs of consecutive rows, one run
    per skip, so its size does not grow with the input.
    """

    def __init__(self, state: Checkpoint, path: Path | None, every: float = 1.0) -> None:
        super().__init__()
        # An import reports by row (failed_rows, row_uuid), never through batch.results: the
        # record of the last 100,000 acknowledged uuids (about 14 MB) would be kept for nobody.
        self._acked = collections.deque(maxlen=0)
        self.state = state
        self._path = path
        self._every = every
        self._saved = time.monotonic()
        self._run_index: list[int] = []  # first batch index of each run
        self._run_row: list[int] = []  # its row
        self._next_index = 0
        self._settled: set[int] = set()  # answered indices at or after the watermark
        self._watermark = 0  # batch indices below it are all settled
        self.failed_rows: dict[int, str] = {}  # row -> error, of this run
        self.row_uuid: dict[int, str] = {}  # row -> uuid of failed rows
        self._reacked: set[int] = set()  # rows of the earlier failures acknowledged now

    # -- rows

    def added(self, row: int) -> None:
        """The next batch index is this row (call before adding the object)."""
        index = self._next_index
        if not self._run_row or row != self._run_row[-1] + (index - self._run_index[-1]):
            self._run_index.append(index)
            self._run_row.append(row)
        self._next_index += 1

    def row_of(self, index: int) -> int:
        """The input row of a batch index."""
        i = bisect.bisect_right(self._run_index, index) - 1
        return self._run_row[i] + (index - self._run_index[i])

    def refuse_row(self, row: int, message: str, uuid: str | None = None) -> None:
        """A row that never reached the batch (it could not be converted)."""
        self.failed_rows[row] = message
        if uuid is not None:
            self.row_uuid[row] = uuid

    # -- the ledger's hooks

    def ack_objects(self, items: Iterable[PendingObject]) -> None:
        """Acknowledged objects settle their indices."""
        items = list(items)
        super().ack_objects(items)
        before = self.state.rows_done
        for item in items:
            row = self.row_of(item.index)
            if row < before:  # a row that failed before and went through now
                self._reacked.add(row)
        self._settle(item.index for item in items)

    def fail_objects(self, items: Iterable[PendingObject], message: Any) -> None:
        """Failed objects settle their indices; their rows are recorded."""
        items = list(items)
        super().fail_objects(items, message)
        for item in items:
            error = self._object_errors[item.index]
            row = self.row_of(item.index)
            self.failed_rows[row] = error.message
            self.row_uuid[row] = str(item.original_uuid or item.uuid)
        self._settle(item.index for item in items)

    def fail_refused(self, error: ErrorObject) -> None:
        """An object refused client-side, in failed_objects."""
        super().fail_refused(error)
        row = self.row_of(error.object_.index)
        self.failed_rows[row] = error.message
        self.row_uuid[row] = str(error.object_.uuid)
        self._settle([error.object_.index])

    def object_refused_early(self, index: int) -> None:
        """An object that raised to the caller: settled, nothing sent."""
        self._settle([index])

    def _settle(self, indices: Iterable[int]) -> None:
        settled = self._settled
        settled.update(indices)
        mark = self._watermark
        while mark in settled:
            settled.discard(mark)
            mark += 1
        self._watermark = mark
        if self._path is not None and time.monotonic() - self._saved >= self._every:
            self.save()

    def snapshot(self, end_row: int | None = None) -> Checkpoint:
        """The checkpoint as of now (``end_row``: every row was answered, the input ended)."""
        done = end_row if end_row is not None else self._done_row()
        earlier = {row for row in self.state.failed if row not in self._reacked}
        failed = sorted(earlier | {row for row in self.failed_rows if row < done})
        return Checkpoint(self.state.collection, max(done, self.state.rows_done), failed)

    def _done_row(self) -> int:
        if self._watermark >= self._next_index:
            # everything added is answered; the next row is where the input stands
            return self._last_row + 1 if self._run_row else 0
        return self.row_of(self._watermark)

    @property
    def _last_row(self) -> int:
        return self.row_of(self._next_index - 1)

    def save(self) -> None:
        """Write the checkpoint now."""
        if self._path is not None:
            self.snapshot().save(self._path)
            self._saved = time.monotonic()
