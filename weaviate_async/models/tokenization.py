"""What ``client.tokenization`` returns: :class:`TokenizeResult` (at the official
``weaviate.tokenization.models`` path).

Programs import them from :mod:`weaviate_async.tokenization.models`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

import attrs

__all__ = ["TokenizeResult"]


@attrs.frozen(kw_only=True)
class TokenizeResult:
    """The tokens the server makes of a text.

    Attributes:
        indexed: the tokens as the inverted index stores them.
        query: the tokens a query matches with (stopwords removed).
    """

    indexed: list[str]
    query: list[str]
