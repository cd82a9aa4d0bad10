"""The configuration area's loose ends, without a server: module-name enums in the read models,
StopwordsCreate, ReferenceProperty.MultiTarget, Generative.digitalocean, RQ centering and
training limit, Integrations, the official exception names, util helpers, types, outputs and
weaviate.config options. Where the official client defines the behaviour, it is the oracle."""

from __future__ import annotations

import base64
import io
import os
import uuid
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest
import weaviate.connect.integrations as official_integrations
import weaviate.exceptions as official_exceptions
import weaviate.util as official_util

import weaviate_async.exceptions as exc
import weaviate_sync
from weaviate_async import util
from weaviate_async.classes.config import (
    CollectionConfig,
    Configure,
    GenerativeSearches,
    IndexName,
    Integrations,
    Reconfigure,
    ReferenceProperty,
    Rerankers,
    RQConfig,
    StopwordsCreate,
    StopwordsPreset,
    Vectorizers,
)
from weaviate_async.classes.config_collection import collection_create_json
from weaviate_async.config import AdditionalConfig, ConnectionConfig, GrpcConfig, Timeout
from weaviate_async.connect.errors import http_error
from weaviate_async.connect.integrations import _Integrations, merge_headers
from weaviate_async.connect.oidc import resolve_scopes
from weaviate_async.embedded import EmbeddedOptions, find_binary
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.wire.config import collection_config_from_json

UID = "3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b"


def field_of(call: Any) -> str | None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        call()
    return info.value.field


# ------------------------------------------------------------------------------------------
# Read models hold the module-name enums
# ------------------------------------------------------------------------------------------


def test_read_models_hold_module_enums_and_write_back_plain_names() -> None:
    schema = {
        "class": "Article",
        "vectorizer": "text2vec-openai",
        "moduleConfig": {
            "text2vec-openai": {"model": "ada", "vectorizeClassName": True},
            "generative-openai": {"model": "gpt-4o"},
            "reranker-dummy": {},
        },
        "properties": [],
    }
    cfg = collection_config_from_json(schema)
    assert cfg.vectorizer is Vectorizers.TEXT2VEC_OPENAI
    assert cfg.vectorizer_config is not None
    assert cfg.vectorizer_config.vectorizer is Vectorizers.TEXT2VEC_OPENAI
    assert cfg.generative_config is not None
    assert cfg.generative_config.generative is GenerativeSearches.OPENAI
    assert cfg.generative_config.generative == "generative-openai"
    # a module the enum does not list stays its name
    assert cfg.reranker_config is not None and cfg.reranker_config.reranker == "reranker-dummy"
    assert not isinstance(cfg.reranker_config.reranker, Rerankers)
    out = cfg.to_dict()
    assert out["vectorizer"] == "text2vec-openai" and type(out["vectorizer"]) is str
    assert all(type(k) is str for k in out["moduleConfig"])
    assert orjson.loads(orjson.dumps(out))["moduleConfig"]["generative-openai"] == {
        "model": "gpt-4o"
    }


def test_named_vector_reads_vectorizer_enum() -> None:
    cfg = collection_config_from_json(
        {
            "class": "A",
            "vectorConfig": {
                "v": {"vectorizer": {"text2vec-cohere": {"properties": ["t"]}}},
                "w": {"vectorizer": {"text2vec-bigram": {}}},
            },
            "properties": [],
        }
    )
    assert cfg.vector_config is not None
    assert cfg.vector_config["v"].vectorizer.vectorizer is Vectorizers.TEXT2VEC_COHERE
    assert cfg.vector_config["w"].vectorizer.vectorizer == "text2vec-bigram"
    assert cfg.to_dict()["vectorConfig"]["v"]["vectorizer"] == {
        "text2vec-cohere": {"properties": ["t"]}
    }
    assert isinstance(cfg, CollectionConfig)


def test_index_name_is_the_official_literal() -> None:
    assert IndexName.__args__ == ("searchable", "filterable", "rangeFilters")  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------------
# StopwordsCreate, MultiTarget, digitalocean, RQ
# ------------------------------------------------------------------------------------------


