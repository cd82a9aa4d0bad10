"""The query-time providers (``GenerativeConfig``), generated into
``weaviate_async/classes/generative.py`` by ``tools/gen_factories.py``.

Each factory is its official signature and docstring and the provider it names; its options
are handed on as they are and checked by kind (``_option`` in
``weaviate_async/classes/_generative_runtime.py``); the wire form of each provider is in
``weaviate_async/wire/generative.py``.
"""

from __future__ import annotations

from factory_tables import F, Module, Namespace

HEADER = """
from collections.abc import Iterable
from typing import Literal

from weaviate_async._validate import choice_arg, invalid
from weaviate_async.classes._value_types import BLOB_INPUT
from weaviate_async.classes._generative_runtime import (
    MULTIMODAL as MULTIMODAL,
    _META_REASONING,
    _OPENAI_REASONING,
    _OPENAI_VERBOSITY,
    GenerativeConfigRuntime as GenerativeConfigRuntime,
    _GenerativeConfigRuntime as _GenerativeConfigRuntime,
    _google_endpoint,
    _provider,
)
from weaviate_async.classes._generative_prompts import (
    GroupedTask as GroupedTask,
    SinglePrompt as SinglePrompt,
    _GroupedTask as _GroupedTask,
    _SinglePrompt as _SinglePrompt,
)

__all__ = [
    "GenerativeConfig",
    "GenerativeConfigRuntime",
    "GenerativeParameters",
    "GroupedTask",
    "SinglePrompt",
]
"""

DOC = """Generative search at query time: the provider to use (``GenerativeConfig``) and the prompts
(``GenerativeParameters``).

``GenerativeConfig.<provider>(...)`` overrides the collection's generative module for one call
(``generative_provider=``); every option left None falls back to the collection's configuration
or the module's default. ``GenerativeParameters.single_prompt`` / ``grouped_task`` carry a
prompt with images, image properties, provider metadata and debug output.

Examples:
    >>> from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters
    >>> res = await collection.generate.near_text(
    ...     "cats",
    ...     single_prompt=GenerativeParameters.single_prompt("Describe {title}", debug=True),
    ...     grouped_task="Summarize these",
    ...     generative_provider=GenerativeConfig.openai(model="gpt-4o-mini", temperature=0.2),
    ... )
"""

PARAMS: dict[str, tuple[str, str | None]] = {
    "api_endpoint": ("str | None", "None"),
    "api_version": ("str | None", "None"),
    "avoid_commentary": ("bool | None", "None"),
    "base_url": ("str | None", "None"),
    "deployment_id": ("str | None", "None"),
    "endpoint": ("str | None", "None"),
    "endpoint_id": ("str | None", "None"),
    "frequency_penalty": ("float | None", "None"),
    "k": ("int | None", "None"),
    "knowledge": ("list[str] | None", "None"),
    "location": ("str | None", "None"),
    "log_probs": ("bool | None", "None"),
    "max_new_tokens": ("int | None", "None"),
    "max_tokens": ("int | None", "None"),
    "model": ("str | None", "None"),
    "n": ("int | None", "None"),
    "p": ("float | None", "None"),
    "presence_penalty": ("float | None", "None"),
    "project_id": ("str | None", "None"),
    "reasoning_effort": (
        "Literal['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] | str | None",
        "None",
    ),
    "region": ("str | None", "None"),
    "resource_name": ("str | None", "None"),
    "service": ("Literal['bedrock', 'sagemaker'] | str | None", "None"),
    "stop": ("list[str] | None", "None"),
    "stop_sequences": ("list[str] | None", "None"),
    "system_prompt": ("str | None", "None"),
    "target_model": ("str | None", "None"),
    "target_variant": ("str | None", "None"),
    "temperature": ("float | None", "None"),
    "top_k": ("int | None", "None"),
    "top_log_probs": ("int | None", "None"),
    "top_p": ("float | None", "None"),
    "verbosity": ("Literal['low', 'medium', 'high'] | str | None", "None"),
    # the prompts of GenerativeParameters
    "prompt": ("str", None),
    "non_blob_properties": ("list[str] | None", "None"),
    "image_properties": ("list[str] | None", "None"),
    "images": ("BLOB_INPUT | Iterable[BLOB_INPUT] | None", "None"),
    "metadata": ("bool", "False"),
    "debug": ("bool", "False"),
}

