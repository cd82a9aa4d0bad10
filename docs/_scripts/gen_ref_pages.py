"""Write one API reference page per public module of weaviate_async and weaviate_sync.

Run by the mkdocs-gen-files plugin at build time (nothing is written to the source tree); the
modules are those of ``tools/docs_modules.py``. An async module's page renders its docstrings
with mkdocstrings. A sync module that only re-exports the async one's objects (the models,
builders, exceptions: the very same objects) gets a page linking each name to its entry on the
async page, so nothing is rendered twice and a name missing there fails the strict build; a
sync module with blocking twins is rendered like an async one.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from docs_modules import NAMESPACES, module_file, public_modules  # noqa: E402

INDEX = """# API reference

One page per public module of both packages, generated from the docstrings. `weaviate_sync`
is generated from `weaviate_async`: its blocking twins carry the same docstrings, and its
models, builders and exceptions are the very same objects (their pages link to the async
entries).

The namespaces a program reaches through attributes are classes with a leading underscore, as
in the official client:

| attribute | async class | blocking twin |
| --- | --- | --- |
"""


def _page(module: str) -> Path:
    parts = module.split(".")
    if len(parts) == 1:
        return Path(parts[0], "index.md")
    return Path(*parts[:-1], f"{parts[-1]}.md")


def _reexported_names(tree: ast.Module) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [ast.literal_eval(elt) for elt in node.value.elts]  # type: ignore[attr-defined]
    return []


def _sync_page(module: str) -> str | None:
    """The text of a re-exporting sync module's page, or None for a module with twins."""
    tree = ast.parse(module_file(ROOT, module).read_text())
    doc = ast.get_docstring(tree) or ""
    if not doc.startswith("Re-exports"):
        return None
    twin = "weaviate_async." + module.partition(".")[2] if "." in module else "weaviate_async"
    lines = [
        f"# {module}\n",
        f"The same objects as [`{twin}`][{twin}], importable from here.\n",
    ]
    for name in _reexported_names(tree):
        if name.startswith("_") and not name[1:2].isupper():
            continue
        lines.append(f"- [`{name}`][{twin}.{name}]")
    return "\n".join(lines) + "\n"


nav = mkdocs_gen_files.Nav()
for package in ("weaviate_async", "weaviate_sync"):
    for module in public_modules(ROOT, package):
        page = _page(module)
        text = _sync_page(module) if package == "weaviate_sync" else None
        with mkdocs_gen_files.open(Path("reference", page), "w") as fh:
            fh.write(text or f"::: {module}\n")
        mkdocs_gen_files.set_edit_path(
            Path("reference", page), module_file(ROOT, module).relative_to(ROOT)
        )
        nav[tuple(module.split("."))] = page.as_posix()

with mkdocs_gen_files.open("reference/index.md", "w") as fh:
    fh.write(INDEX)
    for attribute, path in NAMESPACES:
        module, _, cls = path.rpartition(".")
        fh.write(
            f"| `{attribute}` | [`{cls}Async`][weaviate_async.{module}.{cls}Async] "
            f"| [`{cls}`][weaviate_sync.{module}.{cls}] |\n"
        )

with mkdocs_gen_files.open("reference/SUMMARY.md", "w") as fh:
    fh.write("* [Overview](index.md)\n")
    fh.writelines(nav.build_literate_nav())
