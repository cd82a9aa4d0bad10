"""The logic under :mod:`weaviate_async.exceptions` (whose classes are generated from a table).

The root class carries the context of an error (operation, target, status, server message),
builds any error class whatever its official constructor asks for (``_with``), and pickles
without calling the constructor. The helpers read what a program passes as ``response`` to an
official constructor, and resolve the official client's older class names.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self

#: Hints added to the message of a REST error with these HTTP statuses.
ERROR_CODE_EXPLANATION: dict[int, str] = {
    413: "The request is larger than the server accepts (payload too large): send smaller "
    "batches, or raise the server's request size limit.",
}


#: gRPC status names and their numbers (what ``status_code`` gives for an error that came over
#: gRPC, as the official client's does).
GRPC_STATUS_NUMBERS: dict[str, int] = {
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


class Picklable(Exception):
    """An exception that pickles (multiprocessing, Ray, Dask) whatever its constructor asks."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args), self.__dict__)


class ContextError(Picklable):
    """The root of the client's errors: the message and the context of the failure."""

    _error: Any = None

    def _context(
        self,
        message: str,
        operation: str | None,
        target: str | None,
        status: int | str | None,
        server_message: str | None,
    ) -> None:
        self.message = message
        self.operation = operation
        self.target = target
        self.status = status
        self.server_message = server_message
        Exception.__init__(self, message)

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
        built._context(message, operation, target, status, server_message)
        built._error = error if error is not None else server_message
        return built


def _rebuild_both(kind: type[Any], family: type[Any], args: tuple[Any, ...]) -> BaseException:
    """Unpickling an error of :func:`both`: its class made again from its two bases."""
    return _rebuild(both(kind, family), args)


_BOTH: dict[tuple[type[Any], type[Any]], type[Any]] = {}


def both(kind: type[Any], family: type[Any]) -> type[Any]:
    """A class that is ``kind`` and ``family`` at once: a gRPC call's time-out or broken
    connection (``kind``: WeaviateTimeoutError, WeaviateConnectionError) is also the class the
    official client raises for any failure of that call (``family``: WeaviateQueryError for a
    search, WeaviateBatchError for a batch...), so a program that catches either catches it."""
    made = _BOTH.get((kind, family))
    if made is None:

        def reduce(self: ContextError) -> tuple[Any, ...]:
            return (_rebuild_both, (kind, family, self.args), self.__dict__)

        namespace = {
            "__module__": kind.__module__,
            "__qualname__": kind.__qualname__,
            "__reduce__": reduce,
        }
        made = _BOTH[kind, family] = type(kind.__name__, (kind, family), namespace)
    return made


def status_number(status: int | str | None) -> int | None:
    """The HTTP status, or the number of a gRPC status name; None when neither is known."""
    if isinstance(status, int):
        return status
    if isinstance(status, str):
        return GRPC_STATUS_NUMBERS.get(status)
    return None


def as_server_message(error: Any) -> str | None:
    """``error`` as the server's message (None stays None)."""
    return None if error is None else str(error)


def from_response(response: Any) -> tuple[int | str | None, Any, str]:
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
        status: int | str | None = name if name in GRPC_STATUS_NUMBERS else number
        return status, details, f"gRPC status {name}, details {details!r}"
    return None, None, "no response"


def unexpected_status_text(message: str, found: int | str | None, described: str) -> str:
    """The message of an unexpected answer, with the hint for its HTTP status if there is one."""
    text = f"{message}: unexpected answer from the server ({described})"
    if isinstance(found, int) and found in ERROR_CODE_EXPLANATION:
        text += f". {ERROR_CODE_EXPLANATION[found]}"
    return text


def grpc_unavailable_text(
    weaviate_version: str, grpc_address: tuple[str, int], grpc_path_prefix: str | None, error: Any
) -> str:
    """The message of a gRPC endpoint that did not answer at connect."""
    host, port = grpc_address
    where = "the gRPC endpoint" if host == "not provided" else f"the gRPC endpoint {host}:{port}"
    if grpc_path_prefix:
        where += f" (grpc-web path {grpc_path_prefix!r})"
    server = f"Weaviate {weaviate_version}" if weaviate_version else "the server"
    cause = f" ({type(error).__name__}: {error})" if error is not None else ""
    return (
        f"{where} of {server} did not answer a health check{cause}: check the host and "
        "port, that no firewall blocks gRPC, or raise Timeout(init=...) for a slow link "
        "(skip_init_checks=True skips the check)"
    )


def deprecated_name(
    module: str, name: str, aliases: Mapping[str, str], namespace: Mapping[str, Any]
) -> Any:
    """A module ``__getattr__``'s answer for ``name``: the class an older official name stands for,
    with a ``DeprecationWarning`` pointing at the user's line (which called ``__getattr__``)."""
    target = aliases.get(name)
    if target is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    warnings.warn(
        f"{name} is deprecated; use {target} (the same class)", DeprecationWarning, stacklevel=3
    )
    return namespace[target]
