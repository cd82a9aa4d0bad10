"""``GenerativeConfig.meta`` (generative-meta, new in 4.24): the ``GenerativeProvider`` it
becomes is byte for byte the official client's for the same arguments, and the provider's
metadata (token usage) is read from a reply. A query with it runs against the real server in
tests/integration/test_generate_meta.py."""

from __future__ import annotations

from typing import Any

import pytest

from weaviate_async.classes.generate import GenerativeConfig
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.proto.weaviate.v1 import generative_pb2
from weaviate_async.wire import generative as gen
from weaviate_async.wire.search import _generative_metadata

CASES: list[dict[str, Any]] = [
    {},
    {"model": "Llama-4-Maverick", "temperature": 0.5, "top_p": 0.9, "max_tokens": 64},
    {"base_url": "https://llama.example/v1", "frequency_penalty": 0.1, "presence_penalty": 0.2},
    {"reasoning_effort": "none"},
    {"reasoning_effort": "xhigh"},
]


def _official(kwargs: dict[str, Any], **opts: Any) -> bytes:
    from weaviate.classes.generate import GenerativeConfig as TheirConfig
    from weaviate.collections.classes.generative import _GenerativeConfigRuntimeOptions

    provider: Any = TheirConfig.meta(**kwargs)
    message = provider._to_grpc(_GenerativeConfigRuntimeOptions(**opts))
    return bytes(message.SerializeToString(deterministic=True))


@pytest.mark.parametrize("kwargs", CASES)
def test_the_provider_is_the_official_clients(kwargs: dict[str, Any]) -> None:
    ours = gen.provider_pb(GenerativeConfig.meta(**kwargs), return_metadata=True)
    assert ours.SerializeToString(deterministic=True) == _official(kwargs, return_metadata=True)


def test_images_travel_with_it() -> None:
    ours = gen.provider_pb(
        GenerativeConfig.meta(model="m"), images=["aGk="], image_properties=["poster"]
    )
    theirs = _official({"model": "m"}, images=["aGk="], image_properties=["poster"])
    assert ours.SerializeToString(deterministic=True) == theirs


def test_an_unknown_reasoning_effort_names_the_field() -> None:
    with pytest.raises(WeaviateInvalidInputError) as bad:
        GenerativeConfig.meta(reasoning_effort="extreme")
    assert bad.value.field == "reasoning_effort"


def test_its_metadata_is_read() -> None:
    reply = generative_pb2.GenerativeReply(result="hi")
    reply.metadata.meta.usage.prompt_tokens = 12
    reply.metadata.meta.usage.total_tokens = 20
    meta = _generative_metadata(reply)
    assert isinstance(meta, generative_pb2.GenerativeMetaMetadata)
    assert (meta.usage.prompt_tokens, meta.usage.total_tokens) == (12, 20)
