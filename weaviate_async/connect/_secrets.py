"""Secrets in memory and on the wire: what keeps API keys, tokens and passwords out of sight.

Three mechanisms, each closing a channel through which a secret used to show:

* :class:`Secret`, a ``str`` whose ``repr`` is ``'***'``. The client holds every secret header
  value (the ``authorization`` value, module API keys such as ``X-OpenAI-Api-Key``, proxy
  credentials) as one, so that the containers holding them (gRPC metadata, aiohttp's header
  mapping, the connection's attributes) print without them: in a traceback with captured locals
  (Sentry, ``traceback.TracebackException(capture_locals=True)``, rich's ``show_locals``), in a
  debugger, in a log line that formats a container. The value itself is unchanged: ``str()``,
  formatting, ``encode()``, comparison and hashing see the secret, so it is sent as before.
* :class:`SecretHeader`, a metadata entry (an hpack ``NeverIndexedHeaderTuple``) whose ``repr``
  hides its value, and :class:`NeverIndexingEncoder`, the HPACK encoder of every HTTP/2
  connection grpclib and the blocking path open: it sends each secret header as a literal
  "never indexed" (RFC 7541, 7.1.3), so that it never enters the connection's dynamic table
  (where later headers are compressed against it) and intermediaries must not index it either.
  Such a header is encoded as a plain literal, kept per connection (see ``add``).
* :class:`HpackBlockFilter`, a logging filter on the ``hpack.hpack`` logger: hpack logs every
  encoded header block at DEBUG, literals included. While the encoder encodes secret headers it
  names their values (plain and Huffman-coded) to the filter (for this thread only), which
  replaces them by ``<redacted>`` in that one record. Every other record of hpack is left as it
  is; with the logger above DEBUG nothing runs at all.

grpcio's HTTP/2 is in its C core, which compresses metadata its own way and logs headers only
with ``GRPC_TRACE`` (an environment variable for debugging grpcio itself, outside Python logging).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable, Mapping
from typing import Any, SupportsIndex, cast

from hpack import Encoder
from hpack.hpack import INDEX_NEVER, INDEX_NONE
from hpack.struct import NeverIndexedHeaderTuple

__all__ = [
    "HpackBlockFilter",
    "NeverIndexingEncoder",
    "Secret",
    "SecretHeader",
    "hidden_headers",
    "install_hpack_filter",
    "hide",
    "is_secret_header",
    "never_index",
    "secret_header",
    "secret_metadata",
]

# A header whose name holds one of these carries a credential (``authorization``,
# ``proxy-authorization``, ``x-openai-api-key``, ``x-aws-secret-key``, ``x-goog-vertex-api-key``,
# session tokens, cookies).
_SECRET_WORDS = ("authorization", "key", "token", "secret", "password", "cookie", "credential")
_REDACTED = "'***'"


@functools.lru_cache(maxsize=512)
def is_secret_header(name: str | bytes) -> bool:
    """Whether a header of this name carries a credential (by its name, in any case)."""
    text = name.decode("latin-1") if isinstance(name, bytes) else name
    lowered = text.lower()
    return any(word in lowered for word in _SECRET_WORDS)


class Secret(str):
    """A string that does not show itself in ``repr`` (``'***'``); otherwise the same string.

    Slices are secrets too: rich's traceback shows a long string's first characters as a
    slice of it.

    Examples:
        >>> key = Secret("Bearer s3cret")
        >>> repr([("authorization", key)])
        "[('authorization', '***')]"
        >>> key == "Bearer s3cret" and f"{key}" == "Bearer s3cret"
        True
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return _REDACTED

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        return Secret(str.__getitem__(self, key))


def hide(value: str) -> str:
    """``value`` as a :class:`Secret` (unchanged when it is one already)."""
    return value if isinstance(value, Secret) else Secret(value)


def hidden_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """``headers`` with the values of secret headers (:func:`is_secret_header`) as
    :class:`Secret`."""
    return {
        name: hide(value) if isinstance(value, str) and is_secret_header(name) else value
        for name, value in headers.items()
    }


class SecretHeader(NeverIndexedHeaderTuple):
    """A metadata entry ``(name, value)`` whose ``repr`` hides the value, sent never-indexed by
    h2's HPACK encoder."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"({self[0]!r}, {_REDACTED})"


def secret_header(name: str, value: str) -> tuple[str, str]:
    """The metadata entry ``(name, value)`` as a :class:`SecretHeader` of a :class:`Secret`."""
    # hpack types HeaderTuple as a pair of bytes; h2 and grpclib take str pairs as well.
    return cast("tuple[str, str]", SecretHeader(name, hide(value)))


def secret_metadata(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Metadata entries, those of secret headers as :class:`SecretHeader` with a
    :class:`Secret` value."""
    out: list[tuple[str, str]] = []
    for name, value in items:
        if isinstance(value, str) and is_secret_header(name):
            out.append(secret_header(name, value))
        else:
            out.append((name, value))
    return out


