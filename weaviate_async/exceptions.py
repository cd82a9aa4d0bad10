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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self

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


#: gRPC status names and their numbers (what ``status_code`` gives for an error that came over
#: gRPC, as the official client's does).
_GRPC_STATUS_NUMBERS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        [
            "OK",
            "CANCELLED",
            "UNKNOWN",
            "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED",
            "NOT_FOUND",
            "ALREADY_EXISTS",
            "PERMISSION_DENIED",
            "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION",
            "ABORTED",
            "OUT_OF_RANGE",
            "UNIMPLEMENTED",
            "INTERNAL",
            "UNAVAILABLE",
            "DATA_LOSS",
            "UNAUTHENTICATED",
        ]
    )
}


def _rebuild(cls: type[BaseException], args: tuple[Any, ...]) -> BaseException:
    """Unpickling: the instance without its constructor (whose parameters differ per class)."""
    error = cls.__new__(cls)
    error.args = args
    return error


class WeaviateBaseError(Exception):
    """The base of every error raised by this client.

    Every class takes the official client's constructor arguments; the context below comes as
    extra keyword-only arguments (all optional), which this client's own errors fill in.

    Attributes:
        message: the message (as the official client's: for a few classes, such as
            :class:`WeaviateQueryError`, the text given rather than the whole of ``str(e)``).
        operation: what the client was doing, e.g. ``"collections.create"``.
        target: the URL path or RPC name that was called, when one was.
        status: the HTTP status code (int) or gRPC status name (str), when there is one.
        server_message: the server's own error text, when it sent one.
    """

    _error: Any = None

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

    @classmethod
    def _with(
        cls,
        message: str,
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
        error: Any = None,
    ) -> Self:
        """This client's own way to build any of these errors: the whole message and the
        context, whatever the official constructor of the class asks for."""
        built = cls.__new__(cls)
        WeaviateBaseError.__init__(
            built,
            message,
            operation=operation,
            target=target,
            status=status,
            server_message=server_message,
        )
        built._error = error if error is not None else server_message
        return built

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args), self.__dict__)


def _status_number(status: int | str | None) -> int | None:
    if isinstance(status, int):
        return status
    if isinstance(status, str):
        return _GRPC_STATUS_NUMBERS.get(status)
    return None


def _from_response(response: Any) -> tuple[int | str | None, Any, str]:
    """``(status, error, description)`` of what a program passes as ``response``: an HTTP
    response (``status_code``, ``json()``, ``text``), a gRPC call (``code()``, ``details()``),
    or anything else (then nothing is known)."""
    code = getattr(response, "status_code", None)
    if isinstance(code, int):
        try:
            body: Any = response.json()
        except Exception:  # not JSON, or no body: the official client keeps None too
            body = None
        return code, body, f"status {code}, body {body!r}"
    code_of = getattr(response, "code", None)
    if callable(code_of):
        grpc_code = code_of()
        value = getattr(grpc_code, "value", grpc_code)
        number = value[0] if isinstance(value, tuple) else value
        name = getattr(grpc_code, "name", str(grpc_code))
        details_of = getattr(response, "details", None)
        details = details_of() if callable(details_of) else None
        status: int | str | None = name if name in _GRPC_STATUS_NUMBERS else number
        return status, details, f"gRPC status {name}, details {details!r}"
    return None, None, "no response"


