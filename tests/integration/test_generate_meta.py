"""``GenerativeConfig.meta`` (generative-meta, new in 4.24) and ``GenerativeConfig.digitalocean``
against a real server with the modules on: the server calls a local stand-in of the provider's
chat-completions API (the only part that is not real), and what it was asked, the generated
text and the provider's token usage come back through the client."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import DEFAULT_MODULES, EmbeddedOptions, EmbeddedServer
from weaviate_async.proto.weaviate.v1 import generative_pb2


class FakeLlama:
    """``POST /v1/chat/completions`` answering "llama says: <prompt>" with a token usage, and
    keeping every request body it got."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # the server's HTTP method name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                content = body["messages"][-1]["content"]
                prompt = content if isinstance(content, str) else content[0]["text"]
                reply = {
                    "choices": [
                        {
                            "message": {"role": "assistant", "content": f"llama says: {prompt}"},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10},
                }
                raw = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def llama() -> Iterator[FakeLlama]:
    fake = FakeLlama()
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def meta_server() -> Iterator[EmbeddedServer]:
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            modules=(*DEFAULT_MODULES, "generative-meta", "generative-digitalocean"),
            additional_env_vars={"META_APIKEY": "test-key", "DIGITALOCEAN_APIKEY": "test-key"},
        )
    ).start()
    yield srv
    srv.stop()


@pytest.fixture
async def meta_client(meta_server: EmbeddedServer) -> AsyncIterator[WeaviateAsyncClient]:
    s = meta_server
    c = await weaviate_async.connect_to_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    try:
        yield c
    finally:
        await c.close()


# generative-meta ships with 1.39.3 (seen missing on 1.37.0 and 1.39.0)
@pytest.mark.min_server("1.39.3")
async def test_meta_provider_generates_with_its_options_and_usage(
    meta_client: WeaviateAsyncClient, llama: FakeLlama, collection_name: str
) -> None:
    collection = await meta_client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        generative_config=Configure.Generative.custom("generative-meta"),
    )
    try:
        await collection.data.insert({"title": "alpaca"}, vector=[1.0, 0.0])
        llama.requests.clear()
        res = await collection.generate.fetch_objects(
            single_prompt=GenerativeParameters.single_prompt("About {title}", metadata=True),
            generative_provider=GenerativeConfig.meta(
                base_url=llama.url,
                model="Llama-test",
                temperature=0.25,
                max_tokens=42,
                reasoning_effort="low",
            ),
        )
        generated = res.objects[0].generative
        assert generated is not None and generated.text == "llama says: About alpaca"
        metadata = generated.metadata
        assert isinstance(metadata, generative_pb2.GenerativeMetaMetadata)
        assert (metadata.usage.prompt_tokens, metadata.usage.total_tokens) == (7, 10)
        (sent,) = llama.requests
        assert sent["model"] == "Llama-test" and sent["temperature"] == 0.25
        assert sent["max_completion_tokens"] == 42 and sent["reasoning_effort"] == "low"
    finally:
        await meta_client.collections.delete(collection_name)


async def test_digitalocean_provider_at_query_time(
    meta_client: WeaviateAsyncClient, llama: FakeLlama, collection_name: str
) -> None:
    # The collection's own module is another one: the provider of the call overrides it.
    collection = await meta_client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        generative_config=Configure.Generative.custom("generative-meta"),
    )
    try:
        await collection.data.insert({"title": "shark"}, vector=[1.0, 0.0])
        llama.requests.clear()
        res = await collection.generate.fetch_objects(
            single_prompt=GenerativeParameters.single_prompt("About {title}", metadata=True),
            generative_provider=GenerativeConfig.digitalocean(
                base_url=llama.url,
                model="llama3-test",
                temperature=0.5,
                max_tokens=21,
                stop=["END"],
            ),
        )
        generated = res.objects[0].generative
        assert generated is not None and generated.text == "llama says: About shark"
        metadata = generated.metadata
        assert isinstance(metadata, generative_pb2.GenerativeDigitalOceanMetadata)
        assert (metadata.usage.prompt_tokens, metadata.usage.total_tokens) == (7, 10)
        (sent,) = llama.requests
        assert sent["model"] == "llama3-test" and sent["temperature"] == 0.5
        assert sent["stop"] == ["END"]
        assert 21 in (sent.get("max_tokens"), sent.get("max_completion_tokens")), sent
    finally:
        await meta_client.collections.delete(collection_name)
