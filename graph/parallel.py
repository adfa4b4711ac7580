"""Extraction on several processes: a pool on this machine (``jobs``), or an existing Dask
cluster (``guanxi.graph.on_dask``).

Documents are cut into the batches one process would make (``pipeline.document_batches``), each
batch is extracted by a worker that loaded the model once, and the results come back in input
order: the output is the same as one process's. At most ``AHEAD`` batches per worker are out at
a time, so memory depends on the batch size, not on the size of the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from guanxi.graph import config
from guanxi.graph.errors import EngineError
from guanxi.graph.records import Article, Document

AHEAD = 2  # batches out per worker: one being extracted, one waiting


def start_worker(extraction: config.ExtractionConfig) -> None:
    """Configure a worker process like its parent and load the model once."""
    import torch

    from guanxi.graph.ner import load_model

    config.configure(extraction)
    torch.set_num_threads(extraction.torch_threads)
    load_model()


def windowed(submit: Callable[[list[Document]], Future], batches: Iterable[list[Document]], size: int) -> Iterator:
    """Each batch's result, in order, with at most ``size`` batches submitted and not yet read."""
    out: deque[Future] = deque()
    for batch in batches:
        out.append(submit(batch))
        if len(out) >= size:
            yield out.popleft().result()
    while out:
        yield out.popleft().result()


def extract_on_pool(
    batches: Iterable[list[Document]], split: bool, jobs: int
) -> Iterator[tuple[Document, list[Article]]]:
    """Batches extracted by ``jobs`` local processes (started fresh: forking a process that holds
    torch's threads can hang)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from guanxi.graph.pipeline import extract_batch

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, context, initializer=start_worker, initargs=(config.active(),)) as pool:
        try:
            for results in windowed(lambda b: pool.submit(extract_batch, b, split), batches, AHEAD * jobs):
                yield from results
        except BrokenProcessPool as e:
            raise EngineError(
                "an extraction process failed to start or died (the model could not be loaded, out of memory, "
                "or killed); run without --jobs to see a start-up error, or with fewer --jobs if memory is short"
            ) from e
