"""Vectorizer module factories: ``Configure.Vectors``, ``Configure.MultiVectors``,
``Configure.NamedVectors`` and ``Configure.Vectorizer``.

Every factory checks its arguments when it is called and raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming the offending field. The
settings it produces use the server's JSON keys for the module (``moduleConfig[module]`` or
``vectorConfig[name].vectorizer[module]``); options left as None are not sent, so the server's
defaults apply.

The four namespaces share one builder per module: ``Configure.Vectors`` is the current form,
``Configure.NamedVectors`` and ``Configure.Vectorizer`` are the older spellings kept so that
existing programs keep working, and all of them call the same private ``_build_*`` function.

Examples:
    >>> Configure.Vectors.text2vec_openai(name="body", source_properties=["body"])
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from weaviate_async._validate import (
    bool_arg,
    check_vector_name,
    choice_arg,
    float_arg,
    int_arg,
    invalid,
    mapping_arg,
    str_arg,
    str_list_arg,
    url_arg,
)
from weaviate_async.classes._config_base import (
    _VectorConfigCreate,
    _VectorIndexConfigCreate,
    _VectorizerConfigCreate,
)

if TYPE_CHECKING:
    from weaviate_async.classes.config_index import (
        _MultiVectorConfigCreate,
        _MuveraConfigCreate,
        _QuantizerConfigCreate,
    )

__all__ = [
    "CohereTruncation",
    "Multi2VecField",
    "_MultiVectors",
    "_NamedVectors",
    "_Vectorizer",
    "_Vectors",
]

CohereTruncation = Literal["NONE", "START", "END", "LEFT", "RIGHT"]
"""How Cohere truncates inputs longer than the model's limit."""

PoolingStrategy = Literal["masked_mean", "cls"]
"""How text2vec-transformers pools token embeddings."""

AWSService = Literal["bedrock", "sagemaker"]
"""The AWS service that hosts the model."""

OpenAIType = Literal["text", "code"]
"""The kind of OpenAI (legacy) embedding model."""

_COHERE_TRUNCATIONS = ("NONE", "START", "END", "LEFT", "RIGHT")
_POOLING_STRATEGIES = ("masked_mean", "cls")
_AWS_SERVICES = ("bedrock", "sagemaker")
_OPENAI_TYPES = ("text", "code")
_GOOGLE_AI_STUDIO_ENDPOINT = "generativelanguage.googleapis.com"


@attrs.frozen(kw_only=True)
class Multi2VecField:
    """A property used by a multi-modal vectorizer, with an optional weight.

    When one field of a kind (e.g. ``image_fields``) has a weight, all fields of that kind must
    have one; the server combines the per-field vectors with these weights.
    """

    name: str
    weight: float | None = None


_Fields = list[str] | list[Multi2VecField] | None
"""Fields of one kind for a multi-modal vectorizer: plain names or weighted fields."""


# --------------------------------------------------------------------------------------------
# Argument checks shared by the vectorizer, generative and reranker factories.
# --------------------------------------------------------------------------------------------


# The kit's functions under the short names the factories (here, config_generative and
# config_rerankers) spell them with.
_str = str_arg
_url = url_arg
_int = int_arg
_float = float_arg
_bool = bool_arg
_str_list = str_list_arg
_choice = choice_arg
_module_config = mapping_arg


def _req_str(value: object, field: str) -> str:
    """A required non-empty string."""
    out = str_arg(value, field, required=True)
    assert out is not None
    return out


def _req_bool(value: object, field: str) -> bool:
    """A required bool."""
    out = bool_arg(value, field, required=True)
    assert out is not None
    return out


def _vector_name(value: object, field: str = "name", *, required: bool = False) -> str | None:
    """A vector name the server accepts, or None when not ``required``."""
    if value is None and not required:
        return None
    return check_vector_name(value, field)


def _fields(value: object, field: str) -> tuple[list[str] | None, list[float] | None]:
    """Multi-modal fields given as names or :class:`Multi2VecField`; returns names and weights."""
    if value is None:
        return None, None
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise invalid(field, "must be a list of names or Multi2VecField", value)
    if len(value) == 0:
        raise invalid(field, "must not be empty", value)
    names: list[str] = []
    weights: list[float | None] = []
    for i, item in enumerate(value):
        if isinstance(item, Multi2VecField):
            name, weight = item.name, item.weight
        else:
            name, weight = item, None
        if not isinstance(name, str) or name == "":
            raise invalid(field, f"item {i} must be a non-empty name", name)
        weights.append(_float(weight, f"{field}[{i}].weight"))
        names.append(name)
    given = [w for w in weights if w is not None]
    if not given:
        return names, None
    if len(given) != len(weights):
        raise invalid(field, "either every field has a weight or none has")
    return names, given


# --------------------------------------------------------------------------------------------
# Settings assembly.
# --------------------------------------------------------------------------------------------


def _vectorizer(module: str, settings: dict[str, Any]) -> _VectorizerConfigCreate:
    return _VectorizerConfigCreate(
        module=module, settings={k: v for k, v in settings.items() if v is not None}
    )


def _text_settings(
    vectorize_collection_name: object, source_properties: object, **settings: Any
) -> dict[str, Any]:
    """Settings common to the text vectorizers, plus the module's own."""
    out = dict(settings)
    out["vectorizeClassName"] = _req_bool(vectorize_collection_name, "vectorize_collection_name")
    out["properties"] = _str_list(source_properties, "source_properties")
    return out


def _multimodal_settings(fields: Mapping[str, object], **settings: Any) -> dict[str, Any]:
    """Settings of a multi-modal vectorizer: ``<kind>Fields`` lists and optional ``weights``.

    ``fields`` maps the server key (e.g. ``imageFields``) to the user's argument; the argument
    name for error messages is derived from it (``image_fields``).
    """
    out: dict[str, Any] = {}
    weights: dict[str, list[float]] = {}
    for key, value in fields.items():
        arg = re.sub(r"(?<!^)([A-Z])", r"_\1", key).lower()
        names, ws = _fields(value, arg)
        if names is not None:
            out[key] = names
        if ws is not None:
            weights[key] = ws
    if weights:
        out["weights"] = weights
    out.update(settings)
    return out


def _vcn(value: object) -> None:
    """Check ``vectorize_collection_name`` of the multi-modal forms.

    The multi-modal modules do not vectorize the collection name (their ``vectorizeClassName``
    setting is unused by the server), so, as in the official client, the flag is accepted for
    compatibility and not sent.
    """
    _bool(value, "vectorize_collection_name")


# --------------------------------------------------------------------------------------------
# Vector index placement (the index builders live in config_index and are imported lazily).
# --------------------------------------------------------------------------------------------


def _check_index(value: object, field: str = "vector_index_config") -> None:
    if value is not None and not isinstance(value, _VectorIndexConfigCreate):
        raise invalid(field, "must be a vector index from Configure.VectorIndex", value)


def _with_option(
    index: _VectorIndexConfigCreate, attr: str, value: object, field: str
) -> _VectorIndexConfigCreate:
    """Return ``index`` with ``attr`` set, refusing to overwrite a value already set."""
    cls = type(index)
    if not attrs.has(cls) or attr not in attrs.fields_dict(cls):
        raise invalid(field, f"the {index.index_type()} vector index does not take {field}")
    if getattr(index, attr) is not None:
        raise invalid(field, "is also set in vector_index_config; set it in one place only")
    out: _VectorIndexConfigCreate = attrs.evolve(index, **{attr: value})
    return out


def _single_index(vector_index_config: object, quantizer: Any) -> _VectorIndexConfigCreate | None:
    """The index of a single vector: the given one, with ``quantizer`` if one is given.

    Without an index, a quantizer gets the default index (hnsw) to live on.
    """
    _check_index(vector_index_config)
    assert vector_index_config is None or isinstance(vector_index_config, _VectorIndexConfigCreate)
    if quantizer is None:
        return vector_index_config
    if vector_index_config is None:
        from weaviate_async.classes.config_index import _VectorIndex

        return _VectorIndex.hnsw(quantizer=quantizer)
    return _with_option(vector_index_config, "quantizer", quantizer, "quantizer")


