"""Backups over REST: the checked arguments, the request bodies and query parameters, and the
models made from the server's replies. Pure functions.

The server's endpoints (``/v1/backups/{backend}``...) take the backup's id in the path, the
collections and options in a JSON body (``BackupCreateRequest`` / ``BackupRestoreRequest``)
and, for status and cancel calls, a location override as ``bucket`` / ``path`` query
parameters. Backup ids are lowercase (``[a-z0-9_-]+``); like the official client, an id is
lowercased before use, so ``"Nightly"`` and ``"nightly"`` name one backup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from weaviate_async._validate import invalid, invalid_type, to_enum
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.backup import (
    BackupConfigCreate,
    BackupConfigRestore,
    BackupListReturn,
    BackupReturn,
    BackupStatus,
    BackupStatusReturn,
    BackupStorage,
)
from weaviate_async.models.backup_location import (
    _BackupLocationAzure,
    _BackupLocationConfig,
    _BackupLocationGCP,
    _BackupLocationS3,
)
from weaviate_async.wire.replies import json_array, json_object
from weaviate_async.wire.values import parse_rfc3339

__all__ = [
    "FINAL_STATUSES",
    "backend_arg",
    "backup_id_arg",
    "backup_return_from_json",
    "collections_arg",
    "create_body",
    "names_filter_arg",
    "list_from_json",
    "location_params",
    "restore_body",
    "status_from_json",
    "status_of",
]

_RESTORE_OPTIONS = ("noRestore", "all")
#: The phases after which a backup or restore changes no more.
FINAL_STATUSES = frozenset({BackupStatus.SUCCESS, BackupStatus.FAILED, BackupStatus.CANCELED})


# ---------------------------------------------------------------------------------- arguments


def backup_id_arg(value: Any, field: str = "backup_id", *, status_path: bool = False) -> str:
    """A backup id, lowercased. Its characters are the server's to judge (it allows lowercase
    letters, digits, ``_`` and ``-`` and answers 422 to the rest), as the official client
    sends any id.

    Raises:
        WeaviateInvalidInputError: not a str.
        InvalidArgumentTypeError: an empty id in a status path (``status_path``), which would
            ask for the list of backups instead (a TypeError, as the official client fails on
            that list).
    """
    if not isinstance(value, str):
        raise invalid(field, "must be a str", value)
    lowered = value.lower()
    if status_path and not lowered:
        raise invalid_type(field, "a backup id must not be empty (its path is the list's)", value)
    return lowered


def backend_arg(value: Any) -> BackupStorage:
    """A :class:`BackupStorage` or its name, in any case."""
    if isinstance(value, str) and not isinstance(value, BackupStorage):
        value = value.lower()
    return to_enum(BackupStorage, value, "backend")


def collections_arg(value: Any, field: str) -> list[str]:
    """One collection name or a list of them (None: none), each with its first letter
    uppercased as the server stores names. Wildcards (``*``, ``Prefix*``) pass as they are.
    """
    if value is None:
        return []
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, (list, tuple)):
        raise invalid(field, "must be a collection name, a list of them, or None", value)
    out = []
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            raise invalid(f"{field}[{i}]", "must be a non-empty collection name", name)
        out.append(name[:1].upper() + name[1:])
    return out


def names_filter_arg(value: Any, field: str) -> list[str] | None:
    """The roles or users a backup takes along: None (all of them, the server's choice), one
    name or pattern, or a list of them (empty: none). Patterns use ``*`` and ``?``; names are
    sent as given (role and user names are case sensitive).
    """
    if value is None:
        return None
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, (list, tuple)):
        raise invalid(field, "must be a name, a list of names, or None", value)
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise invalid(f"{field}[{i}]", "must be a str", name)
    return list(names)


def _include_exclude(include: Any, exclude: Any) -> tuple[list[str], list[str]]:
    inc = collections_arg(include, "include_collections")
    exc = collections_arg(exclude, "exclude_collections")
    if inc and exc:
        raise invalid(
            "exclude_collections", "give include_collections or exclude_collections, not both"
        )
    return inc, exc


def _location(value: Any) -> _BackupLocationConfig | None:
    if value is not None and not isinstance(value, _BackupLocationConfig):
        raise invalid(
            "backup_location", "must be a BackupLocation (FileSystem, S3, GCP or Azure)", value
        )
    return value


def _bucket(location: _BackupLocationConfig) -> str | None:
    if isinstance(location, (_BackupLocationS3, _BackupLocationGCP, _BackupLocationAzure)):
        return location.bucket
    return None


def _location_config(location: _BackupLocationConfig | None) -> dict[str, str]:
    if location is None:
        return {}
    out = {"Path": location.path}
    bucket = _bucket(location)
    if bucket is not None:
        out["Bucket"] = bucket
    return out


def location_params(location: Any) -> dict[str, str]:
    """The query parameters naming a backup's location on the status and cancel calls."""
    loc = _location(location)
    if loc is None:
        return {}
    params = {"path": loc.path}
    bucket = _bucket(loc)
    if bucket is not None:
        params["bucket"] = bucket
    return params


# ---------------------------------------------------------------------------------- bodies


def create_body(
    backup_id: str,
    *,
    include_collections: Any,
    exclude_collections: Any,
    incremental_base_backup_id: Any,
    config: Any,
    backup_location: Any,
    include_roles: Any = None,
    include_users: Any = None,
) -> dict[str, Any]:
    """The body of ``POST /backups/{backend}`` (``backup_id`` already checked).

    ``includeRoles`` / ``includeUsers`` are sent only when given: the servers before 1.40 do
    not know them, and their absence means "all" to the servers that do.

    Raises:
        WeaviateInvalidInputError: an argument is invalid; the field names it.
    """
    include, exclude = _include_exclude(include_collections, exclude_collections)
    if config is not None and not isinstance(config, BackupConfigCreate):
        raise invalid("config", "must be a BackupConfigCreate", config)
    body: dict[str, Any] = {"id": backup_id, "include": include, "exclude": exclude}
    for key, field, value in (
        ("includeRoles", "include_roles", include_roles),
        ("includeUsers", "include_users", include_users),
    ):
        names = names_filter_arg(value, field)
        if names is not None:
            body[key] = names
    if incremental_base_backup_id is not None:
        body["incremental_base_backup_id"] = backup_id_arg(
            incremental_base_backup_id, "incremental_base_backup_id"
        )
    options: dict[str, Any] = {}
    if config is not None:
        # ChunkSize is deprecated and ignored by the server: never sent.
        if config.CPUPercentage is not None:
            options["CPUPercentage"] = config.CPUPercentage
        if config.CompressionLevel is not None:
            options["CompressionLevel"] = config.CompressionLevel.value
    options.update(_location_config(_location(backup_location)))
    if options:
        body["config"] = options
    return body


def restore_body(
    *,
    include_collections: Any,
    exclude_collections: Any,
    roles_restore: Any,
    users_restore: Any,
    config: Any,
    backup_location: Any,
    overwrite_alias: Any,
) -> dict[str, Any]:
    """The body of ``POST /backups/{backend}/{id}/restore``.

    Raises:
        WeaviateInvalidInputError: an argument is invalid; the field names it.
    """
    include, exclude = _include_exclude(include_collections, exclude_collections)
    if config is not None and not isinstance(config, BackupConfigRestore):
        raise invalid("config", "must be a BackupConfigRestore", config)
    if not isinstance(overwrite_alias, bool):
        raise invalid("overwrite_alias", "must be a bool", overwrite_alias)
    options: dict[str, Any] = {}
    if config is not None and config.CPUPercentage is not None:
        options["CPUPercentage"] = config.CPUPercentage
    options.update(_location_config(_location(backup_location)))
    for field, key, value in (
        ("roles_restore", "rolesOptions", roles_restore),
        ("users_restore", "usersOptions", users_restore),
    ):
        if value is None:
            continue
        if value not in _RESTORE_OPTIONS:
            raise invalid(field, "must be 'noRestore', 'all' or None", value)
        options[key] = value
    body: dict[str, Any] = {
        "include": include,
        "exclude": exclude,
        "overwriteAlias": overwrite_alias,
    }
    if options:
        body["config"] = options
    return body


# ---------------------------------------------------------------------------------- replies


def _status(value: Any, what: str) -> BackupStatus:
    try:
        return BackupStatus(value)
    except ValueError:
        raise ResponseCannotBeDecodedError._with(
            f"{what}: unknown backup status {value!r}"
        ) from None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _size(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _classes(data: Mapping[str, Any]) -> list[str]:
    classes = data.get("classes")
    return [str(c) for c in classes] if isinstance(classes, list) else []


def _time(value: Any) -> dt.datetime | None:
    """A timestamp of the reply; the server writes the zero time (year 1) for "not yet"."""
    if not isinstance(value, str) or not value:
        return None
    when = parse_rfc3339(value)
    return None if when.year <= 1 else when


def status_from_json(body: Any, backup_id: str) -> BackupStatusReturn:
    """A :class:`BackupStatusReturn` from a status reply (create or restore)."""
    data = json_object(body, "backup status")
    return BackupStatusReturn(
        error=_text(data.get("error")),
        status=_status(data.get("status"), "backup status"),
        path=str(data.get("path") or ""),
        id=backup_id,
        size=_size(data.get("size")),
    )


def backup_return_from_json(body: Any, backup_id: str) -> BackupReturn:
    """A :class:`BackupReturn` from the reply that starts a backup or a restore."""
    data = json_object(body, "backup")
    return BackupReturn(
        error=_text(data.get("error")),
        status=_status(data.get("status") or "STARTED", "backup"),
        path=str(data.get("path") or ""),
        id=str(data.get("id") or backup_id),
        size=_size(data.get("size")),
        classes=_classes(data),
    )


def status_of(result: BackupReturn) -> BackupStatusReturn:
    """The state of a started (or finished) backup or restore, as ``collection.backup``
    returns it."""
    return BackupStatusReturn(
        error=result.error,
        status=result.status,
        path=result.path,
        id=result.backup_id,
        size=result.size,
    )


def list_from_json(body: Any) -> list[BackupListReturn]:
    """The backups of a ``GET /backups/{backend}`` reply."""
    out = []
    for item in json_array(body, "backup list"):
        data = json_object(item, "backup list entry")
        out.append(
            BackupListReturn(
                classes=_classes(data),
                status=_status(data.get("status"), "backup list"),
                id=str(data.get("id") or ""),
                startedAt=_time(data.get("startedAt")),
                completedAt=_time(data.get("completedAt")),
                size=_size(data.get("size")),
                incremental_base_backup_id=_text(data.get("incremental_base_backup_id")),
            )
        )
    return out
