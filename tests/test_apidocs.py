"""/docs and /redoc work on a network that reaches nothing but the app: every script, style and
icon they load is served by guanxi itself."""

import re
import socket
import threading
import time
from contextlib import contextmanager

import pytest
import uvicorn
from fastapi.testclient import TestClient

from guanxi.api.app import create_app
from tests.test_view import headless_dom

# nothing but the app on 127.0.0.1 can be reached
LOOPBACK_ONLY = [
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture
def client(falkordb_store):
    with TestClient(create_app(falkordb_store)) as c:
        yield c


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_every_asset_from_the_app(client, page):
    html = client.get(page).text
    urls = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", html)
    assets = [u for u in urls if u != "/openapi.json"]
    assert assets and all(u.startswith("/assets/apidocs/") for u in assets), urls
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200 and len(response.content) > 1000, url
    assert "cdn" not in html.lower() and "fonts.googleapis" not in html


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app(app):
    """``app`` served by uvicorn on a free port of 127.0.0.1 for the block; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def served(falkordb_store):
    with serve_app(create_app(falkordb_store)) as base:
        yield base


def test_swagger_ui_draws_the_routes_in_headless_chromium_with_the_network_blocked(served, tmp_path):
    done = headless_dom(served + "/docs", tmp_path / "profile", network=LOOPBACK_ONLY, budget_ms=15000)
    dom = done.stdout
    assert 'class="opblock' in dom, done.stderr[-2000:]
    assert 'data-path="/entities/{entity_id}/view"' in dom and 'data-path="/cypher"' in dom


def test_every_reference_of_the_openapi_document_resolves(client):
    spec = client.get("/openapi.json").json()
    refs = set(re.findall(r'"\$ref":\s*"#/components/schemas/([^"]+)"', client.get("/openapi.json").text))
    assert refs and refs <= set(spec["components"]["schemas"]), refs - set(spec["components"]["schemas"])
