"""Generate ``weaviate_async/connect/_calls.py`` and ``rpc.py`` from one table.

Usage::

    python tools/gen_calls.py           # (re)write both modules
    python tools/gen_calls.py --check   # exit 1 when one differs from what the table makes

The connection's call methods repeat their parameters (signature, documentation, forwarding)
per RPC, and each RPC was written again as a value and as an ``RpcTable`` attribute; the table
(``tools/factory_tables/calls.py``) writes each RPC and each parameter once.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import one_module
from factory_tables.calls import REST_DOC, REST_PARAMS, REST_STATUS_DOC, STREAM, UNARY, Unary

TARGET = "weaviate_async/connect/_calls.py"
RPC_TARGET = "weaviate_async/connect/rpc.py"
DOC = """The calls a connection offers: :meth:`Calls.rest`, one method per unary RPC of
``weaviate.v1.Weaviate`` and :meth:`Calls.batch_stream`.

:class:`Calls` is a base of :class:`~weaviate_async.connect.connection.Connection`: each
method says what it calls, with which defaults, and hands the call to the connection's one
implementation of its kind (``rest_status``; ``_unary``: retries, accounting, one attempt
function; ``_batch_stream``).

{note}
"""
HEADER = """
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from weaviate_async.connect._calls_base import CallsBase, TimeoutKind{fallbacks}

if TYPE_CHECKING:
    from weaviate_async.connect.retry import RetryPolicy
    from weaviate_async.exceptions import WeaviateBaseError
    from weaviate_async.proto.weaviate.v1 import (
        aggregate_pb2,
        batch_delete_pb2,
        batch_pb2,
        search_get_pb2,
        tenants_pb2,
    )

__all__ = ["Calls", "TimeoutKind"]
"""
CLASS_DOC = '''    """The call methods of a connection, for a class that provides ``rest_status``,
    ``_unary`` and ``_batch_stream``."""
'''


def _docstring(text: str) -> str:
    """``text`` as an indented method docstring."""
    end = "\n        " if text.endswith("\n") else ""
    return '"""' + textwrap.indent(text.strip("\n"), "        ").lstrip() + end + '"""'


def _rest_signature() -> str:
    params = "".join(
        f"{name}: {annotation}" + ("" if default is None else f" = {default}") + ", "
        for name, annotation, default, _ in REST_PARAMS
    )
    return f"self, method: str, path: str, *, {params}"


def _rest() -> str:
    args = "\n".join(
        textwrap.fill(
            f"{name}: {meaning}",
            84,
            initial_indent="    ",
            subsequent_indent="        ",
            break_on_hyphens=False,
            break_long_words=False,
        )
        for name, _, _, meaning in REST_PARAMS
    )
    forwarded = "".join(f"{name}={name}, " for name, *_ in REST_PARAMS)
    return (
        f"    async def rest_status({_rest_signature()}) -> tuple[int, Any]:\n"
        f'        """{REST_STATUS_DOC}"""\n        raise NotImplementedError\n\n'
        f"    async def rest({_rest_signature()}) -> Any:\n"
        f"        {_docstring(REST_DOC.format(args=args))}\n"
        f"        return (await self.rest_status(method, path, {forwarded}))[1]\n"
    )


def _unary(row: Unary) -> str:
    call = "self._unary(self._rpc.{0}, request, operation, timeout, retry, error)"
    fallback = (
        f"        reply = await {row.fallback}(self, request, operation, timeout, retry)\n"
        "        if reply is not None:\n            return reply\n"
        if row.fallback
        else ""
    )
    return (
        f"    async def {row.name}(self, request: {row.request}, *, operation: str, "
        "timeout: float | None = None, retry: RetryPolicy | None = None, "
        f"error: type[WeaviateBaseError] | None = None,) -> {row.reply}:\n"
        f"        {_docstring(row.doc)}\n{fallback}"
        f"        return await {call.format(row.name)}\n"
    )


def render() -> str:
    """The generated module, before formatting."""
    note = one_module.note("gen_calls.py", "calls.py", "weaviate_async/connect/_calls_base.py")
    fallbacks = sorted({row.fallback for row in UNARY if row.fallback})
    header = HEADER.format(fallbacks="".join(f", {name}" for name in fallbacks))
    methods = "\n".join([_rest(), *(_unary(row) for row in UNARY)])
    return (
        f'"""{DOC.format(note=note)}"""\n\nfrom __future__ import annotations\n{header}\n\n'
        f"class Calls(CallsBase):\n{CLASS_DOC}\n{methods}"
    )


RPC_DOC = """The RPCs of ``weaviate.v1.Weaviate`` as typed values.

Each :class:`Rpc` names one method of ``protos/weaviate/v1/weaviate.proto`` with its request and
reply types, the time limit it gets by default (``query`` or ``insert`` from the client's
``Timeout``), whether it is idempotent and the exception class of its plain failures. The
connection has one typed method per RPC and one private implementation that takes an
:class:`Rpc`; nothing is looked up by name.

{note}
"""
RPC_HEADER = """
import attrs
from grpclib.const import Cardinality

from weaviate_async.connect._rpc_kind import Rpc
from weaviate_async.exceptions import WeaviateBatchError, WeaviateQueryError
from weaviate_async.proto.weaviate.v1 import (
    aggregate_pb2,
    batch_delete_pb2,
    batch_pb2,
    search_get_pb2,
    tenants_pb2,
)
"""


def render_rpc() -> str:
    """The generated ``rpc.py``, before formatting."""
    note = one_module.note("gen_calls.py", "calls.py", "weaviate_async/connect/_calls_base.py")
    rows = [
        (r.name, r.method, r.request.split(" |")[0], r.reply, r.timeout, r.idempotent, r.error)
        for r in UNARY
    ]
    whys = {r.name: r.why for r in UNARY}
    values, fields = [], []
    for name, method, request, reply, timeout, idempotent, error in [*rows, STREAM]:
        cardinality = "STREAM_STREAM" if name == STREAM[0] else "UNARY_UNARY"
        why = textwrap.fill(whys.get(name, ""), 95, initial_indent="# ", subsequent_indent="# ")
        annotation = f"Rpc[{request}, {reply}]"
        values.append(
            (why + "\n" if why else "")
            + f"{name.upper()}: {annotation} = Rpc('/weaviate.v1.Weaviate/{method}', "
            f"Cardinality.{cardinality}, {request}, {reply}, {timeout!r}, {idempotent}, {error})"
        )
        fields.append(f"    {name}: {annotation} = {name.upper()}")
    names = sorted(["RPCS", "Rpc", "RpcTable", *(row[0].upper() for row in [*rows, STREAM])])
    table_doc = (
        '    """Every RPC of the service, as typed attributes (the connection holds one)."""'
    )
    return (
        f'"""{RPC_DOC.format(note=note)}"""\n\nfrom __future__ import annotations\n'
        f"{RPC_HEADER}\n__all__ = {names!r}\n\n"
        + "\n".join(values)
        + "\n\n\n@attrs.frozen\nclass RpcTable:\n"
        f"{table_doc}\n\n" + "\n".join(fields) + "\n\n\nRPCS = RpcTable()\n"
    )


if __name__ == "__main__":
    status = one_module.main(__doc__, TARGET, render, "gen_calls.py")
    sys.exit(status or one_module.main(__doc__, RPC_TARGET, render_rpc, "gen_calls.py"))
