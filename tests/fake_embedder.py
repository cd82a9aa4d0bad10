"""A tiny embedding service for tests: the OpenAI-style ``POST /v1/embeddings`` that Weaviate's
``multi2vec-nvidia`` module calls, served in a thread on a free loopback port.

The Weaviate server stays real; this stands in for the third-party model it would call, so
that ``near_text`` and ``near_image`` work offline with known vectors. No offline module of
Weaviate v1.39 serves these searches in an aggregation: ``text2vec-bigram`` declares no
``nearText`` argument (the server refuses it for Aggregate) and ``multi2vec-dummy`` is no
registered module.

An input's vector counts the words of :data:`WORDS` in it, plus a constant last component (so
no vector is zero). An image arrives as ``data:image/png;base64,...``; its bytes are read as
text, so an "image" holding ``b"cherry"`` lands next to the text ``"cherry"``.

Example:
    >>> with FakeEmbedder() as embedder:
    ...     Configure.Vectors.multi2vec_nvidia(base_url=embedder.url, text_fields=["title"])
"""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

__all__ = ["WORDS", "FakeEmbedder", "embed"]

#: The vocabulary: one vector component per word.
WORDS = ("apple", "banana", "cherry")


def embed(text: str) -> list[float]:
    """The vector of ``text`` (or of a ``data:`` URI holding text bytes)."""
    if text.startswith("data:"):
        text = base64.b64decode(text.split(",", 1)[1]).decode("utf-8", "replace")
    words = text.lower().split()
    return [float(words.count(word)) for word in WORDS] + [0.1]


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body: dict[str, Any] = json.loads(self.rfile.read(length) or b"{}")
        inputs = body.get("input") or []
        self.server.inputs.extend(inputs)  # type: ignore[attr-defined]
        data = [
            {"object": "embedding", "index": i, "embedding": embed(text)}
            for i, text in enumerate(inputs)
        ]
        out = json.dumps({"id": "fake", "model": body.get("model", ""), "data": data}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FakeEmbedder:
    """The embedding service; ``url`` is the base URL to configure, ``inputs`` what was asked."""

    def __init__(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.inputs = []  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def inputs(self) -> list[str]:
        """Every input the service embedded, in order."""
        out: list[str] = self._server.inputs  # type: ignore[attr-defined]
        return out

    def __enter__(self) -> FakeEmbedder:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