def test_stopwords_create() -> None:
    assert StopwordsCreate().to_json() == {}
    s = StopwordsCreate(preset="none", additions=["via"], removals=["a"])
    assert s.preset is StopwordsPreset.NONE
    assert s.to_json() == {"preset": "none", "additions": ["via"], "removals": ["a"]}
    assert field_of(lambda: StopwordsCreate(preset="fr")) == "preset"
    assert field_of(lambda: StopwordsCreate(additions="via")) == "additions"  # type: ignore[arg-type]
    assert field_of(lambda: StopwordsCreate(removals=[1])) == "removals"  # type: ignore[list-item]
    # the inverted index builds its stopwords with it
    inv = Configure.inverted_index(stopwords_preset="en", stopwords_removals=["a"])
    assert inv.to_json()["stopwords"] == {"preset": "en", "removals": ["a"]}


def test_multi_target_reference_is_a_constructor() -> None:
    ref = ReferenceProperty.MultiTarget(name="refs", target_collections=["article", "Author"])
    assert isinstance(ref, ReferenceProperty)
    assert isinstance(ref, ReferenceProperty.MultiTarget)
    assert ref.target_collections == ["Article", "Author"]
    assert ref.to_json() == {"name": "refs", "dataType": ["Article", "Author"]}
    body = collection_create_json("Book", references=[ref])
    assert {"name": "refs", "dataType": ["Article", "Author"]} in body["properties"]
    assert (
        field_of(lambda: ReferenceProperty.MultiTarget(name="r", target_collections="Article"))
        == "target_collections"
    )
    assert field_of(lambda: ReferenceProperty.MultiTarget(name="id", target_collections=["A"])) == (
        "name"
    )
    with pytest.raises(TypeError):
        ReferenceProperty.MultiTarget("refs", ["A"])  # type: ignore[misc]  # keyword-only


def test_generative_digitalocean() -> None:
    g = Configure.Generative.digitalocean(
        base_url="https://inference.do-ai.run",
        model="llama3.3-70b-instruct",
        temperature=0.5,
        top_p=0.9,
        max_tokens=100,
        frequency_penalty=0.1,
        presence_penalty=0.2,
        stop=["\n"],
    )
    assert g.module == "generative-digitalocean" == GenerativeSearches.DIGITALOCEAN
    assert g.to_json() == {
        "baseURL": "https://inference.do-ai.run",
        "model": "llama3.3-70b-instruct",
        "temperature": 0.5,
        "topP": 0.9,
        "maxTokens": 100,
        "frequencyPenalty": 0.1,
        "presencePenalty": 0.2,
        "stop": ["\n"],
    }
    assert Reconfigure.Generative.digitalocean().to_json() == {}
    assert field_of(lambda: Configure.Generative.digitalocean(top_p=2)) == "top_p"
    assert field_of(lambda: Configure.Generative.digitalocean(base_url="x")) == "base_url"


def test_rq_centering_and_training_limit() -> None:
    q = Configure.VectorIndex.Quantizer.rq(bits=8, centering=True, training_limit=5000)
    assert q.to_json() == {"enabled": True, "bits": 8, "centering": True, "trainingLimit": 5000}
    index = Configure.VectorIndex.hnsw(quantizer=q).to_json()
    assert index["rq"]["centering"] is True
    update = Reconfigure.VectorIndex.Quantizer.rq(centering=False, training_limit=10)
    current = {"rq": {"enabled": True, "bits": 8, "rescoreLimit": 20}}
    update.merge_with_existing(current)
    assert current["rq"] == {
        "enabled": True,
        "bits": 8,
        "rescoreLimit": 20,
        "centering": False,
        "trainingLimit": 10,
    }
    rq = Configure.VectorIndex.Quantizer.rq
    assert field_of(lambda: rq(centering="yes")) == "centering"  # type: ignore[arg-type]
    assert field_of(lambda: rq(training_limit=0)) == "training_limit"
    assert field_of(lambda: Reconfigure.VectorIndex.Quantizer.rq(training_limit=1.5)) == (  # type: ignore[arg-type]
        "training_limit"
    )
    read = collection_config_from_json(
        {
            "class": "A",
            "vectorIndexType": "hnsw",
            "vectorIndexConfig": {"rq": {"enabled": True, "centering": True, "trainingLimit": 9}},
            "properties": [],
        }
    )
    assert isinstance(read.vector_index_config.quantizer, RQConfig)  # type: ignore[union-attr]
    assert read.vector_index_config.quantizer.centering is True  # type: ignore[union-attr]
    assert read.vector_index_config.quantizer.training_limit == 9  # type: ignore[union-attr]


