"""Documents in: extract and add to the store, or remove (writes need the API key); and one article
read back, as JSON or as a page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep, WriteDep
from guanxi.api.models import ChangePublic, DocumentIn
from guanxi.graph.errors import InputError
from guanxi.graph.records import Document
from guanxi.graph.sources import without_controls
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
    from guanxi.graph.pipeline import extract_documents

    articles = [a for _, arts in extract_documents([document], split=False) for a in arts]
    return store.add(articles), [a.id for a in articles]


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
            },
            "required": True,
        }
    },
)
async def post_document(
    store: StoreDep,
    request: Request,
    id: Annotated[str | None, Query(description="document id, for a text/plain body")] = None,
    title: Annotated[str | None, Query()] = None,
):
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    raw = await request.body()
    if kind == "text/plain":
        if not id:
            raise InputError("A text/plain body needs the document id as ?id=")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError("The body is not UTF-8 text") from e
    else:
        text = None
    try:
        doc = DocumentIn(id=id, text=text, title=title) if kind == "text/plain" else DocumentIn.model_validate_json(raw)
    except ValueError as e:
        raise InputError(
            f'Expected JSON {{"id", "text", "title"?, "date"?, "url"?}} or a text/plain body with ?id=: {problem(e)}'
        ) from e
    if not doc.text.strip():
        raise InputError(f'Document "{doc.id}" has no text')
    document = Document(
        id=doc.id, text=without_controls(doc.text), title=doc.title, date=doc.date, url=doc.url, source="api"
    )
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
