"""The runnable examples of the documentation pages (docs/*.md), as the docs tests read them.

The conventions, for whoever writes a page (docs/writing-docs.md says the same):

* Every fenced `` ```python `` block of a page runs, in page order, in one namespace per page,
  so a block may use what an earlier block of the page made. Top-level ``await`` and
  ``async with`` work (each page has one event loop, kept between its blocks).
* ``connect_to_local(...)`` and ``use_async_with_local(...)`` (as written for a server on
  localhost:8080/50051) are pointed at the test server: their ``host``, ``port`` and
  ``grpc_port`` are replaced by the server's. ``connect_to_embedded(...)`` and
  ``use_async_with_embedded(...)`` get the tests' server version unless they name one.
* ``<!-- docs-setup ... -->``: Python run at that point and not shown (the collection and data
  a page's examples search, a ``client`` for a page of fragments). ``<!-- docs-teardown ...
  -->`` runs after the page's last block, also when a block failed.
* ``<!-- no-run: reason -->`` on the line before a block: the block is not run (a cloud URL,
  a paid provider's key, code that shows the package's internals). Each one is counted; keep
  them few (``NO_RUN_BUDGET`` in tests/integration/test_docs_examples.py).
* ``<!-- min-server: 1.37.0 -->`` on the line before a block: the block shows a feature of that
  server version, and runs only when the servers under test are that new (``WEAVIATE_VERSION``
  older: not run, as a test marked ``min_server``).
* ``<!-- docs-server: NAME -->``: the page runs against another test server (``auth``: API keys
  and RBAC, ``ADMIN_KEY`` given to its blocks; ``admin``: export enabled). Collections a page
  creates are deleted after it.
* A block made only of ``--8<--`` lines includes a file that has its own test (docs/examples).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"

_FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w+-]*)\s*$")
_NO_RUN = re.compile(r"^\s*<!--\s*no-run:\s*(?P<reason>.+?)\s*-->\s*$")
_MIN_SERVER = re.compile(r"^\s*<!--\s*min-server:\s*(?P<version>\d+\.\d+\.\d+)\s*-->\s*$")
_SERVER = re.compile(r"<!--\s*docs-server:\s*(?P<name>\w+)\s*-->")
_HIDDEN = re.compile(r"^\s*<!--\s*docs-(?P<kind>setup|teardown)\s*$")

LOCAL_CONNECTS = frozenset({"connect_to_local", "use_async_with_local"})
EMBEDDED_CONNECTS = frozenset({"connect_to_embedded", "use_async_with_embedded"})


@dataclass(frozen=True)
class Block:
    """One piece of Python of a page: ``kind`` is example, setup, teardown, no-run or include."""

    page: str
    line: int
    kind: str
    code: str
    reason: str = ""
    min_server: str = ""


def page_server(text: str) -> str:
    """The test server a page asks for (``server`` unless a ``docs-server`` comment names one)."""
    match = _SERVER.search(text)
    return match["name"] if match else "server"


def blocks(page: Path) -> list[Block]:
    """The Python blocks of a page, hidden setups and teardowns included, in page order."""
    lines = page.read_text().splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        hidden = _HIDDEN.match(lines[i])
        if hidden:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "-->")
            code = "\n".join(lines[i + 1 : end])
            out.append(Block(page.name, i + 2, hidden["kind"], _dedent(code)))
            i = end + 1
            continue
        fence = _FENCE.match(lines[i])
        if not fence or not fence["lang"]:
            i += 1
            continue
        indent = fence["indent"]
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        if fence["lang"] == "python":
            body = [line[len(indent) :] for line in lines[i + 1 : end]]
            code = "\n".join(body)
            previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            no_run = _NO_RUN.match(previous)
            if no_run:
                out.append(Block(page.name, i + 2, "no-run", code, no_run["reason"]))
            elif all(line.strip().startswith("--8<--") for line in body if line.strip()):
                out.append(Block(page.name, i + 2, "include", code))
            else:
                newer = _MIN_SERVER.match(previous)
                minimum = newer["version"] if newer else ""
                out.append(Block(page.name, i + 2, "example", code, min_server=minimum))
        i = end + 1
    return out


def _dedent(code: str) -> str:
    import textwrap

    return textwrap.dedent(code)


class _PointConnects(ast.NodeTransformer):
    def __init__(self, host: str, port: int, grpc_port: int, version: str) -> None:
        self._local = {"host": host, "port": port, "grpc_port": grpc_port}
        self._version = version

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in LOCAL_CONNECTS:
            if len(node.args) > 3:  # host, port, grpc_port are the first three parameters
                raise ValueError(f"line {node.lineno}: pass {name}'s later arguments by keyword")
            node.args = []
            node.keywords = [k for k in node.keywords if k.arg not in self._local]
            node.keywords += [
                ast.keyword(arg=key, value=ast.Constant(value))
                for key, value in self._local.items()
            ]
        elif name in EMBEDDED_CONNECTS and not any(k.arg == "version" for k in node.keywords):
            node.keywords.append(ast.keyword(arg="version", value=ast.Constant(self._version)))
        return node


def point_at_server(code: str, *, host: str, port: int, grpc_port: int, version: str) -> ast.Module:
    """The block's syntax tree with its local connections pointed at the test server."""
    tree = ast.parse(code)
    tree = _PointConnects(host, port, grpc_port, version).visit(tree)
    return ast.fix_missing_locations(tree)


def pages() -> list[Path]:
    """The documentation pages, README.md included."""
    return [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]
