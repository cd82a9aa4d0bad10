"""The configuration area's loose ends against the real server: RQ centering and training
limit, multi-target references built with ``ReferenceProperty.MultiTarget``, module-name enums
in the read models, ``client.integrations.configure`` reaching REST and gRPC calls, and the
official exception names catching the server's errors.

For the integrations, the server's text2vec-openai module is pointed (by the
``X-Openai-Baseurl`` header that ``Integrations.openai(base_url=...)`` sets) at a small
OpenAI-compatible embeddings endpoint served by the test, which records the headers the server
calls it with: the API key there is the one configured on the client. REST is exercised by
``data.insert`` and gRPC by ``query.hybrid`` (the server vectorizes the query). Batch inserts are
not used: offline, the server's batch vectorizer for OpenAI cannot load its tokenizer (tiktoken
data is downloaded at first use) and v1.39.0 fails the objects with a nil-pointer panic.
"""

from __future__ import annotations

import http.server
import json
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import weaviate_async
from tests.conftest import server_at_least
from weaviate_async.classes.config import (
    Configure,
    DataType,
    GenerativeSearches,
    Integrations,
    Property,
    Reconfigure,
    ReferenceProperty,
    RQConfig,
    VectorIndexConfigHNSW,
    Vectorizers,
)
from weaviate_async.connect import ConnectionParams
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import ObjectAlreadyExistsError, UnexpectedStatusCodeError

# ------------------------------------------------------------------------------------------
# RQ centering and training limit
# ------------------------------------------------------------------------------------------


async def test_rq_centering_and_training_limit_are_accepted(
    client: Any, collection_name: str
) -> None:
    vi = Configure.VectorIndex
    # 1.39.3 refuses centering with other than 4 bits ("RQ centering requires bits=4")
    bits = 4 if server_at_least("1.39.3") else 8
    col = await client.collections.create(
        collection_name,
        vector_config=Configure.Vectors.self_provided(
            vector_index_config=vi.hnsw(
                quantizer=vi.Quantizer.rq(
                    bits=bits, rescore_limit=30, centering=True, training_limit=5000
                )
            )
        ),
    )
    schema = await client._connection.rest("GET", f"/schema/{collection_name}", operation="t")
    rq = schema["vectorConfig"]["default"]["vectorIndexConfig"]["rq"]
    assert (rq["enabled"], rq["bits"], rq["rescoreLimit"]) == (True, bits, 30)
    # v1.39.0 accepts both options and does not keep them (its RQ settings have no such keys);
    # a newer server keeps them, and the read model then reports them.
    cfg = await col.config.get()
    index = cfg.vector_config["default"].vector_index_config
    assert isinstance(index, VectorIndexConfigHNSW) and isinstance(index.quantizer, RQConfig)
    assert index.quantizer.rescore_limit == 30
    assert (index.quantizer.centering, index.quantizer.training_limit) == (
        rq.get("centering"),
        rq.get("trainingLimit"),
    )

    def update(centering: bool | None) -> Any:
        return col.config.update(
            vector_config=Reconfigure.Vectors.update(
                vector_index_config=Reconfigure.VectorIndex.hnsw(
                    quantizer=Reconfigure.VectorIndex.Quantizer.rq(
                        rescore_limit=40, centering=centering, training_limit=10
                    )
                )
            )
        )

    if server_at_least("1.39.3"):
        # 1.39.3 keeps centering and refuses to change it
        with pytest.raises(UnexpectedStatusCodeError, match="centering is immutable"):
            await update(centering=False)
        await update(centering=None)
    else:
        await update(centering=False)
    cfg = await col.config.get()
    index = cfg.vector_config["default"].vector_index_config
    assert isinstance(index, VectorIndexConfigHNSW) and isinstance(index.quantizer, RQConfig)
    assert (index.quantizer.rescore_limit, index.quantizer.bits) == (40, bits)


# ------------------------------------------------------------------------------------------
# MultiTarget references, module-name enums, digitalocean
# ------------------------------------------------------------------------------------------


async def test_multi_target_reference_and_module_enums(client: Any, collection_name: str) -> None:
    other = collection_name + "Other"
    await client.collections.create(other)
    try:
        col = await client.collections.create(
            collection_name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            references=[
                ReferenceProperty.MultiTarget(
                    name="refs", target_collections=[collection_name, other]
                )
            ],
            vector_config=Configure.Vectors.text2vec_openai(name="v", source_properties=["title"]),
            generative_config=Configure.Generative.openai(model="gpt-4o"),
            reranker_config=Configure.Reranker.cohere(model="rerank-v3.5"),
        )
        cfg = await col.config.get()
        (ref,) = cfg.references
        assert ref.name == "refs" and ref.target_collections == [collection_name, other]
        assert cfg.vector_config["v"].vectorizer.vectorizer is Vectorizers.TEXT2VEC_OPENAI
        assert cfg.generative_config.generative is GenerativeSearches.OPENAI
        assert cfg.reranker_config.reranker == "reranker-cohere"
        # the read model with enums recreates the same collection
        await client.collections.delete(collection_name)
        again = await client.collections.create_from_config(cfg)
        assert (await again.config.get()).to_dict() == cfg.to_dict()
    finally:
        await client.collections.delete(other)


