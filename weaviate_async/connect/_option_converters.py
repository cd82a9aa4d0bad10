"""The converters of the client's option classes: the official client's shorthand forms (a
``(query, insert)`` tuple of time limits, one proxy URL for every protocol) made into the
classes of :mod:`weaviate_async.connect._option_parts`."""

from __future__ import annotations

from weaviate_async.connect._option_parts import Proxies, Timeout

__all__ = ["_to_proxies", "_to_timeout"]


def _to_timeout(value: Timeout | tuple[float, float] | None) -> Timeout:
    """A converter: the official client's ``(query, insert)`` tuple or None as a ``Timeout``."""
    if value is None:
        return Timeout()
    if isinstance(value, tuple):
        return Timeout(query=value[0], insert=value[1])
    return value


def _to_proxies(value: str | Proxies | None) -> Proxies | None:
    """A converter: one proxy URL as the proxy of every protocol."""
    if isinstance(value, str):
        return Proxies(http=value, https=value, grpc=value)
    return value