# ------------------------------------------------------------------------------------------
# Integrations
# ------------------------------------------------------------------------------------------

INTEGRATION_CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "cohere",
        {"api_key": "k", "base_url": "https://c.example", "requests_per_minute_embeddings": 5},
    ),
    ("huggingface", {"api_key": "k", "requests_per_minute_embeddings": 7}),
    (
        "openai",
        {
            "api_key": "k",
            "organization": "org",
            "requests_per_minute_embeddings": 1,
            "tokens_per_minute_embeddings": 2,
            "base_url": "https://o.example",
        },
    ),
    ("voyageai", {"api_key": "k", "tokens_per_minute_embeddings": 3}),
    ("jinaai", {"api_key": "k", "base_url": "https://j.example"}),
    ("mistral", {"api_key": "k", "request_per_minute_embeddings": 4}),
    ("openai", {"api_key": "only-the-key"}),
]


@pytest.mark.parametrize(("provider", "kwargs"), INTEGRATION_CASES)
def test_integration_headers_match_the_official_client(
    provider: str, kwargs: dict[str, Any]
) -> None:
    ours = getattr(Integrations, provider)(**kwargs)._to_header()
    official = getattr(official_integrations.Integrations, provider)(**kwargs)._to_header()
    assert ours == official


def test_integration_validation() -> None:
    assert field_of(lambda: Integrations.openai(api_key="")) == "api_key"
    assert field_of(lambda: Integrations.cohere(api_key=None)) == "api_key"  # type: ignore[arg-type]
    assert (
        field_of(lambda: Integrations.openai(api_key="k", requests_per_minute_embeddings=0))
        == "requests_per_minute_embeddings"
    )
    assert field_of(lambda: Integrations.jinaai(api_key="k", base_url=3)) == "base_url"  # type: ignore[arg-type]


def test_configure_collects_headers_once() -> None:
    seen: list[dict[str, str]] = []
    integrations = _Integrations(lambda headers: seen.append(dict(headers)))
    integrations.configure(Integrations.cohere(api_key="c"))
    integrations.configure([Integrations.openai(api_key="o"), Integrations.voyageai(api_key="v")])
    assert seen == [
        {"X-Cohere-Api-Key": "c"},
        {"X-Openai-Api-Key": "o", "X-Voyageai-Api-Key": "v"},
    ]
    assert field_of(lambda: integrations.configure([Integrations.openai(api_key="o"), "x"])) == (  # type: ignore[list-item]
        "integrations_config[1]"
    )
    assert field_of(lambda: integrations.configure("x")) == "integrations_config"  # type: ignore[arg-type]
    assert len(seen) == 2  # nothing applied by the refused calls


def test_merge_headers_replaces_case_insensitively() -> None:
    merged = merge_headers({"X-OpenAI-Api-Key": "old", "X-Other": "1"}, {"X-Openai-Api-Key": "new"})
    assert merged == {"X-Other": "1", "X-Openai-Api-Key": "new"}


# ------------------------------------------------------------------------------------------
# Exceptions
# ------------------------------------------------------------------------------------------

ALIASES = {
    name: value.__name__
    for name, value in vars(official_exceptions).items()
    if isinstance(value, type)
    and issubclass(value, Exception)
    and value.__module__ == "weaviate.exceptions"
    and name != value.__name__
}


def test_official_alias_list_is_what_we_expect() -> None:
    assert len(ALIASES) == 14 and ALIASES["UnexpectedStatusCodeException"] == (
        "UnexpectedStatusCodeError"
    )


@pytest.mark.parametrize("alias", sorted(ALIASES))
@pytest.mark.parametrize("package", ["weaviate_async", "weaviate_sync"])
def test_deprecated_alias_warns_and_is_the_class(package: str, alias: str) -> None:
    module = __import__(f"{package}.exceptions", fromlist=["x"])
    with pytest.warns(DeprecationWarning, match=alias) as record:
        cls = getattr(module, alias)
    assert record[0].filename == __file__  # the warning points at the user's line
    assert cls is getattr(exc, ALIASES[alias])
    assert alias not in exc.__all__


