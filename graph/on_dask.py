"""Extraction on an existing Dask cluster (``guanxi build --dask tcp://scheduler:8786``).

A worker plugin configures extraction and loads the model once on each worker, including
workers that join later. Batches go out as ``guanxi.graph.parallel`` sends them to a local pool,
a few per worker at a time, and come back in input order; a batch whose worker dies is given to
another worker by the scheduler (up to its ``allowed-failures``, 3 by default). Workers need the
same guanxi installed (and the same model files, where a model is configured by path).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError

from distributed import Client, KilledWorker
from distributed.diagnostics.plugin import WorkerPlugin

from guanxi.graph import config
from guanxi.graph.errors import EngineError
from guanxi.graph.parallel import AHEAD, start_worker, windowed
from guanxi.graph.records import Article, Document

CONNECT_TIMEOUT_S = 10


class ExtractionWorker(WorkerPlugin):
    name = "guanxi-extraction"

    def __init__(self, extraction: config.ExtractionConfig):
        self.extraction = extraction

    def setup(self, worker) -> None:
        start_worker(self.extraction)  # which undoes the nanny's MALLOC_TRIM_THRESHOLD_ too


def extract_on_dask(
    batches: Iterable[list[Document]], split: bool, address: str, finish: Callable | None = None
) -> Iterator[tuple[Document, list[Article]]]:
    """Batches extracted on the cluster whose scheduler is at ``address``."""
    from guanxi.graph.pipeline import extract_batch

    try:
        client = Client(address, set_as_default=False, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as e:
        raise EngineError(f"could not reach the Dask scheduler at {address}: {e}") from e
    with client:
        try:
            client.register_plugin(ExtractionWorker(config.active()))
        except Exception as e:  # what the workers raised while loading: guanxi missing, a model path
            raise EngineError(
                f"the Dask workers at {address} could not set up extraction: {type(e).__name__}: {e}"
            ) from e
        threads = max(1, sum(client.nthreads().values()))

        def submit(batch):
            return client.submit(extract_batch, batch, split, finish, pure=False)

        try:
            for results in windowed(submit, batches, AHEAD * threads):
                yield from results
        except KilledWorker as e:
            raise EngineError(f"a batch of documents was given up after it killed several workers ({e})") from e
        except (CancelledError, OSError) as e:  # the scheduler went away mid-run
            raise EngineError(f"the Dask cluster at {address} stopped answering: {type(e).__name__}: {e}") from e
