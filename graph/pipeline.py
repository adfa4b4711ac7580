"""The extraction pipeline: named stages, each ``Article -> Article``, applied in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from guanxi.graph.aliases import find_declared_short_forms, find_dictionary_mentions, group_entities
from guanxi.graph.articles import articles_from_document
from guanxi.graph.collector import cycle_collection_paused
from guanxi.graph.lexicon import find_lexicon_mentions
from guanxi.graph.local_bodies import find_governments_of_heads, name_local_bodies
from guanxi.graph.mentions import find_list_members, find_listed_people, find_shared_bodies, select_mentions
from guanxi.graph.ner import find_model_mentions, find_model_mentions_in
from guanxi.graph.records import Article, Document
from guanxi.graph.references import find_company_references, find_project_references
from guanxi.graph.relations import extract_relations
from guanxi.graph.repeats import find_repeated_names
from guanxi.graph.rosters import resegment_name_rosters
from guanxi.graph.rules import find_rule_mentions
from guanxi.graph.sentences import split_sentences


def split_into_sentences(article: Article) -> Article:
    article.sentences = split_sentences(article.text)
    return article


Stage = Callable[[Article], Article]
PIPELINE: tuple[Stage, ...] = (
    split_into_sentences,
    find_model_mentions,
    find_dictionary_mentions,
    find_lexicon_mentions,
    find_rule_mentions,
    find_governments_of_heads,
    find_declared_short_forms,
    select_mentions,
    resegment_name_rosters,
    find_list_members,
    find_listed_people,
    find_shared_bodies,
    name_local_bodies,
    find_repeated_names,
    find_company_references,
    find_project_references,
    group_entities,
    extract_relations,
)


# stages that also run over a list of articles at once, where that is faster
OVER_ARTICLES: dict[Stage, Callable[[list[Article]], list[Article]]] = {
    find_model_mentions: find_model_mentions_in,
}


def process(article: Article, stages: Iterable[Stage] = PIPELINE) -> Article:
    for stage in stages:
        article = stage(article)
    return article


def process_all(articles: list[Article], stages: Iterable[Stage] = PIPELINE) -> list[Article]:
    """The same as ``process`` on each article, with batched stages run once over all of them."""
    with cycle_collection_paused():
        for stage in stages:
            if stage in OVER_ARTICLES:
                articles = OVER_ARTICLES[stage](articles)
            else:
                articles = [stage(a) for a in articles]
    return articles


def articles_of(doc: Document, split: bool = True) -> list[Article]:
    """The articles of a document, unprocessed: a text or PDF digest cut at its titles when
    ``split``, a Word file at its headings, anything else (a .jsonl item, a web page) as one article."""
    digest = doc.source is not None and not doc.source.endswith(".jsonl") and doc.format not in ("html", "docx")
    return articles_from_document(doc, split=split and digest)


BATCH_CHARACTERS = 20_000  # documents are processed together until they hold this much text
Finish = Callable[[Document, list[Article]], Any]  # what a worker makes of a document's articles


def extract_documents(
    documents: Iterable[Document],
    split: bool = True,
    jobs: int = 1,
    dask: str | None = None,
    finish: Finish | None = None,
) -> Iterator[tuple[Document, Any]]:
    """Each document with its processed articles, in input order. ``split`` cuts .txt digests into
    articles. Short documents are processed in batches (one model call for all their sentences):
    a feed of one-sentence items goes about ten times faster than one call per item. With
    ``jobs`` > 1 the batches go to that many local processes, with ``dask`` (a scheduler's
    address) to a Dask cluster; the output is the same. ``finish`` (a module-level function of a
    document and its articles) is applied where the articles were made, and its result comes
    back instead of them: workers then send a small result, not every article's records."""
    batches = document_batches(documents)
    if dask:
        from guanxi.graph.on_dask import extract_on_dask

        yield from extract_on_dask(batches, split, dask, finish)
    elif jobs > 1:
        from guanxi.graph.parallel import extract_on_pool

        yield from extract_on_pool(batches, split, jobs, finish)
    else:
        for batch in batches:
            yield from extract_batch(batch, split, finish)


def document_batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Documents in batches of about ``BATCH_CHARACTERS`` of text, read as they are needed."""
    batch: list[Document] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += len(doc.text)
        if size >= BATCH_CHARACTERS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_batch(documents: list[Document], split: bool, finish: Finish | None = None) -> list[tuple[Document, Any]]:
    """One batch, extracted (and finished, where ``finish`` is given): what a worker process runs."""
    done = process_batch([(doc, articles_of(doc, split)) for doc in documents])
    if finish is None:
        return list(done)
    return [(doc, finish(doc, articles)) for doc, articles in done]


def process_batch(batch: list[tuple[Document, list[Article]]]) -> Iterator[tuple[Document, list[Article]]]:
    processed = process_all([a for _, articles in batch for a in articles])
    k = 0
    for doc, articles in batch:
        yield doc, processed[k : k + len(articles)]
        k += len(articles)
