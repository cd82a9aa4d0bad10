"""The public modules of the two packages, for the API reference (docs/_scripts/gen_ref_pages.py)
and for the test that checks the reference leaves none out (tests/unit/test_docs_site.py).

A module is public when no part of its dotted path starts with an underscore and weaviate_sync
mirrors it. The sync package is generated from the async one and holds exactly the modules a
program imports; what it does not mirror (``wire``, ``proto``, the transports, the batch
engine's parts, the demo) is implementation.
"""

from __future__ import annotations

from pathlib import Path

#: The namespaces a program reaches through attributes: (attribute, module and class of the
#: blocking twin under the package; the async class is the same name plus ``Async``).
NAMESPACES = [
    ("client.collections", "collections.collections._Collections"),
    ("collection.data", "collections.data._DataCollection"),
    ("collection.query", "collections.query._QueryCollection"),
    ("collection.generate", "collections.generate._GenerateCollection"),
    ("collection.aggregate", "collections.aggregate._AggregateCollection"),
    ("collection.config", "collections.config._ConfigCollection"),
    ("collection.tenants", "collections.tenants._Tenants"),
    ("collection.backup", "collections.backups._CollectionBackup"),
    ("client.batch", "collections.batch.wrapper._BatchClientWrapper"),
    ("collection.batch", "collections.batch.wrapper._BatchCollectionWrapper"),
    ("client.alias", "aliases.namespace._Alias"),
    ("client.backup", "backup.namespace._Backup"),
    ("client.cluster", "cluster.namespace._Cluster"),
    ("client.cluster.replications", "cluster.replicate._Replicate"),
    ("client.debug", "debug.namespace._Debug"),
    ("client.export", "export.namespace._Export"),
    ("client.groups", "groups.namespace._Groups"),
    ("client.roles", "rbac.roles._Roles"),
    ("client.tokenization", "tokenization.namespace._Tokenization"),
    ("client.users", "users.namespace._Users"),
]


def _modules(package_dir: Path, package: str) -> set[str]:
    found: set[str] = set()
    for path in package_dir.rglob("*.py"):
        rel = path.relative_to(package_dir).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(part.startswith("_") for part in parts):
            continue
        found.add(".".join([package, *parts]))
    return found


def public_modules(root: Path, package: str) -> list[str]:
    """Dotted names of the public modules of ``package`` (weaviate_async or weaviate_sync),
    parents before children."""
    mirrored = {
        name.partition(".")[2] for name in _modules(root / "weaviate_sync", "weaviate_sync")
    }
    names = [
        name for name in _modules(root / package, package) if name.partition(".")[2] in mirrored
    ]
    return sorted(names, key=lambda name: name.split("."))


def module_file(root: Path, module: str) -> Path:
    """The source file of a dotted module name under ``root``."""
    path = root.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
