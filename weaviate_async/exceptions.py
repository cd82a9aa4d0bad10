"""Exceptions raised by the client.

Every error the client raises derives from :class:`WeaviateBaseError`. Errors that come from the
server carry the operation that failed, its target (a URL path or an RPC name), the status (an
HTTP status code or a gRPC status name) and the server's own message. Transport errors are mapped
to these classes in one place per protocol (:mod:`weaviate_async.connect.errors`), so the names
users catch are the same whatever the protocol.

Example:
    >>> try:
    ...     await client.collections.create("Article")
    ... except ObjectAlreadyExistsError as e:
    ...     print(e.status_code, e.server_message)
"""

from __future__ import annotations

__all__ = [
    "AuthenticationFailedError",
    "BackupCanceledError",
    "BackupFailedError",
    "EmptyResponseError",
    "InsufficientPermissionsError",
    "ObjectAlreadyExistsError",
    "ResponseCannotBeDecodedError",
    "UnexpectedStatusCodeError",
    "WeaviateBaseError",
    "WeaviateBatchError",
    "WeaviateClosedClientError",
    "WeaviateConnectionError",
    "WeaviateDeleteManyError",
    "WeaviateEmbeddedError",
    "WeaviateGRPCUnavailableError",
    "WeaviateInsertManyAllFailedError",
    "WeaviateInvalidInputError",
    "WeaviateQueryError",
    "WeaviateStartUpError",
    "WeaviateTimeoutError",
    "WeaviateUnsupportedFeatureError",
]


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

    def __init__(self, feature: str, minimum_version: str, server_version: str) -> None:
        self.feature = feature
        self.minimum_version = minimum_version
        self.server_version = server_version
        super().__init__(
            f"{feature} needs Weaviate {minimum_version} or newer; "
            f"the connected server is {server_version}"
        )


class WeaviateQueryError(WeaviateBaseError):
    """A search, aggregation or other query failed on the server."""


class WeaviateBatchError(WeaviateQueryError):
    """A batch request as a whole failed on the server."""


class WeaviateDeleteManyError(WeaviateQueryError):
    """A ``delete_many`` call failed on the server (e.g. a filter the server cannot apply)."""


class WeaviateInsertManyAllFailedError(WeaviateBaseError):
    """Every object of an ``insert_many`` call failed."""


class BackupFailedError(WeaviateBaseError):
    """A backup or restore finished with status FAILED."""


class BackupCanceledError(WeaviateBaseError):
    """A backup or restore was canceled."""
