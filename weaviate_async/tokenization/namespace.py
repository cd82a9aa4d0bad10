"""``client.tokenization``: the server's tokenization of a text, for a tokenization kind
(``text``) or with the settings of one property (``for_property``). Needs Weaviate 1.37+."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import check_collection_name, check_str, invalid
from weaviate_async.exceptions import UnexpectedStatusCodeError
from weaviate_async.models.tokenization import TokenizeResult
from weaviate_async.tokenization._methods import _TokenizationMethods
from weaviate_async.wire.tokenization import tokenize_body, tokenize_result

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_TokenizationAsync"]

_MINIMUM = "1.37.0"


@twin
class _TokenizationAsync(_TokenizationMethods):
    """The server's tokenization of texts (``client.tokenization``).

    Examples:
        >>> result = await client.tokenization.text("The Quick fox", Tokenization.WORD)
        >>> result.indexed, result.query
        (['the', 'quick', 'fox'], ['quick', 'fox'])
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _text(
        self,
        text: object,
        tokenization: object,
        analyzer_config: object,
        stopwords: object,
        stopword_presets: object,
    ) -> TokenizeResult:
        body = tokenize_body(text, tokenization, analyzer_config, stopwords, stopword_presets)
        self._connection.require_version("Tokenization", _MINIMUM)
        reply = await self._connection.rest(
            "POST", "/tokenize", operation="tokenization.text", json=body, idempotent=True
        )
        return tokenize_result(reply, "tokenization.text")

    async def _for_property(
        self, collection: object, property_name: str, text: str
    ) -> TokenizeResult:
        name = check_collection_name(collection, "collection")
        check_str(property_name, "property_name", allow_empty=False)
        check_str(text, "text")
        if property_name is None or text is None:
            raise invalid("property_name" if property_name is None else "text", "is required")
        self._connection.require_version("Tokenization", _MINIMUM)
        path = f"/schema/{quote(name, safe='')}/properties/{quote(property_name, safe='')}/tokenize"
        status, reply = await self._connection.rest_status(
            "POST",
            path,
            operation="tokenization.for_property",
            json={"text": text},
            ok=(200, 404),
            idempotent=True,
        )
        if status == 404:
            # The server answers 404 without a body: say what was not found.
            raise _not_found(name, property_name, path)
        return tokenize_result(reply, "tokenization.for_property")


def _not_found(collection: str, property_name: str, path: str) -> UnexpectedStatusCodeError:
    text = f"the collection {collection!r} or its property {property_name!r} does not exist"
    return UnexpectedStatusCodeError._with(
        f"tokenization.for_property failed: {path} answered 404: {text}",
        operation="tokenization.for_property",
        target=path,
        status=404,
        server_message=text,
    )
