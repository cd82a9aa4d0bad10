"""The builders behind ``Configure.Generative`` and ``Configure.Reranker``: the settings helpers
and the two generative modules whose factories share a builder (``generative-aws`` and
``generative-google``).

The public namespace is generated from ``tools/factory_tables/generative.py`` into
:mod:`.config_generative`; most of its factories are written there as data (each parameter's
JSON key and check), the two families here need more than one key per argument.
"""

from __future__ import annotations

from typing import Any, Literal

from weaviate_async._validate import (
    invalid,
)
from weaviate_async.classes._config_base import _GenerativeProvider, _RerankerProvider
from weaviate_async.classes._vectorizer_builders import (
    _choice,
    _float,
    _google_project_endpoint,
    _int,
    _req_str,
    _str,
    _str_list,
)

__all__ = ["META_REASONING_EFFORTS", "MetaReasoningEffort"]

_REASONING_EFFORTS = ("minimal", "low", "medium", "high")
#: The reasoning efforts of the ``generative-meta`` module (collection and query time).
MetaReasoningEffort = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
META_REASONING_EFFORTS: tuple[str, ...] = ("none", "minimal", "low", "medium", "high", "xhigh")
_VERBOSITIES = ("low", "medium", "high")


def _provider(module: str, settings: dict[str, Any]) -> _GenerativeProvider:
    return _GenerativeProvider(
        module=module,
        settings={k: v for k, v in settings.items() if v is not None},
        known=frozenset(settings),
    )


def _reranker(module: str, settings: dict[str, Any]) -> _RerankerProvider:
    """A reranker module and its settings (the generated ``Configure.Reranker`` makes them)."""
    return _RerankerProvider(
        module=module,
        settings={k: v for k, v in settings.items() if v is not None},
        known=frozenset(settings),
    )


def _temperature(value: object) -> float | None:
    return _float(value, "temperature", minimum=0)


def _top_p(value: object) -> float | None:
    return _float(value, "top_p", minimum=0, maximum=1)


def _top_k(value: object) -> int | None:
    return _int(value, "top_k", minimum=0)


def _max_tokens(value: object, field: str = "max_tokens") -> int | None:
    return _int(value, field, minimum=1)


def _penalty(value: object, field: str) -> float | None:
    return _float(value, field)


def _build_aws(
    *,
    service: object,
    region: object,
    model: object = None,
    endpoint: object = None,
    target_model: object = None,
    target_variant: object = None,
    temperature: object = None,
    max_tokens: object = None,
    top_k: object = None,
    top_p: object = None,
    stop_sequences: object = None,
) -> _GenerativeProvider:
    svc = _choice(service, "service", ("bedrock", "sagemaker"))
    if svc is None:
        raise invalid("service", "is required: 'bedrock' or 'sagemaker'")
    model_ = _str(model, "model")
    endpoint_ = _str(endpoint, "endpoint")
    if svc == "bedrock":
        if model_ is None:
            raise invalid("model", "is required with the bedrock service")
        if endpoint_ is not None:
            raise invalid("endpoint", "applies to the sagemaker service only")
    elif endpoint_ is None:
        raise invalid("endpoint", "is required with the sagemaker service")
    return _provider(
        "generative-aws",
        {
            "region": _req_str(region, "region"),
            "service": svc,
            "model": model_,
            "endpoint": endpoint_,
            "targetModel": _str(target_model, "target_model"),
            "targetVariant": _str(target_variant, "target_variant"),
            "temperature": _temperature(temperature),
            "maxTokens": _max_tokens(max_tokens),
            "topK": _top_k(top_k),
            "topP": _top_p(top_p),
            "stopSequences": _str_list(stop_sequences, "stop_sequences"),
        },
    )


def _build_google(
    *,
    project_id: object = None,
    api_endpoint: object = None,
    region: object = None,
    location: object = None,
    endpoint_id: object = None,
    model_id: object = None,
    model_field: str = "model_id",
    max_output_tokens: object = None,
    temperature: object = None,
    top_k: object = None,
    top_p: object = None,
    ai_studio: bool = False,
) -> _GenerativeProvider:
    """Vertex AI (project required) or, with ``ai_studio``, the Gemini API."""
    project, endpoint = _google_project_endpoint(ai_studio, project_id, api_endpoint)
    # The server reads the output token limit of generative-google from "tokenLimit".
    return _provider(
        "generative-google",
        {
            "projectId": project,
            "apiEndpoint": endpoint,
            "region": _str(region, "region"),
            "location": _str(location, "location"),
            "endpointId": _str(endpoint_id, "endpoint_id"),
            "modelId": _str(model_id, model_field),
            "tokenLimit": _max_tokens(max_output_tokens, "max_output_tokens"),
            "temperature": _temperature(temperature),
            "topK": _top_k(top_k),
            "topP": _top_p(top_p),
        },
    )
