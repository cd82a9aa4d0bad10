"""What ``client.tokenization`` returns, at the official ``weaviate.outputs.tokenization``
path.

Examples:
    >>> from weaviate_async.outputs.tokenization import TokenizeResult
"""

from __future__ import annotations

from weaviate_async.tokenization.models import TokenizeResult

__all__ = ["TokenizeResult"]
