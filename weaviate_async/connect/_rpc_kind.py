"""One method of the ``weaviate.v1.Weaviate`` service, as the generated RPC table
(:mod:`weaviate_async.connect.rpc`) lists them and the transports call them."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

import attrs
from grpclib.const import Cardinality

from weaviate_async.exceptions import WeaviateBaseError

__all__ = ["Rep", "Req", "Rpc"]

Req = TypeVar("Req")
Rep = TypeVar("Rep")


@attrs.frozen
class Rpc(Generic[Req, Rep]):
    """One method of ``weaviate.v1.Weaviate``.

    Attributes:
        path: the HTTP/2 path, ``/weaviate.v1.Weaviate/<Method>``.
        cardinality: unary or streaming, as grpclib names it.
        request_type: the request message class.
        reply_type: the reply message class.
        timeout: the ``Timeout`` field that limits a call by default.
        idempotent: whether a call may be applied twice without harm (and so be retried after
            a broken connection).
        error: the exception class of plain failures (statuses with no class of their own).
    """

    path: str
    cardinality: Cardinality
    request_type: type[Req]
    reply_type: type[Rep]
    timeout: Literal["query", "insert"]
    idempotent: bool
    error: type[WeaviateBaseError]

    @property
    def target(self) -> str:
        """``weaviate.v1.Weaviate/<Method>``, as errors name it."""
        return self.path[1:]
