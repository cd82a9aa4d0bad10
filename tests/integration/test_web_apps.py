"""The users the design names: the two web examples of docs/examples (a FastAPI app whose
lifespan owns the async client, an aiohttp app whose cleanup context does), each served on a
loopback port and driven with 1,000 concurrent requests (near_text, and hybrid with a filter)
against the real server: every answer right, no errors, the client's connections bounded by its
pool while serving and all closed after shutdown, no task left behind.

near_text works offline as in tests/search_data.py: the articles' ``bi`` vector is made by
text2vec-bigram from the title, and a text2vec-openai vector (given explicitly, never computed)
is configured only because the server checks near_text's arguments through a module that
declares them.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import sys
import time
import uuid as uuid_lib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from weaviate_async import connect_to_local, use_async_with_local
from weaviate_async.classes.data import DataObject
from weaviate_async.embedded import EmbeddedServer

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
CATEGORIES = ["science", "sports", "arts", "travel"]
ADJECTIVES = ["quiet", "golden", "rapid", "hidden", "frozen", "ancient", "bright", "distant"]
NOUNS = ["river", "engine", "garden", "comet", "harbor", "violin"]
TITLES = [f"{a} {n}" for a in ADJECTIVES for n in NOUNS]  # 48 distinct titles
REQUESTS = 1000

if str(EXAMPLES) not in sys.path:
    sys.path.insert(0, str(EXAMPLES))


def _article(i: int) -> dict[str, Any]:
    title = TITLES[i]
    return {
        "title": title,
        "body": f"a story about the {title} and what became of it",
        "category": CATEGORIES[i % len(CATEGORIES)],
    }


@pytest.fixture(scope="module")
async def articles(server: EmbeddedServer) -> AsyncIterator[str]:
    """The name of a collection of len(TITLES) articles."""
    c = await connect_to_local(host=server.host, port=server.http_port, grpc_port=server.grpc_port)
    name = "Article" + uuid_lib.uuid4().hex[:10]
    await c.collections.create_from_dict(
        {
            "class": name,
            "properties": [
                {"name": "title", "dataType": ["text"]},
                {"name": "body", "dataType": ["text"]},
                {"name": "category", "dataType": ["text"], "tokenization": "field"},
            ],
            "vectorConfig": {
                "bi": {
                    "vectorizer": {"text2vec-bigram": {"properties": ["title"]}},
                    "vectorIndexType": "hnsw",
                },
                "oa": {"vectorizer": {"text2vec-openai": {}}, "vectorIndexType": "flat"},
            },
        }
    )
    try:
        result = await c.collections.use(name).data.insert_many(
            [
                DataObject(properties=_article(i), vector={"oa": [1.0, float(i)]})
                for i in range(len(TITLES))
            ]
        )
        assert not result.errors
    finally:
        await c.close()  # the tests count this process's connections to the server
    yield name
    async with use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    ) as c:
        await c.collections.delete(name)


@pytest.fixture
def settings(server: EmbeddedServer, articles: str) -> Any:
    from article_search import Settings

    return Settings(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        collection=articles,
        target_vector="bi",
    )


# ------------------------------------------------------------------------- what to check


def _socket_inodes() -> dict[str, int]:
    """Inode -> remote port of every TCP socket (IPv4 and IPv6) of this machine."""
    out: dict[str, int] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            next(f)
            for line in f:
                fields = line.split()
                out[fields[9]] = int(fields[2].rsplit(":", 1)[1], 16)
    return out


async def no_sockets_to(ports: set[int], within: float = 5.0, allowed: int = 0) -> bool:
    """Whether this process holds no socket to ``ports`` (beyond ``allowed``), waiting up to
    ``within`` seconds: grpcio's core closes a closed channel's socket on its own thread a
    moment after ``close()`` returns (grpclib's are closed by then)."""
    deadline = time.monotonic() + within
    while sockets_to(ports) > allowed:
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def sockets_to(ports: set[int]) -> int:
    """How many sockets this process holds open to ``ports`` (from /proc, no client internals)."""
    remote = _socket_inodes()
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:[") and remote.get(target[8:-1]) in ports:
                count += 1
    return count


def open_sockets() -> int:
    """How many sockets this process holds open."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:[")
    return count


def _plan() -> list[tuple[str, dict[str, str]]]:
    """REQUESTS requests: near_text and hybrid-in-a-category alternately, over every title."""
    out: list[tuple[str, dict[str, str]]] = []
    for i in range(REQUESTS):
        title = TITLES[i % len(TITLES)]
        if i % 2:
            out.append(("/search/near_text", {"q": title, "limit": "3"}))
        else:
            category = CATEGORIES[(i // 2) % len(CATEGORIES)]
            out.append(("/search/hybrid", {"q": title, "category": category, "limit": "4"}))
    return out


async def _expected(settings: Any) -> dict[tuple[str, str, str], list[str]]:
    """The answer to each distinct request, asked directly with a client of our own."""
    from article_search import client_for, hybrid_in_category, near_text

    expected: dict[tuple[str, str, str], list[str]] = {}
    async with client_for(settings) as client:
        collection = client.collections.use(settings.collection)
        for path, query in _plan():
            key = (path, query["q"], query.get("category", ""))
            if key in expected:
                continue
            if path == "/search/near_text":
                results = await near_text(collection, settings, query["q"], 3)
            else:
                results = await hybrid_in_category(
                    collection, settings, query["q"], query["category"], 4
                )
            expected[key] = [r["uuid"] for r in results]
    return expected


async def _drive(base_url: str, weaviate_ports: set[int]) -> tuple[list[Any], int, int]:
    """Send every planned request at once; the answers, in order, the most sockets to the
    Weaviate server seen while they ran, and the most requests in flight."""
    most = in_flight = 0
    app_port = {int(base_url.rsplit(":", 1)[1])}
    done = asyncio.Event()

    async def sample() -> None:
        nonlocal most, in_flight
        while not done.is_set():
            most = max(most, sockets_to(weaviate_ports))
            in_flight = max(in_flight, sockets_to(app_port))  # the driver's connections
            await asyncio.sleep(0.01)

    async def get(session: aiohttp.ClientSession, path: str, query: dict[str, str]) -> Any:
        async with session.get(base_url + path, params=query) as response:
            assert response.status == 200, await response.text()
            return await response.json()

    sampler = asyncio.create_task(sample())
    connector = aiohttp.TCPConnector(limit=0)  # every request on a connection of its own
    try:
        async with aiohttp.ClientSession(connector=connector) as session:
            answers = await asyncio.gather(*(get(session, p, q) for p, q in _plan()))
    finally:
        done.set()
        await sampler
    assert connector.closed
    return answers, most, in_flight


@contextlib.asynccontextmanager
async def served_fastapi(settings: Any) -> AsyncIterator[str]:
    """The FastAPI example served by uvicorn on a free loopback port: its base URL."""
    import uvicorn
    from fastapi_app import create_app

    config = uvicorn.Config(
        create_app(settings),
        host="127.0.0.1",
        port=0,
        lifespan="on",
        log_level="warning",
        backlog=2048,
    )
    web_server = uvicorn.Server(config)
    serving = asyncio.create_task(web_server.serve())
    try:
        while not web_server.started:
            assert not serving.done(), "the app did not start"
            await asyncio.sleep(0.01)
        port = web_server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        web_server.should_exit = True
        await serving


@contextlib.asynccontextmanager
async def served_aiohttp(settings: Any) -> AsyncIterator[str]:
    """The aiohttp example served on a free loopback port: its base URL."""
    from aiohttp import web
    from aiohttp_app import create_app

    runner = web.AppRunner(create_app(settings))
    await runner.setup()  # runs the cleanup context's start: the client connects
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=2048)
        await site.start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()  # the cleanup context's end: the client closes


SERVED = {"fastapi": served_fastapi, "aiohttp": served_aiohttp}


# ------------------------------------------------------------------------------------ apps


@pytest.mark.parametrize("framework", sorted(SERVED))
async def test_the_app_serves_1000_concurrent_searches(
    framework: str, settings: Any, server: EmbeddedServer
) -> None:
    expected = await _expected(settings)
    weaviate_ports = {server.http_port, server.grpc_port}
    # Sockets of earlier tests' clients to the shared server may be there still: the app's
    # own are counted above them.
    await no_sockets_to(weaviate_ports)
    earlier = sockets_to(weaviate_ports)
    sockets_before = open_sockets()
    tasks_before = asyncio.all_tasks()

    async with SERVED[framework](settings) as base_url:
        assert sockets_to(weaviate_ports) > earlier  # the app connected at start-up
        answers, most, in_flight = await _drive(base_url, weaviate_ports)

    # Every answer is the one the same search gives alone: nothing lost or mixed up.
    for (path, query), answer in zip(_plan(), answers, strict=True):
        got = [r["uuid"] for r in answer["results"]]
        assert got == expected[(path, query["q"], query.get("category", ""))], (path, query)
        if path == "/search/hybrid":
            assert {r["properties"]["category"] for r in answer["results"]} == {query["category"]}
            assert "score" in answer["results"][0]
        else:
            assert answer["results"][0]["properties"]["title"] == query["q"]
            distances = [r["distance"] for r in answer["results"]]
            assert distances == sorted(distances) and 0 <= distances[0] < 1
    # One client served all: its pool (2 gRPC channels, at most 20 HTTP connections per host)
    # bounds the connections to the server, however many requests came at once.
    assert 0 < most - earlier <= 2 + 20, (most, earlier)
    assert in_flight > REQUESTS // 2, in_flight  # the requests did run concurrently
    # Clean shutdown: every connection to the server closed, no socket and no task left.
    assert await no_sockets_to(weaviate_ports, allowed=earlier)
    # none left open beyond those before (sockets of earlier tests' closed grpcio channels may
    # still be closing when the count before is taken, and be gone by now)
    assert open_sockets() <= sockets_before
    await asyncio.sleep(0)
    assert asyncio.all_tasks() - tasks_before == set()


@pytest.mark.parametrize("framework", sorted(SERVED))
async def test_bad_requests_get_answers(framework: str, settings: Any) -> None:
    missing = dataclasses.replace(settings, collection=settings.collection + "Missing")
    # FastAPI checks what its endpoints declare (422); the rest is the client's check (400)
    declared = 422 if framework == "fastapi" else 400
    async with SERVED[framework](settings) as base_url, aiohttp.ClientSession(base_url) as http:
        for path, query, status in (
            ("/search/near_text", {"limit": "3"}, declared),
            ("/search/near_text", {"q": "x", "limit": "0"}, declared),
            ("/search/near_text", {"q": "x", "limit": "1000"}, declared),
            ("/search/hybrid", {"q": "x", "category": "arts", "alpha": "2"}, declared),
            ("/search/hybrid", {"q": "x"}, declared),
            ("/search/near_text", {"q": " "}, 400),  # the client refuses a blank text
        ):
            async with http.get(path, params=query) as response:
                assert response.status == status, (path, query, await response.text())
                if status == 400 and query.get("q") == " ":
                    assert "query" in (await response.json())["error"]
    async with (
        SERVED[framework](missing) as base_url,
        aiohttp.ClientSession(base_url) as http,
        http.get("/search/near_text", params={"q": "x"}) as response,
    ):
        assert response.status == 502  # the server failed the search: its message
        assert "Missing" in (await response.json())["error"]
