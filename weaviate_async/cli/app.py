"""The ``weaviate-async`` command line: the connection options, then a command.

Exit codes scripts can rely on: 0 done, 1 failed (the server's or the client's error on
stderr), 2 usage error, 3 an import that landed only part of its rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import sys
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import orjson
import typer

from weaviate_async.cli.connect import Target, connect
from weaviate_async.cli.output import Output, plain
from weaviate_async.exceptions import WeaviateBaseError

if TYPE_CHECKING:
    from weaviate_async.client import WeaviateAsyncClient

__all__ = ["app", "main"]

EXIT_FAILED = 1
EXIT_PARTIAL = 3

app = typer.Typer(
    name="weaviate-async",
    help="Administer a Weaviate server and move data between files and collections.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # a traceback's locals would show the API key
    add_completion=False,
)
collections_app = typer.Typer(help="Collections: list, show, create, delete.", no_args_is_help=True)
tenants_app = typer.Typer(help="Tenants of a multi-tenant collection.", no_args_is_help=True)
backup_app = typer.Typer(help="Backups: create, restore, status.", no_args_is_help=True)
roles_app = typer.Typer(help="Roles (RBAC).", no_args_is_help=True)
users_app = typer.Typer(help="Database users (RBAC).", no_args_is_help=True)
aliases_app = typer.Typer(help="Collection aliases.", no_args_is_help=True)
app.add_typer(collections_app, name="collections")
app.add_typer(tenants_app, name="tenants")
app.add_typer(backup_app, name="backup")
app.add_typer(roles_app, name="roles")
app.add_typer(users_app, name="users")
app.add_typer(aliases_app, name="aliases")

Work = Callable[["WeaviateAsyncClient", Output], Awaitable[int | None]]


class _State:
    def __init__(self, target: Target, output: Output) -> None:
        self.target = target
        self.output = output


@app.callback()
def _options(
    ctx: typer.Context,
    url: Annotated[
        str, typer.Option(envvar="WEAVIATE_URL", help="The server's REST address.")
    ] = "http://localhost:8080",
    grpc_port: Annotated[
        int, typer.Option(envvar="WEAVIATE_GRPC_PORT", help="The server's gRPC port.")
    ] = 50051,
    api_key: Annotated[
        str | None,
        typer.Option(envvar="WEAVIATE_API_KEY", help="An API key.", show_default=False),
    ] = None,
    header: Annotated[
        list[str] | None,
        typer.Option(help="An extra header, 'Name: value' (repeatable).", show_default=False),
    ] = None,
    embedded: Annotated[
        bool, typer.Option(help="Start an embedded server instead of connecting.")
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON, for scripts.")] = False,
) -> None:
    """Connection options, shared by every command."""
    target = _checked(Target(url, grpc_port, api_key, tuple(header or ()), embedded))
    ctx.obj = _State(target, Output(json=json))


def _checked(target: Target, url_option: str = "--url") -> Target:
    """``target`` once its URL and headers parse: a malformed one is a usage error (exit code
    2) before anything is sent."""
    try:
        if not target.embedded:
            target.address(url_option)
        target.header_map()
    except WeaviateBaseError as exc:
        raise typer.BadParameter(str(exc)) from None
    return target


def _run(ctx: typer.Context, work: Work) -> None:
    state: _State = ctx.obj

    async def go() -> int | None:
        client = await connect(state.target)
        try:
            return await work(client, state.output)
        finally:
            await client.close()

    try:
        code = asyncio.run(go())
    except WeaviateBaseError as exc:
        typer.echo(f"error: {exc.message if hasattr(exc, 'message') else exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    raise typer.Exit(code or 0)


def _confirm(yes: bool, question: str) -> None:
    if not yes and not typer.confirm(question, default=False):
        typer.echo("nothing done", err=True)
        raise typer.Exit(EXIT_FAILED)


def _where(text: str) -> Any:
    from weaviate_async.cli.where import parse_where

    try:
        return parse_where(orjson.loads(text))
    except orjson.JSONDecodeError as exc:
        raise typer.BadParameter(f"not JSON: {exc}", param_hint="--filter") from None
    except WeaviateBaseError as exc:
        raise typer.BadParameter(str(exc), param_hint="--filter") from None


def _read_json(path: Path) -> Any:
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        typer.echo(f"error: {path}: {exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None


# --------------------------------------------------------------------------- collections


@collections_app.command("list")
def collections_list(ctx: typer.Context) -> None:
    """Every collection: its object count, vectors, and multi-tenancy."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        configs = await client.collections.list_all(simple=False)
        rows = []
        for name, config in configs.items():
            tenants = config.multi_tenancy_config.enabled
            count = None if tenants else await client.collections.use(name).length()
            vectors = ", ".join(sorted((config.vector_config or {}).keys())) or "-"
            rows.append([name, count if count is not None else "per tenant", vectors, tenants])
        out.table("Collections", ["name", "objects", "vectors", "multi-tenant"], rows)

    _run(ctx, work)


