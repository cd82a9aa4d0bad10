"""What ``client.alias`` reads return: :class:`AliasReturn` (at the official
``weaviate.aliases.alias`` path).

Programs import them from :mod:`weaviate_async.aliases.alias`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

import attrs

__all__ = ["AliasReturn"]


@attrs.frozen(kw_only=True)
class AliasReturn:
    """An alias and the collection it points to.

    Attributes:
        alias: the alias's name.
        collection: the name of the collection it points to.
    """

    alias: str
    collection: str
