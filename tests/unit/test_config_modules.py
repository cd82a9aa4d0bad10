"""Module factories without a server: module names, settings keys, validation errors."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
    _VectorizerConfigCreate,
)
from weaviate_async.classes.config_generative import _Generative as G
from weaviate_async.classes.config_index import _VectorIndex as I
from weaviate_async.classes.config_rerankers import _Reranker as R
from weaviate_async.classes.config_vectorizers import Multi2VecField as F
from weaviate_async.classes.config_vectorizers import _MultiVectors as M
from weaviate_async.classes.config_vectorizers import _NamedVectors as N
from weaviate_async.classes.config_vectorizers import _Vectorizer as Z
from weaviate_async.classes.config_vectorizers import _Vectors as V
from weaviate_async.exceptions import WeaviateInvalidInputError

NAMESPACES: dict[str, Any] = {
    "Vectors": V,
    "MultiVectors": M,
    "NamedVectors": N,
    "Vectorizer": Z,
    "Generative": G,
    "Reranker": R,
}


def factories(ns: Any) -> list[str]:
    return sorted(n for n in dir(ns) if not n.startswith("_"))


def vec(cfg: _VectorConfigCreate) -> tuple[str, dict[str, Any]]:
    return cfg.vectorizer.module, cfg.vectorizer.to_json()


# ------------------------------------------------------------------------------------------
# Surface
# ------------------------------------------------------------------------------------------


def test_factory_counts() -> None:
    assert len(factories(V)) == 39
    assert len(factories(M)) == 4
    assert len(factories(N)) == 32
    assert len(factories(Z)) == 31
    assert len(factories(G)) == 24
    assert len(factories(R)) == 8


@pytest.mark.parametrize("ns_name", list(NAMESPACES))
def test_every_factory_has_a_docstring(ns_name: str) -> None:
    ns = NAMESPACES[ns_name]
    assert ns.__doc__
    for name in factories(ns):
        assert getattr(ns, name).__doc__, f"{ns_name}.{name}"


def test_official_parameter_names_and_defaults() -> None:
    sig = inspect.signature(V.text2vec_openai)
    assert sig.parameters["vectorize_collection_name"].default is True
    assert sig.parameters["name"].default is None
    assert sig.parameters["type_"].default is None
    assert list(inspect.signature(N.text2vec_azure_openai).parameters)[:3] == [
        "name",
        "resource_name",
        "deployment_id",
    ]
    assert inspect.signature(Z.text2vec_transformers).parameters["pooling_strategy"].default == (
        "masked_mean"
    )
    assert inspect.signature(V.ref2vec_centroid).parameters["method"].default == "mean"
    assert inspect.signature(V.text2vec_aws).parameters["service"].default == "bedrock"


# ------------------------------------------------------------------------------------------
# Vectors: module names and settings keys
# ------------------------------------------------------------------------------------------


def test_self_provided() -> None:
    cfg = V.self_provided()
    assert cfg.name is None
    assert vec(cfg) == ("none", {})
    assert cfg.vector_index_config is None
    assert cfg.to_json() == {"vectorizer": {"none": {}}}


def test_text2vec_openai_keys() -> None:
    cfg = V.text2vec_openai(
        name="body",
        model="text-embedding-3-small",
        dimensions=512,
        base_url="https://api.openai.com",
        endpoint="/embed",
        source_properties=["title"],
        vectorize_collection_name=False,
    )
    assert cfg.name == "body"
    assert vec(cfg) == (
        "text2vec-openai",
        {
            "model": "text-embedding-3-small",
            "dimensions": 512,
            "baseURL": "https://api.openai.com",
            "endpoint": "/embed",
            "properties": ["title"],
            "vectorizeClassName": False,
            "isAzure": False,
        },
    )


def test_text2vec_openai_legacy_model_keys() -> None:
    _, s = vec(V.text2vec_openai(model="ada", model_version="002", type_="code"))
    assert s["modelVersion"] == "002" and s["type"] == "code"


def test_azure_openai_keys() -> None:
    _, s = vec(V.text2vec_azure_openai(resource_name="r", deployment_id="d", dimensions=10))
    assert s == {
        "resourceName": "r",
        "deploymentId": "d",
        "dimensions": 10,
        "isAzure": True,
        "vectorizeClassName": True,
    }


@pytest.mark.parametrize(
    ("cfg", "module", "expected"),
    [
        (
            lambda: V.text2vec_aws_sagemaker(
                endpoint="e", region="r", target_model="m", target_variant="v"
            ),
            "text2vec-aws",
            {"endpoint": "e", "region": "r", "service": "sagemaker", "targetModel": "m"},
        ),
        (
            lambda: V.text2vec_aws_bedrock(model="m", region="r", dimensions=3),
            "text2vec-aws",
            {"model": "m", "region": "r", "service": "bedrock", "dimensions": 3},
        ),
        (
            lambda: V.text2vec_cohere(model="m", truncate="END", dimensions=3),
            "text2vec-cohere",
            {"model": "m", "truncate": "END", "dimensions": 3},
        ),
        (
            lambda: V.text2vec_google(project_id="p", model="m", task_type="t", location="l"),
            "text2vec-google",
            {"projectId": "p", "modelId": "m", "taskType": "t", "location": "l"},
        ),
        (
            lambda: V.text2vec_google_gemini(model="m", title_property="title"),
            "text2vec-google",
            {
                "apiEndpoint": "generativelanguage.googleapis.com",
                "modelId": "m",
                "titleProperty": "title",
            },
        ),
        (
            lambda: V.text2vec_huggingface(model="m", wait_for_model=True, use_gpu=False),
            "text2vec-huggingface",
            {"model": "m", "options": {"waitForModel": True, "useGPU": False}},
        ),
        (
            lambda: V.text2vec_huggingface(endpoint_url="https://h.example"),
            "text2vec-huggingface",
            {"endpointURL": "https://h.example"},
        ),
        (
            lambda: V.text2vec_transformers(
                passage_inference_url="http://p", query_inference_url="http://q"
            ),
            "text2vec-transformers",
            {
                "poolingStrategy": "masked_mean",
                "passageInferenceUrl": "http://p",
                "queryInferenceUrl": "http://q",
            },
        ),
        (
            lambda: V.text2vec_ollama(api_endpoint="http://o:11434", model="m"),
            "text2vec-ollama",
            {"apiEndpoint": "http://o:11434", "model": "m"},
        ),
        (
            lambda: V.text2vec_model2vec(inference_url="http://m"),
            "text2vec-model2vec",
            {"inferenceUrl": "http://m"},
        ),
        (
            lambda: V.text2vec_morph(model="m", endpoint="/e"),
            "text2vec-morph",
            {"model": "m", "endpoint": "/e"},
        ),
        (
            lambda: V.text2vec_nvidia(truncate=True),
            "text2vec-nvidia",
            {"truncate": True},
        ),
        (
            lambda: V.text2vec_voyageai(truncate=False, dimensions=3),
            "text2vec-voyageai",
            {"truncate": False, "dimensions": 3},
        ),
        (
            lambda: V.text2vec_databricks(endpoint="https://d", instruction="i"),
            "text2vec-databricks",
            {"endpoint": "https://d", "instruction": "i"},
        ),
        (
            lambda: V.text2vec_digitalocean(model="m"),
            "text2vec-digitalocean",
            {"model": "m"},
        ),
        (lambda: V.text2vec_weaviate(dimensions=3), "text2vec-weaviate", {"dimensions": 3}),
        (lambda: V.text2vec_jinaai(model="j"), "text2vec-jinaai", {"model": "j"}),
        (lambda: V.text2vec_mistral(model="m"), "text2vec-mistral", {"model": "m"}),
        (lambda: V.text2vec_gpt4all(), "text2vec-gpt4all", {"vectorizeClassName": True}),
        (
            lambda: V.text2vec_contextionary(),
            "text2vec-contextionary",
            {"vectorizeClassName": True},
        ),
        (lambda: V.img2vec_neural(image_fields=["i"]), "img2vec-neural", {"imageFields": ["i"]}),
        (
            lambda: V.ref2vec_centroid(reference_properties=["r"]),
            "ref2vec-centroid",
            {"referenceProperties": ["r"], "method": "mean"},
        ),
        (
            lambda: V.multi2vec_bind(imu_fields=["a"], depth_fields=["b"]),
            "multi2vec-bind",
            {"imuFields": ["a"], "depthFields": ["b"]},
        ),
        (
            lambda: V.multi2vec_clip(inference_url="http://c", text_fields=["t"]),
            "multi2vec-clip",
            {"inferenceUrl": "http://c", "textFields": ["t"]},
        ),
        (
            lambda: V.multi2vec_voyageai(truncation=True, video_fields=["v"]),
            "multi2vec-voyageai",
            {"truncate": True, "videoFields": ["v"]},
        ),
        (
            lambda: V.multi2vec_google(project_id="p", location="l", audio_fields=["a"]),
            "multi2vec-google",
            {"projectId": "p", "location": "l", "audioFields": ["a"]},
        ),
        (
            lambda: V.multi2vec_google_gemini(image_fields=["i"], model="m"),
            "multi2vec-google",
            {"apiEndpoint": "generativelanguage.googleapis.com", "modelId": "m"},
        ),
        (
            lambda: V.multi2vec_aws(region="r", model="m", dimensions=3),
            "multi2vec-aws",
            {"region": "r", "model": "m", "dimensions": 3},
        ),
        (
            lambda: V.multi2vec_twelvelabs(model="m", image_fields=["i"]),
            "multi2vec-twelvelabs",
            {"model": "m", "imageFields": ["i"]},
        ),
        (
            lambda: V.multi2vec_nvidia(truncation=False),
            "multi2vec-nvidia",
            {"truncation": False},
        ),
        (
            lambda: V.custom(module_name="text2vec-bigram", source_properties=["t"]),
            "text2vec-bigram",
            {"properties": ["t"]},
        ),
    ],
)
def test_vectors_module_and_keys(cfg: Any, module: str, expected: dict[str, Any]) -> None:
    got_module, got = vec(cfg())
    assert got_module == module
    for key, value in expected.items():
        assert got[key] == value, key


def test_multimodal_weights() -> None:
    _, s = vec(
        V.multi2vec_cohere(
            image_fields=[F(name="i", weight=0.7)],
            text_fields=[F(name="a", weight=0.2), F(name="b", weight=0.1)],
        )
    )
    assert s == {
        "imageFields": ["i"],
        "textFields": ["a", "b"],
        "weights": {"imageFields": [0.7], "textFields": [0.2, 0.1]},
    }


def test_multimodal_vectorize_collection_name_is_checked_and_never_sent() -> None:
    # The multi-modal modules do not vectorize the collection name: as in the official client
    # the flag defaults to True, is accepted and is not sent, in every form.
    assert vec(V.multi2vec_cohere(image_fields=["i"]))[1] == {"imageFields": ["i"]}
    assert vec(V.multi2vec_cohere(vectorize_collection_name=False))[1] == {}
    assert vec(N.multi2vec_clip("v", vectorize_collection_name=False))[1] == {}
    assert Z.multi2vec_bind(vectorize_collection_name=False).to_json() == {}
    with pytest.raises(WeaviateInvalidInputError) as info:
        V.multi2vec_cohere(vectorize_collection_name="yes")  # type: ignore[arg-type]
    assert info.value.field == "vectorize_collection_name"


def test_none_values_are_not_sent() -> None:
    _, s = vec(V.text2vec_cohere())
    assert s == {"vectorizeClassName": True}


def test_quantizer_goes_on_default_hnsw() -> None:
    cfg = V.self_provided(quantizer=I.Quantizer.bq())
    assert cfg.vector_index_config is not None
    assert cfg.vector_index_config.index_type() == "hnsw"
    assert "bq" in cfg.vector_index_config.to_json()


def test_quantizer_goes_on_given_index() -> None:
    cfg = V.text2vec_openai(vector_index_config=I.flat(), quantizer=I.Quantizer.bq())
    assert cfg.vector_index_config is not None
    assert cfg.vector_index_config.index_type() == "flat"
    assert "bq" in cfg.vector_index_config.to_json()


def test_quantizer_given_twice_is_refused() -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        V.self_provided(
            vector_index_config=I.hnsw(quantizer=I.Quantizer.pq()), quantizer=I.Quantizer.bq()
        )
    assert info.value.field == "quantizer"


# ------------------------------------------------------------------------------------------
# MultiVectors
# ------------------------------------------------------------------------------------------


def test_multivectors_default_to_multivector_hnsw() -> None:
    for cfg in (
        M.self_provided(),
        M.text2vec_jinaai(),
        M.multi2vec_jinaai(image_fields=["i"]),
        M.multi2vec_weaviate(image_field="i"),
        N.text2colbert_jinaai("c"),
    ):
        assert cfg.vector_index_config is not None
        assert cfg.vector_index_config.index_type() == "hnsw"
        assert cfg.vector_index_config.to_json()["multivector"]["enabled"] is True


def test_multivector_modules() -> None:
    assert vec(M.text2vec_jinaai())[0] == "text2multivec-jinaai"
    assert vec(M.multi2vec_jinaai(text_fields=["t"]))[0] == "multi2multivec-jinaai"
    assert vec(M.multi2vec_weaviate(image_field="i")) == (
        "multi2multivec-weaviate",
        {"imageFields": ["i"]},
    )


def test_multivector_encoding_and_given_index() -> None:
    cfg = M.self_provided(encoding=I.MultiVector.Encoding.muvera())
    assert cfg.vector_index_config is not None
    assert "muvera" in cfg.vector_index_config.to_json()["multivector"]
    given = M.self_provided(vector_index_config=I.hnsw(ef=10))
    assert given.vector_index_config is not None
    js = given.vector_index_config.to_json()
    assert js["ef"] == 10 and js["multivector"]["enabled"] is True


def test_multivector_refusals() -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        M.self_provided(vector_index_config=I.flat())
    assert info.value.field == "multi_vector_config"
    with pytest.raises(WeaviateInvalidInputError) as info:
        M.self_provided(
            encoding=I.MultiVector.Encoding.muvera(),
            multi_vector_config=I.MultiVector.multi_vector(),
        )
    assert info.value.field == "encoding"
    with pytest.raises(WeaviateInvalidInputError) as info:
        M.multi2vec_jinaai(image_fields=["i"], text_fields=["t"])
    assert info.value.field == "text_fields"


# ------------------------------------------------------------------------------------------
# Older forms share the builders
# ------------------------------------------------------------------------------------------


def test_named_vectors_match_vectors() -> None:
    assert N.text2vec_openai("v", model="m") == V.text2vec_openai(name="v", model="m")
    assert N.none("v") == V.self_provided(name="v")
    assert N.text2vec_google("v", "p", model_id="m") == V.text2vec_google(
        name="v", project_id="p", model="m"
    )
    assert N.text2vec_palm("v", "p") == N.text2vec_google("v", "p")
    assert N.multi2vec_palm("v", location="l", project_id="p") == N.multi2vec_google(
        "v", location="l", project_id="p"
    )


def test_vectorizer_legacy_forms() -> None:
    assert Z.none() == _VectorizerConfigCreate(module="none", settings={})
    assert Z.text2vec_openai("m") == V.text2vec_openai(model="m").vectorizer
    assert Z.text2vec_palm("p") == Z.text2vec_google("p")
    assert Z.multi2vec_clip(interference_url="http://x") == Z.multi2vec_clip(
        inference_url="http://x"
    )
    assert Z.custom("m", {"a": 1}) == _VectorizerConfigCreate(module="m", settings={"a": 1})
    with pytest.raises(WeaviateInvalidInputError) as info:
        Z.multi2vec_clip(interference_url="http://x", inference_url="http://y")
    assert info.value.field == "interference_url"


def test_named_vectors_require_a_name() -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        N.none(None)  # type: ignore[arg-type]
    assert info.value.field == "name"


# ------------------------------------------------------------------------------------------
# Validation errors name the field
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: V.self_provided(name="1bad"), "name"),
        (lambda: V.self_provided(name=""), "name"),
        (lambda: V.self_provided(vector_index_config="hnsw"), "vector_index_config"),  # type: ignore[arg-type]
        (lambda: V.text2vec_openai(dimensions=0), "dimensions"),
        (lambda: V.text2vec_openai(dimensions=True), "dimensions"),
        (lambda: V.text2vec_openai(type_="image"), "type_"),  # type: ignore[arg-type]
        (lambda: V.text2vec_openai(base_url="ftp://x"), "base_url"),
        (lambda: V.text2vec_openai(base_url="not a url"), "base_url"),
        (lambda: V.text2vec_openai(source_properties=[]), "source_properties"),
        (lambda: V.text2vec_openai(source_properties="title"), "source_properties"),  # type: ignore[arg-type]
        (lambda: V.text2vec_openai(vectorize_collection_name=None), "vectorize_collection_name"),  # type: ignore[arg-type]
        (lambda: V.text2vec_cohere(truncate="MIDDLE"), "truncate"),  # type: ignore[arg-type]
        (lambda: V.text2vec_aws(region="r", model=None), "model"),
        (lambda: V.text2vec_aws(region="", model="m"), "region"),
        (lambda: V.text2vec_aws(region="r", model="m", service="lambda"), "service"),
        (lambda: V.text2vec_aws(region="r", model="m", endpoint="e"), "endpoint"),
        (lambda: V.text2vec_aws_sagemaker(endpoint="", region="r"), "endpoint"),
        (lambda: V.text2vec_azure_openai(resource_name="", deployment_id="d"), "resource_name"),
        (lambda: V.text2vec_google(project_id=""), "project_id"),
        (lambda: V.text2vec_huggingface(model="a", endpoint_url="http://e"), "endpoint_url"),
        (lambda: V.text2vec_huggingface(passage_model="p"), "query_model"),
        (lambda: V.text2vec_transformers(pooling_strategy="max"), "pooling_strategy"),  # type: ignore[arg-type]
        (
            lambda: V.text2vec_transformers(
                inference_url="http://a", query_inference_url="http://b"
            ),
            "inference_url",
        ),
        (lambda: V.text2vec_digitalocean(model=""), "model"),
        (lambda: V.img2vec_neural(image_fields=[]), "image_fields"),
        (lambda: V.ref2vec_centroid(reference_properties=["r"], method="median"), "method"),  # type: ignore[arg-type]
        (lambda: V.multi2vec_clip(image_fields=[F(name="a", weight=1.0), "b"]), "image_fields"),  # type: ignore[arg-type]
        (
            lambda: V.multi2vec_clip(text_fields=[F(name="a", weight=float("nan"))]),
            "text_fields[0].weight",
        ),
        (lambda: V.multi2vec_google(project_id="p", location=""), "location"),
        (lambda: V.custom(module_name=""), "module_name"),
        (lambda: V.custom(module_name="m", module_config=[1]), "module_config"),  # type: ignore[arg-type]
        (
            lambda: V.custom(
                module_name="m", module_config={"properties": ["a"]}, source_properties=["b"]
            ),
            "source_properties",
        ),
        (lambda: M.multi2vec_weaviate(image_field=""), "image_field"),
        (lambda: G.openai(temperature=float("inf")), "temperature"),
        (lambda: G.openai(temperature=-1), "temperature"),
        (lambda: G.openai(top_p=2), "top_p"),
        (lambda: G.openai(max_tokens=0), "max_tokens"),
        (lambda: G.openai(reasoning_effort="extreme"), "reasoning_effort"),
        (lambda: G.openai(verbosity="loud"), "verbosity"),
        (lambda: G.azure_openai("", "d"), "resource_name"),
        (lambda: G.aws(model="m"), "region"),
        (lambda: G.aws_bedrock(model="", region="r"), "model"),
        (lambda: G.aws_sagemaker(region="r", endpoint=""), "endpoint"),
        (lambda: G.google(""), "project_id"),
        (lambda: G.google_gemini(max_output_tokens=0), "max_output_tokens"),
        (lambda: G.databricks(endpoint="nope"), "endpoint"),
        (lambda: G.cohere(k=-1), "k"),
        (lambda: G.anthropic(stop_sequences=[""]), "stop_sequences"),
        (lambda: G.contextualai(avoid_commentary="yes"), "avoid_commentary"),  # type: ignore[arg-type]
        (lambda: G.custom(""), "module_name"),
        (lambda: R.contextualai(top_n=0), "top_n"),
        (lambda: R.cohere(base_url="x"), "base_url"),
        (lambda: R.custom("r", {1: 2}), "module_config"),  # type: ignore[dict-item]
    ],
)
def test_invalid_input_names_the_field(call: Any, field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        call()
    assert info.value.field == field
    assert field in str(info.value)


# ------------------------------------------------------------------------------------------
# Generative and reranker
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "module", "expected"),
    [
        (
            lambda: G.openai(model="m", max_tokens=5, reasoning_effort="low"),
            "generative-openai",
            {"model": "m", "maxTokens": 5, "reasoningEffort": "low"},
        ),
        (
            lambda: G.azure_openai("r", "d", api_version="v"),
            "generative-openai",
            {"resourceName": "r", "deploymentId": "d", "apiVersion": "v"},
        ),
        (
            lambda: G.anthropic(top_k=3, stop_sequences=["x"]),
            "generative-anthropic",
            {"topK": 3, "stopSequences": ["x"]},
        ),
        (lambda: G.anyscale(temperature=0.5), "generative-anyscale", {"temperature": 0.5}),
        (
            lambda: G.aws(region="r", model="m"),
            "generative-aws",
            {"region": "r", "model": "m", "service": "bedrock"},
        ),
        (
            lambda: G.aws_sagemaker("r", "e", target_variant="v"),
            "generative-aws",
            {"region": "r", "endpoint": "e", "service": "sagemaker", "targetVariant": "v"},
        ),
        (
            lambda: G.cohere(k=2, return_likelihoods="NONE"),
            "generative-cohere",
            {"k": 2, "returnLikelihoods": "NONE"},
        ),
        (
            lambda: G.contextualai(max_new_tokens=9, system_prompt="s", knowledge=["k"]),
            "generative-contextualai",
            {"maxNewTokens": 9, "systemPrompt": "s", "knowledge": ["k"]},
        ),
        (
            lambda: G.databricks(endpoint="https://d", top_k=1),
            "generative-databricks",
            {"endpoint": "https://d", "topK": 1},
        ),
        (
            lambda: G.deepseek(stop=["s"], frequency_penalty=1),
            "generative-deepseek",
            {"stop": ["s"], "frequencyPenalty": 1},
        ),
        (lambda: G.dummy(), "generative-dummy", {}),
        (lambda: G.friendliai(model="m"), "generative-friendliai", {"model": "m"}),
        (
            lambda: G.google("p", max_output_tokens=10, model_id="m"),
            "generative-google",
            {"projectId": "p", "tokenLimit": 10, "modelId": "m"},
        ),
        (
            lambda: G.google_vertex("p", endpoint_id="e", region="r"),
            "generative-google",
            {"projectId": "p", "endpointId": "e", "region": "r"},
        ),
        (
            lambda: G.google_gemini(model="m"),
            "generative-google",
            {"apiEndpoint": "generativelanguage.googleapis.com", "modelId": "m"},
        ),
        (lambda: G.palm("p"), "generative-google", {"projectId": "p"}),
        (lambda: G.mistral(model="m"), "generative-mistral", {"model": "m"}),
        (lambda: G.nvidia(top_p=0.5), "generative-nvidia", {"topP": 0.5}),
        (
            lambda: G.ollama(api_endpoint="http://o"),
            "generative-ollama",
            {"apiEndpoint": "http://o"},
        ),
        (lambda: G.xai(model="grok"), "generative-xai", {"model": "grok"}),
        (lambda: G.custom("generative-x", {"a": 1}), "generative-x", {"a": 1}),
    ],
)
def test_generative_module_and_keys(call: Any, module: str, expected: dict[str, Any]) -> None:
    got = call()
    assert isinstance(got, _GenerativeProvider)
    assert got.module == module
    assert got.to_json() == expected


@pytest.mark.parametrize(
    ("call", "module", "expected"),
    [
        (
            lambda: R.cohere(model="m", base_url="https://c"),
            "reranker-cohere",
            {"model": "m", "baseURL": "https://c"},
        ),
        (
            lambda: R.contextualai(instruction="i", top_n=3),
            "reranker-contextualai",
            {"instruction": "i", "topN": 3},
        ),
        (lambda: R.dummy(), "reranker-dummy", {}),
        (lambda: R.jinaai(model="m"), "reranker-jinaai", {"model": "m"}),
        (lambda: R.nvidia(model="m"), "reranker-nvidia", {"model": "m"}),
        (lambda: R.transformers(), "reranker-transformers", {}),
        (lambda: R.voyageai(model="m"), "reranker-voyageai", {"model": "m"}),
        (lambda: R.custom("reranker-x"), "reranker-x", {}),
    ],
)
def test_reranker_module_and_keys(call: Any, module: str, expected: dict[str, Any]) -> None:
    got = call()
    assert isinstance(got, _RerankerProvider)
    assert got.module == module
    assert got.to_json() == expected


def test_results_are_frozen() -> None:
    cfg = G.dummy()
    with pytest.raises(AttributeError):
        cfg.module = "x"  # type: ignore[misc]


# ------------------------------------------------------------------------------------------
# Random input: a factory builds or raises WeaviateInvalidInputError, nothing else
# ------------------------------------------------------------------------------------------

_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=5000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["http://example.com", "https://a.b/c", "bedrock", "sagemaker", "END", "cls"]),
    st.lists(st.text(max_size=6), max_size=3),
    st.lists(
        st.builds(F, name=st.text(max_size=5), weight=st.one_of(st.none(), st.floats())),
        max_size=3,
    ),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just(object()),
)

_OPAQUE = {"quantizer", "encoding", "multi_vector_config"}

_ALL_FACTORIES = [(ns_name, name) for ns_name, ns in NAMESPACES.items() for name in factories(ns)]


@settings(max_examples=400, deadline=None)
@given(
    target=st.sampled_from(_ALL_FACTORIES),
    data=st.data(),
)
def test_random_inputs_build_or_raise_invalid_input(target: tuple[str, str], data: Any) -> None:
    ns_name, name = target
    fn = getattr(NAMESPACES[ns_name], name)
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(fn).parameters.values():
        if param.name in _OPAQUE:
            continue
        required = param.default is inspect.Parameter.empty
        if required or data.draw(st.booleans()):
            kwargs[param.name] = data.draw(_ANY_VALUE)
    try:
        out = fn(**kwargs)
    except WeaviateInvalidInputError as e:
        assert e.field
        return
    assert isinstance(
        out, (_VectorConfigCreate, _VectorizerConfigCreate, _GenerativeProvider, _RerankerProvider)
    )
    out.to_json()