def test_except_deprecated_alias_catches_our_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from weaviate_async.exceptions import UnexpectedStatusCodeException
    error = http_error(422, b'{"error":[{"message":"bad"}]}', operation="op", target="/x")
    with pytest.raises(UnexpectedStatusCodeException):
        raise error
    with pytest.raises(AttributeError):
        exc.NoSuchException  # noqa: B018


OFFICIAL_CLASSES = {
    name: value
    for name, value in vars(official_exceptions).items()
    if isinstance(value, type)
    and issubclass(value, Exception)
    and value.__module__ == "weaviate.exceptions"
    and name == value.__name__
    and not name.startswith("_")
}


@pytest.mark.parametrize("name", sorted(OFFICIAL_CLASSES))
def test_every_official_exception_class_with_its_official_parents(name: str) -> None:
    ours = getattr(exc, name)
    assert ours.__doc__ and len(ours.__doc__) > 20
    for parent in OFFICIAL_CLASSES[name].__mro__[1:]:
        if parent.__module__ == "weaviate.exceptions":
            assert issubclass(ours, getattr(exc, parent.__name__)), parent.__name__
    if issubclass(OFFICIAL_CLASSES[name], official_exceptions.WeaviateBaseError):
        assert issubclass(ours, exc.WeaviateBaseError)
    else:
        assert not issubclass(ours, exc.WeaviateBaseError)


def test_new_exception_constructors() -> None:
    retry = exc.WeaviateRetryError("boom", 3)
    assert retry.count == 3 and "3 retries" in str(retry) and "boom" in str(retry)
    invalid = exc.WeaviateInsertInvalidPropertyError({"id": 1, "title": "t"})
    assert isinstance(invalid, WeaviateInvalidInputError) and invalid.field == "properties"
    assert "'id'" in str(invalid)
    assert "TypedDict" in str(exc.InvalidDataModelError("list[int]"))
    assert "1.2" in str(exc.WeaviateProtobufIncompatibility("1.2", "3.4"))
    assert exc.WeaviateEmbeddedInvalidVersionError("latest").version == "latest"
    feature = exc.WeaviateUnsupportedFeatureError("Thing", "1.30.0", "1.32.0")
    assert (feature.server_version, feature.minimum_version) == ("1.30.0", "1.32.0")
    assert "needs Weaviate 1.32.0" in str(feature)
    assert isinstance(exc.WeaviateBatchSendError("x"), exc.WeaviateQueryError)


def test_payload_too_large_gets_the_hint() -> None:
    error = http_error(413, b"", operation="batch", target="/batch/objects")
    assert exc.ERROR_CODE_EXPLANATION[413] in str(error)
    assert exc.ERROR_CODE_EXPLANATION[413] not in str(
        http_error(400, b"", operation="batch", target="/batch/objects")
    )


def test_missing_scope_error() -> None:
    from weaviate_async.auth import Auth

    with pytest.raises(exc.MissingScopeError) as info:
        resolve_scopes(Auth.client_credentials("secret"), [])
    assert isinstance(info.value, exc.AuthenticationFailedError)


def test_embedded_invalid_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WEAVIATE_BINARY", raising=False)
    monkeypatch.setenv("WEAVIATE_ASYNC_CACHE", str(tmp_path))
    for version in ("latest", "../1.39.0", "1.39"):
        with pytest.raises(exc.WeaviateEmbeddedInvalidVersionError):
            find_binary(EmbeddedOptions(version=version, allow_download=False))
    binary = tmp_path / "weaviate-server"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    # an explicit binary does not need a release version
    assert find_binary(EmbeddedOptions(version="latest", binary_path=str(binary))) == binary


# ------------------------------------------------------------------------------------------
# util (the official client is the oracle)
# ------------------------------------------------------------------------------------------

