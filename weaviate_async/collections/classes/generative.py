"""The generative search inputs (``GenerativeConfig``, ``GenerativeParameters`` ...), at the
official ``weaviate.collections.classes.generative`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from weaviate_async.classes.config_models import (
    GenerativeConfig,
)
from weaviate_async.classes.config_module_names import GenerativeSearches
from weaviate_async.classes.generative import (
    GenerativeConfigRuntime,
    GenerativeParameters,
    GroupedTask,
    SinglePrompt,
)

__all__ = [
    "GenerativeConfig",
    "GenerativeConfigRuntime",
    "GenerativeParameters",
    "GenerativeSearches",
    "GroupedTask",
    "SinglePrompt",
]
