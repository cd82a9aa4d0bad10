"""A FastAPI app serving searches over Weaviate, with one async client owned by its lifespan.

Run it (the server and collection from the environment, see ``article_search.Settings``)::

    pip install weaviate-async fastapi uvicorn
    WEAVIATE_COLLECTION=Article uvicorn fastapi_app:app --app-dir docs/examples

Endpoints:

- ``GET /search/near_text?q=...&limit=5``: the articles nearest to the text;
- ``GET /search/hybrid?q=...&category=...&alpha=0.5&limit=5``: hybrid search within a category.

The client is connected when the app starts and closed when it stops: every request shares its
connection pool (HTTP and gRPC), and nothing is left open after shutdown. Bad input answers 422
(FastAPI's own checks) or 400 (the client's), a failed search 502.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypedDict

from article_search import MAX_LIMIT, Settings, client_for, hybrid_in_category, near_text
from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.exceptions import WeaviateInvalidInputError, WeaviateQueryError


class State(TypedDict):
    """What the lifespan hands to every request (``request.state``)."""

    settings: Settings
    collection: CollectionAsync[Any, Any]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app, searching the server and collection of ``settings`` (default: from the
    environment)."""
    chosen = settings or Settings.from_env()

    # --8<-- [start:lifespan]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[State]:
        # One client for the app's life: connected before the first request, closed after the
        # last one (also when start-up fails half-way).
        async with client_for(chosen) as client:
            yield {"settings": chosen, "collection": client.collections.use(chosen.collection)}

    app = FastAPI(title="Article search", lifespan=lifespan)
    # --8<-- [end:lifespan]

    @app.exception_handler(WeaviateInvalidInputError)
    async def bad_input(request: Request, exc: WeaviateInvalidInputError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(WeaviateQueryError)
    async def failed_search(request: Request, exc: WeaviateQueryError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=502)

    # --8<-- [start:near_text]
    @app.get("/search/near_text")
    async def search_near_text(
        request: Request,
        q: str = Query(min_length=1),
        limit: int = Query(5, ge=1, le=MAX_LIMIT),
    ) -> dict[str, Any]:
        """The articles nearest to the text ``q``."""
        state = request.state
        return {"results": await near_text(state.collection, state.settings, q, limit)}
        # --8<-- [end:near_text]

    @app.get("/search/hybrid")
    async def search_hybrid(
        request: Request,
        q: str = Query(min_length=1),
        category: str = Query(min_length=1),
        alpha: float = Query(0.5, ge=0.0, le=1.0),
        limit: int = Query(5, ge=1, le=MAX_LIMIT),
    ) -> dict[str, Any]:
        """Hybrid search for ``q`` within ``category``."""
        state = request.state
        results = await hybrid_in_category(
            state.collection, state.settings, q, category, limit, alpha
        )
        return {"results": results}

    return app


app = create_app()