def _multi_index(
    vector_index_config: object,
    quantizer: Any,
    multi_vector_config: Any,
    encoding: Any,
) -> _VectorIndexConfigCreate:
    """The index of a multi-vector: multi-vector-enabled hnsw unless an index is given.

    A given index keeps a multi-vector setting it already has; otherwise ``multi_vector_config``
    (or ``multi_vector(encoding=encoding)``, or the default ``multi_vector()``) is set on it.
    """
    _check_index(vector_index_config)
    assert vector_index_config is None or isinstance(vector_index_config, _VectorIndexConfigCreate)
    from weaviate_async.classes.config_index import _MultiVectorConfigCreate, _VectorIndex

    if multi_vector_config is not None and encoding is not None:
        raise invalid(
            "encoding", "give the encoding inside multi_vector_config or on its own, not both"
        )
    if multi_vector_config is None:
        already = getattr(vector_index_config, "multi_vector", None) is not None
        # built directly: the public forms of these two warn (deprecated for users)
        if encoding is not None:
            multi_vector_config = _MultiVectorConfigCreate(encoding=encoding)
        elif not already:
            multi_vector_config = _MultiVectorConfigCreate()
    if vector_index_config is None:
        hnsw = _VectorIndex.hnsw(quantizer=quantizer)
        return attrs.evolve(hnsw, multi_vector=multi_vector_config)
    index = vector_index_config
    if multi_vector_config is not None:
        index = _with_option(index, "multi_vector", multi_vector_config, "multi_vector_config")
    if quantizer is not None:
        index = _with_option(index, "quantizer", quantizer, "quantizer")
    return index


def _single(
    name: object,
    vectorizer: _VectorizerConfigCreate,
    vector_index_config: object,
    quantizer: Any = None,
    *,
    name_required: bool = False,
) -> _VectorConfigCreate:
    return _VectorConfigCreate(
        name=_vector_name(name, required=name_required),
        vectorizer=vectorizer,
        vector_index_config=_single_index(vector_index_config, quantizer),
    )


def _multi(
    name: object,
    vectorizer: _VectorizerConfigCreate,
    vector_index_config: object,
    quantizer: Any,
    multi_vector_config: Any,
    encoding: Any,
) -> _VectorConfigCreate:
    return _VectorConfigCreate(
        name=_vector_name(name),
        vectorizer=vectorizer,
        vector_index_config=_multi_index(
            vector_index_config, quantizer, multi_vector_config, encoding
        ),
    )


# --------------------------------------------------------------------------------------------
# One builder per module. Each returns the module's settings; the namespaces below wrap them.
# --------------------------------------------------------------------------------------------


def _build_none() -> _VectorizerConfigCreate:
    return _vectorizer("none", {})


def _build_custom(
    module_name: object, module_config: object, source_properties: object = None
) -> _VectorizerConfigCreate:
    module = _req_str(module_name, "module_name")
    settings = _module_config(module_config, "module_config")
    props = _str_list(source_properties, "source_properties")
    if props is not None:
        if "properties" in settings:
            raise invalid(
                "source_properties", "is also given as module_config['properties']; give one"
            )
        settings["properties"] = props
    return _vectorizer(module, settings)


def _build_img2vec_neural(image_fields: object) -> _VectorizerConfigCreate:
    return _vectorizer(
        "img2vec-neural", {"imageFields": _str_list(image_fields, "image_fields", required=True)}
    )


def _build_ref2vec_centroid(
    reference_properties: object, method: object
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "ref2vec-centroid",
        {
            "referenceProperties": _str_list(
                reference_properties, "reference_properties", required=True
            ),
            "method": _choice(method, "method", ("mean",)),
        },
    )


def _build_text2vec_aws(
    *,
    model: object = None,
    region: object,
    endpoint: object = None,
    service: object = "bedrock",
    dimensions: object = None,
    target_model: object = None,
    target_variant: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    svc = _choice(service, "service", _AWS_SERVICES)
    if svc is None:
        raise invalid("service", f"is required: one of {_AWS_SERVICES}")
    model_ = _str(model, "model")
    endpoint_ = _str(endpoint, "endpoint")
    target_model_ = _str(target_model, "target_model")
    target_variant_ = _str(target_variant, "target_variant")
    if svc == "bedrock":
        if model_ is None:
            raise invalid("model", "is required with the bedrock service")
        if endpoint_ is not None:
            raise invalid("endpoint", "applies to the sagemaker service only")
        if target_model_ is not None or target_variant_ is not None:
            raise invalid(
                "target_model" if target_model_ is not None else "target_variant",
                "applies to the sagemaker service only",
            )
    else:
        if endpoint_ is None:
            raise invalid("endpoint", "is required with the sagemaker service")
        if model_ is not None:
            raise invalid("model", "applies to bedrock only; use target_model with sagemaker")
    return _vectorizer(
        "text2vec-aws",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=model_,
            region=_req_str(region, "region"),
            endpoint=endpoint_,
            service=svc,
            dimensions=_int(dimensions, "dimensions", minimum=1),
            targetModel=target_model_,
            targetVariant=target_variant_,
        ),
    )


def _build_text2vec_openai(
    *,
    model: object = None,
    model_version: object = None,
    type_: object = None,
    base_url: object = None,
    dimensions: object = None,
    endpoint: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-openai",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            baseURL=_url(base_url, "base_url"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            endpoint=_str(endpoint, "endpoint"),
            model=_str(model, "model"),
            modelVersion=_str(model_version, "model_version"),
            type=_choice(type_, "type_", _OPENAI_TYPES),
            isAzure=False,
        ),
    )


def _build_text2vec_azure_openai(
    *,
    resource_name: object,
    deployment_id: object,
    base_url: object = None,
    dimensions: object = None,
    model: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-openai",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            resourceName=_req_str(resource_name, "resource_name"),
            deploymentId=_req_str(deployment_id, "deployment_id"),
            baseURL=_url(base_url, "base_url"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            model=_str(model, "model"),
            isAzure=True,
        ),
    )


def _build_text2vec_cohere(
    *,
    model: object = None,
    truncate: object = None,
    base_url: object = None,
    dimensions: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-cohere",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            baseURL=_url(base_url, "base_url"),
            model=_str(model, "model"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            truncate=_choice(truncate, "truncate", _COHERE_TRUNCATIONS),
        ),
    )


def _build_text_only(
    module: str, vectorize_collection_name: object, source_properties: object
) -> _VectorizerConfigCreate:
    """Modules with no settings of their own (contextionary, gpt4all)."""
    return _vectorizer(module, _text_settings(vectorize_collection_name, source_properties))


def _build_text2vec_databricks(
    *,
    endpoint: object,
    instruction: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-databricks",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            endpoint=_req_str(endpoint, "endpoint"),
            instruction=_str(instruction, "instruction"),
        ),
    )


def _build_text2vec_digitalocean(
    *,
    model: object,
    base_url: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-digitalocean",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=_req_str(model, "model"),
            baseURL=_url(base_url, "base_url"),
        ),
    )


def _google_project_endpoint(
    ai_studio: bool, project_id: object, api_endpoint: object
) -> tuple[str | None, str | None]:
    """``projectId`` and ``apiEndpoint`` of a Google module (text2vec-google, generative-google).

    Vertex AI needs ``project_id`` (``api_endpoint`` is optional); Google AI Studio
    (``ai_studio``) has no project and a fixed endpoint.
    """
    if ai_studio:
        return None, _GOOGLE_AI_STUDIO_ENDPOINT
    return _req_str(project_id, "project_id"), _str(api_endpoint, "api_endpoint")


