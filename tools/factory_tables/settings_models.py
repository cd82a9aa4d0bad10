"""The option classes of the client and of the embedded server, the table
``tools/gen_models.py`` writes them from (rows: see ``tools/factory_tables/model_rows.py``).

Each is a frozen attrs class of plain fields; the modules that use them
(``weaviate_async/connect/params.py``, ``weaviate_async/embedded.py``) re-export them at their
public paths and keep the logic (validation with messages of their own, converters, the
server's environment) hand-written.
"""

from __future__ import annotations

from factory_tables.model_rows import Class, Field, Target, Text

FROZEN = "@attrs.frozen(kw_only=True)"

TARGETS = (
    Target(
        path="weaviate_async/connect/_option_parts.py",
        doc="""The option classes the others convert into: :class:`Timeout` and :class:`Proxies`.

They sit below :mod:`weaviate_async.connect._option_converters` (which builds them from the
official client's shorthand forms) and :mod:`weaviate_async.connect._options` (which holds the
classes that take them); programs import them from :mod:`weaviate_async.connect.params`.""",
        header="""
from __future__ import annotations

import attrs

from weaviate_async.connect._option_checks import check_positive, proxy_url_repr

__all__ = ["Proxies", "Timeout"]
""",
        items=(
            Class(
                "Timeout",
                """Time limits in seconds: ``init`` for connecting and start-up checks, ``query`` for reads
and searches, ``insert`` for writes and batches.

``stream`` bounds a server-side batching stream as a whole (None: no limit of its own).

Examples:
    >>> Timeout(query=60, insert=120, init=5)
""",
                fields=(
                    Field(
                        "query",
                        "float",
                        'attrs.field(default=30.0, validator=check_positive("timeout.query"))',
                    ),
                    Field(
                        "insert",
                        "float",
                        'attrs.field(default=90.0, validator=check_positive("timeout.insert"))',
                    ),
                    Field(
                        "init",
                        "float",
                        'attrs.field(default=2.0, validator=check_positive("timeout.init"))',
                    ),
                    Field(
                        "stream",
                        "float | None",
                        "attrs.field(default=None, "
                        'validator=attrs.validators.optional(check_positive("timeout.stream")))',
                    ),
                ),
                decorator=FROZEN,
            ),
            Class(
                "Proxies",
                """Proxy URLs per protocol, ``http://[user:password@]host:port``.

Attributes:
    http: the proxy for REST when the server's URL is ``http://`` (requests are forwarded).
    https: the proxy for REST when the server's URL is ``https://`` (an HTTP CONNECT tunnel
        carries TLS end to end).
    grpc: an HTTP CONNECT proxy for gRPC: the client asks it for a tunnel to the gRPC host
        and port, then speaks HTTP/2 (over TLS when ``grpc_secure``) through it.

Credentials in a URL are sent as ``Proxy-Authorization: Basic`` and never appear in error
messages. When ``AdditionalConfig.proxies`` is None and ``trust_env`` is on, REST uses
``HTTP_PROXY``/``HTTPS_PROXY`` and gRPC uses ``GRPC_PROXY`` (either case; ``NO_PROXY`` and
``NO_GRPC_PROXY`` exempt hosts), as the official client does.

Examples:
    >>> Proxies(http="http://proxy:3128", grpc="http://user:secret@proxy:3128")
""",
                fields=(
                    Field("http", "str | None", "attrs.field(default=None, repr=proxy_url_repr)"),
                    Field("https", "str | None", "attrs.field(default=None, repr=proxy_url_repr)"),
                    Field("grpc", "str | None", "attrs.field(default=None, repr=proxy_url_repr)"),
                ),
                decorator=FROZEN,
            ),
        ),
    ),
    Target(
        path="weaviate_async/connect/_options.py",
        doc="""The client's option classes: :class:`AdditionalConfig` and its parts (time limits,
connection pools, proxies, TLS, retries, the official client's gRPC settings).

Programs import them from :mod:`weaviate_async.connect.params` (and ``weaviate_async.config``);
they are defined here, their checks in :mod:`weaviate_async.connect._option_checks`.""",
        header="""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from weaviate_async._validate import attrs_check, check_int
from weaviate_async.connect._option_checks import (
    GrpcTransport,
    check_channels,
    check_positive,
    check_threshold,
    check_transport,
    no_effect,
    resolve_grpc_transport,
    to_hooks,
)
from weaviate_async.connect._option_converters import _to_proxies, _to_timeout
from weaviate_async.connect._option_parts import Proxies, Timeout
from weaviate_async.observability import RequestEvent

__all__ = [
    "AdditionalConfig",
    "ConnectionConfig",
    "GrpcConfig",
    "Proxies",
    "RetryConfig",
    "TLSConfig",
    "Timeout",
]
""",
        items=(
            Class(
                "ConnectionConfig",
                """Connection pool limits.

Attributes:
    session_pool_connections: HTTP connections kept per host.
    session_pool_maxsize: HTTP connections in all.
    session_pool_max_retries: accepted for the official client's programs; retries are set
        with ``AdditionalConfig(retry=RetryConfig(...))`` (another value warns).
    session_pool_timeout: accepted likewise; the time limits are ``Timeout``'s (another value
        warns).
    grpc_channels: gRPC channels (HTTP/2 connections) to spread calls over, so that large
        batches do not starve queries.
    grpc_max_message_size: the largest gRPC message sent or received, in bytes.
""",
                fields=(
                    Field("session_pool_connections", "int", "20"),
                    Field("session_pool_maxsize", "int", "100"),
                    Field(
                        "session_pool_max_retries",
                        "int",
                        "attrs.field(default=3, validator=no_effect("
                        '"set retries with AdditionalConfig(retry=RetryConfig(...))", 3))',
                    ),
                    Field(
                        "session_pool_timeout",
                        "int",
                        "attrs.field(default=5, "
                        'validator=no_effect("the time limits are set with Timeout(...)", 5))',
                    ),
                    Field(
                        "grpc_channels",
                        "int",
                        "attrs.field(default=2, kw_only=True, validator=check_channels)",
                    ),
                    Field(
                        "grpc_max_message_size",
                        "int",
                        "attrs.field(default=100 * 1024 * 1024, kw_only=True)",
                    ),
                ),
                decorator="@attrs.frozen",
            ),
            Class(
                "TLSConfig",
                """TLS settings for both protocols.

Attributes:
    ca_bundle: path to a PEM file of CA certificates to trust instead of the system's.
    client_cert: path to a PEM client certificate (mutual TLS).
    client_key: path to the client certificate's key, when not in ``client_cert``.
    verify: whether to verify the server's certificate (never turn off in production).
""",
                fields=(
                    Field("ca_bundle", "str | None", "None"),
                    Field("client_cert", "str | None", "None"),
                    Field("client_key", "str | None", "None"),
                    Field("verify", "bool", "True"),
                ),
                decorator=FROZEN,
            ),
            Class(
                "RetryConfig",
                """Retries on transient failures, with jittered exponential delay: requests that never left
and HTTP 429 / gRPC RESOURCE_EXHAUSTED always; broken connections, HTTP 502/503/504 and gRPC
UNAVAILABLE for idempotent calls (see ``weaviate_async/connect/retry.py``).

Attributes:
    max_tries: attempts in all, the first included.
    max_time: seconds from a call's start after which no delay ends and no attempt starts.
    initial_delay: the first delay's upper bound, doubled per attempt (full jitter).
    max_delay: the largest delay between two attempts.
""",
                fields=(
                    Field(
                        "max_tries",
                        "int",
                        "attrs.field(default=4, validator=attrs_check(check_int, "
                        '"retry.max_tries", required=True, minimum=1))',
                    ),
                    Field("max_time", "float", "30.0"),
                    Field("initial_delay", "float", "0.25"),
                    Field("max_delay", "float", "8.0"),
                ),
                decorator=FROZEN,
            ),
            Class(
                "GrpcConfig",
                """The official client's gRPC channel settings (grpcio channel options and credentials).

Accepted so that its programs run; this client's gRPC transport is grpclib, so they have no
effect (``AdditionalConfig`` warns when one is given): TLS is set with :class:`TLSConfig`
and the message size limit with ``ConnectionConfig(grpc_max_message_size=...)``.

Attributes:
    channel_options: grpcio channel arguments, ``[(name, value), ...]``.
    credentials: a ``grpc.ChannelCredentials``.
""",
                fields=(
                    Field("channel_options", "Any", "None"),
                    Field("credentials", "Any", "None"),
                ),
                decorator=FROZEN,
            ),
            Class(
                "AdditionalConfig",
                """Client-wide settings beyond where the server is.

Attributes:
    connection: connection pool limits.
    proxies: proxy URLs (a string means the same proxy for REST and gRPC).
    timeout: time limits.
    trust_env: when ``proxies`` is None, take proxies from the environment (see
        :class:`Proxies`).
    grpc_config: the official client's grpcio channel settings; accepted, without effect
        here (warns; see :class:`GrpcConfig`).
    tls: CA bundle, client certificate and verification for HTTPS and secure gRPC.
    retry: retries of idempotent calls.
    grpc_transport: the gRPC implementation: ``"grpclib"`` (pure Python on the client's
        event loop, the default) or ``"grpcio"`` (grpcio's C core; needs the ``grpcio``
        extra: ``pip install "weaviate-async[grpcio]"``). grpcio spends less client CPU per
        call, and lets the blocking client's searches skip the hop onto its loop thread;
        it cannot be used across ``os.fork()`` and always verifies TLS certificates (see
        docs/performance.md). None: the environment variable
        ``WEAVIATE_ASYNC_GRPC_TRANSPORT`` if set, else ``"grpclib"``.
    tracer_provider: an OpenTelemetry ``TracerProvider`` for the client's spans (an
        extension of this client; docs/observability.md). None: the global one, if the
        application configured one before connecting.
    meter_provider: an OpenTelemetry ``MeterProvider`` for the client's metrics; None: the
        global one, likewise.
    event_hooks: callables, each called with a
        :class:`~weaviate_async.observability.RequestEvent` when an attempt and when a call
        ends. A plain one runs synchronously in the client's thread, so it must be quick;
        an async one (``async def``) runs as a task on the client's event loop, and the
        client waits for those still running when it closes.
    slow_operation_threshold: seconds; a call that takes longer logs a WARNING on the
        ``weaviate_async`` logger. None (the default): off, since what is slow depends on the
        work (a batch of thousands of objects takes seconds, a fetch by id milliseconds).

Examples:
    >>> AdditionalConfig(timeout=Timeout(query=5), trust_env=True)
    >>> AdditionalConfig(grpc_transport="grpcio")
""",
                fields=(
                    Field(
                        "connection", "ConnectionConfig", "attrs.field(factory=ConnectionConfig)"
                    ),
                    Field(
                        "proxies",
                        "Proxies | None",
                        "attrs.field(default=None, converter=_to_proxies)",
                    ),
                    Field(
                        "timeout", "Timeout", "attrs.field(factory=Timeout, converter=_to_timeout)"
                    ),
                    Field("trust_env", "bool", "False"),
                    Field(
                        "grpc_config",
                        "GrpcConfig | None",
                        "attrs.field(default=None, validator=no_effect("
                        '"gRPC goes through grpclib: set TLS with TLSConfig and the message size '
                        'limit with "\n"ConnectionConfig(grpc_max_message_size=...)", None))',
                    ),
                    Field("tls", "TLSConfig", "attrs.field(factory=TLSConfig)"),
                    Field("retry", "RetryConfig", "attrs.field(factory=RetryConfig)"),
                    Field(
                        "grpc_transport",
                        "GrpcTransport | None",
                        "attrs.field(default=None, validator=check_transport)",
                    ),
                    Field("tracer_provider", "Any", "attrs.field(default=None, eq=False)"),
                    Field("meter_provider", "Any", "attrs.field(default=None, eq=False)"),
                    Field(
                        "event_hooks",
                        "tuple[Callable[[RequestEvent], object], ...]",
                        "attrs.field(default=(), converter=to_hooks, eq=False)",
                    ),
                    Field(
                        "slow_operation_threshold",
                        "float | None",
                        "attrs.field(default=None, validator=check_threshold)",
                    ),
                ),
                decorator=FROZEN,
                body=(
                    '''
@property
def resolved_grpc_transport(self) -> GrpcTransport:
    """The transport in effect: ``grpc_transport``, else the environment's
    ``WEAVIATE_ASYNC_GRPC_TRANSPORT``, else ``"grpclib"``."""
    return resolve_grpc_transport(self.grpc_transport)
''',
                ),
            ),
        ),
    ),
    Target(
        path="weaviate_async/_embedded_options.py",
        doc="""How an embedded server is provisioned and run: :class:`EmbeddedOptions` and its defaults.

Programs import them from :mod:`weaviate_async.embedded`, which runs the server; they are
defined here.""",
        header="""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

__all__ = ["DEFAULT_MODULES", "DEFAULT_VERSION", "EmbeddedOptions"]
""",
        items=(
            Text('''
DEFAULT_VERSION = "1.39.3"
"""The server version the client is tested against and provisions by default."""

DEFAULT_MODULES: tuple[str, ...] = (
    "text2vec-bigram",
    "generative-dummy",
    "reranker-dummy",
    "backup-filesystem",
)
"""Modules that work offline: the default set of an embedded server."""
'''),
            Class(
                "EmbeddedOptions",
                """How to provision and run an embedded server.

Attributes:
    version: the server version, e.g. ``"1.39.0"``.
    binary_path: an explicit path to a ``weaviate-server`` executable.
    persistence_data_path: a data directory that survives the server; a temporary one
        (deleted on stop) when None.
    hostname: the address to listen on; loopback only by default.
    port: the HTTP port; a free one when None.
    grpc_port: the gRPC port; a free one when None.
    modules: the modules to enable (``ENABLE_MODULES``).
    anonymous_access: whether requests without credentials are accepted.
    api_keys: API keys mapped to user names; enables API-key authentication.
    admin_users: users with full rights under RBAC; enables RBAC when not empty.
    additional_env_vars: further environment variables for the server (win over the above).
    startup_timeout: seconds to wait for readiness.
    stop_timeout: seconds between SIGTERM and SIGKILL.
    allow_download: whether step 4 (release download) may be tried.
    allow_go_build: whether step 5 (``go install``) may be tried.
    extra_args: further command-line arguments for ``weaviate-server``, appended after
        ``--host``, ``--port`` and ``--scheme http``. The plain HTTP listener always stays
        on (the readiness probe uses it); to serve HTTPS as well, add the go-swagger TLS
        flags, e.g. ``("--scheme", "https", "--tls-port", "8443", "--tls-certificate",
        cert, "--tls-key", key)`` plus ``("--tls-ca", ca)`` to require client certificates
        (mutual TLS). TLS for gRPC is set through ``additional_env_vars``
        (``GRPC_CERT_FILE`` and ``GRPC_KEY_FILE``).
""",
                fields=(
                    Field("version", "str", "DEFAULT_VERSION"),
                    Field("binary_path", "str | None", "None"),
                    Field("persistence_data_path", "str | None", "None"),
                    Field("hostname", "str", '"127.0.0.1"'),
                    Field("port", "int | None", "None"),
                    Field("grpc_port", "int | None", "None"),
                    Field("modules", "Sequence[str]", "DEFAULT_MODULES"),
                    Field("anonymous_access", "bool", "True"),
                    Field("api_keys", "Mapping[str, str] | None", "None"),
                    Field("admin_users", "Sequence[str]", "()"),
                    Field("additional_env_vars", "Mapping[str, str] | None", "None"),
                    Field("startup_timeout", "float", "120.0"),
                    Field("stop_timeout", "float", "15.0"),
                    Field("allow_download", "bool", "True"),
                    Field("allow_go_build", "bool", "True"),
                    Field("extra_args", "Sequence[str]", "()"),
                ),
                decorator=FROZEN,
            ),
        ),
    ),
)