NAMESPACES = [
    Namespace(
        "GenerativeConfig",
        """A generative provider for one generative search (``generative_provider=``).

Each factory takes the options of its module; None leaves an option to the collection's
configuration or the module's default. Options are checked when the provider is built.

Examples:
    >>> GenerativeConfig.anthropic(model="claude-3-5-haiku-latest", max_tokens=500)""",
        returns="_GenerativeConfigRuntime",
        wrap="{build}",
        wrapper_params=(),
        factories=[
            F(
                "anthropic",
                "*, base_url, model, max_tokens, stop_sequences, temperature, top_k, top_p",
                "_provider('anthropic', **)",
                "generative-anthropic.",
            ),
            F(
                "anyscale",
                "*, base_url, model, temperature",
                "_provider('anyscale', **)",
                "generative-anyscale.",
            ),
            F(
                "aws",
                "*, endpoint, max_tokens, model, region, service, target_model, target_variant, temperature",
                "_provider('aws', **)",
                "generative-aws (older form; prefer :meth:`aws_bedrock` / :meth:`aws_sagemaker`).",
            ),
            F(
                "aws_bedrock",
                "*, endpoint, max_tokens, model, region, temperature, top_k, top_p, stop_sequences",
                "_provider('aws', **, service='bedrock')",
                """generative-aws on Bedrock.

``top_k`` and ``top_p`` have no field in the server's gRPC API (v1.39): giving one
raises WeaviateUnsupportedFeatureError when the query is built, rather than being
dropped.""",
            ),
            F(
                "aws_sagemaker",
                "*, endpoint, max_tokens, region, target_model, target_variant, temperature, top_k, top_p, stop_sequences",
                "_provider('aws', **, service='sagemaker')",
                "generative-aws on SageMaker (``top_k`` / ``top_p``: see :meth:`aws_bedrock`).",
            ),
            F(
                "cohere",
                "*, base_url, frequency_penalty, k, max_tokens, model, p, presence_penalty, stop_sequences, temperature",
                "_provider('cohere', **)",
                "generative-cohere.",
            ),
            F(
                "contextualai",
                "*, model, max_new_tokens, temperature, top_p, system_prompt, avoid_commentary, knowledge",
                "_provider('contextualai', **)",
                "generative-contextualai (``knowledge`` replaces the retrieved objects' text).",
            ),
            F(
                "databricks",
                "*, endpoint: str, frequency_penalty, log_probs, max_tokens, model, n, presence_penalty, stop, temperature, top_log_probs, top_p",
                "_provider('databricks', **)",
                "generative-databricks (``endpoint`` required).",
                pre='if endpoint is None:\n    raise invalid("endpoint", "is required", endpoint)',
            ),
            F(
                "deepseek",
                "*, base_url, model, temperature, max_tokens, frequency_penalty, presence_penalty, top_p, stop",
                "_provider('deepseek', **)",
                "generative-deepseek.",
            ),
            F(
                "digitalocean",
                "*, base_url, model, temperature, top_p, max_tokens, frequency_penalty, presence_penalty, stop",
                "_provider('digitalocean', **)",
                "generative-digitalocean (DigitalOcean's serverless inference).",
            ),
            F(
                "dummy",
                "",
                '_provider("dummy")',
                "generative-dummy: an offline module that echoes the prompt (for tests).",
            ),
            F(
                "friendliai",
                "*, base_url, max_tokens, model, n, temperature, top_p",
                "_provider('friendliai', **)",
                "generative-friendliai.",
            ),
            F(
                "google",
                "*, api_endpoint, endpoint_id, frequency_penalty, max_tokens, model, presence_penalty, project_id, region, stop_sequences, temperature, top_k, top_p",
                '_provider(\n            "google",\n            api_endpoint=None,\n            endpoint_id=endpoint_id,\n            frequency_penalty=frequency_penalty,\n            max_tokens=max_tokens,\n            model=model,\n            presence_penalty=presence_penalty,\n            project_id=project_id,\n            region=region,\n            stop_sequences=stop_sequences,\n            temperature=temperature,\n            top_k=top_k,\n            top_p=top_p,\n        )._with(api_endpoint=_google_endpoint(api_endpoint))',
                """generative-google (older form; prefer :meth:`google_vertex` /
:meth:`google_gemini`).""",
            ),
            F(
                "google_gemini",
                "*, frequency_penalty, max_tokens, model, presence_penalty, temperature, top_k, top_p, stop_sequences",
                '_provider(\n            "google",\n            frequency_penalty=frequency_penalty,\n            max_tokens=max_tokens,\n            model=model,\n            presence_penalty=presence_penalty,\n            temperature=temperature,\n            top_k=top_k,\n            top_p=top_p,\n            stop_sequences=stop_sequences,\n        )._with(api_endpoint="generativelanguage.googleapis.com")',
                "generative-google on the Gemini API (generativelanguage.googleapis.com).",
            ),
            F(
                "google_vertex",
                "*, api_endpoint, project_id, endpoint_id, region, frequency_penalty, max_tokens, model, presence_penalty, temperature, top_k, top_p, stop_sequences, location",
                '_provider(\n            "google",\n            project_id=project_id,\n            endpoint_id=endpoint_id,\n            region=region,\n            frequency_penalty=frequency_penalty,\n            max_tokens=max_tokens,\n            model=model,\n            presence_penalty=presence_penalty,\n            temperature=temperature,\n            top_k=top_k,\n            top_p=top_p,\n            stop_sequences=stop_sequences,\n            location=location,\n        )._with(api_endpoint=_google_endpoint(api_endpoint))',
                """generative-google on Vertex AI (``region`` picks the host, ``location`` the
``locations/<location>`` path segment).""",
            ),
            F(
                "meta",
                "*, base_url, model, temperature, top_p, max_tokens, frequency_penalty, presence_penalty, reasoning_effort",
                "_provider('meta', **, reasoning_effort=choice_arg(reasoning_effort, 'reasoning_effort', _META_REASONING))",
                "generative-meta (Meta's Llama API); takes images and image properties.",
            ),
            F(
                "mistral",
                "*, base_url, max_tokens, model, temperature, top_p",
                "_provider('mistral', **)",
                "generative-mistral.",
            ),
            F(
                "nvidia",
                "*, base_url, max_tokens, model, temperature, top_p",
                "_provider('nvidia', **)",
                "generative-nvidia.",
            ),
            F(
                "ollama",
                "*, api_endpoint, model, temperature",
                "_provider('ollama', **)",
                """generative-ollama (``api_endpoint`` as the server reaches it, e.g.
``http://host.docker.internal:11434`` from a container).""",
            ),
            F(
                "openai",
                "*, api_version, base_url, deployment_id, frequency_penalty, max_tokens, model, n, presence_penalty, reasoning_effort: Literal['minimal', 'low', 'medium', 'high'] | str | None = None, resource_name, stop, temperature, top_p, verbosity",
                "_provider('openai', **, reasoning_effort=choice_arg(reasoning_effort, 'reasoning_effort', _OPENAI_REASONING), verbosity=choice_arg(verbosity, 'verbosity', _OPENAI_VERBOSITY), is_azure=False)",
                "generative-openai.",
            ),
            F(
                "azure_openai",
                "*, api_version, base_url, deployment_id, frequency_penalty, max_tokens, model, n, presence_penalty, resource_name, stop, temperature, top_p",
                "_provider('openai', **, is_azure=True)",
                "generative-openai on Azure OpenAI.",
            ),
            F(
                "xai",
                "*, base_url, max_tokens, model, temperature, top_p",
                "_provider('xai', **)",
                "generative-xai.",
            ),
        ],
    ),
    Namespace(
        "GenerativeParameters",
        "Prompts with options for generative searches (``single_prompt=`` / ``grouped_task=``).",
        returns="_SinglePrompt",
        wrap="{build}",
        wrapper_params=(),
        factories=[
            F(
                "grouped_task",
                "prompt, *, non_blob_properties, image_properties, images, metadata",
                "_GroupedTask(**)",
                """A task run once over all results.

Args:
    prompt: the task.
    non_blob_properties: the properties given to the task (None: all).
    image_properties: blob properties of the results sent as images.
    images: images sent with the task: base64 text, paths or binary files.
    metadata: return the provider's usage metadata.""",
                returns="_GroupedTask",
            ),
            F(
                "single_prompt",
                "prompt, *, image_properties, images, metadata, debug",
                "_SinglePrompt(**)",
                """A prompt run once per result; ``{property}`` placeholders take each object's
values.

Args:
    prompt: the prompt.
    image_properties: blob properties of each object sent as images.
    images: images sent with every prompt: base64 text, paths or binary files.
    metadata: return the provider's usage metadata.
    debug: return the full prompt as sent.""",
            ),
        ],
    ),
]

MODULE = Module(
    path="weaviate_async/classes/generative.py",
    doc=DOC,
    header=HEADER,
    params=PARAMS,
    namespaces=NAMESPACES,
)
