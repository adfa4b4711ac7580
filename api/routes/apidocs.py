"""The interactive API docs (/docs: Swagger UI, /redoc: ReDoc) with every script and style served
by the app itself, so that they work on a network that cannot reach a CDN. The files are those of
the ``fastapi-offline`` package (Swagger UI 5 and ReDoc); only its files are used."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/assets/apidocs"
ASSET_FILES = Path(str(files("fastapi_offline") / "static"))


def add_api_docs(app: FastAPI) -> None:
    """/docs and /redoc, and the folder of their assets at ``ASSETS``. The app is created with
    ``docs_url=None, redoc_url=None`` so that FastAPI's CDN pages are not there."""
    app.mount(ASSETS, StaticFiles(directory=ASSET_FILES), name="apidocs")
    router = APIRouter(include_in_schema=False)

    @router.get("/docs", response_class=HTMLResponse)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
        )

    @router.get("/redoc", response_class=HTMLResponse)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} API",
            redoc_js_url=f"{ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS}/favicon.png",
            with_google_fonts=False,
        )

    app.include_router(router)