def _build_text2vec_google(
    *,
    project_id: object = None,
    api_endpoint: object = None,
    model_id: object = None,
    model_field: str = "model",
    title_property: object = None,
    task_type: object = None,
    dimensions: object = None,
    location: object = None,
    ai_studio: bool = False,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    """Vertex AI when ``ai_studio`` is False (project required), else Google AI Studio."""
    project, endpoint = _google_project_endpoint(ai_studio, project_id, api_endpoint)
    return _vectorizer(
        "text2vec-google",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            projectId=project,
            apiEndpoint=endpoint,
            modelId=_str(model_id, model_field),
            titleProperty=_str(title_property, "title_property"),
            taskType=_str(task_type, "task_type"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            location=_str(location, "location"),
        ),
    )


def _build_text2vec_huggingface(
    *,
    model: object = None,
    passage_model: object = None,
    query_model: object = None,
    endpoint_url: object = None,
    wait_for_model: object = None,
    use_gpu: object = None,
    use_cache: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    model_ = _str(model, "model")
    passage = _str(passage_model, "passage_model")
    query = _str(query_model, "query_model")
    url = _url(endpoint_url, "endpoint_url")
    if (passage is None) != (query is None):
        raise invalid(
            "passage_model" if passage is None else "query_model",
            "passage_model and query_model are set together",
        )
    chosen = [
        n for n, v in (("model", model_), ("passage_model", passage), ("endpoint_url", url)) if v
    ]
    if len(chosen) > 1:
        raise invalid(
            chosen[1],
            "only one of model, passage_model/query_model and endpoint_url can be set",
        )
    options = {
        "waitForModel": _bool(wait_for_model, "wait_for_model"),
        "useGPU": _bool(use_gpu, "use_gpu"),
        "useCache": _bool(use_cache, "use_cache"),
    }
    options = {k: v for k, v in options.items() if v is not None}
    return _vectorizer(
        "text2vec-huggingface",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=model_,
            passageModel=passage,
            queryModel=query,
            endpointURL=url,
            options=options or None,
        ),
    )


def _build_simple_text(
    module: str,
    *,
    model: object = None,
    base_url: object = None,
    dimensions: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    """Modules whose settings are some of model, baseURL and dimensions."""
    return _vectorizer(
        module,
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=_str(model, "model"),
            baseURL=_url(base_url, "base_url"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
        ),
    )


def _build_text2vec_model2vec(
    *,
    inference_url: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-model2vec",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            inferenceUrl=_url(inference_url, "inference_url"),
        ),
    )


def _build_text2vec_morph(
    *,
    model: object = None,
    base_url: object = None,
    endpoint: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-morph",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=_str(model, "model"),
            baseURL=_url(base_url, "base_url"),
            endpoint=_str(endpoint, "endpoint"),
        ),
    )


def _build_text2vec_nvidia(
    *,
    model: object = None,
    base_url: object = None,
    truncate: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-nvidia",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=_str(model, "model"),
            baseURL=_url(base_url, "base_url"),
            truncate=_bool(truncate, "truncate"),
        ),
    )


def _build_text2vec_ollama(
    *,
    api_endpoint: object = None,
    model: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-ollama",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            apiEndpoint=_url(api_endpoint, "api_endpoint"),
            model=_str(model, "model"),
        ),
    )


def _build_text2vec_transformers(
    *,
    pooling_strategy: object = "masked_mean",
    dimensions: object = None,
    inference_url: object = None,
    passage_inference_url: object = None,
    query_inference_url: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    single = _url(inference_url, "inference_url")
    passage = _url(passage_inference_url, "passage_inference_url")
    query = _url(query_inference_url, "query_inference_url")
    if single is not None and (passage is not None or query is not None):
        raise invalid(
            "inference_url",
            "give either inference_url or passage_inference_url with query_inference_url",
        )
    if (passage is None) != (query is None):
        raise invalid(
            "passage_inference_url" if passage is None else "query_inference_url",
            "passage_inference_url and query_inference_url are set together",
        )
    return _vectorizer(
        "text2vec-transformers",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            poolingStrategy=_choice(pooling_strategy, "pooling_strategy", _POOLING_STRATEGIES),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            inferenceUrl=single,
            passageInferenceUrl=passage,
            queryInferenceUrl=query,
        ),
    )


