"""The client's logger, at the official ``weaviate.logger`` path.

Its level comes from ``WEAVIATE_LOG_LEVEL`` (default INFO), as in the official client; the
loggers of the client's parts (``weaviate_async.oidc`` ...) are separate.

Examples:
    >>> from weaviate_async.logger import logger
    >>> logger.name
    'weaviate-client'
"""

from __future__ import annotations

import logging
import os

__all__ = ["logger"]

logger = logging.getLogger("weaviate-client")
"""The logger named ``weaviate-client``, which the official client logs to."""
logger.setLevel(os.getenv("WEAVIATE_LOG_LEVEL", "INFO"))