@collections_app.command("show")
def collections_show(
    ctx: typer.Context,
    name: str,
    yaml: Annotated[bool, typer.Option("--yaml", help="YAML instead of JSON.")] = False,
) -> None:
    """A collection's configuration (the server's JSON, or YAML)."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        config = (await client.collections.export_config(name)).to_dict()
        if yaml:
            try:
                yaml_lib: Any = importlib.import_module("yaml")
            except ImportError:
                typer.echo(
                    'error: --yaml needs PyYAML: pip install "weaviate-async[cli]"', err=True
                )
                raise typer.Exit(EXIT_FAILED) from None
            typer.echo(yaml_lib.safe_dump(plain(config), sort_keys=False))
        else:
            out.data(config)

    _run(ctx, work)


@collections_app.command("export-config")
def collections_export_config(
    ctx: typer.Context,
    name: str,
    file: Annotated[Path | None, typer.Argument(help="Write here (default: stdout).")] = None,
) -> None:
    """Write a collection's configuration as JSON, for ``collections create --from-file``."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        config = (await client.collections.export_config(name)).to_dict()
        text = orjson.dumps(plain(config), option=orjson.OPT_INDENT_2)
        if file is None:
            sys.stdout.write(text.decode() + "\n")
        else:
            file.write_bytes(text + b"\n")
            out.message(f"wrote {file}", path=str(file))

    _run(ctx, work)


@collections_app.command("create")
def collections_create(
    ctx: typer.Context,
    from_file: Annotated[Path, typer.Option(help="A collection's configuration as JSON.")],
    name: Annotated[str | None, typer.Option(help="Another name than the file's.")] = None,
) -> None:
    """Create a collection from a JSON configuration (as ``export-config`` writes it)."""
    config = _read_json(from_file)

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        if name is not None:
            config["class"] = name
        created = await client.collections.create_from_dict(config)
        out.message(f"created {created.name}", name=created.name)

    _run(ctx, work)


