"""The sync batch where users of the official client were hurt: inside a running asyncio program,
from many threads at once, and in a process forked from one that used the client.

Hand-written, not a generated twin: a running loop in the caller's thread, producer threads
sharing one blocking batch and a forked worker are situations of the blocking client only. The
batch scenarios the async client shares (sizes, modes, errors, retries) run through the facade
in the generated test_batch_api_sync_gen.py and test_batch_errors_sync_gen.py.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from typing import Any

import pytest

import weaviate_sync
from tests.batch_helpers import DIM, _props, _server_ids, _vectors
from weaviate_async.config import AdditionalConfig
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateClosedClientError, WeaviateInvalidInputError
from weaviate_sync.classes.config import Configure, DataType, Property


def _create(client: Any, name: str) -> Any:
    return client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
            Property(name="when", data_type=DataType.DATE),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )


def test_sync_batch_inside_a_running_event_loop(
    sync_client: Any, server: EmbeddedServer, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    added: list[str] = []

    async def web_handler() -> None:
        # A loop runs in this thread (as in Jupyter or an async web app calling sync code).
        assert asyncio.get_running_loop() is not None
        with collection.batch.dynamic() as batch:
            for i in range(1500):
                added.append(str(batch.add_object(properties=_props(i), vector=[1.0] * DIM)))
        await asyncio.sleep(0)

    asyncio.run(web_handler())
    assert collection.batch.failed_objects == []
    assert sorted(_server_ids(server, collection_name)) == sorted(added)


def test_sync_batch_from_eight_threads(
    sync_client: Any, server: EmbeddedServer, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    vectors = _vectors(8 * 1500)
    added: dict[int, list[str]] = {t: [] for t in range(8)}
    errors: list[BaseException] = []
    with collection.batch.fixed_size(batch_size=200, concurrent_requests=2) as batch:

        def produce(thread: int) -> None:
            try:
                for i in range(1500):
                    n = thread * 1500 + i
                    uid = batch.add_object(properties=_props(n), vector=vectors[n])
                    added[thread].append(str(uid))
            except BaseException as exc:  # reported below: a thread's error must fail the test
                errors.append(exc)

        threads = [threading.Thread(target=produce, args=(t,)) for t in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert errors == []
    everything = [u for ids in added.values() for u in ids]
    assert len(everything) == len(set(everything)) == 12_000
    assert collection.batch.failed_objects == []
    results = collection.batch.results.objs
    assert sorted(results.uuids) == list(range(12_000))  # one index per object, none twice
    assert sorted(_server_ids(server, collection_name)) == sorted(everything)


def _on_grpcio() -> bool:
    """The suite runs on grpcio (``WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio``, ``nox -s
    tests_grpcio``)."""
    return AdditionalConfig().resolved_grpc_transport == "grpcio"


def _child_batch(url_port: int, grpc_port: int, name: str, inherited: Any, queue: Any) -> None:
    if _on_grpcio():
        # grpcio's core does not survive fork: the inherited client refuses with a clear error
        # (the batch reports it for every object it could not send), and the child cannot open
        # grpcio channels of its own either (they hang), so the child only checks the refusal.
        handle = inherited.collections.use(name)
        try:
            with handle.batch.dynamic() as batch:
                batch.add_object(properties=_props(0), vector=[0.5] * DIM)
        except WeaviateClosedClientError as exc:
            queue.put(("refused", "forked" in str(exc)))
        except BaseException as exc:
            queue.put(("error", repr(exc)))
        else:
            messages = [f.message for f in handle.batch.failed_objects]
            queue.put(("refused", len(messages) == 1 and "forked" in messages[0]))
        # a new grpcio client is refused before it opens anything (grpcio would hang here)
        try:
            weaviate_sync.connect_to_local(port=url_port, grpc_port=grpc_port).close()
        except WeaviateInvalidInputError as exc:
            queue.put(("new client refused", "forked" in str(exc)))
        except BaseException as exc:
            queue.put(("error", repr(exc)))
        else:
            queue.put(("error", "a new grpcio client was made in the forked child"))
        return
    try:
        # The client the parent made and used, inherited through fork.
        with inherited.collections.use(name).batch.dynamic() as batch:
            for i in range(1000):
                batch.add_object(properties=_props(i), vector=[0.5] * DIM)
        failed = len(inherited.collections.use(name).batch.failed_objects)
        # And a client made in the child.
        with weaviate_sync.connect_to_local(port=url_port, grpc_port=grpc_port) as own:
            with own.collections.use(name).batch.dynamic() as batch:
                for i in range(1000, 1500):
                    batch.add_object(properties=_props(i), vector=[0.5] * DIM)
            failed += len(own.collections.use(name).batch.failed_objects)
        queue.put(("ok", failed))
    except BaseException as exc:  # sent to the parent, which fails the test
        queue.put(("error", repr(exc)))


def test_forked_worker_runs_a_dynamic_batch(
    sync_client: Any, server: EmbeddedServer, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    # The parent uses the client (its loop thread, channels and session are live) ...
    with collection.batch.dynamic() as batch:
        batch.add_object(properties=_props(-1), vector=[0.5] * DIM)
    assert collection.length() == 1
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(
        target=_child_batch,
        args=(server.http_port, server.grpc_port, collection_name, sync_client, queue),
    )
    started = time.monotonic()
    child.start()
    child.join(120)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail("the forked worker hung")
    assert child.exitcode == 0
    if _on_grpcio():
        assert queue.get(timeout=5) == ("refused", True)
        assert queue.get(timeout=5) == ("new client refused", True)
        assert collection.length() == 1  # the parent's client keeps working
        return
    assert queue.get(timeout=5) == ("ok", 0)
    assert time.monotonic() - started < 120
    # ... and keeps working after the fork.
    assert collection.length() == 1501
    assert len(_server_ids(server, collection_name)) == 1501
