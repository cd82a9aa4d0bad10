"""Generate ``weaviate_sync``, the blocking twin of ``weaviate_async``, and the blocking twins
of the async test modules that ask for one.

Usage::

    python tools/gen_sync.py            # (re)write weaviate_sync/ and the generated tests
    python tools/gen_sync.py --check    # exit 1 naming stale, missing or extra files, and notes
    python tools/gen_sync.py --bench    # the cost of one hop (benchmarks/loop_hop.py)

The package has one module per job: :mod:`.source` (the parsed async package), :mod:`.translate`
(the translations both generators share: imports, expression rewriting, docstring text),
:mod:`.facade` (the twin modules of ``weaviate_sync``), :mod:`.twin_tests` (the blocking twins of
async test modules) and :mod:`.driver` (formatting, ``--check``, writing, the command line).

Nothing is imported to generate the facade classes: the source is parsed with :mod:`ast` and
signatures, annotations and docstrings are copied textually (``ast.unparse``) with their names
rewritten. A package's ``__all__`` that is not a literal is the one exception: the package is
imported to read it. The runtime is :mod:`weaviate_async._loop_thread` (``LoopThread``).

The rules (see README / docs/sync.md for the reasoning):

* A *facade class* is a class marked ``@twin`` (``weaviate_async._twin``; the decorator is
  resolved by name through the module's imports, also as ``@_twin.twin``). Its *twin* is
  named ``@twin(name=...)`` or the class name without "Async", lives in the mirror module
  under ``weaviate_sync``, keeps the facade's type parameters, holds the async instance
  (``_impl``) and the ``LoopThread`` (``_loop``), and gets one explicit method per public
  member of the facade (and of its bases in ``weaviate_async``, marked or not):

  - ``async def m`` -> ``def m`` (same parameters, defaults, annotations, docstring) running
    the coroutine on the loop, one hop per call;
  - ``@sync_via("m_threadsafe")`` on an ``async def``: the twin keeps the signature and the
    docstring but calls the plain, thread-safe ``self._impl.m_threadsafe(...)`` in the caller's
    thread, without a hop (it must be a plain ``def`` of the class or its bases, accepting the
    same arguments);
  - async iterators: an async generator, a member returning ``AsyncIterator`` /
    ``AsyncIterable`` / ``AsyncGenerator``, and ``__aiter__`` become generators (one hop per
    item, ``send`` forwarded, the async iterator closed on the loop when left early);
    ``__anext__`` becomes ``__next__``;
  - async context managers, entered and exited in ONE task on the loop (task groups and cancel
    scopes opened in ``__aenter__`` are left in their task; the ``with`` block's exception is
    re-raised inside the ``async with``): ``__aenter__``/``__aexit__`` become
    ``__enter__``/``__exit__`` (a twin whose ``__aenter__`` returns self gives itself); an
    ``@contextlib.asynccontextmanager`` method, and a plain or async method returning
    ``AbstractAsyncContextManager[X]`` / ``AsyncContextManager[X]``, return a blocking
    context manager (``AbstractContextManager[X]``); a method returning a twinned class that is
    an async context manager returns its twin, itself a context manager;
  - callbacks: a parameter ``Callable[..., Awaitable[X]]`` / ``Callable[..., Coroutine[Any,
    Any, X]]`` (or that ``| None``) is annotated ``Callable[..., X]`` and the user's blocking
    callable is handed to the async code as a coroutine function running it in a worker thread
    (it may call the blocking client);
  - plain ``def``, ``@property`` (and ``cached_property``), property setters, ``staticmethod``
    and a few dunders (``__repr__``, ``__len__``, ...) pass through; an async ``length()``
    also gives ``__len__``;
  - results whose annotation names a facade class (also ``X | None``, ``list[X]``,
    ``dict[K, X]``, iterators and async context managers of X, ``Self``) are wrapped in the
    twin; a property's (or public attribute's) twin is cached in a slot and given again while
    the async object is the same; parameters annotated with a facade class are unwrapped;
  - annotations: facade -> twin, ``AsyncIterator`` -> ``Iterator``, ``AsyncIterable`` ->
    ``Iterable``, ``AsyncGenerator[Y, S]`` -> ``Generator[Y, S, None]``, ``Awaitable[X]`` and
    ``Coroutine[A, B, X]`` -> ``X``, ``AbstractAsyncContextManager`` -> ``AbstractContextManager``;
  - docstrings speak to a blocking user: twinned class names renamed, ``await``, ``async
    with``, ``async for`` made blocking, ``use_async_with_x(`` -> ``connect_to_x(``,
    ``weaviate_async.<mirrored module>`` -> ``weaviate_sync...``;
  - private members (leading underscore) are not copied.

* What cannot be translated is an error (``GenError``: an async type nested where it cannot be
  adapted, a wrong ``@sync_via``, half an async context manager ...) or a *note* (a public
  attribute without annotation, an unknown decorator, a dunder or classmethod not copied):
  notes make ``--check`` (and a write) exit 1, so none stays in the sources.
* The *root* facade (``@twin(root=True)``: the client) keeps its constructor signature: the
  twin's ``__init__`` builds a private LoopThread and the async client; ``close()`` and
  ``__exit__`` also stop and join the loop thread.
* A module-level ``async def`` returning a root facade (``connect_to_*``) becomes a function
  that starts a fresh LoopThread, runs the coroutine there and returns the twin owning it.
  Other module-level ``async def`` run on a temporary LoopThread. Everything else is
  re-exported unchanged (the objects are identical).
* Modules without facade classes become thin re-export modules; packages become lazy
  (module ``__getattr__``) like their async originals, so ``import weaviate_sync`` is cheap.
* Tests: an async test module under ``tests/`` with a top-level
  ``__sync_twin__ = "tests/<dir>/<name>.py"`` gets that blocking twin, generated by edits of
  its text (comments kept): ``async def`` -> ``def``, ``await`` dropped, ``async with`` /
  ``async for`` (also in comprehensions) -> ``with`` / ``for``, ``weaviate_async`` ->
  ``weaviate_sync`` (twinned names renamed, ``use_async_with_x`` -> ``connect_to_x``),
  ``anext`` / ``aiter`` / ``StopAsyncIteration`` -> ``next`` / ``iter`` / ``StopIteration``,
  ``@pytest.mark.asyncio`` dropped, and the parameters of tests and fixtures named ``client``
  -> ``sync_client``, ``<x>_client`` -> ``sync_<x>_client`` (the fixtures in tests/conftest.py).
  Plain ``def test_*`` of the module (sync already) are left out; ``asyncio``/``anyio`` in the
  module is an error. ``--check`` covers the generated tests like the package.
"""

from __future__ import annotations

from .common import DST_PACKAGE, REPO, SRC_PACKAGE, GenError
from .driver import build, check, existing_files, format_files, generate, main, write
from .source import Module, Tree, load_module
from .translate import sync_text

__all__ = [
    "DST_PACKAGE",
    "REPO",
    "SRC_PACKAGE",
    "GenError",
    "Module",
    "Tree",
    "build",
    "check",
    "existing_files",
    "format_files",
    "generate",
    "load_module",
    "main",
    "sync_text",
    "write",
]