@collections_app.command("delete")
def collections_delete(
    ctx: typer.Context,
    names: list[str],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete collections and all their objects."""
    _confirm(yes, f"Delete {', '.join(names)} and every object in them?")

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        await client.collections.delete(names)
        out.message(f"deleted {', '.join(names)}", deleted=names)

    _run(ctx, work)


# --------------------------------------------------------------------------- data


@app.command("import")
def import_command(
    ctx: typer.Context,
    file: Path,
    collection: Annotated[str, typer.Option("--collection", "-c", help="The collection.")],
    create_from_schema: Annotated[
        Path | None, typer.Option(help="Create the collection from this JSON first.")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Send only what an earlier run did not land.")
    ] = False,
    file_format: Annotated[
        str | None, typer.Option("--format", help="parquet, csv, jsonl or json.")
    ] = None,
    tenant: Annotated[str | None, typer.Option(help="The tenant of every row.")] = None,
    uuid_from: Annotated[
        list[str] | None, typer.Option(help="Columns of a deterministic uuid (repeatable).")
    ] = None,
    stream: Annotated[bool, typer.Option(help="Server-side batching (batch.stream).")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = False,
) -> None:
    """Import a Parquet, CSV, JSON lines or JSON file into a collection.

    Exit code 3 when some rows failed (they are listed in FILE.failures.jsonl).
    """
    from weaviate_async.io import Layout, import_file

    _lean_arrow_memory()
    schema = _read_json(create_from_schema) if create_from_schema is not None else None

    async def work(client: WeaviateAsyncClient, out: Output) -> int:
        if schema is not None and not await client.collections.exists(collection):
            schema["class"] = collection
            await client.collections.create_from_dict(schema)
        report = await import_file(
            client.collections.use(collection),
            file,
            format=file_format,  # type: ignore[arg-type]
            layout=Layout(uuid_from=uuid_from or ()),
            tenant=tenant,
            batch="stream" if stream else "dynamic",
            resume=resume,
            progress=progress,
        )
        failed = len(report.failures)
        out.message(
            f"{report.acknowledged} imported, {failed} failed, {report.skipped} skipped "
            f"of {report.rows} rows in {report.seconds:.1f} s"
            + (f"; failures in {report.failures_path}" if report.failures_path else ""),
            rows=report.rows,
            imported=report.acknowledged,
            failed=failed,
            skipped=report.skipped,
            failures_path=str(report.failures_path) if report.failures_path else None,
        )
        return EXIT_PARTIAL if failed else 0

    _run(ctx, work)


def _lean_arrow_memory() -> None:
    # The process is the command's own, so it may choose Arrow's allocator: jemalloc hands
    # freed pages back sooner than the default mimalloc (a 200,000-row import of 384-d vectors
    # peaked about 45 MB lower). A library call leaves that choice to its application.
    from weaviate_async.io._arrow import arrow

    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        pyarrow = arrow()
        with contextlib.suppress(NotImplementedError):  # a pyarrow built without jemalloc
            pyarrow.set_memory_pool(pyarrow.jemalloc_memory_pool())


@app.command("export")
def export_command(
    ctx: typer.Context,
    collection: str,
    file: Path,
    file_format: Annotated[
        str | None, typer.Option("--format", help="parquet, csv or jsonl.")
    ] = None,
    tenant: Annotated[str | None, typer.Option(help="Only this tenant's objects.")] = None,
    vectors: Annotated[bool, typer.Option(help="Write the vectors.")] = True,
    references: Annotated[bool, typer.Option(help="Write the references.")] = True,
    where: Annotated[
        str | None, typer.Option("--filter", help="Only what a REST where filter (JSON) matches.")
    ] = None,
) -> None:
    """Export a collection's objects to a Parquet, CSV or JSON lines file."""
    from weaviate_async.io import export_collection

    condition = _where(where) if where is not None else None

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        handle = client.collections.use(collection)
        if tenant is not None:
            handle = handle.with_tenant(tenant)
        report = await export_collection(
            handle,
            file,
            format=file_format,  # type: ignore[arg-type]
            include_vector=vectors,
            include_references=references,
            filters=condition,
        )
        out.message(
            f"{report.rows} objects written to {report.path} in {report.seconds:.1f} s",
            rows=report.rows,
            path=str(report.path),
        )

    _run(ctx, work)


@app.command("copy")
def copy_command(
    ctx: typer.Context,
    collection: str,
    to: Annotated[str, typer.Option(help="The other server's REST address.")],
    to_grpc_port: Annotated[int, typer.Option(help="The other server's gRPC port.")] = 50051,
    to_api_key: Annotated[
        str | None, typer.Option(envvar="WEAVIATE_TO_API_KEY", show_default=False)
    ] = None,
    to_name: Annotated[str | None, typer.Option("--as", help="The copy's name.")] = None,
) -> None:
    """Copy a collection (its configuration and objects, with vectors) to another server."""
    from weaviate_async.cli.copy import copy_collection

    other = _checked(Target(to, to_grpc_port, to_api_key), "--to")

    async def work(client: WeaviateAsyncClient, out: Output) -> int:
        destination = await connect(other)
        try:
            copied, failed = await copy_collection(
                client, destination, collection, to_name or collection
            )
        finally:
            await destination.close()
        out.message(f"{copied} objects copied, {failed} failed", copied=copied, failed=failed)
        return EXIT_PARTIAL if failed else 0

    _run(ctx, work)


@app.command("count")
def count_command(
    ctx: typer.Context,
    collection: str,
    tenant: Annotated[str | None, typer.Option()] = None,
) -> None:
    """The number of objects in a collection (or one tenant)."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        handle = client.collections.use(collection)
        count = await (handle.with_tenant(tenant) if tenant else handle).length()
        if out.json:
            out.data({"collection": collection, "count": count})
        else:
            typer.echo(count)

    _run(ctx, work)


@app.command("get")
def get_command(
    ctx: typer.Context,
    collection: str,
    uuid: str,
    tenant: Annotated[str | None, typer.Option()] = None,
    vector: Annotated[bool, typer.Option(help="Include the vectors.")] = False,
) -> None:
    """One object by uuid (exit code 1 when there is none)."""

    async def work(client: WeaviateAsyncClient, out: Output) -> int:
        handle = client.collections.use(collection)
        handle = handle.with_tenant(tenant) if tenant else handle
        obj = await handle.query.fetch_object_by_id(uuid, include_vector=vector)
        if obj is None:
            typer.echo(f"error: no object {uuid} in {collection}", err=True)
            return EXIT_FAILED
        out.data(
            {
                "uuid": obj.uuid,
                "properties": obj.properties,
                "vector": obj.vector if vector else None,
                "creation_time": obj.metadata.creation_time,
                "update_time": obj.metadata.last_update_time,
            }
        )
        return 0

    _run(ctx, work)


@app.command("delete-where")
def delete_where_command(
    ctx: typer.Context,
    collection: str,
    where: Annotated[str, typer.Option("--filter", help="A REST where filter, as JSON.")],
    tenant: Annotated[str | None, typer.Option()] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without a dry run.")] = False,
) -> None:
    """Delete the objects a filter matches: a dry run that counts them first, unless --yes."""
    condition = _where(where)

    async def work(client: WeaviateAsyncClient, out: Output) -> int:
        handle = client.collections.use(collection)
        handle = handle.with_tenant(tenant) if tenant else handle
        result = await handle.data.delete_many(condition, dry_run=not yes)
        verb = "deleted" if yes else "would delete (dry run; --yes deletes)"
        out.message(
            f"{result.successful} {verb}, {result.failed} failed, {result.matches} matched",
            matches=result.matches,
            successful=result.successful,
            failed=result.failed,
            dry_run=not yes,
        )
        return EXIT_FAILED if result.failed else 0

    _run(ctx, work)


@app.command("search")
def search_command(
    ctx: typer.Context,
    collection: str,
    near_text: Annotated[str | None, typer.Option(help="Search by meaning.")] = None,
    bm25: Annotated[str | None, typer.Option(help="Keyword search.")] = None,
    hybrid: Annotated[str | None, typer.Option(help="Keyword and vector search.")] = None,
    limit: Annotated[int, typer.Option(help="How many results.")] = 10,
    target_vector: Annotated[str | None, typer.Option(help="The named vector to search.")] = None,
    tenant: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Search a collection (one of --near-text, --bm25, --hybrid) and show the results."""
    chosen = [q for q in (near_text, bm25, hybrid) if q is not None]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --near-text, --bm25, --hybrid")

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        from weaviate_async.classes.query import MetadataQuery

        handle = client.collections.use(collection)
        handle = handle.with_tenant(tenant) if tenant else handle
        meta = MetadataQuery(distance=True, score=True)
        if near_text is not None:
            result = await handle.query.near_text(
                near_text, limit=limit, return_metadata=meta, target_vector=target_vector
            )
        elif bm25 is not None:
            result = await handle.query.bm25(bm25, limit=limit, return_metadata=meta)
        else:
            result = await handle.query.hybrid(
                hybrid, limit=limit, return_metadata=meta, target_vector=target_vector
            )
        rows = [
            [
                str(o.uuid),
                o.metadata.distance if near_text is not None else o.metadata.score,
                orjson.dumps(plain(o.properties)).decode(),
            ]
            for o in result.objects
        ]
        raw = [
            {
                "uuid": o.uuid,
                "distance": o.metadata.distance,
                "score": o.metadata.score,
                "properties": o.properties,
            }
            for o in result.objects
        ]
        score = "distance" if near_text is not None else "score"
        out.table(f"{collection}: {len(rows)} results", ["uuid", score, "properties"], rows, raw)

    _run(ctx, work)


# --------------------------------------------------------------------------- administration


@tenants_app.command("list")
def tenants_list(ctx: typer.Context, collection: str) -> None:
    """A collection's tenants and their activity status."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        tenants = await client.collections.use(collection).tenants.get()
        rows = [[t.name, t.activity_status.value] for t in tenants.values()]
        out.table(f"Tenants of {collection}", ["name", "status"], rows)

    _run(ctx, work)


@tenants_app.command("create")
def tenants_create(ctx: typer.Context, collection: str, names: list[str]) -> None:
    """Create tenants."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        await client.collections.use(collection).tenants.create(names)
        out.message(f"created {', '.join(names)}", created=names)

    _run(ctx, work)


@tenants_app.command("delete")
def tenants_delete(
    ctx: typer.Context,
    collection: str,
    names: list[str],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete tenants and their objects."""
    _confirm(yes, f"Delete the tenants {', '.join(names)} of {collection} and their objects?")

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        await client.collections.use(collection).tenants.remove(names)
        out.message(f"deleted {', '.join(names)}", deleted=names)

    _run(ctx, work)


@backup_app.command("create")
def backup_create(
    ctx: typer.Context,
    backup_id: str,
    backend: Annotated[str, typer.Option(help="filesystem, s3, gcs or azure.")] = "filesystem",
    include: Annotated[list[str] | None, typer.Option(help="Collections to include.")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Collections to leave out.")] = None,
    wait: Annotated[bool, typer.Option(help="Wait until it completes.")] = True,
) -> None:
    """Start a backup (and wait for it, unless --no-wait)."""
    _backup(ctx, "create", backup_id, backend, include, exclude, wait)


@backup_app.command("restore")
def backup_restore(
    ctx: typer.Context,
    backup_id: str,
    backend: Annotated[str, typer.Option(help="filesystem, s3, gcs or azure.")] = "filesystem",
    include: Annotated[list[str] | None, typer.Option(help="Collections to restore.")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Collections to leave out.")] = None,
    wait: Annotated[bool, typer.Option(help="Wait until it completes.")] = True,
) -> None:
    """Restore a backup (and wait for it, unless --no-wait)."""
    _backup(ctx, "restore", backup_id, backend, include, exclude, wait)


def _backup(
    ctx: typer.Context,
    action: Literal["create", "restore"],
    backup_id: str,
    backend: str,
    include: list[str] | None,
    exclude: list[str] | None,
    wait: bool,
) -> None:
    # create and restore take the same arguments and report alike
    from weaviate_async.backup import BackupStorage

    async def work(client: WeaviateAsyncClient, out: Output) -> int:
        start = client.backup.create if action == "create" else client.backup.restore
        result = await start(
            backup_id,
            BackupStorage(backend),
            include_collections=include,
            exclude_collections=exclude,
            wait_for_completion=wait,
        )
        out.data(result)
        return EXIT_FAILED if result.status.value == "FAILED" else 0

    _run(ctx, work)


@backup_app.command("status")
def backup_status(
    ctx: typer.Context,
    backup_id: str,
    backend: Annotated[str, typer.Option(help="filesystem, s3, gcs or azure.")] = "filesystem",
    restore: Annotated[bool, typer.Option(help="The restore's status.")] = False,
) -> None:
    """The status of a backup (or of its restore)."""
    from weaviate_async.backup import BackupStorage

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        storage = BackupStorage(backend)
        if restore:
            out.data(await client.backup.get_restore_status(backup_id, storage))
        else:
            out.data(await client.backup.get_create_status(backup_id, storage))

    _run(ctx, work)


@app.command("nodes")
def nodes_command(
    ctx: typer.Context,
    collection: Annotated[str | None, typer.Option(help="Only this collection's shards.")] = None,
) -> None:
    """The cluster's nodes, and their shards."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        nodes = await client.cluster.nodes(collection, output="verbose")
        rows = []
        for node in nodes:
            shards = node.shards or []
            objects = sum(s.object_count for s in shards)
            rows.append([node.name, node.status, node.version, len(shards), objects])
        out.table("Nodes", ["name", "status", "version", "shards", "objects"], rows, nodes)

    _run(ctx, work)


@app.command("shards")
def shards_command(ctx: typer.Context, collection: str) -> None:
    """A collection's shards and their status."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        shards = await client.collections.use(collection).config.get_shards()
        rows = [[s.name, s.status, s.vector_queue_size] for s in shards]
        out.table(f"Shards of {collection}", ["name", "status", "vector queue"], rows)

    _run(ctx, work)


@roles_app.command("list")
def roles_list(ctx: typer.Context) -> None:
    """Every role and how many permissions it holds."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        roles = await client.roles.list_all()
        rows = [[name, len(role.permissions)] for name, role in roles.items()]
        out.table("Roles", ["name", "permissions"], rows, roles)

    _run(ctx, work)


@users_app.command("list")
def users_list(ctx: typer.Context) -> None:
    """The database users."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        users = await client.users.db.list_all()
        rows = [[u.user_id, u.active, ", ".join(u.role_names)] for u in users]
        out.table("Users", ["id", "active", "roles"], rows, users)

    _run(ctx, work)


@aliases_app.command("list")
def aliases_list(ctx: typer.Context) -> None:
    """Every alias and the collection it names."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        aliases = await client.alias.list_all()
        rows = [[a.alias, a.collection] for a in aliases.values()]
        out.table("Aliases", ["alias", "collection"], rows)

    _run(ctx, work)


@aliases_app.command("create")
def aliases_create(ctx: typer.Context, alias: str, collection: str) -> None:
    """Make an alias for a collection."""

    async def work(client: WeaviateAsyncClient, out: Output) -> None:
        await client.alias.create(alias_name=alias, target_collection=collection)
        out.message(f"{alias} -> {collection}", alias=alias, collection=collection)

    _run(ctx, work)


@aliases_app.command("delete")
def aliases_delete(ctx: typer.Context, alias: str) -> None:
    """Delete an alias (the collection stays)."""

    async def work(client: WeaviateAsyncClient, out: Output) -> int:
        deleted = await client.alias.delete(alias_name=alias)
        out.message(f"deleted {alias}" if deleted else f"no alias {alias}", deleted=deleted)
        return 0 if deleted else EXIT_FAILED

    _run(ctx, work)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    typer.echo(f"warning: {message}", err=True)


def main() -> None:
    """The console script's entry point."""
    # a warning is for the person at the terminal: its text, not the client's source line
    warnings.showwarning = _show_warning
    app()
