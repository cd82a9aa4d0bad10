"""Helpers of the batch tests (shared by the async tests and their generated sync twins)."""

from __future__ import annotations

import datetime as dt
import urllib.request
from typing import Any

import numpy as np
import orjson

from weaviate_async.embedded import EmbeddedServer

UTC = dt.timezone.utc
DIM = 16


def _props(i: int) -> dict[str, Any]:
    return {
        "title": f"object {i}",
        "count": i,
        "when": dt.datetime(2024, 1, 1, tzinfo=UTC) + dt.timedelta(minutes=i),
    }


def _rest(server: EmbeddedServer, path: str, method: str = "GET", body: Any = None) -> Any:
    data = orjson.dumps(body) if body is not None else None
    request = urllib.request.Request(
        server.url + "/v1" + path,
        method=method,
        data=data,
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        raw = reply.read()
    return orjson.loads(raw) if raw else None


def _server_ids(server: EmbeddedServer, name: str, tenant: str | None = None) -> list[str]:
    """Every uuid of the collection, by cursor over REST (independent of the batch code)."""
    ids: list[str] = []
    after = None
    while True:
        query = f"/objects?class={name}&limit=1000"
        if tenant:
            query += f"&tenant={tenant}"
        if after:
            query += f"&after={after}"
        page = _rest(server, query)["objects"]
        if not page:
            return ids
        ids.extend(o["id"] for o in page)
        after = page[-1]["id"]


def _vectors(n: int, dim: int = DIM) -> np.ndarray:
    return np.random.default_rng(7).random((n, dim), dtype=np.float32)
