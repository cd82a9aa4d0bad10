"""Every Python example of the documentation (docs/*.md and README.md) runs against a real server.

The blocks of a page run in order in one namespace, with the page's hidden setup, their local
connections pointed at the test server (see tests/docs_blocks.py for the conventions). A block
marked ``<!-- no-run: reason -->`` is not run; their number is held to ``NO_RUN_BUDGET``. The
web apps of docs/examples are served in tests/integration/test_web_apps.py.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ADMIN_KEY, ADMIN_USER, SERVER_VERSION, server_at_least
from tests.docs_blocks import Block, blocks, page_server, pages, point_at_server
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

#: The blocks that may be marked no-run across all pages; raise it only with a reason that
#: cannot be worked around (a cloud URL, a paid provider's key, the package's internals).
NO_RUN_BUDGET = 4

PAGES = [page for page in pages() if any(b.kind == "example" for b in blocks(page))]


def _collections(server: EmbeddedServer, headers: dict[str, str]) -> set[str]:
    request = urllib.request.Request(f"{server.url}/v1/schema", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as reply:
        return {c["class"] for c in json.load(reply)["classes"]}


def _delete(server: EmbeddedServer, name: str, headers: dict[str, str]) -> None:
    request = urllib.request.Request(
        f"{server.url}/v1/schema/{name}", method="DELETE", headers=headers
    )
    with urllib.request.urlopen(request, timeout=30):
        pass


def _run(
    block: Block, namespace: dict[str, Any], loop: asyncio.AbstractEventLoop, srv: Any
) -> None:
    tree = point_at_server(
        block.code,
        host=srv.host,
        port=srv.http_port,
        grpc_port=srv.grpc_port,
        version=SERVER_VERSION,
    )
    filename = f"{block.page}:{block.line}"
    code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    if code.co_flags & inspect.CO_COROUTINE:
        loop.run_until_complete(eval(code, namespace))
    else:
        exec(code, namespace)


@pytest.fixture(scope="module")
def auth_docs_server() -> Iterator[EmbeddedServer]:
    """API keys (one root admin), database users and RBAC: the pages on roles and users."""
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            anonymous_access=False,
            api_keys={ADMIN_KEY: ADMIN_USER},
            admin_users=(ADMIN_USER,),
            additional_env_vars={"AUTHENTICATION_DB_USERS_ENABLED": "true"},
        )
    ).start()
    yield srv
    srv.stop()


def _server_for(name: str, request: pytest.FixtureRequest) -> tuple[EmbeddedServer, dict[str, str]]:
    if name == "server":
        return request.getfixturevalue("server"), {}
    if name == "auth":
        srv = request.getfixturevalue("auth_docs_server")
        return srv, {"Authorization": f"Bearer {ADMIN_KEY}"}
    if name == "admin":
        from tests.admin_server import admin_server

        return admin_server()[0], {}
    raise AssertionError(f"unknown docs-server {name!r}")


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_page_examples_run(page: Path, request: pytest.FixtureRequest) -> None:
    """Each example of the page runs without an error, in page order."""
    srv, headers = _server_for(page_server(page.read_text()), request)
    before = _collections(srv, headers)
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem}", "ADMIN_KEY": ADMIN_KEY}
    loop = asyncio.new_event_loop()
    page_blocks = blocks(page)
    try:
        for block in page_blocks:
            if block.min_server and not server_at_least(block.min_server):
                continue  # a feature newer than the server under test (its gate is tested)
            if block.kind in {"example", "setup"}:
                _run(block, namespace, loop, srv)
    finally:
        try:
            for block in page_blocks:
                if block.kind == "teardown":
                    _run(block, namespace, loop, srv)
        finally:
            for value in list(namespace.values()):  # clients a page left open
                close = getattr(value, "close", None)
                if type(value).__name__ in {"WeaviateAsyncClient", "WeaviateClient"} and close:
                    result = close()
                    if inspect.isawaitable(result):
                        loop.run_until_complete(result)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            for name in _collections(srv, headers) - before:
                with contextlib.suppress(Exception):
                    _delete(srv, name, headers)


def test_no_run_blocks_within_budget() -> None:
    """The blocks that do not run are few, and each says why."""
    skipped = [b for page in pages() for b in blocks(page) if b.kind == "no-run"]
    for block in skipped:
        assert len(block.reason) > 10, f"{block.page}:{block.line}: say why it cannot run"
    assert len(skipped) <= NO_RUN_BUDGET, [f"{b.page}:{b.line} {b.reason}" for b in skipped]
