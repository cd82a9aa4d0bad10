"""Export requests and replies (pure): the checked arguments and body of ``POST
/v1/export/{backend}``, and the create and status replies as models."""

from __future__ import annotations

from typing import Any

import attrs

from weaviate_async._validate import check_collection_name, invalid, lower_id_arg, to_enum
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.export import (
    ExportCreateReturn,
    ExportFileFormat,
    ExportStatus,
    ExportStatusReturn,
    ExportStorage,
    ShardExportStatus,
    ShardProgress,
)
from weaviate_async.wire.values import parse_rfc3339

__all__ = [
    "ExportTarget",
    "create_body",
    "create_return",
    "export_target",
    "status_return",
]


@attrs.frozen
class ExportTarget:
    """A checked export id and backend: the path ``/export/{backend}/{id}``."""

    export_id: str
    backend: ExportStorage

    @property
    def path(self) -> str:
        """``/export/{backend}/{id}``."""
        return f"/export/{self.backend.value}/{self.export_id}"


def export_target(export_id: Any, backend: Any) -> ExportTarget:
    """Check an export id (lowercased, as the official client does) and a backend (a member
    or its name, any case).

    Raises:
        WeaviateInvalidInputError: the id has characters other than lowercase letters,
            digits, ``_`` and ``-``, or the backend is unknown.
    """
    lowered = lower_id_arg(export_id, "export_id")
    if isinstance(backend, str) and not isinstance(backend, ExportStorage):
        backend = backend.lower()
    return ExportTarget(lowered, to_enum(ExportStorage, backend, "backend"))


def _collections(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise invalid(field, "must be a collection name or a list of names", value)
    return [check_collection_name(n, field) for n in names]


def create_body(
    target: ExportTarget,
    file_format: Any,
    include_collections: Any,
    exclude_collections: Any,
) -> dict[str, Any]:
    """The body of ``POST /export/{backend}``.

    Raises:
        WeaviateInvalidInputError: an argument is invalid, or both include and exclude lists
            are given.
    """
    fmt = to_enum(ExportFileFormat, file_format, "file_format")
    include = _collections(include_collections, "include_collections")
    exclude = _collections(exclude_collections, "exclude_collections")
    if include and exclude:
        raise invalid(
            "exclude_collections",
            "give include_collections or exclude_collections, not both",
            exclude_collections,
        )
    body: dict[str, Any] = {"id": target.export_id, "file_format": fmt.value}
    if include:
        body["include"] = include
    if exclude:
        body["exclude"] = exclude
    return body


def _time(value: Any) -> Any:
    return parse_rfc3339(value) if isinstance(value, str) and value else None


def _base_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "export_id": data["id"],
        "backend": data["backend"],
        "path": data.get("path", ""),
        "status": ExportStatus(data["status"]),
        "started_at": _time(data.get("startedAt")),
        "collections": list(data.get("classes") or []),
    }


def _bad(data: Any, operation: str, exc: Exception) -> ResponseCannotBeDecodedError:
    return ResponseCannotBeDecodedError._with(
        f"unexpected shape of the export reply ({type(exc).__name__}: {exc}): {data!r}",
        operation=operation,
    )


def create_return(data: Any) -> ExportCreateReturn:
    """The reply of ``POST /export/{backend}``."""
    try:
        return ExportCreateReturn(**_base_fields(data))
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad(data, "export.create", exc) from exc


def _shards(value: Any) -> dict[str, dict[str, ShardProgress]] | None:
    if value is None:
        return None
    return {
        collection: {
            shard: ShardProgress(
                status=ShardExportStatus(progress["status"]),
                objects_exported=int(progress.get("objectsExported") or 0),
                error=progress.get("error") or None,
                skip_reason=progress.get("skipReason") or None,
            )
            for shard, progress in shards.items()
        }
        for collection, shards in value.items()
    }


def status_return(data: Any) -> ExportStatusReturn:
    """The reply of ``GET /export/{backend}/{id}``."""
    try:
        took = data.get("tookInMs")
        return ExportStatusReturn(
            **_base_fields(data),
            completed_at=_time(data.get("completedAt")),
            shard_status=_shards(data.get("shardStatus")),
            error=data.get("error") or None,
            took_in_ms=int(took) if took is not None else None,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _bad(data, "export.get_status", exc) from exc
