"""Object time-to-live settings, at the official
``weaviate.collections.classes.config_object_ttl`` path.
"""

from __future__ import annotations

from weaviate_async.classes.config import ObjectTTLConfigCreate, ObjectTTLConfigUpdate

__all__ = ["ObjectTTLConfigCreate", "ObjectTTLConfigUpdate"]
