"""What the distributed writers (:mod:`weaviate_async.ray`, :mod:`weaviate_async.dask`) share:
connection settings that travel to the workers, and the write of one part of the data in a
worker, through :func:`~weaviate_async.io.import_file`.

A client holds sockets, an event loop's tasks and locks: it cannot be pickled, and one built
on the driver would be useless in another process. So only plain settings are shipped, and
each worker task builds its own client, writes its part and closes it.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from weaviate_async._loop_thread import LoopThread
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io.importer import RowFailure, import_file
from weaviate_async.io.layout import Layout

if TYPE_CHECKING:
    from weaviate_async.client import WeaviateAsyncClient

__all__ = [
    "ConnectionSettings",
    "PartFailure",
    "PartReport",
    "WriteReport",
    "check_idempotent",
    "run_sync",
    "write_parts",
]

T = TypeVar("T")


def _headers(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return dict(value or {})


@attrs.frozen(kw_only=True)
class ConnectionSettings:
    """How a worker reaches the server: plain values, pickled to every worker, which builds
    its own client from them (a client itself cannot cross processes).

    Attributes:
        http_host: the REST host.
        http_port: the REST port.
        http_secure: REST over TLS.
        grpc_host: the gRPC host (None: ``http_host``).
        grpc_port: the gRPC port.
        grpc_secure: gRPC over TLS.
        headers: extra headers of every request (e.g. a module's API key).
        api_key: the server's API key, if it needs one (not shown by ``repr``).
        skip_init_checks: skip the checks made on connecting (health, version).
    """

    http_host: str = "localhost"
    http_port: int = 8080
    http_secure: bool = False
    grpc_host: str | None = None
    grpc_port: int = 50051
    grpc_secure: bool = False
    headers: Mapping[str, str] = attrs.field(factory=dict, converter=_headers)
    api_key: str | None = attrs.field(default=None, repr=False)
    skip_init_checks: bool = False

    @classmethod
    def local(
        cls,
        host: str = "localhost",
        port: int = 8080,
        grpc_port: int = 50051,
        headers: Mapping[str, str] | None = None,
        api_key: str | None = None,
    ) -> ConnectionSettings:
        """The settings of ``connect_to_local(host, port, grpc_port)``."""
        return cls(
            http_host=host,
            http_port=port,
            grpc_port=grpc_port,
            headers=headers or {},
            api_key=api_key,
        )

    @classmethod
    def from_client(cls, client: Any) -> ConnectionSettings:
        """The settings of a connected client (async or blocking): its hosts, ports, TLS,
        headers, and API key.

        Raises:
            WeaviateInvalidInputError: the client authenticates otherwise than with an API key
                (OIDC tokens expire and refresh: give the workers an API key instead).
        """
        from weaviate_async.connect.auth import _APIKey

        impl = getattr(client, "_impl", client)  # the blocking client wraps an async one
        connection = getattr(impl, "_conn", None)
        if connection is None:
            raise WeaviateInvalidInputError(
                f"client: expected a Weaviate client, got {type(client).__name__}"
            )
        auth = connection._auth
        if auth is not None and not isinstance(auth, _APIKey):
            raise WeaviateInvalidInputError(
                f"client: its credentials ({type(auth).__name__}) cannot be handed to workers; "
                "connect them with an API key (ConnectionSettings(api_key=...))"
            )
        params = connection.params
        return cls(
            http_host=params.http.host,
            http_port=params.http.port,
            http_secure=params.http.secure,
            grpc_host=params.grpc.host,
            grpc_port=params.grpc.port,
            grpc_secure=params.grpc.secure,
            headers=dict(connection._user_headers),
            api_key=auth.api_key if auth is not None else None,
            skip_init_checks=connection._skip_init_checks,
        )

    async def connect(self) -> WeaviateAsyncClient:
        """A new connected client (the caller closes it)."""
        from weaviate_async.connect.auth import Auth
        from weaviate_async.connect.helpers import connect_to_custom

        return await connect_to_custom(
            http_host=self.http_host,
            http_port=self.http_port,
            http_secure=self.http_secure,
            grpc_host=self.grpc_host or self.http_host,
            grpc_port=self.grpc_port,
            grpc_secure=self.grpc_secure,
            headers=dict(self.headers) or None,
            auth_credentials=Auth.api_key(self.api_key) if self.api_key else None,
            skip_init_checks=self.skip_init_checks,
        )


@attrs.frozen
class PartFailure:
    """A row of a distributed write that did not land.

    Attributes:
        part: the part (Ray block, Dask partition) it belongs to.
        row: its number within that part (0-based).
        uuid: the uuid it was given, or None.
        message: why.
    """

    part: str
    row: int
    uuid: str | None
    message: str


@attrs.frozen
class PartReport:
    """What one worker task wrote.

    Attributes:
        part: which part (``"<task>.<block>"`` for Ray, the partition number for Dask).
        rows: rows read.
        acknowledged: objects the server acknowledged.
        failures: the rows that failed, numbered within the part.
        seconds: the wall time of the part.
    """

    part: str
    rows: int
    acknowledged: int
    failures: list[RowFailure]
    seconds: float


@attrs.frozen
class WriteReport:
    """What a distributed write did, gathered on the driver from every part.

    Attributes:
        parts: one report per part, in the order of the parts.
        seconds: the wall time of the whole write, as seen by the driver (0 when unknown).
    """

    parts: list[PartReport]
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        """Rows read, over every part."""
        return sum(p.rows for p in self.parts)

    @property
    def acknowledged(self) -> int:
        """Objects acknowledged, over every part."""
        return sum(p.acknowledged for p in self.parts)

    @property
    def failures(self) -> list[PartFailure]:
        """Every failed row, with its part."""
        return [
            PartFailure(p.part, f.row, f.uuid, f.message) for p in self.parts for f in p.failures
        ]

    @property
    def has_errors(self) -> bool:
        """Whether any row failed."""
        return any(p.failures for p in self.parts)


def check_idempotent(layout: Layout, columns: Sequence[str], what: str) -> None:
    """Refuse data whose rows would get a random uuid: a retried task (a worker lost, a task
    run twice) would then add its rows a second time instead of replacing them."""
    plan = layout.plan(columns)  # also checks the layout's columns are there
    if plan.uuid is None and not plan.uuid_from:
        raise WeaviateInvalidInputError(
            f"layout: the {what} has no uuid column ({layout.uuid_column!r}) and "
            "Layout.uuid_from is empty, so a retried task would duplicate its rows; name the "
            "columns that identify a row with Layout(uuid_from=[...]), or pass "
            "idempotent=False to accept duplicates"
        )


async def _write_parts(
    settings: ConnectionSettings,
    collection: str,
    parts: Iterable[tuple[str, Any]],
    layout: Layout,
    tenant: str | None,
    batch: Literal["dynamic", "stream"],
    chunk_rows: int,
) -> list[PartReport]:
    client = await settings.connect()
    try:
        handle = client.collections.use(collection)
        reports: list[PartReport] = []
        for part, data in parts:
            started = time.perf_counter()
            report = await import_file(
                handle,
                data,
                layout=layout,
                tenant=tenant,
                batch=batch,
                chunk_rows=chunk_rows,
                failures=False,
            )
            reports.append(
                PartReport(
                    part,
                    report.rows,
                    report.acknowledged,
                    report.failures,
                    time.perf_counter() - started,
                )
            )
        return reports
    finally:
        await client.close()


def write_parts(
    settings: ConnectionSettings,
    collection: str,
    parts: Iterable[tuple[str, Any]],
    *,
    layout: Layout,
    tenant: str | None = None,
    batch: Literal["dynamic", "stream"] = "dynamic",
    chunk_rows: int = 5_000,
) -> list[PartReport]:
    """Write parts (label, Arrow table or pandas DataFrame) with one client built here; the
    body of a worker task. Blocks until done."""
    return run_sync(
        lambda: _write_parts(settings, collection, parts, layout, tenant, batch, chunk_rows)
    )


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to its end from blocking code (a Ray or Dask task), on a private loop
    thread as the sync facade does, so that it works whether or not this thread already runs
    an event loop."""
    loop = LoopThread()
    try:
        return loop.run(make())
    finally:
        loop.close()
