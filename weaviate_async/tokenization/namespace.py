"""``client.tokenization``: the server's tokenization of a text, for a tokenization kind
(``text``) or with the settings of one property (``for_property``). Needs Weaviate 1.37+."""

from __future__ import annotations

from typing import TYPE_CHECKING, overload
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import check_collection_name, check_str, invalid
from weaviate_async.classes.config_models import StopwordsConfig
from weaviate_async.classes.config_properties import (
    StopwordsCreate,
    TextAnalyzerConfigCreate,
    Tokenization,
)
from weaviate_async.exceptions import UnexpectedStatusCodeError
from weaviate_async.models.tokenization import TokenizeResult
from weaviate_async.wire.tokenization import tokenize_body, tokenize_result

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_TokenizationAsync"]

_MINIMUM = "1.37.0"


@twin
class _TokenizationAsync:
    """The server's tokenization of texts (``client.tokenization``).

    Examples:
        >>> result = await client.tokenization.text("The Quick fox", Tokenization.WORD)
        >>> result.indexed, result.query
        (['the', 'quick', 'fox'], ['quick', 'fox'])
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @overload
    async def text(
        self,
        text: str,
        tokenization: Tokenization,
        *,
        analyzer_config: TextAnalyzerConfigCreate | None = ...,
        stopwords: StopwordsCreate | StopwordsConfig | None = ...,
    ) -> TokenizeResult: ...

    @overload
    async def text(
        self,
        text: str,
        tokenization: Tokenization,
        *,
        analyzer_config: TextAnalyzerConfigCreate | None = ...,
        stopword_presets: dict[str, list[str]] | None = ...,
    ) -> TokenizeResult: ...

    @overload
    async def text(
        self,
        text: str,
        tokenization: Tokenization,
        *,
        analyzer_config: TextAnalyzerConfigCreate | None = ...,
        stopwords: StopwordsCreate | StopwordsConfig | None = ...,
        stopword_presets: dict[str, list[str]] | None = ...,
    ) -> TokenizeResult: ...

    async def text(
        self,
        text: str,
        tokenization: Tokenization,
        *,
        analyzer_config: TextAnalyzerConfigCreate | None = None,
        stopwords: StopwordsCreate | StopwordsConfig | None = None,
        stopword_presets: dict[str, list[str]] | None = None,
    ) -> TokenizeResult:
        """Tokenize ``text`` as a property with ``tokenization`` would be.

        Word tokenization removes the ``en`` stopwords from the query tokens unless told
        otherwise. ``stopwords`` (a one-off stopword block, as a collection's
        ``inverted_index`` has) and ``stopword_presets`` (named word lists that
        ``analyzer_config.stopword_preset`` can refer to, also overriding ``en`` / ``none``)
        are exclusive.

        Args:
            text: the text.
            tokenization: ``word``, ``lowercase``, ``whitespace``, ``field``, ``trigram``, or
                ``gse`` / ``gse_ch`` / ``kagome_ja`` / ``kagome_kr`` where the server enables
                them (``ENABLE_TOKENIZER_*``).
            analyzer_config: ASCII folding and the stopword preset
                (``Configure.text_analyzer(...)``).
            stopwords: a stopword block: preset, additions, removals.
            stopword_presets: preset name -> list of words.

        Raises:
            WeaviateInvalidInputError: an argument is invalid, or both ``stopwords`` and
                ``stopword_presets`` are given; nothing is sent.
            WeaviateUnsupportedFeatureError: the server is older than 1.37.
            UnexpectedStatusCodeError: the server refused (e.g. a tokenizer it does not
                enable), with its message.

        Examples:
            >>> await client.tokenization.text(
            ...     "The café",
            ...     Tokenization.WORD,
            ...     analyzer_config=Configure.text_analyzer(ascii_fold=True),
            ... )
        """
        body = tokenize_body(text, tokenization, analyzer_config, stopwords, stopword_presets)
        self._connection.require_version("Tokenization", _MINIMUM)
        reply = await self._connection.rest(
            "POST", "/tokenize", operation="tokenization.text", json=body, idempotent=True
        )
        return tokenize_result(reply, "tokenization.text")

    async def for_property(self, collection: str, property_name: str, text: str) -> TokenizeResult:
        """Tokenize ``text`` with the tokenization and analyzer settings of a property.

        Args:
            collection: the collection (or an alias).
            property_name: the property whose settings apply.
            text: the text.

        Raises:
            WeaviateInvalidInputError: an argument is invalid; nothing is sent.
            WeaviateUnsupportedFeatureError: the server is older than 1.37.
            UnexpectedStatusCodeError: the collection or the property does not exist (404), or
                the server refused, with its message.
        """
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
