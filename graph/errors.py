"""Errors raised by guanxi. The library raises; only the CLI and the API print."""


class GuanxiError(Exception):
    """Base class for every error guanxi raises on purpose."""


class InputError(GuanxiError):
    """An input file or document could not be read."""


class ModelError(GuanxiError):
    """The NER model could not be found or loaded."""


class EngineError(GuanxiError):
    """Extraction on other processes failed: a worker died, a cluster could not be reached."""


class StoreError(GuanxiError):
    """The graph store could not be reached or refused a query."""


class NotFound(GuanxiError):
    """An entity, relation or document id that the store does not hold."""


class QueryRefused(GuanxiError):
    """A user query that guanxi will not send to the database (e.g. a write in a read-only call)."""


class Ambiguous(NotFound):
    """A name that several entities bear; ``candidates`` are their public records."""

    def __init__(self, message: str, candidates: list[dict]):
        super().__init__(message)
        self.candidates = candidates
