"""The builders behind the vectorizer factories (``Configure.Vectors`` and its older forms).

One builder per module: it checks the module's arguments, raising
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming the offending field, and
returns the module's settings under the server's JSON keys; options left as None are not sent,
so the server's defaults apply. The helpers that place a vectorizer in a vector (name, index,
quantizer, multi-vector) live here too. The builders themselves are generated from
``tools/factory_tables/vectorizer_modules.py`` into :mod:`._vectorizer_modules`; the checks
across arguments they call (and the custom module's builder) are here. The public namespaces
are generated from ``tools/factory_tables/vectorizers.py`` into :mod:`.config_vectorizers`;
they only give each builder its official spellings.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any, Literal

import attrs

from weaviate_async._validate import (
    bool_arg,
    check_vector_name,
    choice_arg,
    float_arg,
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

__all__ = ["AWSService", "CohereTruncation", "Multi2VecField", "OpenAIType", "PoolingStrategy"]

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
        weights.append(float_arg(weight, f"{field}[{i}].weight"))
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


def _multimodal(module: str, settings: dict[str, Any]) -> _VectorizerConfigCreate:
    """A multi-modal module from its settings, the ``<kind>Fields`` entries still as given:
    they become names (and ``weights`` when the fields have them), checked here.

    The argument name for error messages is derived from the key (``imageFields``:
    ``image_fields``).
    """
    out: dict[str, Any] = {}
    weights: dict[str, list[float]] = {}
    for key, value in settings.items():
        if not key.endswith("Fields"):
            continue
        names, ws = _fields(value, re.sub(r"(?<!^)([A-Z])", r"_\1", key).lower())
        if names is not None:
            out[key] = names
        if ws is not None:
            weights[key] = ws
    if weights:
        out["weights"] = weights
    out.update((k, v) for k, v in settings.items() if not k.endswith("Fields"))
    return _vectorizer(module, out)


def _vcn(value: object) -> None:
    """Check ``vectorize_collection_name`` of the multi-modal forms.

    The multi-modal modules do not vectorize the collection name (their ``vectorizeClassName``
    setting is unused by the server), so, as in the official client, the flag is accepted for
    compatibility and not sent.
    """
    bool_arg(value, "vectorize_collection_name")


# --------------------------------------------------------------------------------------------
# Vector index placement (the index builders live in config_index and are imported lazily).
# --------------------------------------------------------------------------------------------


def _check_index(value: object) -> _VectorIndexConfigCreate | None:
    if value is None or isinstance(value, _VectorIndexConfigCreate):
        return value
    raise invalid("vector_index_config", "must be a vector index from Configure.VectorIndex", value)


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


def _single(
    name: object,
    vectorizer: _VectorizerConfigCreate,
    vector_index_config: object,
    quantizer: Any = None,
    *,
    name_required: bool = False,
) -> _VectorConfigCreate:
    """A single vector: the given index, with ``quantizer`` if one is given.

    Without an index, a quantizer gets the default index (hnsw) to live on.
    """
    index = _check_index(vector_index_config)
    if quantizer is not None and index is not None:
        index = _with_option(index, "quantizer", quantizer, "quantizer")
    elif quantizer is not None:
        from weaviate_async.classes.config_index import _VectorIndex

        index = _VectorIndex.hnsw(quantizer=quantizer)
    return _VectorConfigCreate(
        name=_vector_name(name, required=name_required),
        vectorizer=vectorizer,
        vector_index_config=index,
    )


def _multi(
    name: object,
    vectorizer: _VectorizerConfigCreate,
    vector_index_config: object,
    quantizer: Any,
    multi_vector_config: Any,
    encoding: Any,
) -> _VectorConfigCreate:
    """A multi-vector: multi-vector-enabled hnsw unless an index is given.

    A given index keeps a multi-vector setting it already has; otherwise ``multi_vector_config``
    (or ``multi_vector(encoding=encoding)``, or the default ``multi_vector()``) is set on it.
    """
    index = _check_index(vector_index_config)
    from weaviate_async.classes.config_index import _MultiVectorConfigCreate, _VectorIndex

    if multi_vector_config is not None and encoding is not None:
        raise invalid(
            "encoding", "give the encoding inside multi_vector_config or on its own, not both"
        )
    if multi_vector_config is None:
        already = getattr(index, "multi_vector", None) is not None
        # built directly: the public forms of these two warn (deprecated for users)
        if encoding is not None:
            multi_vector_config = _MultiVectorConfigCreate(encoding=encoding)
        elif not already:
            multi_vector_config = _MultiVectorConfigCreate()
    if index is None:
        hnsw = _VectorIndex.hnsw(quantizer=quantizer)
        index = attrs.evolve(hnsw, multi_vector=multi_vector_config)
    else:
        if multi_vector_config is not None:
            index = _with_option(index, "multi_vector", multi_vector_config, "multi_vector_config")
        if quantizer is not None:
            index = _with_option(index, "quantizer", quantizer, "quantizer")
    return _VectorConfigCreate(
        name=_vector_name(name), vectorizer=vectorizer, vector_index_config=index
    )


# --------------------------------------------------------------------------------------------
# One builder per module. Each returns the module's settings; the namespaces below wrap them.
# --------------------------------------------------------------------------------------------


def _build_custom(
    module_name: object, module_config: object, source_properties: object = None
) -> _VectorizerConfigCreate:
    module = _req_str(module_name, "module_name")
    settings = mapping_arg(module_config, "module_config")
    props = str_list_arg(source_properties, "source_properties")
    if props is not None:
        if "properties" in settings:
            raise invalid(
                "source_properties", "is also given as module_config['properties']; give one"
            )
        settings["properties"] = props
    return _vectorizer(module, settings)


def _aws_place(
    service: object, model: object, endpoint: object, targets: tuple[object, object] | None = None
) -> tuple[str, str | None, str | None]:
    """The checked ``service``, ``model`` and ``endpoint`` of an AWS module (vectorizer and
    generative).

    Bedrock needs a ``model`` and takes no ``endpoint``; SageMaker needs an ``endpoint``. The
    vectorizer also gives its ``targets`` (``target_model``, ``target_variant``): they belong
    to SageMaker, where the vectorizer takes no ``model``.
    """
    svc = choice_arg(service, "service", _AWS_SERVICES)
    if svc is None:
        needed = "'bedrock' or 'sagemaker'" if targets is None else f"one of {_AWS_SERVICES}"
        raise invalid("service", f"is required: {needed}")
    model_ = str_arg(model, "model")
    endpoint_ = str_arg(endpoint, "endpoint")
    # without targets (generative-aws), none is given
    named = zip(("target_model", "target_variant"), targets or (), strict=False)
    given = [n for n, v in named if str_arg(v, n) is not None]
    if svc == "bedrock":
        if model_ is None:
            raise invalid("model", "is required with the bedrock service")
        if endpoint_ is not None:
            raise invalid("endpoint", "applies to the sagemaker service only")
        if given:
            raise invalid(given[0], "applies to the sagemaker service only")
    elif endpoint_ is None:
        raise invalid("endpoint", "is required with the sagemaker service")
    elif targets is not None and model_ is not None:
        raise invalid("model", "applies to bedrock only; use target_model with sagemaker")
    return svc, model_, endpoint_


def _google_project_endpoint(
    ai_studio: bool, project_id: object, api_endpoint: object
) -> tuple[str | None, str | None]:
    """``projectId`` and ``apiEndpoint`` of a Google module (text2vec-google, generative-google).

    Vertex AI needs ``project_id`` (``api_endpoint`` is optional); Google AI Studio
    (``ai_studio``) has no project and a fixed endpoint.
    """
    if ai_studio:
        return None, _GOOGLE_AI_STUDIO_ENDPOINT
    return _req_str(project_id, "project_id"), str_arg(api_endpoint, "api_endpoint")


def _google_multi2vec_place(
    ai_studio: bool, project_id: object, location: object
) -> tuple[str | None, str | None, str | None]:
    """``projectId``, ``location`` and ``apiEndpoint`` of multi2vec-google: Vertex AI needs the
    project and the location; Google AI Studio has neither and a fixed endpoint."""
    if ai_studio:
        return None, None, _GOOGLE_AI_STUDIO_ENDPOINT
    return _req_str(project_id, "project_id"), _req_str(location, "location"), None


def _huggingface_source(
    model: object,
    passage_model: object,
    query_model: object,
    endpoint_url: object,
    wait_for_model: object,
    use_gpu: object,
    use_cache: object,
) -> tuple[str | None, str | None, str | None, str | None, dict[str, bool] | None]:
    """The checked ``model``, ``passageModel``, ``queryModel``, ``endpointURL`` and
    ``options`` of text2vec-huggingface: one model source (a model, a passage/query pair or
    an endpoint), the options only when one is set."""
    model_ = str_arg(model, "model")
    passage = str_arg(passage_model, "passage_model")
    query = str_arg(query_model, "query_model")
    url = url_arg(endpoint_url, "endpoint_url")
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
        "waitForModel": bool_arg(wait_for_model, "wait_for_model"),
        "useGPU": bool_arg(use_gpu, "use_gpu"),
        "useCache": bool_arg(use_cache, "use_cache"),
    }
    set_options = {k: v for k, v in options.items() if v is not None}
    return model_, passage, query, url, set_options or None


def _transformers_urls(
    inference_url: object, passage_inference_url: object, query_inference_url: object
) -> tuple[str | None, str | None, str | None]:
    """The checked inference URLs of text2vec-transformers: one URL, or a passage/query pair."""
    single = url_arg(inference_url, "inference_url")
    passage = url_arg(passage_inference_url, "passage_inference_url")
    query = url_arg(query_inference_url, "query_inference_url")
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
    return single, passage, query


def _legacy_clip_url(interference_url: object, inference_url: object) -> object:
    """The older ``interference_url`` spelling of multi2vec-clip's ``inference_url``."""
    if interference_url is not None and inference_url is not None:
        raise invalid("interference_url", "is the older name of inference_url; give one")
    return inference_url if inference_url is not None else interference_url


# --------------------------------------------------------------------------------------------
# What the generated namespaces wrap the builders in.
# --------------------------------------------------------------------------------------------

_V = _VectorConfigCreate
_VIC = _VectorIndexConfigCreate
_VC = _VectorizerConfigCreate


def _named(name: str, vectorizer: _VectorizerConfigCreate, vector_index_config: object) -> _V:
    """A vector of ``Configure.NamedVectors``: the name is required, and the older syntax is
    marked so that ``config.add_vector`` warns about it as the official client does."""
    out = _single(name, vectorizer, vector_index_config, name_required=True)
    object.__setattr__(out, "_named_syntax", True)  # frozen: marked once, when built
    return out


def _renamed_module(old: str, new: str) -> None:
    """The official client's deprecation of a module's older name (same category, same call)."""
    warnings.warn(f"{old} is deprecated: use {new}", DeprecationWarning, stacklevel=3)
