"""What batch operations report: the objects and references as sent, their errors, and results.

These are the types ``insert_many``, ``reference_add_many`` and the batch contexts
(``client.batch`` / ``collection.batch``) return, with the official client's names and fields.
Results keep at most :data:`MAX_STORED_RESULTS` uuids (the most recent), so a long-running
batch holds a bounded amount of memory whatever its size; errors are all kept.

Examples:
    >>> async with collection.batch.dynamic() as batch:
    ...     await batch.add_object({"title": "Hello"})
    >>> for failed in collection.batch.failed_objects:
    ...     print(failed.object_.index, failed.object_.uuid, failed.message)
"""

from __future__ import annotations

import collections
import uuid as uuid_lib
import warnings
from dataclasses import dataclass, field

from weaviate_async.classes._batch_records import (
    BatchObject,
    BatchReference,
    DeleteManyObject,
    DeleteManyReturn,
    Error,
    ErrorObject,
    ErrorReference,
    RefError,
    Shard,
)
from weaviate_async.classes._batch_records import T as T  # imported from here

__all__ = [
    "MAX_STORED_RESULTS",
    "BatchObject",
    "BatchObjectReturn",
    "BatchReference",
    "BatchReferenceReturn",
    "BatchResult",
    "DeleteManyObject",
    "DeleteManyReturn",
    "Error",
    "ErrorObject",
    "ErrorReference",
    "RefError",
    "Shard",
]

#: How many uuids (and responses) a batch result keeps: the most recent ones.
MAX_STORED_RESULTS = 100_000


@dataclass
class BatchObjectReturn:
    """Per-object results of ``insert_many`` or of a batch: uuids of the inserted objects and the
    errors of the failed ones, keyed by the objects' indices.

    Only the :data:`MAX_STORED_RESULTS` most recent uuids are kept; every error is kept.

    Attributes:
        elapsed_seconds: how long the operation took.
        errors: index -> :class:`ErrorObject` of each failed object.
        uuids: index -> uuid of each inserted object.
        has_errors: whether any object failed.
    """

    _all_responses: list[uuid_lib.UUID | ErrorObject] = field(default_factory=list)
    elapsed_seconds: float = 0.0
    errors: dict[int, ErrorObject] = field(default_factory=dict)
    uuids: dict[int, uuid_lib.UUID] = field(default_factory=dict)
    has_errors: bool = False

    def __post_init__(self) -> None:
        self.has_errors = self.has_errors or bool(self.errors)
        # The uuids' keys in arrival order, to drop the oldest by key (not a dataclass field).
        self._order: collections.deque[int] = collections.deque(self.uuids)

    @property
    def all_responses(self) -> list[uuid_lib.UUID | ErrorObject]:
        """Deprecated: every response in arrival order, a uuid or an :class:`ErrorObject` (the
        most recent :data:`MAX_STORED_RESULTS`). Use :attr:`uuids` and :attr:`errors`."""
        warnings.warn(
            "BatchObjectReturn.all_responses is deprecated: use .uuids and .errors",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._all_responses

    def add_uuids(self, uuids: dict[int, uuid_lib.UUID]) -> None:
        """Record inserted objects."""
        self.uuids.update(uuids)
        self._order.extend(uuids)
        self._all_responses.extend(uuids.values())
        self._bound()

    def add_errors(self, errors: dict[int, ErrorObject]) -> None:
        """Record failed objects (an index that was recorded as inserted is no longer)."""
        if not errors:
            return
        self.has_errors = True
        self.errors.update(errors)
        self._all_responses.extend(errors.values())
        for key in errors:
            self.uuids.pop(key, None)
        self._bound()

    def _bound(self) -> None:
        # Dropped by key: taking the dict's first entry instead rescans its deleted slots each
        # time, which made long batches quadratic.
        uuids, order = self.uuids, self._order
        while len(uuids) > MAX_STORED_RESULTS and order:
            uuids.pop(order.popleft(), None)
        if len(self._all_responses) > MAX_STORED_RESULTS:
            del self._all_responses[: len(self._all_responses) - MAX_STORED_RESULTS]

    def __add__(self, other: BatchObjectReturn) -> BatchObjectReturn:
        self.elapsed_seconds += other.elapsed_seconds
        self.add_uuids(other.uuids)
        self.add_errors(other.errors)
        return self


@dataclass
class BatchReferenceReturn:
    """Per-reference results of ``reference_add_many`` or of a batch: the errors by index.

    Attributes:
        elapsed_seconds: how long the operation took.
        errors: index -> :class:`ErrorReference` of each failed reference.
        has_errors: whether any reference failed.
    """

    elapsed_seconds: float = 0.0
    errors: dict[int, ErrorReference] = field(default_factory=dict)
    has_errors: bool = False

    def __post_init__(self) -> None:
        self.has_errors = self.has_errors or bool(self.errors)

    def add_errors(self, errors: dict[int, ErrorReference]) -> None:
        """Record failed references."""
        if errors:
            self.has_errors = True
            self.errors.update(errors)

    def __add__(self, other: BatchReferenceReturn) -> BatchReferenceReturn:
        """Append ``other``'s errors after this one's, renumbered to follow them (as the
        official client does)."""
        self.elapsed_seconds += other.elapsed_seconds
        offset = max(self.errors) + 1 if self.errors else 0
        for key, value in other.errors.items():
            self.errors[offset + key] = value
        self.has_errors = self.has_errors or other.has_errors
        return self


class BatchResult:
    """The results of a batch context: objects (:attr:`objs`) and references (:attr:`refs`).

    Attributes:
        objs: per-object results.
        refs: per-reference results.
    """

    def __init__(self) -> None:
        self.objs: BatchObjectReturn = BatchObjectReturn()
        self.refs: BatchReferenceReturn = BatchReferenceReturn()

    def __repr__(self) -> str:
        return (
            f"BatchResult(objs: {len(self.objs.uuids)} uuids, {len(self.objs.errors)} errors; "
            f"refs: {len(self.refs.errors)} errors)"
        )
