"""Exceptions raised by the client.

Every error the client raises derives from :class:`WeaviateBaseError`. Errors that come from the
server carry the operation that failed, its target (a URL path or an RPC name), the status (an
HTTP status code or a gRPC status name) and the server's own message. Transport errors are mapped
to these classes in one place per protocol (:mod:`weaviate_async.connect.errors`), so the names
users catch are the same whatever the protocol.

The official client's older ``*Exception`` names (``UnexpectedStatusCodeException``, ...) and
``WeaviateGrpcUnavailable`` still resolve to these classes, with a ``DeprecationWarning``.

Examples:
    >>> try:
    ...     await client.collections.create("Article")
    ... except ObjectAlreadyExistsError as e:
    ...     print(e.status_code, e.server_message)
"""

from __future__ import annotations

import warnings
from typing import Any

__all__ = [
    "AdditionalPropertiesError",
    "AuthenticationFailedError",
    "BackupCanceledError",
    "BackupFailedError",
    "ERROR_CODE_EXPLANATION",
    "EmptyResponseError",
    "ExportCanceledError",
    "ExportFailedError",
    "InsufficientPermissionsError",
    "InvalidDataModelError",
    "MissingScopeError",
    "ObjectAlreadyExistsError",
    "ResponseCannotBeDecodedError",
    "SchemaValidationError",
    "UnexpectedStatusCodeError",
    "WeaviateAddInvalidPropertyError",
    "WeaviateAgentsNotInstalledError",
    "WeaviateBaseError",
    "WeaviateBatchError",
    "WeaviateBatchFailedToReestablishStreamError",
    "WeaviateBatchSendError",
    "WeaviateBatchStreamError",
    "WeaviateBatchValidationError",
    "WeaviateClosedClientError",
    "WeaviateConnectionError",
    "WeaviateDeleteManyError",
    "WeaviateEmbeddedError",
    "WeaviateEmbeddedInvalidVersionError",
    "WeaviateGRPCUnavailableError",
    "WeaviateInsertInvalidPropertyError",
    "WeaviateInsertManyAllFailedError",
    "WeaviateInvalidInputError",
    "WeaviateProtobufIncompatibility",
    "WeaviateQueryError",
    "WeaviateRetryError",
    "WeaviateStartUpError",
    "WeaviateTenantGetError",
    "WeaviateTimeoutError",
    "WeaviateUnsupportedFeatureError",
]

#: Hints added to the message of a REST error with these HTTP statuses.
ERROR_CODE_EXPLANATION: dict[int, str] = {
    413: "The request is larger than the server accepts (payload too large): send smaller "
    "batches, or raise the server's request size limit.",
}