def _build_text2vec_voyageai(
    *,
    model: object = None,
    base_url: object = None,
    truncate: object = None,
    dimensions: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "text2vec-voyageai",
        _text_settings(
            vectorize_collection_name,
            source_properties,
            model=_str(model, "model"),
            baseURL=_url(base_url, "base_url"),
            truncate=_bool(truncate, "truncate"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
        ),
    )


def _build_multi2vec_aws(
    *,
    model: object = None,
    region: object = None,
    dimensions: object = None,
    image_fields: object = None,
    text_fields: object = None,
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "multi2vec-aws",
        _multimodal_settings(
            {"imageFields": image_fields, "textFields": text_fields},
            model=_str(model, "model"),
            region=_str(region, "region"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
        ),
    )


def _build_multi2vec_bind(
    *,
    audio_fields: object = None,
    depth_fields: object = None,
    image_fields: object = None,
    imu_fields: object = None,
    text_fields: object = None,
    thermal_fields: object = None,
    video_fields: object = None,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    _vcn(vectorize_collection_name)
    return _vectorizer(
        "multi2vec-bind",
        _multimodal_settings(
            {
                "audioFields": audio_fields,
                "depthFields": depth_fields,
                "imageFields": image_fields,
                "imuFields": imu_fields,
                "textFields": text_fields,
                "thermalFields": thermal_fields,
                "videoFields": video_fields,
            },
        ),
    )


def _build_multi2vec_clip(
    *,
    inference_url: object = None,
    image_fields: object = None,
    text_fields: object = None,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    _vcn(vectorize_collection_name)
    return _vectorizer(
        "multi2vec-clip",
        _multimodal_settings(
            {"imageFields": image_fields, "textFields": text_fields},
            inferenceUrl=_url(inference_url, "inference_url"),
        ),
    )


def _build_multi2vec_cohere(
    *,
    model: object = None,
    base_url: object = None,
    dimensions: object = None,
    truncate: object = None,
    image_fields: object = None,
    text_fields: object = None,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    _vcn(vectorize_collection_name)
    return _vectorizer(
        "multi2vec-cohere",
        _multimodal_settings(
            {"imageFields": image_fields, "textFields": text_fields},
            baseURL=_url(base_url, "base_url"),
            model=_str(model, "model"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            truncate=_choice(truncate, "truncate", _COHERE_TRUNCATIONS),
        ),
    )


def _build_multi2vec_google(
    *,
    project_id: object = None,
    location: object = None,
    model_id: object = None,
    model_field: str = "model",
    dimensions: object = None,
    video_interval_seconds: object = None,
    audio_fields: object = None,
    image_fields: object = None,
    text_fields: object = None,
    video_fields: object = None,
    ai_studio: bool = False,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    """Vertex AI when ``ai_studio`` is False (project and location required), else AI Studio."""
    if ai_studio:
        project = loc = None
        endpoint: str | None = _GOOGLE_AI_STUDIO_ENDPOINT
    else:
        project = _req_str(project_id, "project_id")
        loc = _req_str(location, "location")
        endpoint = None
    _vcn(vectorize_collection_name)
    return _vectorizer(
        "multi2vec-google",
        _multimodal_settings(
            {
                "audioFields": audio_fields,
                "imageFields": image_fields,
                "textFields": text_fields,
                "videoFields": video_fields,
            },
            projectId=project,
            location=loc,
            apiEndpoint=endpoint,
            modelId=_str(model_id, model_field),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            videoIntervalSeconds=_int(video_interval_seconds, "video_interval_seconds", minimum=1),
        ),
    )


def _build_multi2vec_simple(
    module: str,
    *,
    model: object = None,
    base_url: object = None,
    dimensions: object = None,
    image_fields: object = None,
    text_fields: object = None,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    """multi2vec-jinaai, multi2vec-twelvelabs, multi2multivec-jinaai: model, baseURL, fields."""
    _vcn(vectorize_collection_name)
    return _vectorizer(
        module,
        _multimodal_settings(
            {"imageFields": image_fields, "textFields": text_fields},
            baseURL=_url(base_url, "base_url"),
            model=_str(model, "model"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
        ),
    )


def _build_multi2vec_nvidia(
    *,
    model: object = None,
    base_url: object = None,
    truncation: object = None,
    output_encoding: object = None,
    image_fields: object = None,
    text_fields: object = None,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    _vcn(vectorize_collection_name)
    return _vectorizer(
        "multi2vec-nvidia",
        _multimodal_settings(
            {"imageFields": image_fields, "textFields": text_fields},
            baseURL=_url(base_url, "base_url"),
            model=_str(model, "model"),
            truncation=_bool(truncation, "truncation"),
            outputEncoding=_str(output_encoding, "output_encoding"),
        ),
    )


def _build_multi2vec_voyageai(
    *,
    model: object = None,
    base_url: object = None,
    truncation: object = None,
    dimensions: object = None,
    output_encoding: object = None,
    image_fields: object = None,
    text_fields: object = None,
    video_fields: object = None,
    vectorize_collection_name: object = True,
) -> _VectorizerConfigCreate:
    # The server reads the truncation switch of multi2vec-voyageai from "truncate".
    _vcn(vectorize_collection_name)
    return _vectorizer(
        "multi2vec-voyageai",
        _multimodal_settings(
            {"imageFields": image_fields, "textFields": text_fields, "videoFields": video_fields},
            baseURL=_url(base_url, "base_url"),
            model=_str(model, "model"),
            truncate=_bool(truncation, "truncation"),
            dimensions=_int(dimensions, "dimensions", minimum=1),
            outputEncoding=_str(output_encoding, "output_encoding"),
        ),
    )


def _build_multi2multivec_weaviate(
    *, image_field: object, model: object = None, base_url: object = None
) -> _VectorizerConfigCreate:
    return _vectorizer(
        "multi2multivec-weaviate",
        {
            "imageFields": [_req_str(image_field, "image_field")],
            "model": _str(model, "model"),
            "baseURL": _url(base_url, "base_url"),
        },
    )


def _build_text2multivec_jinaai(
    *,
    model: object = None,
    dimensions: object = None,
    base_url: object = None,
    vectorize_collection_name: object = True,
    source_properties: object = None,
) -> _VectorizerConfigCreate:
    return _build_simple_text(
        "text2multivec-jinaai",
        model=model,
        base_url=base_url,
        dimensions=dimensions,
        vectorize_collection_name=vectorize_collection_name,
        source_properties=source_properties,
    )


def _legacy_clip_url(interference_url: object, inference_url: object) -> object:
    """The older ``interference_url`` spelling of multi2vec-clip's ``inference_url``."""
    if interference_url is not None and inference_url is not None:
        raise invalid("interference_url", "is the older name of inference_url; give one")
    return inference_url if inference_url is not None else interference_url


# --------------------------------------------------------------------------------------------
# Configure.Vectors: the current form.
# --------------------------------------------------------------------------------------------

_V = _VectorConfigCreate
_VIC = _VectorIndexConfigCreate


def _renamed_module(old: str, new: str) -> None:
    """The official client's deprecation of a module's older name (same category, same call)."""
    warnings.warn(f"{old} is deprecated: use {new}", DeprecationWarning, stacklevel=3)


class _Vectors:
    """Factories for one vector of a collection (``Configure.Vectors``).

    Each returns a vector configuration for ``collections.create(vector_config=...)``. ``name``
    None gives the server's default vector name; ``vector_index_config`` None gives the server's
    default index (hnsw), and ``quantizer`` is placed on that default index.
    """

    @staticmethod
    def self_provided(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector you provide yourself on insert (no vectorizer module)."""
        return _single(name, _build_none(), vector_index_config, quantizer)

    @staticmethod
    def custom(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        module_name: str,
        module_config: dict[str, Any] | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector made by any module, given by its name and its settings (server JSON keys)."""
        return _single(
            name,
            _build_custom(module_name, module_config, source_properties),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def img2vec_neural(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        image_fields: list[str],
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``img2vec-neural`` module over the given blob properties."""
        return _single(name, _build_img2vec_neural(image_fields), vector_index_config, quantizer)

    @staticmethod
    def ref2vec_centroid(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        method: Literal["mean"] = "mean",
        reference_properties: list[str],
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``ref2vec-centroid`` module: the centroid of referenced objects."""
        return _single(
            name,
            _build_ref2vec_centroid(reference_properties, method),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_aws(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        region: str | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-aws`` module (AWS Bedrock multi-modal models)."""
        return _single(
            name,
            _build_multi2vec_aws(
                model=model,
                region=region,
                dimensions=dimensions,
                image_fields=image_fields,
                text_fields=text_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_aws_bedrock(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        region: str | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-aws`` module with AWS Bedrock (same as multi2vec_aws)."""
        return _Vectors.multi2vec_aws(
            name=name,
            quantizer=quantizer,
            dimensions=dimensions,
            image_fields=image_fields,
            model=model,
            text_fields=text_fields,
            region=region,
            vector_index_config=vector_index_config,
        )

    @staticmethod
    def multi2vec_bind(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        audio_fields: _Fields = None,
        depth_fields: _Fields = None,
        image_fields: _Fields = None,
        imu_fields: _Fields = None,
        text_fields: _Fields = None,
        thermal_fields: _Fields = None,
        video_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-bind`` module (ImageBind) over the given fields."""
        return _single(
            name,
            _build_multi2vec_bind(
                audio_fields=audio_fields,
                depth_fields=depth_fields,
                image_fields=image_fields,
                imu_fields=imu_fields,
                text_fields=text_fields,
                thermal_fields=thermal_fields,
                video_fields=video_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_clip(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        inference_url: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-clip`` module over image and text fields."""
        return _single(
            name,
            _build_multi2vec_clip(
                inference_url=inference_url, image_fields=image_fields, text_fields=text_fields
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_cohere(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        dimensions: int | None = None,
        text_fields: _Fields = None,
        truncate: CohereTruncation | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``multi2vec-cohere`` module."""
        return _single(
            name,
            _build_multi2vec_cohere(
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                truncate=truncate,
                image_fields=image_fields,
                text_fields=text_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_google(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        audio_fields: _Fields = None,
        image_fields: _Fields = None,
        location: str,
        model: str | None = None,
        project_id: str,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        video_interval_seconds: int | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-google`` module with Vertex AI."""
        return _single(
            name,
            _build_multi2vec_google(
                project_id=project_id,
                location=location,
                model_id=model,
                dimensions=dimensions,
                video_interval_seconds=video_interval_seconds,
                audio_fields=audio_fields,
                image_fields=image_fields,
                text_fields=text_fields,
                video_fields=video_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_google_gemini(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        audio_fields: _Fields = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        video_interval_seconds: int | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-google`` module with Google AI Studio (Gemini API)."""
        return _single(
            name,
            _build_multi2vec_google(
                model_id=model,
                dimensions=dimensions,
                video_interval_seconds=video_interval_seconds,
                audio_fields=audio_fields,
                image_fields=image_fields,
                text_fields=text_fields,
                video_fields=video_fields,
                ai_studio=True,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_jinaai(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        dimensions: int | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-jinaai`` module."""
        return _single(
            name,
            _build_multi2vec_simple(
                "multi2vec-jinaai",
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                image_fields=image_fields,
                text_fields=text_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_nvidia(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        truncation: bool | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-nvidia`` module."""
        return _single(
            name,
            _build_multi2vec_nvidia(
                model=model,
                base_url=base_url,
                truncation=truncation,
                image_fields=image_fields,
                text_fields=text_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_twelvelabs(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-twelvelabs`` module."""
        return _single(
            name,
            _build_multi2vec_simple(
                "multi2vec-twelvelabs",
                model=model,
                base_url=base_url,
                image_fields=image_fields,
                text_fields=text_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def multi2vec_voyageai(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        dimensions: int | None = None,
        truncation: bool | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A vector from the ``multi2vec-voyageai`` module."""
        return _single(
            name,
            _build_multi2vec_voyageai(
                model=model,
                base_url=base_url,
                truncation=truncation,
                dimensions=dimensions,
                image_fields=image_fields,
                text_fields=text_fields,
                video_fields=video_fields,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_aws(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        endpoint: str | None = None,
        model: str | None,
        region: str,
        service: AWSService | str = "bedrock",
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        dimensions: int | None = None,
    ) -> _V:
        """A vector from the ``text2vec-aws`` module (Bedrock ``model`` or SageMaker ``endpoint``).

        ``model`` must be given, as in the official client: the Bedrock model, or None with the
        SageMaker service (which takes ``endpoint``).
        """
        return _single(
            name,
            _build_text2vec_aws(
                model=model,
                region=region,
                endpoint=endpoint,
                service=service,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_aws_bedrock(
        *,
        name: str | None = None,
        model: str,
        region: str,
        quantizer: _QuantizerConfigCreate | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        dimensions: int | None = None,
    ) -> _V:
        """A vector from the ``text2vec-aws`` module with an AWS Bedrock model."""
        return _single(
            name,
            _build_text2vec_aws(
                model=model,
                region=region,
                service="bedrock",
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_aws_sagemaker(
        *,
        name: str | None = None,
        endpoint: str,
        region: str,
        target_model: str | None = None,
        target_variant: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        dimensions: int | None = None,
    ) -> _V:
        """A vector from the ``text2vec-aws`` module with an AWS SageMaker endpoint."""
        return _single(
            name,
            _build_text2vec_aws(
                region=region,
                endpoint=endpoint,
                service="sagemaker",
                target_model=target_model,
                target_variant=target_variant,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_azure_openai(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        deployment_id: str,
        dimensions: int | None = None,
        model: str | None = None,
        resource_name: str,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-openai`` module with an Azure OpenAI deployment."""
        return _single(
            name,
            _build_text2vec_azure_openai(
                resource_name=resource_name,
                deployment_id=deployment_id,
                base_url=base_url,
                dimensions=dimensions,
                model=model,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_cohere(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        model: str | None = None,
        dimensions: int | None = None,
        truncate: CohereTruncation | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-cohere`` module."""
        return _single(
            name,
            _build_text2vec_cohere(
                model=model,
                truncate=truncate,
                base_url=base_url,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_contextionary(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-contextionary`` module."""
        return _single(
            name,
            _build_text_only(
                "text2vec-contextionary", vectorize_collection_name, source_properties
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_databricks(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        endpoint: str,
        instruction: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-databricks`` module (a serving ``endpoint`` URL)."""
        return _single(
            name,
            _build_text2vec_databricks(
                endpoint=endpoint,
                instruction=instruction,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_digitalocean(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        model: str,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-digitalocean`` module (DigitalOcean Serverless Inference)."""
        return _single(
            name,
            _build_text2vec_digitalocean(
                model=model,
                base_url=base_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_google(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        api_endpoint: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        project_id: str,
        title_property: str | None = None,
        task_type: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        location: str | None = None,
    ) -> _V:
        """A vector from the ``text2vec-google`` module with Vertex AI (same as text2vec_google_vertex)."""
        return _Vectors.text2vec_google_vertex(
            name=name,
            quantizer=quantizer,
            api_endpoint=api_endpoint,
            dimensions=dimensions,
            model=model,
            project_id=project_id,
            title_property=title_property,
            task_type=task_type,
            source_properties=source_properties,
            vector_index_config=vector_index_config,
            vectorize_collection_name=vectorize_collection_name,
            location=location,
        )

    @staticmethod
    def text2vec_google_vertex(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        api_endpoint: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        project_id: str,
        title_property: str | None = None,
        task_type: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        location: str | None = None,
    ) -> _V:
        """A vector from the ``text2vec-google`` module with Google Vertex AI."""
        return _single(
            name,
            _build_text2vec_google(
                project_id=project_id,
                api_endpoint=api_endpoint,
                model_id=model,
                title_property=title_property,
                task_type=task_type,
                dimensions=dimensions,
                location=location,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_google_aistudio(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        title_property: str | None = None,
        task_type: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-google`` module with Google AI Studio (same as _gemini)."""
        return _Vectors.text2vec_google_gemini(
            name=name,
            quantizer=quantizer,
            dimensions=dimensions,
            model=model,
            title_property=title_property,
            task_type=task_type,
            source_properties=source_properties,
            vector_index_config=vector_index_config,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_google_gemini(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        title_property: str | None = None,
        task_type: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-google`` module with the Gemini API (Google AI Studio)."""
        return _single(
            name,
            _build_text2vec_google(
                model_id=model,
                title_property=title_property,
                task_type=task_type,
                dimensions=dimensions,
                ai_studio=True,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_gpt4all(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-gpt4all`` module."""
        return _single(
            name,
            _build_text_only("text2vec-gpt4all", vectorize_collection_name, source_properties),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_huggingface(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        endpoint_url: str | None = None,
        model: str | None = None,
        passage_model: str | None = None,
        query_model: str | None = None,
        wait_for_model: bool | None = None,
        use_gpu: bool | None = None,
        use_cache: bool | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-huggingface`` module.

        Give one of ``model``, ``passage_model`` with ``query_model``, or ``endpoint_url``.
        """
        return _single(
            name,
            _build_text2vec_huggingface(
                model=model,
                passage_model=passage_model,
                query_model=query_model,
                endpoint_url=endpoint_url,
                wait_for_model=wait_for_model,
                use_gpu=use_gpu,
                use_cache=use_cache,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_jinaai(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-jinaai`` module."""
        return _single(
            name,
            _build_simple_text(
                "text2vec-jinaai",
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_mistral(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-mistral`` module."""
        return _single(
            name,
            _build_simple_text(
                "text2vec-mistral",
                model=model,
                base_url=base_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_model2vec(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        inference_url: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-model2vec`` module."""
        return _single(
            name,
            _build_text2vec_model2vec(
                inference_url=inference_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_morph(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        model: str | None = None,
        endpoint: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-morph`` module."""
        return _single(
            name,
            _build_text2vec_morph(
                model=model,
                base_url=base_url,
                endpoint=endpoint,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_nvidia(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        model: str | None = None,
        truncate: bool | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-nvidia`` module."""
        return _single(
            name,
            _build_text2vec_nvidia(
                model=model,
                base_url=base_url,
                truncate=truncate,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_ollama(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        api_endpoint: str | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-ollama`` module (``api_endpoint`` as seen by the server)."""
        return _single(
            name,
            _build_text2vec_ollama(
                api_endpoint=api_endpoint,
                model=model,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_openai(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        dimensions: int | None = None,
        endpoint: str | None = None,
        model: str | None = None,
        model_version: str | None = None,
        type_: OpenAIType | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-openai`` module (OpenAI or an OpenAI-compatible API)."""
        return _single(
            name,
            _build_text2vec_openai(
                model=model,
                model_version=model_version,
                type_=type_,
                base_url=base_url,
                dimensions=dimensions,
                endpoint=endpoint,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_transformers(
        *,
        name: str | None = None,
        dimensions: int | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        inference_url: str | None = None,
        passage_inference_url: str | None = None,
        pooling_strategy: PoolingStrategy = "masked_mean",
        query_inference_url: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-transformers`` module.

        Give ``inference_url``, or ``passage_inference_url`` with ``query_inference_url``, or
        neither (the server's configured inference container).
        """
        return _single(
            name,
            _build_text2vec_transformers(
                pooling_strategy=pooling_strategy,
                dimensions=dimensions,
                inference_url=inference_url,
                passage_inference_url=passage_inference_url,
                query_inference_url=query_inference_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_voyageai(
        *,
        name: str | None = None,
        base_url: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        source_properties: list[str] | None = None,
        truncate: bool | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-voyageai`` module."""
        return _single(
            name,
            _build_text2vec_voyageai(
                model=model,
                base_url=base_url,
                truncate=truncate,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )

    @staticmethod
    def text2vec_weaviate(
        *,
        name: str | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A vector from the ``text2vec-weaviate`` module (Weaviate Embeddings)."""
        return _single(
            name,
            _build_simple_text(
                "text2vec-weaviate",
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
        )


# --------------------------------------------------------------------------------------------
# Configure.MultiVectors: vectors made of several vectors per object (ColBERT-style).
# --------------------------------------------------------------------------------------------


class _MultiVectors:
    """Factories for one multi-vector of a collection (``Configure.MultiVectors``).

    Without ``vector_index_config`` the index is hnsw with multi-vector support enabled; with
    one, ``multi_vector_config`` (or a default one) is set on it. ``encoding`` is a shortcut for
    ``multi_vector_config=multi_vector(encoding=...)``.
    """

    @staticmethod
    def self_provided(
        *,
        name: str | None = None,
        encoding: _MuveraConfigCreate | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        multi_vector_config: _MultiVectorConfigCreate | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A multi-vector you provide yourself on insert."""
        return _multi(
            name, _build_none(), vector_index_config, quantizer, multi_vector_config, encoding
        )

    @staticmethod
    def text2vec_jinaai(
        *,
        name: str | None = None,
        encoding: _MuveraConfigCreate | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        multi_vector_config: _MultiVectorConfigCreate | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A multi-vector from the ``text2multivec-jinaai`` module (Jina ColBERT)."""
        return _multi(
            name,
            _build_text2multivec_jinaai(
                model=model,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            quantizer,
            multi_vector_config,
            encoding,
        )

    @staticmethod
    def multi2vec_jinaai(
        *,
        name: str | None = None,
        encoding: _MuveraConfigCreate | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        multi_vector_config: _MultiVectorConfigCreate | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A multi-vector from the ``multi2multivec-jinaai`` module.

        The module embeds one kind of input: give ``image_fields`` or ``text_fields``, not both.
        """
        if image_fields is not None and text_fields is not None:
            raise invalid("text_fields", "give image_fields or text_fields, not both")
        return _multi(
            name,
            _build_multi2vec_simple(
                "multi2multivec-jinaai",
                model=model,
                base_url=base_url,
                image_fields=image_fields,
                text_fields=text_fields,
            ),
            vector_index_config,
            quantizer,
            multi_vector_config,
            encoding,
        )

    @staticmethod
    def multi2vec_weaviate(
        *,
        image_field: str,
        name: str | None = None,
        encoding: _MuveraConfigCreate | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        base_url: str | None = None,
        model: str | None = None,
        multi_vector_config: _MultiVectorConfigCreate | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A multi-vector from the ``multi2multivec-weaviate`` module over one image field."""
        return _multi(
            name,
            _build_multi2multivec_weaviate(image_field=image_field, model=model, base_url=base_url),
            vector_index_config,
            quantizer,
            multi_vector_config,
            encoding,
        )


# --------------------------------------------------------------------------------------------
# Configure.NamedVectors: the older named-vector spellings (name first, ``model_id`` ...).
# --------------------------------------------------------------------------------------------


def _named(name: str, vectorizer: _VectorizerConfigCreate, vector_index_config: object) -> _V:
    out = _single(name, vectorizer, vector_index_config, name_required=True)
    object.__setattr__(out, "_named_syntax", True)  # frozen: marked once, when built
    return out


class _NamedVectors:
    """Older factories for named vectors (``Configure.NamedVectors``); prefer ``Configure.Vectors``.

    Same modules and settings as ``Configure.Vectors``, with the name required and given first.
    """

    @staticmethod
    def none(name: str, *, vector_index_config: _VIC | None = None) -> _V:
        """A named vector you provide yourself on insert."""
        return _named(name, _build_none(), vector_index_config)

    @staticmethod
    def custom(
        name: str,
        *,
        module_name: str,
        module_config: dict[str, Any] | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A named vector made by any module, given by its name and settings."""
        return _named(
            name,
            _build_custom(module_name, module_config, source_properties),
            vector_index_config,
        )

    @staticmethod
    def img2vec_neural(
        name: str, image_fields: list[str], *, vector_index_config: _VIC | None = None
    ) -> _V:
        """A named vector from the ``img2vec-neural`` module."""
        return _named(name, _build_img2vec_neural(image_fields), vector_index_config)

    @staticmethod
    def ref2vec_centroid(
        name: str,
        reference_properties: list[str],
        *,
        method: Literal["mean"] = "mean",
        vector_index_config: _VIC | None = None,
    ) -> _V:
        """A named vector from the ``ref2vec-centroid`` module."""
        return _named(
            name, _build_ref2vec_centroid(reference_properties, method), vector_index_config
        )

    @staticmethod
    def multi2vec_bind(
        name: str,
        *,
        audio_fields: _Fields = None,
        depth_fields: _Fields = None,
        image_fields: _Fields = None,
        imu_fields: _Fields = None,
        text_fields: _Fields = None,
        thermal_fields: _Fields = None,
        video_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-bind`` module."""
        return _named(
            name,
            _build_multi2vec_bind(
                audio_fields=audio_fields,
                depth_fields=depth_fields,
                image_fields=image_fields,
                imu_fields=imu_fields,
                text_fields=text_fields,
                thermal_fields=thermal_fields,
                video_fields=video_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def multi2vec_clip(
        name: str,
        *,
        inference_url: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-clip`` module."""
        return _named(
            name,
            _build_multi2vec_clip(
                inference_url=inference_url,
                image_fields=image_fields,
                text_fields=text_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def multi2vec_cohere(
        name: str,
        *,
        base_url: str | None = None,
        image_fields: _Fields = None,
        model: str | None = None,
        text_fields: _Fields = None,
        truncate: CohereTruncation | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-cohere`` module."""
        return _named(
            name,
            _build_multi2vec_cohere(
                model=model,
                base_url=base_url,
                truncate=truncate,
                image_fields=image_fields,
                text_fields=text_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def multi2vec_google(
        name: str,
        *,
        location: str,
        project_id: str,
        audio_fields: _Fields = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        dimensions: int | None = None,
        video_interval_seconds: int | None = None,
        model_id: str | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-google`` module with Vertex AI."""
        return _named(
            name,
            _build_multi2vec_google(
                project_id=project_id,
                location=location,
                model_id=model_id,
                model_field="model_id",
                dimensions=dimensions,
                video_interval_seconds=video_interval_seconds,
                audio_fields=audio_fields,
                image_fields=image_fields,
                text_fields=text_fields,
                video_fields=video_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def multi2vec_palm(
        name: str,
        *,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        location: str,
        project_id: str,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        dimensions: int | None = None,
        video_interval_seconds: int | None = None,
        model_id: str | None = None,
    ) -> _V:
        """Older name of :meth:`multi2vec_google`."""
        _renamed_module("multi2vec-palm", "multi2vec-google")
        return _NamedVectors.multi2vec_google(
            name,
            location=location,
            project_id=project_id,
            image_fields=image_fields,
            text_fields=text_fields,
            video_fields=video_fields,
            dimensions=dimensions,
            video_interval_seconds=video_interval_seconds,
            model_id=model_id,
            vector_index_config=vector_index_config,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_jinaai(
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        dimensions: int | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-jinaai`` module."""
        return _named(
            name,
            _build_multi2vec_simple(
                "multi2vec-jinaai",
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                image_fields=image_fields,
                text_fields=text_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def multi2vec_nvidia(
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        truncation: bool | None = None,
        output_encoding: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-nvidia`` module."""
        return _named(
            name,
            _build_multi2vec_nvidia(
                model=model,
                base_url=base_url,
                truncation=truncation,
                output_encoding=output_encoding,
                image_fields=image_fields,
                text_fields=text_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def multi2vec_voyageai(
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        truncation: bool | None = None,
        output_encoding: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``multi2vec-voyageai`` module."""
        return _named(
            name,
            _build_multi2vec_voyageai(
                model=model,
                base_url=base_url,
                truncation=truncation,
                output_encoding=output_encoding,
                image_fields=image_fields,
                text_fields=text_fields,
                vectorize_collection_name=vectorize_collection_name,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2colbert_jinaai(
        name: str,
        *,
        dimensions: int | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named multi-vector from the ``text2multivec-jinaai`` module (Jina ColBERT).

        The index gets multi-vector support (hnsw with multi-vector when none is given).
        """
        _vector_name(name, required=True)
        return _multi(
            name,
            _build_text2multivec_jinaai(
                model=model,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
            None,
            None,
            None,
        )

    @staticmethod
    def text2vec_aws(
        name: str,
        region: str,
        *,
        endpoint: str | None = None,
        model: str | None = None,
        service: AWSService | str = "bedrock",
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        dimensions: int | None = None,
    ) -> _V:
        """A named vector from the ``text2vec-aws`` module."""
        return _named(
            name,
            _build_text2vec_aws(
                model=model,
                region=region,
                endpoint=endpoint,
                service=service,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_azure_openai(
        name: str,
        resource_name: str,
        deployment_id: str,
        *,
        base_url: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-openai`` module with Azure OpenAI."""
        return _named(
            name,
            _build_text2vec_azure_openai(
                resource_name=resource_name,
                deployment_id=deployment_id,
                base_url=base_url,
                dimensions=dimensions,
                model=model,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_cohere(
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        truncate: CohereTruncation | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-cohere`` module."""
        return _named(
            name,
            _build_text2vec_cohere(
                model=model,
                truncate=truncate,
                base_url=base_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_contextionary(
        name: str,
        *,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-contextionary`` module."""
        return _named(
            name,
            _build_text_only(
                "text2vec-contextionary", vectorize_collection_name, source_properties
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_databricks(
        name: str,
        *,
        endpoint: str,
        instruction: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-databricks`` module."""
        return _named(
            name,
            _build_text2vec_databricks(
                endpoint=endpoint,
                instruction=instruction,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_google(
        name: str,
        project_id: str,
        *,
        api_endpoint: str | None = None,
        model_id: str | None = None,
        title_property: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        location: str | None = None,
    ) -> _V:
        """A named vector from the ``text2vec-google`` module with Vertex AI."""
        return _named(
            name,
            _build_text2vec_google(
                project_id=project_id,
                api_endpoint=api_endpoint,
                model_id=model_id,
                model_field="model_id",
                title_property=title_property,
                location=location,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_palm(
        name: str,
        project_id: str,
        *,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        api_endpoint: str | None = None,
        model_id: str | None = None,
        title_property: str | None = None,
    ) -> _V:
        """Older name of :meth:`text2vec_google`."""
        _renamed_module("text2vec-palm", "text2vec-google")
        return _NamedVectors.text2vec_google(
            name,
            project_id,
            api_endpoint=api_endpoint,
            model_id=model_id,
            title_property=title_property,
            source_properties=source_properties,
            vector_index_config=vector_index_config,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_google_aistudio(
        name: str,
        *,
        model_id: str | None = None,
        title_property: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-google`` module with Google AI Studio."""
        return _named(
            name,
            _build_text2vec_google(
                model_id=model_id,
                model_field="model_id",
                title_property=title_property,
                ai_studio=True,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_gpt4all(
        name: str,
        *,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-gpt4all`` module."""
        return _named(
            name,
            _build_text_only("text2vec-gpt4all", vectorize_collection_name, source_properties),
            vector_index_config,
        )

    @staticmethod
    def text2vec_huggingface(
        name: str,
        *,
        model: str | None = None,
        passage_model: str | None = None,
        query_model: str | None = None,
        endpoint_url: str | None = None,
        wait_for_model: bool | None = None,
        use_gpu: bool | None = None,
        use_cache: bool | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-huggingface`` module."""
        return _named(
            name,
            _build_text2vec_huggingface(
                model=model,
                passage_model=passage_model,
                query_model=query_model,
                endpoint_url=endpoint_url,
                wait_for_model=wait_for_model,
                use_gpu=use_gpu,
                use_cache=use_cache,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_jinaai(
        name: str,
        *,
        base_url: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-jinaai`` module."""
        return _named(
            name,
            _build_simple_text(
                "text2vec-jinaai",
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_mistral(
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-mistral`` module."""
        return _named(
            name,
            _build_simple_text(
                "text2vec-mistral",
                model=model,
                base_url=base_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_model2vec(
        name: str,
        *,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
        inference_url: str | None = None,
    ) -> _V:
        """A named vector from the ``text2vec-model2vec`` module."""
        return _named(
            name,
            _build_text2vec_model2vec(
                inference_url=inference_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_nvidia(
        name: str,
        *,
        model: str | None = None,
        base_url: str | None = None,
        truncate: bool | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-nvidia`` module."""
        return _named(
            name,
            _build_text2vec_nvidia(
                model=model,
                base_url=base_url,
                truncate=truncate,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_ollama(
        name: str,
        *,
        api_endpoint: str | None = None,
        model: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-ollama`` module."""
        return _named(
            name,
            _build_text2vec_ollama(
                api_endpoint=api_endpoint,
                model=model,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_openai(
        name: str,
        *,
        base_url: str | None = None,
        dimensions: int | None = None,
        endpoint: str | None = None,
        model: str | None = None,
        model_version: str | None = None,
        type_: OpenAIType | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-openai`` module."""
        return _named(
            name,
            _build_text2vec_openai(
                model=model,
                model_version=model_version,
                type_=type_,
                base_url=base_url,
                dimensions=dimensions,
                endpoint=endpoint,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_transformers(
        name: str,
        *,
        dimensions: int | None = None,
        pooling_strategy: PoolingStrategy = "masked_mean",
        inference_url: str | None = None,
        passage_inference_url: str | None = None,
        query_inference_url: str | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-transformers`` module."""
        return _named(
            name,
            _build_text2vec_transformers(
                pooling_strategy=pooling_strategy,
                dimensions=dimensions,
                inference_url=inference_url,
                passage_inference_url=passage_inference_url,
                query_inference_url=query_inference_url,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_voyageai(
        name: str,
        *,
        model: str | None = None,
        base_url: str | None = None,
        truncate: bool | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-voyageai`` module."""
        return _named(
            name,
            _build_text2vec_voyageai(
                model=model,
                base_url=base_url,
                truncate=truncate,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )

    @staticmethod
    def text2vec_weaviate(
        name: str,
        *,
        model: str | None = None,
        base_url: str | None = None,
        dimensions: int | None = None,
        source_properties: list[str] | None = None,
        vector_index_config: _VIC | None = None,
        vectorize_collection_name: bool = True,
    ) -> _V:
        """A named vector from the ``text2vec-weaviate`` module."""
        return _named(
            name,
            _build_simple_text(
                "text2vec-weaviate",
                model=model,
                base_url=base_url,
                dimensions=dimensions,
                vectorize_collection_name=vectorize_collection_name,
                source_properties=source_properties,
            ),
            vector_index_config,
        )


# --------------------------------------------------------------------------------------------
# Configure.Vectorizer: the oldest form, the collection-level (unnamed, legacy) vectorizer.
# --------------------------------------------------------------------------------------------

_VC = _VectorizerConfigCreate


class _Vectorizer:
    """Oldest factories: the collection-level vectorizer (``Configure.Vectorizer``).

    They return only the module and its settings (``class.vectorizer`` and
    ``class.moduleConfig``); prefer ``Configure.Vectors``, which also sets the vector's name and
    index.
    """

    @staticmethod
    def none() -> _VC:
        """No vectorizer: vectors are provided on insert."""
        return _build_none()

    @staticmethod
    def custom(module_name: str, module_config: dict[str, Any] | None = None) -> _VC:
        """Any module, given by its name and its settings (server JSON keys)."""
        return _build_custom(module_name, module_config)

    @staticmethod
    def img2vec_neural(image_fields: list[str]) -> _VC:
        """The ``img2vec-neural`` module over the given blob properties."""
        return _build_img2vec_neural(image_fields)

    @staticmethod
    def ref2vec_centroid(reference_properties: list[str], method: Literal["mean"] = "mean") -> _VC:
        """The ``ref2vec-centroid`` module."""
        return _build_ref2vec_centroid(reference_properties, method)

    @staticmethod
    def multi2vec_bind(
        audio_fields: _Fields = None,
        depth_fields: _Fields = None,
        image_fields: _Fields = None,
        imu_fields: _Fields = None,
        text_fields: _Fields = None,
        thermal_fields: _Fields = None,
        video_fields: _Fields = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``multi2vec-bind`` module."""
        return _build_multi2vec_bind(
            audio_fields=audio_fields,
            depth_fields=depth_fields,
            image_fields=image_fields,
            imu_fields=imu_fields,
            text_fields=text_fields,
            thermal_fields=thermal_fields,
            video_fields=video_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_clip(
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        interference_url: str | None = None,
        inference_url: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``multi2vec-clip`` module (``interference_url`` is an older spelling)."""
        return _build_multi2vec_clip(
            inference_url=_legacy_clip_url(interference_url, inference_url),
            image_fields=image_fields,
            text_fields=text_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_cohere(
        *,
        model: str | None = None,
        truncate: CohereTruncation | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
    ) -> _VC:
        """The ``multi2vec-cohere`` module."""
        return _build_multi2vec_cohere(
            model=model,
            truncate=truncate,
            base_url=base_url,
            image_fields=image_fields,
            text_fields=text_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_google(
        *,
        location: str,
        project_id: str,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        dimensions: int | None = None,
        model_id: str | None = None,
        video_interval_seconds: int | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``multi2vec-google`` module with Vertex AI."""
        return _build_multi2vec_google(
            project_id=project_id,
            location=location,
            model_id=model_id,
            model_field="model_id",
            dimensions=dimensions,
            video_interval_seconds=video_interval_seconds,
            image_fields=image_fields,
            text_fields=text_fields,
            video_fields=video_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_palm(
        *,
        location: str,
        project_id: str,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
        video_fields: _Fields = None,
        dimensions: int | None = None,
        model_id: str | None = None,
        video_interval_seconds: int | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """Older name of :meth:`multi2vec_google`."""
        _renamed_module("multi2vec-palm", "multi2vec-google")
        return _Vectorizer.multi2vec_google(
            location=location,
            project_id=project_id,
            image_fields=image_fields,
            text_fields=text_fields,
            video_fields=video_fields,
            dimensions=dimensions,
            model_id=model_id,
            video_interval_seconds=video_interval_seconds,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_jinaai(
        *,
        model: str | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        dimensions: int | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
    ) -> _VC:
        """The ``multi2vec-jinaai`` module."""
        return _build_multi2vec_simple(
            "multi2vec-jinaai",
            model=model,
            base_url=base_url,
            dimensions=dimensions,
            image_fields=image_fields,
            text_fields=text_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_nvidia(
        *,
        model: str | None = None,
        truncation: bool | None = None,
        output_encoding: str | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
    ) -> _VC:
        """The ``multi2vec-nvidia`` module."""
        return _build_multi2vec_nvidia(
            model=model,
            base_url=base_url,
            truncation=truncation,
            output_encoding=output_encoding,
            image_fields=image_fields,
            text_fields=text_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def multi2vec_voyageai(
        *,
        model: str | None = None,
        truncation: bool | None = None,
        output_encoding: str | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        image_fields: _Fields = None,
        text_fields: _Fields = None,
    ) -> _VC:
        """The ``multi2vec-voyageai`` module."""
        return _build_multi2vec_voyageai(
            model=model,
            base_url=base_url,
            truncation=truncation,
            output_encoding=output_encoding,
            image_fields=image_fields,
            text_fields=text_fields,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_aws(
        model: str | None = None,
        region: str = "",
        endpoint: str | None = None,
        service: AWSService | str = "bedrock",
        vectorize_collection_name: bool = True,
        dimensions: int | None = None,
    ) -> _VC:
        """The ``text2vec-aws`` module (``region`` is required)."""
        return _build_text2vec_aws(
            model=model,
            region=region,
            endpoint=endpoint,
            service=service,
            dimensions=dimensions,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_azure_openai(
        resource_name: str,
        deployment_id: str,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        dimensions: int | None = None,
        model: str | None = None,
    ) -> _VC:
        """The ``text2vec-openai`` module with Azure OpenAI."""
        return _build_text2vec_azure_openai(
            resource_name=resource_name,
            deployment_id=deployment_id,
            base_url=base_url,
            dimensions=dimensions,
            model=model,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_cohere(
        model: str | None = None,
        truncate: CohereTruncation | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
    ) -> _VC:
        """The ``text2vec-cohere`` module."""
        return _build_text2vec_cohere(
            model=model,
            truncate=truncate,
            base_url=base_url,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_contextionary(vectorize_collection_name: bool = True) -> _VC:
        """The ``text2vec-contextionary`` module."""
        return _build_text_only("text2vec-contextionary", vectorize_collection_name, None)

    @staticmethod
    def text2vec_databricks(
        *,
        endpoint: str,
        instruction: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-databricks`` module."""
        return _build_text2vec_databricks(
            endpoint=endpoint,
            instruction=instruction,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_google(
        project_id: str,
        api_endpoint: str | None = None,
        model_id: str | None = None,
        title_property: str | None = None,
        vectorize_collection_name: bool = True,
        location: str | None = None,
    ) -> _VC:
        """The ``text2vec-google`` module with Vertex AI."""
        return _build_text2vec_google(
            project_id=project_id,
            api_endpoint=api_endpoint,
            model_id=model_id,
            model_field="model_id",
            title_property=title_property,
            location=location,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_palm(
        project_id: str,
        api_endpoint: str | None = None,
        model_id: str | None = None,
        title_property: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """Older name of :meth:`text2vec_google`."""
        _renamed_module("text2vec-palm", "text2vec-google")
        return _Vectorizer.text2vec_google(
            project_id, api_endpoint, model_id, title_property, vectorize_collection_name
        )

    @staticmethod
    def text2vec_google_aistudio(
        model_id: str | None = None,
        title_property: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-google`` module with Google AI Studio."""
        return _build_text2vec_google(
            model_id=model_id,
            model_field="model_id",
            title_property=title_property,
            ai_studio=True,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_gpt4all(vectorize_collection_name: bool = True) -> _VC:
        """The ``text2vec-gpt4all`` module."""
        return _build_text_only("text2vec-gpt4all", vectorize_collection_name, None)

    @staticmethod
    def text2vec_huggingface(
        model: str | None = None,
        passage_model: str | None = None,
        query_model: str | None = None,
        endpoint_url: str | None = None,
        wait_for_model: bool | None = None,
        use_gpu: bool | None = None,
        use_cache: bool | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-huggingface`` module."""
        return _build_text2vec_huggingface(
            model=model,
            passage_model=passage_model,
            query_model=query_model,
            endpoint_url=endpoint_url,
            wait_for_model=wait_for_model,
            use_gpu=use_gpu,
            use_cache=use_cache,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_jinaai(
        model: str | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        dimensions: int | None = None,
    ) -> _VC:
        """The ``text2vec-jinaai`` module."""
        return _build_simple_text(
            "text2vec-jinaai",
            model=model,
            base_url=base_url,
            dimensions=dimensions,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_mistral(
        *,
        base_url: str | None = None,
        model: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-mistral`` module."""
        return _build_simple_text(
            "text2vec-mistral",
            model=model,
            base_url=base_url,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_model2vec(
        *, inference_url: str | None = None, vectorize_collection_name: bool = True
    ) -> _VC:
        """The ``text2vec-model2vec`` module."""
        return _build_text2vec_model2vec(
            inference_url=inference_url, vectorize_collection_name=vectorize_collection_name
        )

    @staticmethod
    def text2vec_nvidia(
        *,
        model: str | None = None,
        base_url: str | None = None,
        truncate: bool | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-nvidia`` module."""
        return _build_text2vec_nvidia(
            model=model,
            base_url=base_url,
            truncate=truncate,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_ollama(
        *,
        api_endpoint: str | None = None,
        model: str | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-ollama`` module."""
        return _build_text2vec_ollama(
            api_endpoint=api_endpoint,
            model=model,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_openai(
        model: str | None = None,
        model_version: str | None = None,
        type_: OpenAIType | None = None,
        vectorize_collection_name: bool = True,
        base_url: str | None = None,
        dimensions: int | None = None,
        endpoint: str | None = None,
    ) -> _VC:
        """The ``text2vec-openai`` module."""
        return _build_text2vec_openai(
            model=model,
            model_version=model_version,
            type_=type_,
            base_url=base_url,
            dimensions=dimensions,
            endpoint=endpoint,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_transformers(
        pooling_strategy: PoolingStrategy = "masked_mean",
        dimensions: int | None = None,
        vectorize_collection_name: bool = True,
        inference_url: str | None = None,
        passage_inference_url: str | None = None,
        query_inference_url: str | None = None,
    ) -> _VC:
        """The ``text2vec-transformers`` module."""
        return _build_text2vec_transformers(
            pooling_strategy=pooling_strategy,
            dimensions=dimensions,
            inference_url=inference_url,
            passage_inference_url=passage_inference_url,
            query_inference_url=query_inference_url,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_voyageai(
        *,
        model: str | None = None,
        base_url: str | None = None,
        truncate: bool | None = None,
        vectorize_collection_name: bool = True,
    ) -> _VC:
        """The ``text2vec-voyageai`` module."""
        return _build_text2vec_voyageai(
            model=model,
            base_url=base_url,
            truncate=truncate,
            vectorize_collection_name=vectorize_collection_name,
        )

    @staticmethod
    def text2vec_weaviate(
        *,
        model: str | None = None,
        base_url: str | None = None,
        vectorize_collection_name: bool = True,
        dimensions: int | None = None,
    ) -> _VC:
        """The ``text2vec-weaviate`` module."""
        return _build_simple_text(
            "text2vec-weaviate",
            model=model,
            base_url=base_url,
            dimensions=dimensions,
            vectorize_collection_name=vectorize_collection_name,
        )
