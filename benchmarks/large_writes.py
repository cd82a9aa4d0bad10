"""One ``insert_many`` of N objects of 64 dimensions into an HNSW index on an embedded server:
the requests sent (counted and measured at the connection's ``batch_objects``), the largest,
the wall time, the client's and the server's CPU, the outcome and the objects counted after.

    python -m benchmarks.large_writes --objects 200000

Run it with another checkout first on ``PYTHONPATH`` to measure that client (the "before"
figures of docs/reliability.md were taken so)."""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from typing import Any

import numpy as np

import weaviate_async
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.connect.connection import Connection
from weaviate_async.embedded import DEFAULT_VERSION, EmbeddedOptions, EmbeddedServer

SIZES: list[int] = []


def _record() -> None:
    original = Connection.batch_objects

    async def batch_objects(self: Connection, request: Any, **kwargs: Any) -> Any:
        SIZES.append(len(request) if isinstance(request, bytes) else request.ByteSize())
        return await original(self, request, **kwargs)

    Connection.batch_objects = batch_objects  # type: ignore[method-assign]


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run(n: int) -> str:
    """One run; the line of figures."""
    server = EmbeddedServer(
        EmbeddedOptions(version=DEFAULT_VERSION, additional_env_vars={"ASYNC_INDEXING": "false"})
    ).start()
    try:
        client = await weaviate_async.connect_to_local(
            host=server.host, port=server.http_port, grpc_port=server.grpc_port
        )
        try:
            collection = await client.collections.create(
                "Big",
                vector_config=Configure.Vectors.self_provided(),
                properties=[
                    Property(name="title", data_type=DataType.TEXT),
                    Property(name="count", data_type=DataType.INT),
                ],
            )
            vectors = np.random.default_rng(7).random((n, 64), dtype=np.float32)
            objects = [
                DataObject({"title": f"object {i}", "count": i}, vector=vectors[i])
                for i in range(n)
            ]
            assert server.pid is not None
            server_cpu = _cpu(server.pid)
            started, cpu = time.perf_counter(), time.process_time()
            try:
                result = await collection.data.insert_many(objects)
                outcome = f"ok, {len(result.uuids)} uuids, {len(result.errors)} errors"
            except Exception as exc:  # the figure to report
                outcome = f"{type(exc).__name__}: {exc}"
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            server_cpu = _cpu(server.pid) - server_cpu
            counted = (await collection.aggregate.over_all(total_count=True)).total_count
        finally:
            await client.close()
    finally:
        server.stop()
    return (
        f"objects={n} requests={len(SIZES)} max_request_MB={max(SIZES) / 1e6:.2f} "
        f"total_MB={sum(SIZES) / 1e6:.1f} wall_s={wall:.1f} client_cpu_s={cpu:.1f} "
        f"server_cpu_s={server_cpu:.1f} load={os.getloadavg()[0]:.1f} counted={counted} "
        f"outcome={outcome}"
    )


def main() -> None:
    """Parse the arguments and print the figures of one run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=200_000)
    args = parser.parse_args()
    _record()
    print("client from", weaviate_async.__file__, flush=True)
    print(asyncio.run(run(args.objects)), flush=True)


if __name__ == "__main__":
    main()
