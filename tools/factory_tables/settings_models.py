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
        path="weaviate_async/connect/_options.py",
        doc="""Plain option classes of :class:`~weaviate_async.connect.params.AdditionalConfig`:
proxies, TLS, the official client's gRPC settings and retries.

Programs import them from :mod:`weaviate_async.connect.params` (and ``weaviate_async.config``),
which document them; they are defined here.""",
        header="""
from __future__ import annotations

from typing import Any

import attrs

from weaviate_async._validate import attrs_check, check_int

__all__ = ["GrpcConfig", "Proxies", "RetryConfig", "TLSConfig"]
""",
        items=(
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
                    Field("http", "str | None", "None"),
                    Field("https", "str | None", "None"),
                    Field("grpc", "str | None", "None"),
                ),
                decorator=FROZEN,
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
