"""Extraction on several processes: a pool on this machine (``jobs``), or an existing Dask
cluster (``guanxi.graph.on_dask``).

Documents are cut into the batches one process would make (``pipeline.document_batches``), each
batch is extracted by a worker that loaded the model once, and the results come back in input
order: the output is the same as one process's. At most ``AHEAD`` batches per worker are out at
a time, so memory depends on the batch size, not on the size of the corpus.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from guanxi.graph import config
from guanxi.graph.errors import EngineError
from guanxi.graph.records import Article, Document

AHEAD = 2  # batches out per worker: one being extracted, one waiting
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
TRIM_THRESHOLD = 64 * 1024 * 1024
MMAP_THRESHOLD = 32 * 1024 * 1024  # the most older glibc releases accept on 64-bit machines


def start_worker(extraction: config.ExtractionConfig) -> None:
    """Configure a worker process like its parent and load the model once. A process inherits
    ``MALLOC_TRIM_THRESHOLD_`` from a parent that started a Dask ``LocalCluster`` (which sets it in
    its own environment), and would extract at half speed: the thresholds are raised again."""
    import torch

    from guanxi.graph.ner import load_model

    restore_malloc_thresholds()
    config.configure(extraction)
    torch.set_num_threads(extraction.torch_threads)
    load_model()


def restore_malloc_thresholds() -> bool:
    """Undo ``MALLOC_TRIM_THRESHOLD_``, which Dask's nanny sets for every worker it starts (65536):
    setting it also fixes glibc's mmap threshold at 128 kB, so each of the tagger's larger buffers
    is mapped, faulted in page by page and unmapped again, batch after batch, which doubles the
    CPU time of extraction. Both thresholds are set high instead (a worker may keep up to 64 MB
    of freed memory). True where they were changed; processes without the setting are left alone."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) & bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


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
    batches: Iterable[list[Document]], split: bool, jobs: int, finish: Callable | None = None
) -> Iterator[tuple[Document, list[Article]]]:
    """Batches extracted by ``jobs`` local processes (started fresh: forking a process that holds
    torch's threads can hang)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from guanxi.graph.pipeline import extract_batch

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, context, initializer=start_worker, initargs=(config.active(),)) as pool:
        try:
            for results in windowed(lambda b: pool.submit(extract_batch, b, split, finish), batches, AHEAD * jobs):
                yield from results
        except BrokenProcessPool as e:
            raise EngineError(
                "an extraction process failed to start or died (the model could not be loaded, out of memory, "
                "or killed); run without --jobs to see a start-up error, or with fewer --jobs if memory is short"
            ) from e