class UnexpectedStatusCodeError(WeaviateBaseError):
    """The server answered with a status the operation does not accept.

    Args:
        message: what was being done.
        response: the server's reply: an HTTP response (anything with ``status_code``,
            ``json()``) or a gRPC call (``code()``, ``details()``).

    Attributes:
        status_code: the HTTP status code, or the gRPC status number.
        error: the server's error (the JSON body of an HTTP reply, the details of a gRPC one).
    """

    _error: Any = None

    def __init__(
        self,
        message: str,
        response: Any,
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        found, error, described = _from_response(response)
        text = f"{message}: unexpected answer from the server ({described})"
        if isinstance(found, int) and found in ERROR_CODE_EXPLANATION:
            text += f". {ERROR_CODE_EXPLANATION[found]}"
        super().__init__(
            text,
            operation=operation,
            target=target,
            status=found if status is None else status,
            server_message=server_message if server_message is not None else _text(error),
        )
        self._error = error

    @property
    def status_code(self) -> int | None:
        """The HTTP status code, or the gRPC status number; None when neither is known."""
        return _status_number(self.status)

    @property
    def error(self) -> Any:
        """The server's error: the JSON body of an HTTP reply, the details of a gRPC one."""
        return self._error


def _text(error: Any) -> str | None:
    return None if error is None else str(error)


class ObjectAlreadyExistsError(UnexpectedStatusCodeError):
    """The object, collection, tenant, user or alias to create exists already."""

    def __init__(
        self,
        message: str = "",
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        WeaviateBaseError.__init__(
            self,
            message,
            operation=operation,
            target=target,
            status=status,
            server_message=server_message,
        )
        self._error = server_message


class AuthenticationFailedError(UnexpectedStatusCodeError):
    """The server refused the credentials (HTTP 401 / gRPC UNAUTHENTICATED), or getting or
    refreshing a token failed."""

    def __init__(
        self,
        message: str = "",
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        WeaviateBaseError.__init__(
            self,
            message,
            operation=operation,
            target=target,
            status=status,
            server_message=server_message,
        )
        self._error = server_message


class MissingScopeError(AuthenticationFailedError):
    """The client-credentials flow has no scope to ask the identity provider for: none was given
    and the server names no default scopes."""


class InsufficientPermissionsError(UnexpectedStatusCodeError):
    """The credentials are valid but lack a permission the operation needs (HTTP 403 / gRPC
    PERMISSION_DENIED).

    Args:
        res: the server's reply, as for :class:`UnexpectedStatusCodeError`.
    """

    def __init__(
        self,
        res: Any,
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(
            "forbidden",
            res,
            operation=operation,
            target=target,
            status=status,
            server_message=server_message,
        )


class ResponseCannotBeDecodedError(WeaviateBaseError):
    """The server's reply could not be decoded (not JSON, or not the expected shape).

    Args:
        location: the operation whose reply it was.
        response: the reply (anything with ``status_code`` and ``text``).

    Attributes:
        status_code: the reply's HTTP status, when known.
    """

    def __init__(
        self,
        location: str,
        response: Any,
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        code = getattr(response, "status_code", None)
        super().__init__(
            f"the reply to {location} cannot be decoded: {getattr(response, 'text', response)!r}",
            operation=operation,
            target=target,
            status=code if status is None else status,
            server_message=server_message,
        )

    @property
    def status_code(self) -> int | None:
        """The reply's HTTP status, when known."""
        return self.status if isinstance(self.status, int) else None


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
    the server has no gRPC).

    Args:
        weaviate_version: the server's version, when known.
        grpc_address: the gRPC host and port that were tried.
        grpc_path_prefix: the grpc-web base path, for a client speaking grpc-web.
        error: the failure of the gRPC health check, when there was one.
    """

    def __init__(
        self,
        weaviate_version: str = "",
        grpc_address: tuple[str, int] = ("not provided", 0),
        grpc_path_prefix: str | None = None,
        error: BaseException | None = None,
    ) -> None:
        host, port = grpc_address
        where = (
            "the gRPC endpoint" if host == "not provided" else f"the gRPC endpoint {host}:{port}"
        )
        if grpc_path_prefix:
            where += f" (grpc-web path {grpc_path_prefix!r})"
        server = f"Weaviate {weaviate_version}" if weaviate_version else "the server"
        cause = f" ({type(error).__name__}: {error})" if error is not None else ""
        super().__init__(
            f"{where} of {server} did not answer a health check{cause}: check the host and "
            "port, that no firewall blocks gRPC, or raise Timeout(init=...) for a slow link "
            "(skip_init_checks=True skips the check)"
        )


class WeaviateClosedClientError(WeaviateBaseError):
    """An operation was attempted on a client that is not connected or has been closed."""

    def __init__(self) -> None:
        super().__init__(
            "the client is not connected: call client.connect() (or use it as a context "
            "manager) before using it, and do not use it after close()"
        )


class WeaviateTimeoutError(WeaviateBaseError):
    """An operation did not finish within its configured time limit."""


class WeaviateInvalidInputError(WeaviateBaseError, ValueError):
    """An argument is invalid; the message names the field and the reason.

    Raised before anything is sent to the server.

    Attributes:
        field: the argument at fault, e.g. ``objects[3].vector``, when known.
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
    """A search, aggregation or other query failed on the server.

    Args:
        message: the server's (or the client's) message.
        protocol_type: the protocol of the call, e.g. ``"GRPC"`` or ``"GraphQL"``.

    Attributes:
        message: the message given.
        protocol_type: the protocol given.
        error: the server's message.
    """

    protocol_type: str = "GRPC"
    _error: Any = None

    def __init__(
        self,
        message: str,
        protocol_type: str,
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(
            f"the {protocol_type} query failed: {message}",
            operation=operation,
            target=target,
            status=status,
            server_message=server_message,
        )
        self.message = message
        self.protocol_type = protocol_type
        self._error = message

    @property
    def error(self) -> Any:
        """The server's message (for an error built from a message: that message)."""
        return self._error


class _QueryErrorOf(WeaviateQueryError):
    """A query error whose protocol is fixed by its class."""

    _protocol = "GRPC"

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        target: str | None = None,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(
            message,
            self._protocol,
            operation=operation,
            target=target,
            status=status,
            server_message=server_message,
        )


class WeaviateBatchError(_QueryErrorOf):
    """A batch request as a whole failed on the server."""

    _protocol = protocol_type = "GRPC batch"


class WeaviateBatchSendError(_QueryErrorOf):
    """Sending objects or references on a server-side batching stream failed on the server."""

    _protocol = protocol_type = "GRPC batch send"


class WeaviateBatchStreamError(_QueryErrorOf):
    """The server-side batching stream failed on the server."""

    _protocol = protocol_type = "GRPC batch stream"


class WeaviateDeleteManyError(_QueryErrorOf):
    """A ``delete_many`` request failed on the server."""

    _protocol = protocol_type = "GRPC delete"


class WeaviateTenantGetError(_QueryErrorOf):
    """Reading a collection's tenants failed on the server."""

    _protocol = protocol_type = "tenant get"


class WeaviateInsertManyAllFailedError(WeaviateBaseError):
    """Every object of an ``insert_many`` call failed."""


class WeaviateBatchFailedToReestablishStreamError(WeaviateBaseError):
    """The server-side batching stream broke and could not be opened again in time."""

    def __init__(self, message: str) -> None:
        super().__init__(f"the batching stream could not be re-established: {message}")
        self.message = message


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
        self.message = message


class WeaviateInsertInvalidPropertyError(WeaviateInvalidInputError):
    """The properties of an object to insert hold a reserved name (``id``, ``vector``): the id
    and the vector are arguments of their own.

    Attributes:
        data: the properties that were given.
    """

    def __init__(self, data: dict[str, Any], *, field: str = "properties") -> None:
        self.data = data
        super().__init__(
            f"properties must not hold 'id' or 'vector' (got keys {sorted(map(str, data))}): "
            "pass the object's id as uuid= and its vector as vector= (or use DataObject)",
            field=field,
        )


class WeaviateBatchValidationError(WeaviateInvalidInputError):
    """An object or reference added to a batch is refused before it is sent."""

    def __init__(self, message: str) -> None:
        super().__init__(f"batch validation failed: {message}")
        self.message = message


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

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args), self.__dict__)


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