async def test_generative_digitalocean_reaches_the_module_lookup(
    client: Any, collection_name: str
) -> None:
    config = Configure.Generative.digitalocean(model="llama3.3-70b-instruct")
    if "generative-digitalocean" in (await client.get_meta())["modules"]:
        # 1.39.3 has the module (enabled by the test server): the configuration is kept
        created = await client.collections.create(collection_name, generative_config=config)
        generative = (await created.config.get()).generative_config
        assert generative is not None and generative.generative == "generative-digitalocean"
        assert generative.model["model"] == "llama3.3-70b-instruct"
        return
    # Weaviate v1.39.0 and older have no such module: the server names it when refusing
    with pytest.raises(UnexpectedStatusCodeError, match="generative-digitalocean"):
        await client.collections.create(collection_name, generative_config=config)


# ------------------------------------------------------------------------------------------
# Integrations: headers reach REST and gRPC calls
# ------------------------------------------------------------------------------------------


class _Embeddings:
    """An OpenAI-compatible ``/v1/embeddings`` endpoint (in a thread) that records the headers
    of each call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, str]] = []
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                endpoint.calls.append(
                    {
                        "path": self.path,
                        "authorization": self.headers.get("Authorization", ""),
                        "organization": self.headers.get("OpenAI-Organization", ""),
                    }
                )
                reply = json.dumps(
                    {
                        "object": "list",
                        "data": [
                            {"object": "embedding", "index": i, "embedding": [0.1 * (i + 1), 0.2]}
                            for i, _ in enumerate(body["input"])
                        ],
                        "model": body.get("model", "m"),
                        "usage": {"prompt_tokens": 1, "total_tokens": 1},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                for name, value in RATE_LIMITS.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def keys(self) -> list[str]:
        assert all(call["path"] == "/v1/embeddings" for call in self.calls)
        return [call["authorization"] for call in self.calls]


# Generous limits, so that the server's batch vectorizer never waits.
RATE_LIMITS = {
    "x-ratelimit-limit-requests": "10000",
    "x-ratelimit-limit-tokens": "10000000",
    "x-ratelimit-remaining-requests": "9999",
    "x-ratelimit-remaining-tokens": "9999999",
    "x-ratelimit-reset-requests": "1s",
    "x-ratelimit-reset-tokens": "1s",
}


@pytest.fixture
def embeddings() -> Iterator[_Embeddings]:
    endpoint = _Embeddings()
    try:
        yield endpoint
    finally:
        endpoint.close()


def _openai(endpoint: _Embeddings, key: str) -> Any:
    return Integrations.openai(
        api_key=key,
        organization="org-test",
        base_url=endpoint.url,
        requests_per_minute_embeddings=1000,
        tokens_per_minute_embeddings=1_000_000,
    )


async def _openai_collection(client: Any, name: str) -> Any:
    return await client.collections.create(
        name,
        properties=[Property(name="text", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.text2vec_openai(source_properties=["text"]),
    )


async def test_configured_headers_reach_rest_and_grpc_calls(
    client: Any, collection_name: str, embeddings: _Embeddings
) -> None:
    col = await _openai_collection(client, collection_name)
    # without a key the server cannot vectorize: the module asks for one
    with pytest.raises(UnexpectedStatusCodeError, match=r"(?i)api key"):
        await col.data.insert({"text": "no key yet"})
    assert embeddings.calls == []

    client.integrations.configure(_openai(embeddings, "key-one"))
    uuid = await col.data.insert({"text": "over REST"})  # POST /v1/objects
    assert embeddings.keys() == ["Bearer key-one"]
    assert embeddings.calls[0]["organization"] == "org-test"

    res = await col.query.hybrid("over", alpha=1.0, limit=3)  # gRPC Search vectorizes the query
    assert [o.uuid for o in res.objects] == [uuid]
    assert embeddings.keys() == ["Bearer key-one", "Bearer key-one"]

    # a second configure replaces the key, for REST and gRPC alike
    client.integrations.configure([_openai(embeddings, "key-two")])
    before = len(embeddings.calls)
    assert (await col.query.hybrid("over", alpha=1.0, limit=3)).objects
    await col.data.insert({"text": "after the change"})
    assert embeddings.keys()[before:] == ["Bearer key-two", "Bearer key-two"]
    assert await col.data.exists(uuid)


async def test_headers_configured_before_connecting(
    server: EmbeddedServer, collection_name: str, embeddings: _Embeddings
) -> None:
    client = weaviate_async.WeaviateAsyncClient(
        connection_params=ConnectionParams.from_params(
            http_host=server.host,
            http_port=server.http_port,
            http_secure=False,
            grpc_host=server.host,
            grpc_port=server.grpc_port,
            grpc_secure=False,
        ),
        additional_headers={"X-OpenAI-Api-Key": "from-additional-headers"},
    )
    # replaces the header given at construction (same name, other case)
    client.integrations.configure(_openai(embeddings, "before-connect"))
    async with client:
        col = await _openai_collection(client, collection_name)
        await col.data.insert({"text": "rest"})
        await col.query.hybrid("rest", alpha=1.0)
    assert embeddings.keys() == ["Bearer before-connect", "Bearer before-connect"]


def test_sync_client_integrations(
    sync_client: Any, collection_name: str, embeddings: _Embeddings
) -> None:
    sync_client.integrations.configure(_openai(embeddings, "sync-key"))
    col = sync_client.collections.create(
        collection_name,
        properties=[Property(name="text", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.text2vec_openai(source_properties=["text"]),
    )
    col.data.insert({"text": "sync"})
    assert col.query.hybrid("sync", alpha=1.0).objects
    assert embeddings.keys() == ["Bearer sync-key", "Bearer sync-key"]


# ------------------------------------------------------------------------------------------
# The official exception names catch the server's errors
# ------------------------------------------------------------------------------------------


async def test_deprecated_exception_names_catch_server_errors(
    client: Any, collection_name: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from weaviate_async.exceptions import (
            ObjectAlreadyExistsException,
            UnexpectedStatusCodeException,
        )
    await client.collections.create(collection_name)
    with pytest.raises(ObjectAlreadyExistsException) as info:
        await client.collections.create(collection_name)
    assert isinstance(info.value, ObjectAlreadyExistsError)
    try:
        await client.collections.create(collection_name)
    except UnexpectedStatusCodeException as e:  # the official spelling still catches
        assert e.status_code == 422
    else:
        pytest.fail("the second create must fail")


# ------------------------------------------------------------------------------------------
# The Meta generative module (4.24): collection settings and a per-call provider reach it
# ------------------------------------------------------------------------------------------


class _ChatCompletions:
    """An OpenAI-style ``/v1/chat/completions`` endpoint (in a thread), standing in for Meta's
    Llama API: it records each request body and answers with a fixed completion."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                body["_path"] = self.path
                body["_auth"] = self.headers.get("Authorization", "")
                endpoint.bodies.append(body)
                reply = json.dumps(
                    {
                        "choices": [
                            {
                                "message": {"role": "assistant", "content": "a llama wrote this"},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


# generative-meta ships with 1.39.3 (seen missing on 1.37.0 and 1.39.0)
@pytest.mark.min_server("1.39.3")
async def test_meta_generative_module_at_collection_and_query_time(
    server: EmbeddedServer, collection_name: str
) -> None:
    from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters

    chat = _ChatCompletions()
    client = weaviate_async.WeaviateAsyncClient(
        connection_params=ConnectionParams.from_params(
            http_host=server.host,
            http_port=server.http_port,
            http_secure=False,
            grpc_host=server.host,
            grpc_port=server.grpc_port,
            grpc_secure=False,
        ),
        additional_headers={"X-Meta-Api-Key": "meta-key"},
    )
    try:
        async with client:
            col = await client.collections.create(
                collection_name,
                properties=[Property(name="title", data_type=DataType.TEXT)],
                generative_config=Configure.Generative.meta(
                    base_url=chat.url, model="Llama-4-Scout", max_tokens=16
                ),
            )
            await col.data.insert({"title": "llamas"})
            cfg = await col.config.get()
            assert cfg.generative_config.generative == GenerativeSearches.META

            res = await col.generate.fetch_objects(single_prompt="Tell me about {title}")
            assert res.objects[0].generated == "a llama wrote this"
            first = chat.bodies[-1]
            assert first["_path"] == "/v1/chat/completions"
            assert first["_auth"] == "Bearer meta-key"
            assert (first["model"], first["max_completion_tokens"]) == ("Llama-4-Scout", 16)

            res = await col.generate.fetch_objects(
                single_prompt=GenerativeParameters.single_prompt(
                    "Tell me about {title}", metadata=True
                ),
                generative_provider=GenerativeConfig.meta(
                    base_url=chat.url,
                    model="Llama-4-Maverick",
                    temperature=0.25,
                    top_p=0.5,
                    max_tokens=8,
                    frequency_penalty=0.125,
                    presence_penalty=0.375,
                    reasoning_effort="xhigh",
                ),
            )
            generated = res.objects[0].generative
            assert generated is not None and generated.text == "a llama wrote this"
            assert generated.metadata is not None and generated.metadata.usage.total_tokens == 7
            sent = chat.bodies[-1]
            assert {k: sent[k] for k in ("model", "temperature", "top_p")} == {
                "model": "Llama-4-Maverick",
                "temperature": 0.25,
                "top_p": 0.5,
            }
            assert sent["max_completion_tokens"] == 8
            assert (sent["frequency_penalty"], sent["presence_penalty"]) == (0.125, 0.375)
            assert sent["reasoning_effort"] == "xhigh"
    finally:
        chat.close()
