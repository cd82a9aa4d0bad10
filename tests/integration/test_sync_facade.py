"""The generated sync facade (weaviate_sync) against a real server: what only a blocking
client has.

Hand-written, not a generated twin: each test is about the blocking machinery itself, which an
async test cannot express: the loop thread (started, shared by 32 caller threads, joined by
``close()`` and by a ``with`` block that raises), calls from inside a running event loop (as in
Jupyter), a fork child using the parent's client, a warning issued on the loop thread reaching
the blocking caller, the twin namespaces cached per handle, the messages spoken to a blocking
caller, and no sockets left behind. The scenarios the async client has (collections, data,
searches, ...) run through the facade in the generated ``tests/integration/*_sync_gen.py``.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

import weaviate_sync
from weaviate_async._loop_thread import DEFAULT_THREAD_NAME

if TYPE_CHECKING:
    from weaviate_async.embedded import EmbeddedServer


def _connect(server: EmbeddedServer) -> weaviate_sync.WeaviateClient:
    return weaviate_sync.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )


def _loop_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(DEFAULT_THREAD_NAME)]


def _socket_inodes() -> set[str]:
    out = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            out.add(target[8:-1])
    return out


def _connections_to(port: int) -> int:
    """This process's open TCP sockets whose remote port is ``port`` (from /proc/net/tcp*)."""
    mine = _socket_inodes()
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                lines = f.readlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if remote_port == port and fields[9] in mine:
                count += 1
    return count


@pytest.fixture
def client(server: EmbeddedServer) -> Iterator[weaviate_sync.WeaviateClient]:
    c = _connect(server)
    try:
        yield c
    finally:
        c.close()


def test_plain_call(client: weaviate_sync.WeaviateClient) -> None:
    assert type(client).__name__ == "WeaviateClient"
    assert client.is_connected()
    assert client.is_ready() is True
    assert client.is_live() is True
    meta = client.get_meta()
    assert meta["version"]
    assert repr(client).startswith("<WeaviateClient")


def test_a_deprecation_warned_on_the_loop_reaches_the_blocking_caller(
    client: weaviate_sync.WeaviateClient, collection_name: str
) -> None:
    client.collections.create(collection_name)
    try:
        with pytest.warns(DeprecationWarning, match=r"^Dep031: graphql_raw_query\(\)"):
            reply = client.graphql_raw_query(
                f"{{ Get {{ {collection_name} {{ _additional {{ id }} }} }} }}"
            )
        assert reply.get == {collection_name: []}
    finally:
        client.collections.delete(collection_name)


def test_threads_share_one_client(client: weaviate_sync.WeaviateClient) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(32)

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(5):
                assert client.is_ready()
                assert client.get_meta()["version"]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors[:3]


async def test_called_inside_a_running_event_loop(
    client: weaviate_sync.WeaviateClient,
) -> None:
    # the sync client never touches the caller's loop: it blocks it, as any blocking call does
    assert client.is_ready()
    assert client.get_meta()["version"]


def test_context_manager(server: EmbeddedServer) -> None:
    from weaviate_sync.connect import ConnectionParams

    params = ConnectionParams.from_params(
        http_host=server.host,
        http_port=server.http_port,
        http_secure=False,
        grpc_host=server.host,
        grpc_port=server.grpc_port,
        grpc_secure=False,
    )
    before = len(_loop_threads())
    with weaviate_sync.WeaviateClient(connection_params=params) as c:
        assert c.is_ready()
    assert not c.is_connected()
    assert len(_loop_threads()) == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_fork_child_uses_the_parents_client(client: weaviate_sync.WeaviateClient) -> None:
    from weaviate_async.config import AdditionalConfig
    from weaviate_async.exceptions import WeaviateClosedClientError

    # On grpcio (WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio) the child is refused with a clear error
    # instead: grpcio's core does not survive fork.
    grpcio = AdditionalConfig().resolved_grpc_transport == "grpcio"
    assert client.get_meta()["version"]
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            signal.alarm(60)
            if grpcio:
                try:
                    client.get_meta()
                except WeaviateClosedClientError as exc:
                    ok = "forked" in str(exc)
                else:
                    ok = False
            else:
                ok = bool(client.get_meta()["version"]) and client.is_ready()
            client.close()
            status = 0 if ok else 2
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert client.get_meta()["version"]  # the parent's client is untouched


def test_close_joins_the_thread_and_leaks_no_sockets(server: EmbeddedServer) -> None:
    threads_before = {t.ident for t in _loop_threads()}
    sockets_before = _connections_to(server.http_port) + _connections_to(server.grpc_port)
    c = _connect(server)
    for _ in range(3):
        assert c.get_meta()["version"]
    assert c.collections.exists("NoSuchCollectionHere") is False
    during = _connections_to(server.http_port) + _connections_to(server.grpc_port)
    assert during > sockets_before  # the count sees this client's connections
    mine = [t for t in _loop_threads() if t.ident not in threads_before]
    assert len(mine) == 1
    c.close()
    assert not mine[0].is_alive()
    assert {t.ident for t in _loop_threads()} <= threads_before
    after = _connections_to(server.http_port) + _connections_to(server.grpc_port)
    assert after <= sockets_before
    c.close()  # idempotent


def test_namespaces_are_the_same_twin_on_each_access(
    client: weaviate_sync.WeaviateClient, collection_name: str
) -> None:
    assert client.collections is client.collections
    col = client.collections.use(collection_name)
    assert col.config is col.config and col.data is col.data and col.query is col.query
    assert client.collections.use(collection_name) is not col  # a new handle: a new twin


def _params(server: EmbeddedServer) -> Any:
    from weaviate_sync.connect import ConnectionParams

    return ConnectionParams.from_params(
        http_host=server.host,
        http_port=server.http_port,
        http_secure=False,
        grpc_host=server.host,
        grpc_port=server.grpc_port,
        grpc_secure=False,
    )


def test_with_block_exception_closes_and_propagates(server: EmbeddedServer) -> None:
    before = len(_loop_threads())
    error = LookupError("from the block")
    c = weaviate_sync.WeaviateClient(connection_params=_params(server))
    with pytest.raises(LookupError) as info, c:
        assert c.is_connected() and c.collections.exists("NoSuchOne") is False
        raise error
    assert info.value is error
    assert not c.is_connected()
    assert len(_loop_threads()) == before


def test_not_connected_message_is_for_a_blocking_caller(server: EmbeddedServer) -> None:
    c = weaviate_sync.WeaviateClient(connection_params=_params(server))
    try:
        with pytest.raises(weaviate_sync.exceptions.WeaviateClosedClientError) as info:
            c.collections.exists("Anything")
        message = str(info.value)
        assert "call `client.connect()`" in message and "await" not in message
        c.connect()
        assert c.collections.exists("Anything") is False
    finally:
        c.close()
    with pytest.raises(
        weaviate_sync.exceptions.WeaviateClosedClientError, match=r"after close\(\)"
    ):
        c.get_meta()
