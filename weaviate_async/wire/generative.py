"""Generative search arguments -> ``GenerativeSearch``. Pure functions.

``single_prompt`` / ``grouped_task`` (text or ``GenerativeParameters``), ``grouped_properties``
and a runtime provider (``GenerativeConfig.<provider>(...)``) become one ``GenerativeSearch``.
Per-call options (images, image properties, provider metadata) travel inside the provider's
message, so they need ``generative_provider``; giving them without one is refused rather than
dropped. Images are base64 text by the time they get here (the namespace reads files).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from weaviate_async._validate import check_str, check_str_list, invalid
from weaviate_async.classes.generative import (
    _GenerativeConfigRuntime,
    _GroupedTask,
    _SinglePrompt,
)
from weaviate_async.exceptions import WeaviateUnsupportedFeatureError
from weaviate_async.proto.weaviate.v1 import base_pb2, generative_pb2
from weaviate_async.wire.unencodable import utf8_arguments

__all__ = ["RUNTIME_PROVIDER_VERSION", "generative_pb", "provider_pb"]

#: The oldest server taking per-call providers and the Single / Grouped messages.
RUNTIME_PROVIDER_VERSION = (1, 27, 14)

_G = generative_pb2
# provider -> its message in GenerativeProvider's ``kind`` oneof, as the proto lists them
_KIND: Any = _G.GenerativeProvider.DESCRIPTOR.oneofs_by_name["kind"]
_MESSAGES: dict[str, Any] = {f.name: getattr(_G, f.message_type.name) for f in _KIND.fields}


def _enum_numbers(message: Any, enum: str, prefix: str) -> dict[str, int]:
    """An option's text -> the number of its proto enum value (``low`` is
    ``REASONING_EFFORT_LOW``); the unspecified value (0) is never sent."""
    values = message.DESCRIPTOR.enum_types_by_name[enum].values
    return {v.name.removeprefix(prefix).lower(): v.number for v in values if v.number}


_VERBOSITY = _enum_numbers(_G.GenerativeOpenAI, "Verbosity", "VERBOSITY_")
# provider -> its reasoning effort enum, by the option's text
_REASONING: dict[str, dict[str, int]] = {
    kind: _enum_numbers(_MESSAGES[kind], "ReasoningEffort", "REASONING_EFFORT_")
    for kind in ("openai", "meta")
}


def _text_array(values: Sequence[str] | None) -> base_pb2.TextArray | None:
    return None if values is None else base_pb2.TextArray(values=values)


def provider_pb(
    provider: _GenerativeConfigRuntime,
    *,
    return_metadata: bool = False,
    images: Sequence[str] | None = None,
    image_properties: Sequence[str] | None = None,
) -> generative_pb2.GenerativeProvider:
    """One ``GenerativeProvider``: the provider's options plus the per-call options.

    Raises:
        WeaviateInvalidInputError: the server's gRPC API has no such provider or option, or
            images for a provider that takes none.
    """
    kind = provider.generative
    message = _MESSAGES.get(kind)
    if message is None:
        raise invalid(
            "generative_provider",
            f"the server's gRPC API (v1.39) has no runtime provider generative-{kind}",
            kind,
        )
    fields: dict[str, Any] = {}
    for name, value in provider.options.items():
        if isinstance(value, tuple):
            fields[name] = base_pb2.TextArray(values=value)
        elif name == "verbosity":
            fields[name] = _VERBOSITY[value]
        elif name == "reasoning_effort":
            fields[name] = _REASONING[kind][value]
        else:
            fields[name] = value
    if kind == "aws":
        dropped = [name for name in ("top_k", "top_p") if name in fields]
        if dropped:
            raise invalid(
                dropped[0],
                "generative-aws has no such option in the server's gRPC API (v1.39)",
                fields[dropped[0]],
            )
    if images is not None or image_properties is not None:
        if not provider.multimodal:
            field = "images" if images is not None else "image_properties"
            raise invalid(field, f"generative-{kind} takes no images", kind)
        fields["images"] = _text_array(images)
        fields["image_properties"] = _text_array(image_properties)
    return generative_pb2.GenerativeProvider(
        return_metadata=return_metadata, **{kind: message(**fields)}
    )


def _options(param: _SinglePrompt | _GroupedTask, images: Sequence[str] | None) -> dict[str, Any]:
    extra = images is not None or param.image_properties is not None or param.metadata
    if extra:
        return {
            "return_metadata": param.metadata,
            "images": images,
            "image_properties": param.image_properties,
        }
    return {}


@utf8_arguments
def generative_pb(
    *,
    single_prompt: str | _SinglePrompt | None,
    grouped_task: str | _GroupedTask | None,
    grouped_properties: Sequence[str] | None,
    generative_provider: _GenerativeConfigRuntime | None,
    single_images: Sequence[str] | None = None,
    grouped_images: Sequence[str] | None = None,
    version: tuple[int, int, int] = (0, 0, 0),
) -> generative_pb2.GenerativeSearch:
    """The ``GenerativeSearch`` of a generative query.

    Args:
        single_prompt: a prompt run per object (text or ``GenerativeParameters``).
        grouped_task: a task run over all results (text or ``GenerativeParameters``).
        grouped_properties: the properties given to a text ``grouped_task`` (None: all).
        generative_provider: a provider for this call (None: the collection's module).
        single_images / grouped_images: the images of the parameters, as base64 text.
        version: the server's version ((0, 0, 0): unknown, taken as current).

    Raises:
        WeaviateInvalidInputError: no prompt; per-call options without a provider; grouped
            properties given twice or without a task.
        WeaviateUnsupportedFeatureError: per-call options on a server older than 1.27.14.
    """
    if single_prompt is None and grouped_task is None:
        raise invalid("single_prompt", "a generative search needs single_prompt or grouped_task")
    if not isinstance(single_prompt, (str, _SinglePrompt, type(None))):
        raise invalid("single_prompt", "must be text or GenerativeParameters.single_prompt", None)
    if not isinstance(grouped_task, (str, _GroupedTask, type(None))):
        raise invalid("grouped_task", "must be text or GenerativeParameters.grouped_task", None)
    if generative_provider is not None and not isinstance(
        generative_provider, _GenerativeConfigRuntime
    ):
        raise invalid(
            "generative_provider", "must be made by GenerativeConfig", generative_provider
        )
    check_str(single_prompt if isinstance(single_prompt, str) else None, "single_prompt")
    check_str_list(grouped_properties, "grouped_properties")
    if grouped_properties is not None:
        if grouped_task is None:
            raise invalid("grouped_properties", "is only used with grouped_task")
        if isinstance(grouped_task, _GroupedTask):
            raise invalid(
                "grouped_properties",
                "give them as GenerativeParameters.grouped_task(non_blob_properties=...)",
            )

    single_opts = (
        _options(single_prompt, single_images) if isinstance(single_prompt, _SinglePrompt) else {}
    )
    grouped_opts = (
        _options(grouped_task, grouped_images) if isinstance(grouped_task, _GroupedTask) else {}
    )
    if generative_provider is None:
        for field, opts in (("single_prompt", single_opts), ("grouped_task", grouped_opts)):
            if opts:
                raise invalid(
                    field,
                    "images, image_properties and metadata travel with a provider: give "
                    "generative_provider=GenerativeConfig.<module>(...) too",
                )
    new_api = version == (0, 0, 0) or version >= RUNTIME_PROVIDER_VERSION
    debug = isinstance(single_prompt, _SinglePrompt) and single_prompt.debug
    if not new_api:
        if generative_provider is not None or debug:
            raise WeaviateUnsupportedFeatureError(
                "generative_provider and debug",
                current=".".join(map(str, version)),
                minimum=".".join(map(str, RUNTIME_PROVIDER_VERSION)),
            )
        task = grouped_task.prompt if isinstance(grouped_task, _GroupedTask) else grouped_task
        props = (
            grouped_task.non_blob_properties
            if isinstance(grouped_task, _GroupedTask)
            else grouped_properties
        )
        return generative_pb2.GenerativeSearch(
            single_response_prompt=(
                single_prompt.prompt if isinstance(single_prompt, _SinglePrompt) else single_prompt
            ),
            grouped_response_task=task,
            grouped_properties=props,
        )

    out = generative_pb2.GenerativeSearch()
    if single_prompt is not None:
        prompt = single_prompt.prompt if isinstance(single_prompt, _SinglePrompt) else single_prompt
        out.single.prompt = prompt
        out.single.debug = debug
        if generative_provider is not None:
            out.single.queries.append(provider_pb(generative_provider, **single_opts))
    if grouped_task is not None:
        if isinstance(grouped_task, _GroupedTask):
            out.grouped.task = grouped_task.prompt
            props = grouped_task.non_blob_properties
        else:
            out.grouped.task = grouped_task
            props = None if grouped_properties is None else tuple(grouped_properties)
        if props is not None:
            out.grouped.properties.values.extend(props)
        if generative_provider is not None:
            out.grouped.queries.append(provider_pb(generative_provider, **grouped_opts))
    return out
