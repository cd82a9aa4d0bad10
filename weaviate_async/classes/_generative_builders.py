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
    choice_arg,
    float_arg,
    int_arg,
    invalid,
    str_arg,
    str_list_arg,
)
from weaviate_async.classes._config_base import _GenerativeProvider, _RerankerProvider
from weaviate_async.classes._vectorizer_builders import (
    _google_project_endpoint,
    _req_str,
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
    return float_arg(value, "temperature", minimum=0)


def _top_p(value: object) -> float | None:
    return float_arg(value, "top_p", minimum=0, maximum=1)


def _top_k(value: object) -> int | None:
    return int_arg(value, "top_k", minimum=0)


def _max_tokens(value: object, field: str = "max_tokens") -> int | None:
    return int_arg(value, field, minimum=1)


def _penalty(value: object, field: str) -> float | None:
    return float_arg(value, field)


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
    svc = choice_arg(service, "service", ("bedrock", "sagemaker"))
    if svc is None:
        raise invalid("service", "is required: 'bedrock' or 'sagemaker'")
    model_ = str_arg(model, "model")
    endpoint_ = str_arg(endpoint, "endpoint")
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
            "targetModel": str_arg(target_model, "target_model"),
            "targetVariant": str_arg(target_variant, "target_variant"),
            "temperature": _temperature(temperature),
            "maxTokens": _max_tokens(max_tokens),
            "topK": _top_k(top_k),
            "topP": _top_p(top_p),
            "stopSequences": str_list_arg(stop_sequences, "stop_sequences"),
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
            "region": str_arg(region, "region"),
            "location": str_arg(location, "location"),
            "endpointId": str_arg(endpoint_id, "endpoint_id"),
            "modelId": str_arg(model_id, model_field),
            "tokenLimit": _max_tokens(max_output_tokens, "max_output_tokens"),
            "temperature": _temperature(temperature),
            "topK": _top_k(top_k),
            "topP": _top_p(top_p),
        },
    )
