"""``Configure.Reranker``, generated into ``weaviate_async/classes/config_rerankers.py`` by
``tools/gen_factories.py``: each factory names its module and sends one setting per argument
(JSON key and check in ``PARAMS``)."""

from __future__ import annotations

from factory_tables import F, Module, Namespace

DOC = """Reranker module factories: ``Configure.Reranker`` (and ``Reconfigure.Reranker``).

Each factory names one ``reranker-*`` module of the server and its collection-level settings in
the server's JSON keys. Arguments are checked when the factory is called (a bad one raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming it); options left as None
are not sent, so the module's defaults apply.

Examples:
    >>> Configure.Reranker.cohere(model="rerank-v3.5")
"""

HEADER = """
from typing import Any

from weaviate_async.classes._config_base import _RerankerProvider
from weaviate_async._validate import (
    int_arg,
    mapping_arg,
    str_arg,
    url_arg,
)
from weaviate_async.classes._vectorizer_builders import (
    _req_str,
)

__all__ = ["_Reranker"]
"""

PARAMS: dict[str, tuple[str, ...]] = {
    "base_url": ("str | None", "None", "baseURL", 'url_arg({p}, "{p}")'),
    "instruction": ("str | None", "None", "instruction", 'str_arg({p}, "{p}")'),
    "model": ("str | None", "None", "model", 'str_arg({p}, "{p}")'),
    "top_n": ("int | None", "None", "topN", 'int_arg({p}, "{p}", minimum=1)'),
}

NAMESPACES = [
    Namespace(
        "_Reranker",
        """Factories for the reranker module of a collection (``Configure.Reranker``).

Each returns the module and its settings for ``collections.create(reranker_config=...)`` or
``collection.config.update(reranker_config=...)``.""",
        returns="_RerankerProvider",
        wrap="{build}",
        wrapper_params=(),
        factories=[
            F(
                "cohere",
                "model, base_url",
                "",
                "The ``reranker-cohere`` module.",
                module="reranker-cohere",
            ),
            F(
                "contextualai",
                "model, instruction, top_n",
                "",
                "The ``reranker-contextualai`` module (instruction-following reranker).",
                module="reranker-contextualai",
            ),
            F(
                "custom",
                "module_name: str, module_config: dict[str, Any] | None = None",
                "_RerankerProvider("
                'module=_req_str(module_name, "module_name"), '
                'settings=mapping_arg(module_config, "module_config"))',
                "Any reranker module, given by its name and its settings (server JSON keys).",
            ),
            F(
                "dummy",
                "",
                "",
                "The ``reranker-dummy`` module (a test module; no settings).",
                module="reranker-dummy",
            ),
            F("jinaai", "model", "", "The ``reranker-jinaai`` module.", module="reranker-jinaai"),
            F(
                "nvidia",
                "model, base_url",
                "",
                "The ``reranker-nvidia`` module.",
                module="reranker-nvidia",
            ),
            F(
                "transformers",
                "",
                "",
                "The ``reranker-transformers`` module (its inference container is set on the server).",
                module="reranker-transformers",
            ),
            F(
                "voyageai",
                "model",
                "",
                "The ``reranker-voyageai`` module.",
                module="reranker-voyageai",
            ),
        ],
    ),
]

MODULE = Module(
    path="weaviate_async/classes/config_rerankers.py",
    doc=DOC,
    header=HEADER,
    params=PARAMS,
    namespaces=NAMESPACES,
    provider="_RerankerProvider._of",
)
