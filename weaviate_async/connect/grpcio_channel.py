"""grpcio's channels for the optional grpcio transport (``pip install "weaviate-async[grpcio]"``;
the transport itself, behind the connection's transport interface, is :mod:`._grpcio`).

Chosen with ``AdditionalConfig(grpc_transport="grpcio")`` (or the environment variable
``WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio`` when the config leaves it unset). grpcio's C core does
HTTP/2 (framing, HPACK, flow control) outside the interpreter, where grpclib does it in Python
with h2, which is most of a small search's client CPU.

Calls from the connection's event loop go through ``grpc.aio``. The blocking facade's searches
use a blocking grpcio channel of their own (:meth:`GrpcioChannel.blocking_unary`), called in
the caller's thread: no hop onto the loop thread at all.

Fork: grpcio's core keeps threads and polling state that a forked child cannot use (grpcio
supports fork only with ``GRPC_ENABLE_FORK_SUPPORT`` and without ``grpc.aio``). A connection on
this transport therefore refuses to be used in a forked child (see
:meth:`weaviate_async.connect._grpcio.GrpcioTransport.refuse_after_fork`), and a child forked
after grpcio started cannot open grpcio channels of its own either (they hang, or grpcio aborts
the process), so :func:`check_usable` refuses that too: such a child uses the grpclib transport,
or the process is started with "spawn".
"""

from __future__ import annotations

import os
import ssl
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from weaviate_async import _fork
from weaviate_async._validate import invalid

if TYPE_CHECKING:
    from weaviate_async.connect.params import TLSConfig

__all__ = ["GrpcioChannel", "check_usable", "import_grpc", "status_of"]

Metadata = Sequence[tuple[str, str]]

#: The fork generation (``weaviate_async._fork``) in which grpcio's core was started (a channel
#: opened), inherited through fork: a child forked after that cannot open channels of its own
#: (they hang, or grpcio aborts the process).
_started_in: int | None = None


def import_grpc() -> Any:
    """``grpc``, or a clear error naming the extra that installs it."""
    try:
        import grpc
        import grpc.aio
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise invalid(
            "grpc_transport",
            'is "grpcio", but grpcio is not installed: pip install "weaviate-async[grpcio]"',
            "grpcio",
        ) from exc
    return grpc


def check_usable(*, secure: bool, tls: TLSConfig) -> None:
    """Raise before anything is opened when grpcio cannot serve this configuration."""
    import_grpc()
    if _started_in is not None and _fork.forked_since(_started_in):
        raise invalid(
            "grpc_transport",
            'is "grpcio", but this process was forked from one that had started grpcio, whose '
            'core cannot be used again after fork: use grpc_transport="grpclib" here, or '
            'start this process with the "spawn" (or "forkserver") method',
            "grpcio",
        )
    if secure and not tls.verify:
        raise invalid(
            "tls.verify",
            'cannot be False with grpc_transport="grpcio" (grpcio always verifies the '
            "server's certificate): trust its CA with TLSConfig(ca_bundle=...), or use the "
            "grpclib transport",
            False,
        )


def _serialize(message: Any) -> bytes:
    # A request handed over already encoded (the batch engine's concatenated objects) goes as it
    # is, as with the grpclib channels' codec.
    if type(message) is bytes:
        return message
    data: bytes = message.SerializeToString()
    return data


def status_of(exc: BaseException) -> tuple[str, str] | None:
    """``(status name, details)`` of a grpcio ``RpcError``, or None for another exception."""
    import grpc

    if isinstance(exc, grpc.RpcError) and hasattr(exc, "code"):
        code = exc.code()
        details = exc.details() if hasattr(exc, "details") else None
        return (code.name if code is not None else "UNKNOWN"), details or ""
    return None


class GrpcioChannel:
    """One grpcio channel to the server: ``grpc.aio`` for the loop, a blocking one on demand.

    Multicallables are made once per method and reused: their setup is the per-call cost
    grpcio would otherwise repeat.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        secure: bool,
        tls: TLSConfig,
        proxy: str | None,
        max_message_size: int,
    ) -> None:
        check_usable(secure=secure, tls=tls)
        grpc = import_grpc()
        self._target = f"{host}:{port}"
        options: list[tuple[str, Any]] = [
            ("grpc.max_send_message_length", max_message_size),
            ("grpc.max_receive_message_length", max_message_size),
            # The connection's retry engine decides about retries (one policy for both
            # transports); grpcio's own retry layer would only add per-call work.
            ("grpc.enable_retries", 0),
        ]
        # grpcio reads proxies from the environment on its own; the connection has decided
        # already (Proxies, or the environment with trust_env).
        options.append(("grpc.http_proxy", proxy) if proxy else ("grpc.enable_http_proxy", 0))
        self._options = options
        self._credentials: Any = None
        if secure:
            self._credentials = grpc.ssl_channel_credentials(
                root_certificates=_read(tls.ca_bundle) or default_root_certificates(),
                private_key=_read(tls.client_key or tls.client_cert),
                certificate_chain=_read(tls.client_cert),
            )
        global _started_in
        if _started_in is None:
            _started_in = _fork.generation()
        self._aio: Any = self._open(grpc.aio)
        self._aio_calls: dict[str, Any] = {}
        self._sync: Any = None
        self._sync_calls: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _open(self, module: Any) -> Any:
        if self._credentials is None:
            return module.insecure_channel(self._target, options=self._options)
        return module.secure_channel(self._target, self._credentials, options=self._options)

    def unary(self, path: str, reply_type: Any) -> Any:
        """The ``grpc.aio`` multicallable of a unary method (made once)."""
        call = self._aio_calls.get(path)
        if call is None:
            call = self._aio.unary_unary(
                path, request_serializer=_serialize, response_deserializer=reply_type.FromString
            )
            self._aio_calls[path] = call
        return call

    def stream(self, path: str, reply_type: Any) -> Any:
        """The ``grpc.aio`` multicallable of a bidirectional streaming method."""
        return self._aio.stream_stream(
            path, request_serializer=_serialize, response_deserializer=reply_type.FromString
        )

    def blocking_unary(self, path: str, reply_type: Any) -> Any:
        """The blocking multicallable of a unary method, on a blocking channel opened on first
        use (thread-safe; calls run in the caller's thread)."""
        call = self._sync_calls.get(path)
        if call is None:
            with self._lock:
                if self._sync is None:
                    self._sync = self._open(import_grpc())
                call = self._sync.unary_unary(
                    path,
                    request_serializer=_serialize,
                    response_deserializer=reply_type.FromString,
                )
                self._sync_calls[path] = call
        return call

    async def close(self) -> None:
        """Close both channels (calls in flight are cancelled)."""
        sync, self._sync = self._sync, None
        if sync is not None:
            sync.close()
        await self._aio.close()


def default_root_certificates() -> bytes | None:
    """The CAs a secure grpcio channel trusts when no ``ca_bundle`` is given: those REST
    trusts (Python's default verify file, which ``SSL_CERT_FILE`` overrides), so both
    protocols agree on which servers are genuine, as the official client (4.24) aligns its
    gRPC roots with its REST ones. None (grpcio's own roots) when the environment names a
    roots file for gRPC (``GRPC_DEFAULT_SSL_ROOTS_FILE_PATH``, which grpcio reads itself), or
    when no default file exists."""
    if os.environ.get("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH"):
        return None
    cafile = ssl.get_default_verify_paths().cafile
    if not cafile or not os.path.isfile(cafile):
        return None
    return _read(cafile)


def _read(path: str | None) -> bytes | None:
    if not path:
        return None
    with open(path, "rb") as f:
        return f.read()