URLS = [
    f"weaviate://localhost/{UID}",
    f"weaviate://localhost/Article/{UID}",
    f"weaviate://example.com/Article/{UID}",
    f"weaviate://bad_host/Article/{UID}",
    f"weaviate://localhost/A/B/{UID}",
    "weaviate://localhost/Article/not-a-uuid",
    f"http://localhost:8080/v1/objects/{UID}",
    f"/v1/objects/Article/{UID.upper()}",
    f"http://localhost:8080/v1/things/{UID}",
    UID,
    "",
]


@pytest.mark.parametrize("url", URLS)
def test_url_helpers_match_the_official_client(url: str) -> None:
    assert util.is_weaviate_object_url(url) == official_util.is_weaviate_object_url(url)
    assert util.is_object_url(url) == official_util.is_object_url(url)
    try:
        expected: str | None = official_util.get_valid_uuid(url)
    except ValueError:
        expected = None
    if expected is None:
        assert field_of(lambda: util.get_valid_uuid(url)) == "uuid"
    else:
        assert util.get_valid_uuid(url) == expected
    if url.startswith("weaviate://"):
        assert util.get_domain_from_weaviate_url(url) == official_util.get_domain_from_weaviate_url(
            url
        )


def test_get_valid_uuid_types() -> None:
    assert util.get_valid_uuid(uuid.UUID(UID)) == UID
    assert field_of(lambda: util.get_valid_uuid(42)) == "uuid"  # type: ignore[arg-type]


class _Series:
    """Something with the pandas / polars ``to_list`` conversion only."""

    def to_list(self) -> list[float]:
        return [1.0, 2.5]


def test_get_vector() -> None:
    assert util.get_vector([1, 2.5]) == [1.0, 2.5]
    assert util.get_vector((1, 2)) == [1.0, 2.0]
    assert util.get_vector(np.array([[0.5, 0.25]], dtype=np.float32)) == [0.5, 0.25]
    assert util.get_vector(np.array([[1, 2], [3, 4]])) == [[1.0, 2.0], [3.0, 4.0]]
    assert util.get_vector([np.float32(1), np.int64(2)]) == [1.0, 2.0]
    assert util.get_vector(_Series()) == [1.0, 2.5]
    assert util.get_vector(np.array([0.1, 0.2])) == official_util.get_vector(np.array([0.1, 0.2]))
    assert field_of(lambda: util.get_vector("12")) == "vector"
    assert field_of(lambda: util.get_vector([1, float("nan")])) == "vector[1]"
    assert field_of(lambda: util.get_vector([1, None])) == "vector[1]"
    assert field_of(lambda: util.get_vector([[1, 2], [3, "x"]])) == "vector[1][1]"
    assert field_of(lambda: util.get_vector(object())) == "vector"


