"""The connection options every command shares, and the client they make."""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io.remote import ConnectionSettings

if TYPE_CHECKING:
    from weaviate_async.client import WeaviateAsyncClient

__all__ = ["Target", "connect"]


@attrs.frozen(repr=False)
class Target:
    """Where to connect and how (the API key is never shown: ``repr`` leaves it out).

    Attributes:
        url: the server's REST address, ``http(s)://host[:port]``.
        grpc_port: its gRPC port.
        api_key: the API key, or None.
        headers: extra headers, ``Name: value`` each.
        embedded: start an embedded server instead.
    """

    url: str = "http://localhost:8080"
    grpc_port: int = 50051
    api_key: str | None = None
    headers: Sequence[str] = ()
    embedded: bool = False

    def __repr__(self) -> str:
        key = ", api_key=<hidden>" if self.api_key else ""
        return f"Target(url={self.url!r}, grpc_port={self.grpc_port}{key})"

    def header_map(self) -> dict[str, str]:
        """The ``--header`` values as a mapping."""
        out: dict[str, str] = {}
        for item in self.headers:
            name, sep, value = item.partition(":")
            if not sep or not name.strip():
                # Not the item itself: it may be an API key given without its name.
                raise WeaviateInvalidInputError(
                    f"--header: expected 'Name: value', got {len(item)} characters without ':'"
                    if not sep
                    else "--header: expected 'Name: value', got an empty name"
                )
            out[name.strip()] = value.strip()
        return out

    def address(self, option: str = "--url") -> tuple[str, int, bool]:
        """Host, REST port and whether TLS is used, from the URL (``option``: the command-line
        option it came from, which the error names)."""
        parsed = urllib.parse.urlsplit(self.url if "://" in self.url else f"http://{self.url}")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise WeaviateInvalidInputError(
                f"{option}: expected http(s)://host[:port], got {self.url!r}"
            )
        secure = parsed.scheme == "https"
        try:
            port = parsed.port or (443 if secure else 80)
        except ValueError as exc:
            raise WeaviateInvalidInputError(f"{option}: {exc}") from exc
        return parsed.hostname, port, secure

    def settings(self) -> ConnectionSettings:
        """The same place as the :class:`~weaviate_async.io.remote.ConnectionSettings` that
        the distributed writers use (one way of connecting for both)."""
        host, port, secure = self.address()
        return ConnectionSettings(
            http_host=host,
            http_port=port,
            http_secure=secure,
            grpc_port=self.grpc_port,
            grpc_secure=secure,
            headers=self.header_map(),
            api_key=self.api_key,
        )


async def connect(target: Target) -> WeaviateAsyncClient:
    """A connected client for ``target``."""
    if target.embedded:
        import weaviate_async

        return await weaviate_async.connect_to_embedded(headers=target.header_map() or None)
    return await target.settings().connect()
