"""What a connection checks once when it connects: the server's meta document (its version,
old enough for this client or not)."""

from __future__ import annotations

from typing import Any

from weaviate_async.exceptions import WeaviateStartUpError

__all__ = ["MIN_SERVER_VERSION", "parse_version", "server_version"]

MIN_SERVER_VERSION = (1, 27, 0)


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.39.0"`` or ``"1.39.0-rc.1"`` -> ``(1, 39, 0)``."""
    core = text.strip().lstrip("v").split("-")[0].split("+")[0]
    parts = [int(p) if p.isdigit() else 0 for p in core.split(".")[:3]]
    while len(parts) < 3:
        parts.append(0)
    return parts[0], parts[1], parts[2]


def server_version(meta: Any, base_url: str) -> tuple[int, int, int]:
    """The version in the server's ``/v1/meta`` answer; raises WeaviateStartUpError when it is
    no meta document or names a version older than :data:`MIN_SERVER_VERSION`."""
    if not isinstance(meta, dict) or "version" not in meta:
        raise WeaviateStartUpError(
            f"{base_url}/meta did not answer Weaviate's meta document",
            operation="connect",
            target="/v1/meta",
        )
    version = parse_version(str(meta["version"]))
    if version < MIN_SERVER_VERSION:
        minimum = ".".join(map(str, MIN_SERVER_VERSION))
        raise WeaviateStartUpError(
            f"Weaviate {meta['version']} is too old for this client; it needs {minimum} or newer",
            operation="connect",
            target="/v1/meta",
        )
    return version
