"""``client.export``: start, follow and cancel exports of collections to a backend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from weaviate_async._twin import twin
from weaviate_async._validate import check_bool
from weaviate_async.connect.retry import growing, poll
from weaviate_async.exceptions import (
    ExportCanceledError,
    ExportFailedError,
    UnexpectedStatusCodeError,
)
from weaviate_async.export._methods import _ExportMethods
from weaviate_async.models.export import (
    ExportCreateReturn,
    ExportStatus,
    ExportStatusReturn,
)
from weaviate_async.wire.export import (
    ExportTarget,
    create_body,
    create_return,
    export_target,
    status_return,
)

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_ExportAsync"]

_MINIMUM = "1.37.0"
_FEATURE = "Collection export"
#: Polling of wait_for_completion: first delay and ceiling, in seconds.
_FIRST_POLL = 0.1
_MAX_POLL = 1.0
_TORN_READS = 5  # status polls in a row that may meet a node status file being rewritten


def _torn_status_read(exc: BaseException) -> bool:
    if not isinstance(exc, UnexpectedStatusCodeError):
        return False
    message = exc.server_message or ""
    return exc.status_code == 500 and "unmarshal node status" in message


@twin
class _ExportAsync(_ExportMethods):
    """Exports of collections (``client.export``). The server writes one Parquet file per shard
    (and part) under ``<EXPORT_DEFAULT_PATH or bucket>/<export_id>/``, with a metadata file.

    Examples:
        >>> started = await client.export.create(
        ...     export_id="nightly",
        ...     backend=ExportStorage.FILESYSTEM,
        ...     file_format=ExportFileFormat.PARQUET,
        ...     include_collections=["Article"],
        ... )
        >>> status = await client.export.get_status(
        ...     export_id="nightly", backend=ExportStorage.FILESYSTEM
        ... )
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _create(
        self,
        export_id: object,
        backend: object,
        file_format: object,
        include_collections: object,
        exclude_collections: object,
        wait_for_completion: object,
    ) -> ExportCreateReturn | ExportStatusReturn:
        target = export_target(export_id, backend)
        body = create_body(target, file_format, include_collections, exclude_collections)
        check_bool(wait_for_completion, "wait_for_completion")
        self._connection.require_version(_FEATURE, _MINIMUM)
        reply = await self._connection.rest(
            "POST",
            f"/export/{target.backend.value}",
            operation="export.create",
            json=body,
        )
        started = create_return(reply)
        if not wait_for_completion:
            return started
        return await self._wait(target)

    async def _wait(self, target: ExportTarget) -> ExportStatusReturn:
        # No deadline: the official client waits for as long as the export runs, and its
        # create() has no parameter to bound the wait.
        async def probe() -> ExportStatusReturn | None:
            status = await self._status(target)
            if status.status == ExportStatus.SUCCESS:
                return status
            if status.status == ExportStatus.FAILED:
                raise ExportFailedError(
                    f"export {target.export_id!r} failed: {status.error or '(no reason given)'}",
                    operation="export.create",
                    target=target.path,
                    server_message=status.error,
                )
            if status.status == ExportStatus.CANCELED:
                raise ExportCanceledError(
                    f"export {target.export_id!r} was canceled"
                    + (f": {status.error}" if status.error else ""),
                    operation="export.create",
                    target=target.path,
                    server_message=status.error,
                )
            return None

        # The server reads each node's status file while that node rewrites it (the filesystem
        # backend writes in place): a read between the two answers 500 "unmarshal node status:
        # unexpected end of JSON input". The next poll reads the whole file; only a status that
        # stays unreadable is an error.
        return await poll(
            probe,
            delays=growing(_FIRST_POLL, _MAX_POLL),
            tolerate=_torn_status_read,
            max_failures=_TORN_READS,
        )

    async def _status(self, target: ExportTarget) -> ExportStatusReturn:
        reply = await self._connection.rest("GET", target.path, operation="export.get_status")
        return status_return(reply)

    async def _get_status(self, export_id: object, backend: object) -> ExportStatusReturn:
        target = export_target(export_id, backend)
        self._connection.require_version(_FEATURE, _MINIMUM)
        return await self._status(target)

    async def _cancel(self, export_id: object, backend: object) -> bool:
        target = export_target(export_id, backend)
        self._connection.require_version(_FEATURE, _MINIMUM)
        status, _ = await self._connection.rest_status(
            "DELETE", target.path, operation="export.cancel", ok=(204, 409)
        )
        return status == 204
