"""The search results with behaviour of their own (re-exported by
:mod:`weaviate_async.classes.internal`): a generative object and result, whose ``generated``
is read-only, and the referenced objects of a reference property (``CrossReference``).
"""

from __future__ import annotations

import uuid as uuid_package
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeAlias

from weaviate_async.classes._internal_records import (
    GenerativeGrouped,
    GenerativeSingle,
    MetadataReturn,
    Object,
    P,
    QueryProfileReturn,
    R,
    VectorsReturn,
)
from weaviate_async.classes._typevars import Properties, References
from weaviate_async.classes._value_types import WeaviateProperties

__all__ = ["CrossReference", "CrossReferences", "GenerativeObject", "GenerativeReturn"]


class GenerativeObject(Generic[P, R], Object[P, R]):
    """One object returned by a generative search.

    Attributes:
        generative: what its single prompt generated (``.text``, ``.metadata``, ``.debug``),
            or None without ``single_prompt``.
        generated: the generated text (the same as ``generative.text``; kept for programs
            written for it).
    """

    generative: GenerativeSingle | None

    def __init__(
        self,
        generated: str | None,
        generative: GenerativeSingle | None,
        uuid: uuid_package.UUID,
        metadata: MetadataReturn,
        properties: P,
        references: R,
        vector: VectorsReturn,
        collection: str,
    ) -> None:
        self.__generated = generated
        self.generative = generative
        super().__init__(
            uuid=uuid,
            metadata=metadata,
            properties=properties,
            references=references,
            vector=vector,
            collection=collection,
        )

    @property
    def generated(self) -> str | None:
        """The generated text of the single prompt (prefer ``generative.text``)."""
        return self.__generated


class GenerativeReturn(Generic[P, R]):
    """The result of a generative search.

    Attributes:
        objects: the returned objects, each with its own generated text.
        generative: what the grouped task generated (``.text``, ``.metadata``), or None.
        generated: the grouped task's text (the same as ``generative.text``).
        query_profile: per-shard timings, when asked for.
    """

    objects: list[GenerativeObject[P, R]]
    generative: GenerativeGrouped | None
    query_profile: QueryProfileReturn | None

    def __init__(
        self,
        generated: str | None,
        objects: list[GenerativeObject[P, R]],
        generative: GenerativeGrouped | None,
        query_profile: QueryProfileReturn | None = None,
    ) -> None:
        self.__generated = generated
        self.objects = objects
        self.generative = generative
        self.query_profile = query_profile

    @property
    def generated(self) -> str | None:
        """The grouped task's generated text (prefer ``generative.text``)."""
        return self.__generated

    def __repr__(self) -> str:
        return (
            f"GenerativeReturn(objects={self.objects!r}, generative={self.generative!r}, "
            f"query_profile={self.query_profile!r})"
        )


# --------------------------------------------------------------------------------- references


class _CrossReference(Generic[Properties, References]):
    """The objects a reference property points to, as a query returned them."""

    def __init__(self, objects: list[Object[Properties, References]] | None) -> None:
        self.__objects = objects

    def __class_getitem__(cls, params: Any) -> Any:
        # ``CrossReference[Author]`` in a data model names no references of the target: the
        # official client's type variable defaults to None there, so one argument is enough.
        if not isinstance(params, tuple):
            params = (params, type(None))
        return super().__class_getitem__(params)  # type: ignore[misc]

    @classmethod
    def _from(
        cls, objects: list[Object[Properties, References]]
    ) -> _CrossReference[Properties, References]:
        return cls(objects)

    @property
    def objects(self) -> list[Object[Properties, References]]:
        """The referenced objects."""
        return self.__objects or []

    def __repr__(self) -> str:
        return f"CrossReference(objects={self.__objects!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _CrossReference) and self.objects == other.objects

    __hash__ = None  # type: ignore[assignment]


#: A reference property in a generic data model (``TypedDict``) of a collection:
#: ``author: CrossReference[Author]`` (or ``CrossReference[Author, AuthorRefs]``).
if TYPE_CHECKING:
    CrossReference: TypeAlias = _CrossReference[Properties, References]
else:
    CrossReference = _CrossReference
#: References as returned without a data model: property name -> referenced objects.
CrossReferences: TypeAlias = Mapping[str, _CrossReference[WeaviateProperties, "CrossReferences"]]
