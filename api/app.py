"""The FastAPI application. ``create_app(store)`` serves a given store; without one, the store
named by the settings is opened at start-up and closed at shutdown."""

from __future__ import annotations

import functools
import gc
import json
import logging
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from guanxi.api.cache import CachedReads, ResponseCache
from guanxi.api.deps import Busy, Unauthorized
from guanxi.api.routes import analytics, cypher, documents, entities, home, relations
from guanxi.api.routes.apidocs import add_api_docs
from guanxi.api.settings import Settings
from guanxi.cypher.store import GraphStore
from guanxi.graph.config import configure
from guanxi.graph.errors import Ambiguous, GuanxiError, InputError, NotFound, QueryRefused, StoreError

log = logging.getLogger("guanxi.api")


def freeze_heap() -> None:
    """Move every object alive now (modules, settings, the open store) out of the garbage
    collector's reach. A long-running server otherwise walks them all in each full collection:
    30–80 ms on this machine, taken by whichever request happened to trigger it (it was the tail
    of 2-hop neighborhoods in ``bench.store``: p95 83 ms before freezing, 41–50 ms after)."""
    gc.collect()
    gc.freeze()


def error_body(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    configure(settings.extraction())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        owned = store is None
        app.state.store = store or settings.open_store()
        freeze_heap()
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="guanxi",
        version="0.1.0",
        lifespan=lifespan,
        description="Entity-relation graph of Chinese industry and policy news.",
        docs_url=None,  # add_api_docs serves /docs and /redoc without a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.cache = ResponseCache()
    app.state.cypher_slots = threading.BoundedSemaphore(cypher.CYPHER_SLOTS)
    app.state.cypher_wait_s = cypher.CYPHER_WAIT_S
    if store is not None:
        app.state.store = store
    app.add_middleware(CachedReads)  # added first, so CORS (if on) wraps it
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["*"], allow_headers=["*"])
    app.include_router(home.router)
    app.include_router(entities.router)
    app.include_router(relations.router)
    app.include_router(cypher.router)
    app.include_router(documents.router)
    app.include_router(documents.reading)
    app.include_router(analytics.router)
    add_api_docs(app)

    add_error_handlers(app)
    return app


def add_error_handlers(app: FastAPI) -> None:
    """Every error answers ``{"ok": false, "error": message, "status": code}``."""

    @app.exception_handler(Ambiguous)
    async def ambiguous(request: Request, exc: Ambiguous):
        response = error_body(409, str(exc))
        body = json.loads(response.body) | {"candidates": exc.candidates}
        return JSONResponse(body, status_code=409)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error_body(404, str(exc))

    @app.exception_handler(Unauthorized)
    async def unauthorized(request: Request, exc: Unauthorized):
        return error_body(401 if request.app.state.settings.api_key else 403, str(exc))

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy):
        response = error_body(503, str(exc))
        response.headers["Retry-After"] = "2"
        return response

    @app.exception_handler(QueryRefused)
    async def refused(request: Request, exc: QueryRefused):
        return error_body(400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        status = 400 if request.url.path == "/cypher" else 503
        return error_body(status, str(exc))

    @app.exception_handler(GuanxiError)
    async def guanxi_error(request: Request, exc: GuanxiError):
        return error_body(422 if isinstance(exc, InputError) else 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return error_body(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_body(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error_body(500, f"internal error ({type(exc).__name__}); see the server log")


def run_server(settings: Settings, host: str, port: int, workers: int = 1, access_log: bool = False) -> None:
    """Serve ``create_app(settings=settings)`` with uvicorn. Each worker process gets the settings
    record itself (pickled with the app factory), so nothing is passed through the environment."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        functools.partial(create_app, settings=settings),
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()