_HPACK_LOGGER = logging.getLogger("hpack.hpack")
# Headers whose value is new on every request (the trace context of the attempt).
_PER_REQUEST = frozenset({b"traceparent", b"tracestate"})
_encoding = threading.local()


class NeverIndexingEncoder(Encoder):
    """hpack's encoder, sending secret headers (:func:`is_secret_header`) never-indexed.

    grpclib and the blocking path turn header normalization off in h2 (h2's own rule marks
    ``authorization`` never-indexed only when it normalizes), and grpclib rebuilds metadata
    entries as plain tuples; this encoder decides by the header's name, whatever the path.
    """

    def encode(self, headers: Any, huffman: bool = True) -> bytes:
        """Encode ``headers`` (an iterable of pairs), secret ones never-indexed."""
        # The client's own secret entries arrive as SecretHeader (a HeaderTuple) already; the
        # others are plain pairs, checked by name (a cached lookup).
        marked = [
            NeverIndexedHeaderTuple(header[0], header[1])
            if type(header) is tuple and is_secret_header(header[0])
            else header
            for header in headers
        ]
        if not _HPACK_LOGGER.isEnabledFor(logging.DEBUG):
            return super().encode(marked, huffman)
        values = [
            value.encode() if isinstance(value, str) else bytes(value)
            for name, value in marked
            if is_secret_header(name)
        ]
        if not values:
            return super().encode(marked, huffman)
        forms = (
            values + [self.huffman_coder.encode(value) for value in values] if huffman else values
        )
        _encoding.forms = forms
        try:
            return super().encode(marked, huffman)
        finally:
            _encoding.forms = None

    def add(self, to_add: tuple[bytes, bytes], sensitive: bool, huffman: bool = False) -> bytes:
        """One header's representation; a sensitive one a plain literal, never indexed."""
        if to_add[0] in _PER_REQUEST:
            # The W3C trace context differs on every request: indexing it would only evict
            # useful entries, and looking it up and Huffman-coding it cost more than all the
            # call's other headers. A plain literal without indexing costs a few bytes more.
            return self._encode_literal(*to_add, INDEX_NONE, False)
        if not sensitive:
            return super().add(to_add, sensitive, huffman)
        # A never-indexed header is encoded anew on every call (it is never in the table):
        # hpack would look it up in its tables (one Python comparison per entry) and Huffman-code
        # it (pure Python), which together cost about as much as all other headers of a call.
        # A plain literal costs a few bytes more.
        # Such a representation depends on the header alone: kept per connection, a call costs
        # a lookup (bounded: tokens change when refreshed).
        literals: dict[tuple[bytes, bytes], bytes] = self.__dict__.setdefault("_literals", {})
        encoded = literals.get(to_add)
        if encoded is None:
            if len(literals) >= 32:
                literals.clear()
            encoded = literals[to_add] = self._encode_literal(*to_add, INDEX_NEVER, False)
        return encoded


class HpackBlockFilter(logging.Filter):
    """Replaces the encoded forms of secret header values in hpack's "Encoded header block"
    record (see the module's docstring); every other record passes unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record, redacted when it holds a secret being encoded."""
        forms: list[bytes] | None = getattr(_encoding, "forms", None)
        if forms and isinstance(record.args, tuple):
            args = []
            for arg in record.args:
                if isinstance(arg, (bytes, bytearray)):
                    for form in forms:
                        if form:
                            arg = bytes(arg).replace(form, b"<redacted>")
                args.append(arg)
            record.args = tuple(args)
        return True


_FILTER = HpackBlockFilter()


def install_hpack_filter() -> None:
    """Put :class:`HpackBlockFilter` on hpack's logger (once)."""
    if _FILTER not in _HPACK_LOGGER.filters:
        _HPACK_LOGGER.addFilter(_FILTER)


def never_index(h2_connection: Any) -> None:
    """Give a new h2 connection (before it has sent any header) a :class:`NeverIndexingEncoder`."""
    install_hpack_filter()
    encoder = NeverIndexingEncoder()
    # Its state as it is (a table size the peer may have set already).
    encoder.__dict__.update(h2_connection.encoder.__dict__)
    h2_connection.encoder = encoder
