"""``copy``: a collection's configuration and objects from one server to another, streamed
(a page of the source's cursor at a time into the destination's batch)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from weaviate_async.classes.search import QueryReference
from weaviate_async.io.exporter import _return_properties
from weaviate_async.io.values import schema_types

if TYPE_CHECKING:
    from weaviate_async.classes.config_models import CollectionConfig
    from weaviate_async.client import WeaviateAsyncClient
    from weaviate_async.collections.collection import CollectionAsync

__all__ = ["copy_collection"]


async def copy_collection(
    source: WeaviateAsyncClient,
    destination: WeaviateAsyncClient,
    name: str,
    new_name: str,
    page_rows: int = 1_000,
) -> tuple[int, int]:
    """Copy collection ``name`` of ``source`` to ``new_name`` on ``destination`` (created from
    the source's configuration when it does not exist). Returns (copied, failed)."""
    config = await source.collections.export_config(name)
    if not await destination.collections.exists(new_name):
        schema = config.to_dict()
        schema["class"] = new_name
        await destination.collections.create_from_dict(schema)
    reader = source.collections.use(name)
    writer = destination.collections.use(new_name)
    if not config.multi_tenancy_config.enabled:
        return await _copy_objects(reader, writer, config, page_rows)
    # a multi-tenant collection is read and written one tenant at a time (the server refuses
    # a search without a tenant); the destination gets the tenants it lacks
    tenants = sorted(await reader.tenants.get())
    present = await writer.tenants.get()
    missing = [t for t in tenants if t not in present]
    if missing:
        await writer.tenants.create(missing)
    copied = failed = 0
    for tenant in tenants:
        done, lost = await _copy_objects(
            reader.with_tenant(tenant), writer.with_tenant(tenant), config, page_rows
        )
        copied, failed = copied + done, failed + lost
    return copied, failed


async def _copy_objects(
    reader: CollectionAsync[Any, Any],
    writer: CollectionAsync[Any, Any],
    config: CollectionConfig,
    page_rows: int,
) -> tuple[int, int]:
    references = [r.name for r in config.references]
    copied = 0
    async with writer.batch.dynamic() as batch:
        async for obj in reader.iterator(
            include_vector=True,
            return_properties=_return_properties(schema_types(config.properties)),
            return_references=[QueryReference(link_on=n, return_properties=[]) for n in references]
            or None,
            cache_size=page_rows,
        ):
            refs: dict[str, Any] | None = None
            if obj.references:
                refs = {k: [t.uuid for t in v.objects] for k, v in obj.references.items()}
            vector: Any = obj.vector or None
            if vector is not None and list(vector) == ["default"] and not config.vector_config:
                vector = vector["default"]
            await batch.add_object(
                properties=obj.properties, references=refs, uuid=obj.uuid, vector=vector
            )
            copied += 1
    failed = len(writer.batch.failed_objects)
    return copied - failed, failed
