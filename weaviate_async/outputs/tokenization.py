"""What ``client.tokenization`` returns, at the official ``weaviate.outputs.tokenization``
path.

Examples:
    >>> from weaviate_async.outputs.tokenization import TokenizeResult
"""

from __future__ import annotations

from weaviate_async.models.tokenization import TokenizeResult

__all__ = ["TokenizeResult"]
