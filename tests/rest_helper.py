"""A tiny blocking REST client for test setup and checks, independent of the client under test:
collections and tenants are made, and objects read back, with plain urllib."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any


class Rest:
    """``/v1`` calls against one server; ``call`` returns (status, decoded body or None)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/") + "/v1"

    def call(
        self, method: str, path: str, body: Any = None, params: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.url + path + query,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as resp:
                raw = resp.read()
                status = resp.status
        except urllib.error.HTTPError as err:
            raw = err.read()
            status = err.code
        return status, (json.loads(raw) if raw else None)

    def ok(self, method: str, path: str, body: Any = None, **params: str) -> Any:
        """The body of a call that must succeed."""
        status, out = self.call(method, path, body, params or None)
        assert status in (200, 204), (status, out)
        return out

    def create(self, schema: dict[str, Any], tenants: list[str] | None = None) -> None:
        """Create a collection (and its tenants)."""
        self.ok("POST", "/schema", schema)
        if tenants:
            self.ok("POST", f"/schema/{schema['class']}/tenants", [{"name": t} for t in tenants])

    def get_object(self, collection: str, uuid: Any, tenant: str | None = None) -> Any:
        """The object as the server has it, vectors included; None when it does not exist."""
        params = {"include": "vector"}
        if tenant is not None:
            params["tenant"] = tenant
        status, out = self.call("GET", f"/objects/{collection}/{uuid}", params=params)
        assert status in (200, 404), (status, out)
        return out if status == 200 else None

    def beacons(
        self, collection: str, uuid: Any, prop: str, tenant: str | None = None
    ) -> list[str]:
        """The beacons of a reference property of an object, in order."""
        obj = self.get_object(collection, uuid, tenant)
        assert obj is not None
        return [ref["beacon"] for ref in obj["properties"].get(prop) or []]