@pytest.mark.parametrize("size", [0, 10, util.BYTES_PER_CHUNK, util.BYTES_PER_CHUNK * 3 + 7])
def test_base64_helpers_match_the_official_client(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    expected = base64.b64encode(data).decode()
    assert util.file_encoder_b64(str(path)) == expected == official_util.file_encoder_b64(str(path))
    assert util.file_encoder_b64(path) == expected
    with path.open("rb") as stream:
        assert util.file_encoder_b64(stream) == expected
        assert not stream.closed
    with path.open("rb") as stream:
        assert util.image_encoder_b64(stream) == expected
    assert util.image_encoder_b64(str(path)) == official_util.image_encoder_b64(str(path))
    assert util.file_decoder_b64(expected) == data == util.image_decoder_b64(expected)
    assert util.parse_blob(str(path)) == expected == util.parse_blob(path)
    assert util.parse_blob("aGVsbG8=") == "aGVsbG8=" == official_util.parse_blob("aGVsbG8=")


def test_base64_helpers_refuse(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.jpg")
    assert field_of(lambda: util.file_encoder_b64(missing)) == "file_or_file_path"
    assert field_of(lambda: util.image_encoder_b64(missing)) == "image_or_image_path"
    assert field_of(lambda: util.image_encoder_b64(Path(missing))) == "image_or_image_path"  # type: ignore[arg-type]
    assert field_of(lambda: util.file_encoder_b64(io.BytesIO(b"x"))) == "file_or_file_path"  # type: ignore[arg-type]
    assert field_of(lambda: util.parse_blob(3)) == "media"  # type: ignore[arg-type]
    assert field_of(lambda: util.parse_blob(Path(missing))) == "file_or_file_path"


@pytest.mark.parametrize("version", ["v1.39.2", "1.39.0", "1.7", "2", "v1.16.0-rc.1"])
def test_version_helpers(version: str) -> None:
    assert util.parse_version_string(version) == official_util.parse_version_string(version)
    for latest in ("4.23.1", "1.40.0", "garbage"):
        assert util.is_weaviate_client_too_old(
            version, latest
        ) == official_util.is_weaviate_client_too_old(version, latest)


def test_server_too_old_uses_this_clients_minimum() -> None:
    from weaviate_async.connect.connection import MIN_SERVER_VERSION

    assert util.parse_version_string(util.MINIMUM_NO_WARNING_VERSION) == MIN_SERVER_VERSION[:2]
    assert util.is_weaviate_too_old("1.26.9") and not util.is_weaviate_too_old("v1.27.0")
    assert field_of(lambda: util.parse_version_string("abc")) == "ver_str"


def test_string_helpers_and_batch_result(capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("a/b c?d", "Ärger&x=1", ""):
        assert util.escape_string(value) == official_util.escape_string(value)
    assert util.strip_newlines("a\nb\n") == "a b "
    for url in ("https://x.weaviate.cloud", "http://localhost", "https://SEMI.technology/x"):
        assert util.is_weaviate_domain(url) == official_util.is_weaviate_domain(url)
    results = [
        {"result": {}},
        {"result": {"errors": {"error": [{"message": "bad"}]}}},
        {"id": "x"},
    ]
    util.check_batch_result(results)
    ours = capsys.readouterr().out
    official_util.check_batch_result(results)
    assert ours == capsys.readouterr().out and "bad" in ours
    util.check_batch_result(None)
    assert capsys.readouterr().out == ""


# ------------------------------------------------------------------------------------------
# types, outputs, weaviate.config
# ------------------------------------------------------------------------------------------


def test_types_tables_match_the_official_client() -> None:
    import weaviate.types as official_types

    from weaviate_async import types

    assert types.DATATYPE_TO_PYTHON_TYPE == official_types.DATATYPE_TO_PYTHON_TYPE
    assert types.PYTHON_TYPE_TO_DATATYPE == official_types.PYTHON_TYPE_TO_DATATYPE
    assert types.BEACON == official_types.BEACON
    assert weaviate_sync.types.WeaviateProperties is types.WeaviateProperties


@pytest.mark.parametrize("area", ["config", "query", "batch"])
def test_outputs_names_are_official_names(area: str) -> None:
    import importlib

    ours = importlib.import_module(f"weaviate_async.outputs.{area}")
    official = importlib.import_module(f"weaviate.outputs.{area}")
    twin = importlib.import_module(f"weaviate_sync.outputs.{area}")
    extra = set(ours.__all__) - set(official.__all__)
    if area == "config":
        # the official module lists only some read models; ours holds them all
        assert extra <= set(importlib.import_module("weaviate_async.classes.config").__all__)
    else:
        assert not extra, f"outputs.{area} names not in the official module: {extra}"
    for name in ours.__all__:
        assert getattr(twin, name) is getattr(ours, name)


def test_config_options_of_the_official_client() -> None:
    assert AdditionalConfig(timeout=(5, 50)).timeout == Timeout(query=5, insert=50)
    assert Timeout(stream=30).stream == 30 and Timeout().stream is None
    assert field_of(lambda: Timeout(stream=0)) == "timeout.stream"
    assert ConnectionConfig(10, 50, 3, 5).session_pool_maxsize == 50
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ConnectionConfig(session_pool_max_retries=3, session_pool_timeout=5)  # defaults: silent
        AdditionalConfig(grpc_config=None)
    with pytest.warns(DeprecationWarning, match="RetryConfig"):
        ConnectionConfig(session_pool_max_retries=10)
    with pytest.warns(DeprecationWarning, match="Timeout"):
        ConnectionConfig(session_pool_timeout=1)
    with pytest.warns(DeprecationWarning, match="grpclib"):
        cfg = AdditionalConfig(grpc_config=GrpcConfig(channel_options=[("a", 1)]))
    assert cfg.grpc_config is not None