class WeaviateBaseError(Exception):
    """The base of every error raised by this client.

    Attributes:
        message: the full human-readable message.
        operation: what the client was doing, e.g. ``"collections.create"``.
        target: the URL path or RPC name that was called, when one was.
        status: the HTTP status code (int) or gRPC status name (str), when there is one.
        server_message: the server's own error text, when it sent one.
    """

    def __init__(
        self,
        message: str = "",
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        self.message = message
        self.operation = operation
        self.target = target
        self.status = status
        self.server_message = server_message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


class UnexpectedStatusCodeError(WeaviateBaseError):
    """The server answered a REST call with a status the operation does not accept."""

    @property
    def status_code(self) -> int | None:
        """The HTTP status code, or None when the error came over gRPC."""
        return self.status if isinstance(self.status, int) else None


class ObjectAlreadyExistsError(UnexpectedStatusCodeError):
    """The object, collection, tenant, user or alias to create exists already."""


class AuthenticationFailedError(UnexpectedStatusCodeError):
    """The server refused the credentials (HTTP 401 / gRPC UNAUTHENTICATED), or getting or
    refreshing a token failed."""


class MissingScopeError(AuthenticationFailedError):
    """The client-credentials flow has no scope to ask the identity provider for: none was given
    and the server names no default scopes."""


class InsufficientPermissionsError(UnexpectedStatusCodeError):
    """The credentials are valid but lack a permission the operation needs (HTTP 403 / gRPC
    PERMISSION_DENIED)."""


class ResponseCannotBeDecodedError(WeaviateBaseError):
    """The server's reply could not be decoded (not JSON, or not the expected shape)."""


class EmptyResponseError(WeaviateBaseError):
    """The server sent an empty reply where content was expected."""


class WeaviateConnectionError(WeaviateBaseError):
    """The server could not be reached, or the connection broke mid-call."""


class WeaviateStartUpError(WeaviateConnectionError):
    """Connecting failed: the server is not reachable, not ready, too old, or gRPC is down."""


class WeaviateEmbeddedError(WeaviateStartUpError):
    """The embedded server could not be provisioned or started."""


class WeaviateEmbeddedInvalidVersionError(WeaviateEmbeddedError):
    """The embedded server's version is not a release version such as ``"1.39.0"``.

    Attributes:
        version: the version that was given.
    """

    def __init__(self, url: str) -> None:
        self.version = url
        super().__init__(
            f"invalid embedded server version {url!r}: give a release version such as "
            '"1.39.0" (or "v1.39.0"), or a binary with EmbeddedOptions(binary_path=...)',
            operation="embedded.provision",
        )


class WeaviateGRPCUnavailableError(WeaviateStartUpError):
    """At connect: REST works but the gRPC endpoint does not answer (wrong port, blocked, or
    the server has no gRPC)."""


class WeaviateClosedClientError(WeaviateBaseError):
    """An operation was attempted on a client that is not connected or has been closed."""


class WeaviateTimeoutError(WeaviateBaseError):
    """An operation did not finish within its configured time limit."""


class WeaviateInvalidInputError(WeaviateBaseError, ValueError):
    """An argument is invalid; the message names the field and the reason.

    Raised before anything is sent to the server.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class WeaviateUnsupportedFeatureError(WeaviateBaseError):
    """The connected server's version cannot do what was asked.

    Attributes:
        feature: the name of the feature.
        minimum_version: the first server version that supports it.
        server_version: the version of the connected server.
    """

    def __init__(self, feature: str, current: str, minimum: str) -> None:
        self.feature = feature
        self.minimum_version = minimum
        self.server_version = current
        super().__init__(
            f"{feature} needs Weaviate {minimum} or newer; the connected server is {current}"
        )


class WeaviateQueryError(WeaviateBaseError):
    """A search, aggregation or other query failed on the server."""


class WeaviateBatchError(WeaviateQueryError):
    """A batch request as a whole failed on the server."""


class WeaviateBatchSendError(WeaviateQueryError):
    """Sending objects or references on a server-side batching stream failed on the server."""


class WeaviateBatchStreamError(WeaviateQueryError):
    """The server-side batching stream failed on the server."""


class WeaviateDeleteManyError(WeaviateQueryError):
    """A ``delete_many`` request failed on the server."""


class WeaviateTenantGetError(WeaviateQueryError):
    """Reading a collection's tenants failed on the server."""


class WeaviateInsertManyAllFailedError(WeaviateBaseError):
    """Every object of an ``insert_many`` call failed."""


class WeaviateBatchFailedToReestablishStreamError(WeaviateBaseError):
    """The server-side batching stream broke and could not be opened again in time."""

    def __init__(self, message: str) -> None:
        super().__init__(f"the batching stream could not be re-established: {message}")


class WeaviateRetryError(WeaviateBaseError):
    """A request still failed after being retried.

    Attributes:
        count: how many times it was retried.
    """

    def __init__(self, message: str, count: int) -> None:
        self.count = count
        super().__init__(f"the request failed after {count} retries: {message}")


class WeaviateAddInvalidPropertyError(WeaviateInvalidInputError):
    """A property to add to an existing collection is refused before it is sent."""

    def __init__(self, message: str) -> None:
        super().__init__(f"the property cannot be added: {message}")


class WeaviateInsertInvalidPropertyError(WeaviateInvalidInputError):
    """The properties of an object to insert hold a reserved name (``id``, ``vector``): the id
    and the vector are arguments of their own.

    Attributes:
        data: the properties that were given.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        super().__init__(
            f"properties must not hold 'id' or 'vector' (got keys {sorted(map(str, data))}): "
            "pass the object's id as uuid= and its vector as vector= (or use DataObject)",
            field="properties",
        )


class WeaviateBatchValidationError(WeaviateInvalidInputError):
    """An object or reference added to a batch is refused before it is sent."""

    def __init__(self, message: str) -> None:
        super().__init__(f"batch validation failed: {message}")


class InvalidDataModelError(WeaviateInvalidInputError):
    """A generic properties type is neither a dict type nor a ``TypedDict``."""

    def __init__(self, type_: str) -> None:
        super().__init__(
            f"{type_} must be a dict type, e.g. dict[str, Any], or a TypedDict subclass",
            field="data_model",
        )


class AdditionalPropertiesError(WeaviateInvalidInputError):
    """Additional (``_additional``) properties were requested twice, as strings and as a model
    (the official client's v3 GraphQL builder)."""

    def __init__(self, additional_dict: str, additional_dataclass: str) -> None:
        super().__init__(
            "additional properties given both as strings and as a model: "
            f"strings {additional_dict}, model {additional_dataclass}",
            field="additional_properties",
        )


class SchemaValidationError(WeaviateBaseError):
    """A schema (collection definition) given as a dict is not valid."""


class BackupFailedError(WeaviateBaseError):
    """A backup or restore finished with status FAILED."""


class BackupCanceledError(WeaviateBaseError):
    """A backup or restore was canceled."""


class ExportFailedError(WeaviateBaseError):
    """An export finished with status FAILED."""


class ExportCanceledError(WeaviateBaseError):
    """An export was canceled."""


class WeaviateAgentsNotInstalledError(WeaviateBaseError):
    """Weaviate Agents were used, but their package (``weaviate-agents``) is not installed."""

    def __init__(self) -> None:
        super().__init__(
            "Weaviate Agents need the weaviate-agents package: pip install weaviate-agents"
        )


class WeaviateProtobufIncompatibility(Exception):
    """The installed protobuf and gRPC runtimes do not work together.

    Not a :class:`WeaviateBaseError`, as in the official client. Its arguments are the two
    versions (objects with ``base_version``, such as ``packaging.version.Version``, or strings).
    """

    def __init__(self, pb: Any, grpc: Any) -> None:
        pb_version = getattr(pb, "base_version", pb)
        grpc_version = getattr(grpc, "base_version", grpc)
        super().__init__(
            f"protobuf {pb_version} and gRPC {grpc_version} are not compatible: install versions "
            "that work together"
        )


# The official client's older names of these classes: they resolve, with a DeprecationWarning.
_DEPRECATED_ALIASES = {
    "AdditionalPropertiesException": "AdditionalPropertiesError",
    "AuthenticationFailedException": "AuthenticationFailedError",
    "BackupFailedException": "BackupFailedError",
    "EmptyResponseException": "EmptyResponseError",
    "InvalidDataModelException": "InvalidDataModelError",
    "MissingScopeException": "MissingScopeError",
    "ObjectAlreadyExistsException": "ObjectAlreadyExistsError",
    "ResponseCannotBeDecodedException": "ResponseCannotBeDecodedError",
    "SchemaValidationException": "SchemaValidationError",
    "UnexpectedStatusCodeException": "UnexpectedStatusCodeError",
    "WeaviateEmbeddedInvalidVersionException": "WeaviateEmbeddedInvalidVersionError",
    "WeaviateGrpcUnavailable": "WeaviateGRPCUnavailableError",
    "WeaviateInvalidInputException": "WeaviateInvalidInputError",
    "WeaviateQueryException": "WeaviateQueryError",
}


def __getattr__(name: str) -> Any:
    target = _DEPRECATED_ALIASES.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"{name} is deprecated; use {target} (the same class)", DeprecationWarning, stacklevel=2
    )
    return globals()[target]
