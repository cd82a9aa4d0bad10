"""An aiohttp web app serving searches over Weaviate, with one async client opened and closed
by the app's cleanup context.

Run it (the server and collection from the environment, see ``article_search.Settings``)::

    pip install weaviate-async
    WEAVIATE_COLLECTION=Article python docs/examples/aiohttp_app.py --port 8000

Endpoints (as in ``fastapi_app.py``):

- ``GET /search/near_text?q=...&limit=5``: the articles nearest to the text;
- ``GET /search/hybrid?q=...&category=...&alpha=0.5&limit=5``: hybrid search within a category.

Bad input answers 400, a failed search 502.
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web
from article_search import MAX_LIMIT, Settings, client_for, hybrid_in_category, near_text

from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.exceptions import WeaviateInvalidInputError, WeaviateQueryError

__all__ = ["create_app", "main"]

SETTINGS = web.AppKey("settings", Settings)
COLLECTION = web.AppKey("collection", CollectionAsync)


# --8<-- [start:client]
async def weaviate_client(app: web.Application) -> AsyncIterator[None]:
    """The app's one client: connected at start-up, closed at cleanup."""
    settings = app[SETTINGS]
    async with client_for(settings) as client:
        app[COLLECTION] = client.collections.use(settings.collection)
        yield


# --8<-- [end:client]


def _text(request: web.Request, name: str) -> str:
    value = request.query.get(name, "")
    if not value:
        raise web.HTTPBadRequest(reason=f"{name} is required")
    return value


def _number(request: web.Request, name: str, default: float, low: float, high: float) -> float:
    try:
        value = float(request.query.get(name, default))
    except ValueError:
        raise web.HTTPBadRequest(reason=f"{name} must be a number") from None
    if not low <= value <= high:
        raise web.HTTPBadRequest(reason=f"{name} must be between {low} and {high}")
    return value


def _limit(request: web.Request) -> int:
    value = _number(request, "limit", 5, 1, MAX_LIMIT)
    if not value.is_integer():
        raise web.HTTPBadRequest(reason="limit must be an integer")
    return int(value)


async def search_near_text(request: web.Request) -> web.Response:
    """The articles nearest to the text ``q``."""
    app = request.app
    results = await near_text(app[COLLECTION], app[SETTINGS], _text(request, "q"), _limit(request))
    return web.json_response({"results": results})


async def search_hybrid(request: web.Request) -> web.Response:
    """Hybrid search for ``q`` within ``category``."""
    app = request.app
    results = await hybrid_in_category(
        app[COLLECTION],
        app[SETTINGS],
        _text(request, "q"),
        _text(request, "category"),
        _limit(request),
        _number(request, "alpha", 0.5, 0.0, 1.0),
    )
    return web.json_response({"results": results})


@web.middleware
async def client_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """The client's errors as HTTP answers: bad input 400, a failed search 502."""
    try:
        return await handler(request)
    except WeaviateInvalidInputError as exc:
        return web.json_response({"error": str(exc)}, status=400)
    except WeaviateQueryError as exc:
        return web.json_response({"error": str(exc)}, status=502)


# --8<-- [start:app]
def create_app(settings: Settings | None = None) -> web.Application:
    """The app, searching the server and collection of ``settings`` (default: from the
    environment)."""
    app = web.Application(middlewares=[client_errors])
    app[SETTINGS] = settings or Settings.from_env()
    app.cleanup_ctx.append(weaviate_client)
    app.router.add_get("/search/near_text", search_near_text)
    app.router.add_get("/search/hybrid", search_hybrid)
    return app


# --8<-- [end:app]


def main(argv: list[str] | None = None) -> None:
    """Serve the app until interrupted."""
    parser = argparse.ArgumentParser(description="Serve the article search endpoints.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    web.run_app(create_app(), host=args.host, port=args.port)


if __name__ == "__main__":
    main()
