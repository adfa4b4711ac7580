"""Documents in: extract and add to the store, or remove (writes need the API key); and one article
read back, as JSON or as a page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep, WriteDep
from guanxi.api.models import ChangePublic, DocumentIn
from guanxi.graph.errors import InputError
from guanxi.graph.fetch import DOCX_TYPE, MAX_BYTES
from guanxi.graph.records import Document
from guanxi.graph.sources import read_data, read_url, without_controls
from guanxi.viz.pages import article_page

router = APIRouter(prefix="/documents", tags=["documents"], dependencies=[WriteDep])


def problem(error: ValueError) -> str:
    """The first complaint of a validation error, with the field it is about."""
    errors = getattr(error, "errors", None)
    if callable(errors) and errors():
        first = errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return str(error).splitlines()[0]


def extract_and_add(store, document: Document):
    """Extract ``document`` and add it; a file or an address is cut into articles as the CLI
    cuts it (a PDF digest at its titles, a Word file at its headings), a posted text is one."""
    from guanxi.graph.pipeline import extract_documents

    split = document.format is not None
    articles = [a for _, arts in extract_documents([document], split=split) for a in arts]
    return store.add(articles), [a.id for a in articles]


FILE_TYPES = ("application/pdf", DOCX_TYPE, "text/html", "application/xhtml+xml", "application/octet-stream")


async def body_of(request: Request) -> bytes:
    """The request body, refused past ``MAX_BYTES`` before more of it is read."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BYTES:
            raise HTTPException(413, f"The body is larger than {MAX_BYTES // 2**20} MB")
    return bytes(body)


def one_document(docs: list[Document], errors: list[InputError], **fields) -> Document:
    if errors:
        raise errors[0]
    return replace(docs[0], **{k: v for k, v in fields.items() if v is not None})


def uploaded(raw: bytes, id: str | None, title: str | None) -> Document:
    """A file sent as the body (PDF, Word, a web page), read by what its bytes are."""
    if not id:
        raise InputError("A file body needs the document id as ?id=")
    valid(lambda: DocumentIn(id=id, text=""))  # the id's rules
    return one_document(*read_data(Path(id), raw, id), id=id, title=title, source="api")


def plain(raw: bytes, id: str | None, title: str | None) -> Document:
    if not id:
        raise InputError("A text/plain body needs the document id as ?id=")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError("The body is not UTF-8 text") from e
    return posted(valid(lambda: DocumentIn(id=id, text=text, title=title)))


def valid(make) -> DocumentIn:
    try:
        return make()
    except ValueError as e:
        raise InputError(
            'Expected JSON {"id", "text", "title"?, "date"?, "url"?} or {"url"} to fetch, a text/plain body '
            f"with ?id=, or a PDF, Word or HTML file with ?id=: {problem(e)}"
        ) from e


def posted(doc: DocumentIn) -> Document:
    if not doc.text.strip():
        raise InputError(f'Document "{doc.id}" has no text')
    return Document(
        id=doc.id, text=without_controls(doc.text), title=doc.title, date=doc.date, url=doc.url, source="api"
    )


def from_json(raw: bytes, allow_private: bool) -> Document:
    """A posted document, or the one fetched from its ``url`` when it has no text."""
    doc = valid(lambda: DocumentIn.model_validate_json(raw))
    if doc.text is not None:
        return posted(doc)
    parts = urlsplit(doc.url)  # without an id, the address names the document: two sites' index.html stay two
    default_id = (parts.netloc + parts.path).rstrip("/") or doc.url
    return one_document(*read_url(doc.url, allow_private), id=doc.id or default_id, title=doc.title, date=doc.date)


@router.post(
    "",
    response_model=ChangePublic,
    status_code=201,
    summary="Extract a document and add it to the graph (a document with the same id is replaced)",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": DocumentIn.model_json_schema()},
                "text/plain": {"schema": {"type": "string"}},
                **{kind: {"schema": {"type": "string", "format": "binary"}} for kind in FILE_TYPES},
            },
            "required": True,
        }
    },
)
async def post_document(
    store: StoreDep,
    request: Request,
    id: Annotated[str | None, Query(description="document id, for a text/plain or file body")] = None,
    title: Annotated[str | None, Query()] = None,
):
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await body_of(request)
    if kind in FILE_TYPES:
        document = await run_in_threadpool(uploaded, raw, id, title)
    elif kind == "text/plain":
        document = plain(raw, id, title)
    else:
        document = await run_in_threadpool(from_json, raw, request.app.state.settings.fetch_allow_private)
    report, ids = await run_in_threadpool(extract_and_add, store, document)
    request.app.state.cache.forget()
    return {
        "ok": True,
        "articles": ids,
        "documents": report.documents,
        "replaced": report.replaced,
        "entities": report.entities,
        "relationships": report.relationships,
    }


@router.delete("/{doc_id:path}", response_model=ChangePublic, summary="Remove a document and what only it supported")
def delete_document(store: StoreDep, request: Request, doc_id: str):
    report = store.remove(doc_id)
    request.app.state.cache.forget()
    return {
        "ok": True,
        "articles": [],
        "documents": report.documents,
        "replaced": 0,
        "entities": report.entities,
        "relationships": report.relationships,
    }


reading = APIRouter(prefix="/documents", tags=["documents"], dependencies=[ReadDep])


@reading.get("/{doc_id:path}/view", response_class=HTMLResponse, summary="One article as a page, its names marked")
def view_document(store: StoreDep, request: Request, doc_id: str):
    return cached(request, None, lambda: article_page(store.article(doc_id)))


@reading.get("/{doc_id:path}", summary="One article: text, the entities it names, the relations it gives")
def get_document(store: StoreDep, request: Request, doc_id: str):
    return store.article(doc_id)
