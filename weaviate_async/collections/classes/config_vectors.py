"""Named vector settings, at the official ``weaviate.collections.classes.config_vectors`` path.

Every name of :mod:`weaviate_async.classes.config` is here too (the same objects), so the
vector configuration classes are found here as they are added there.
"""

from __future__ import annotations

from weaviate_async.classes import config as _config
from weaviate_async.classes.config import *  # noqa: F403  (the vector builders, as they grow)

__all__ = sorted(_config.__all__)
