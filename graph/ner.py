"""Named-entity recognition: the HanLP model, plus the organization dictionary.

The model is the configured one (``ExtractionConfig.ner_model``, set by ``GUANXI_NER_MODEL``): a
folder holding a model trained by ``make model`` (the default is the one shipped in
``graph/data/ner``), or the identifier of a HanLP pretrained NER model (e.g.
``MSRA_NER_ELECTRA_SMALL_ZH``) for users who have HanLP's pretrained models available locally.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from guanxi.graph import config
from guanxi.graph.errors import ModelError
from guanxi.graph.records import Article, Finder, Mention

DEFAULT_MODEL = config.SHIPPED_MODEL
LABELS = {
    "PER": "PERSON",
    "NR": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "NT": "ORG",
    "ORGANIZATION": "ORG",
    "LOC": "LOCATION",
    "NS": "LOCATION",
    "LOCATION": "LOCATION",
    "GPE": "LOCATION",
}
MAX_CHARS = 250  # longer sentences are tagged in pieces cut at commas
BATCH_SIZE = 64


def model_source() -> str:
    return config.active().ner_model or str(DEFAULT_MODEL)


class NerModel:
    """A loaded tagger: ``tag(texts)`` gives (label, start, end) spans per text."""

    def __init__(self, source: str, quantize: bool | None = None, threads: int | None = None):
        self.source = source
        settings = config.active()
        quantize = settings.quantize if quantize is None else quantize
        threads = settings.torch_threads if threads is None else threads
        path = Path(source)
        try:
            if path.is_dir() and (path / "config.json").exists():
                classpath = json.loads((path / "config.json").read_text()).get("classpath", "")
                if classpath.startswith("guanxi.graph."):
                    from guanxi.graph.ner_model import load_component

                    self.component = load_component(str(path), quantize=quantize, threads=threads)
                    self.chars_normalized = True
                    return
            import hanlp

            self.component = hanlp.load(source)
            self.chars_normalized = False
        except ModelError:
            raise
        except Exception as e:  # HanLP raises many kinds; the user needs the cause and the setting
            raise ModelError(
                f'Could not load the NER model "{source}": {type(e).__name__}: {e}. '
                f"Set GUANXI_NER_MODEL to a model folder made by `make model` or to a HanLP "
                f"pretrained model you have locally."
            ) from e

    def tag(self, texts: list[str]) -> list[list[tuple[str, int, int]]]:
        from guanxi.graph.ner_model import normalize_chars

        pieces, owners = [], []
        for k, text in enumerate(texts):
            for start, piece in chunks(text):
                chars = normalize_chars(piece) if self.chars_normalized else list(piece)
                pieces.append(chars)
                owners.append((k, start))
        results: list[list[tuple[str, int, int]]] = [[] for _ in texts]
        if not pieces:
            return results
        # similar lengths together: an LSTM batch costs as many steps as its longest piece
        nonempty = sorted((i for i, p in enumerate(pieces) if p), key=lambda i: len(pieces[i]))
        outputs = self.component.predict([pieces[i] for i in nonempty], batch_size=BATCH_SIZE)
        for i, spans in zip(nonempty, outputs):
            k, offset = owners[i]
            for span in spans:
                label, start, end = normalize_span(span)
                if label in LABELS:
                    results[k].append((LABELS[label], offset + start, offset + end))
        return results


def normalize_span(span) -> tuple[str, int, int]:
    """HanLP pretrained models give (text, label, start, end); ours give (label, start, end)."""
    if len(span) == 4:
        return span[1], span[2], span[3]
    return span


def chunks(text: str) -> list[tuple[int, str]]:
    """Pieces of at most MAX_CHARS characters, cut after a comma where one is near."""
    out, start = [], 0
    while len(text) - start > MAX_CHARS:
        cut = max(text.rfind(c, start, start + MAX_CHARS) for c in "，,、：")
        end = cut + 1 if cut > start else start + MAX_CHARS
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


def load_model(source: str | None = None) -> NerModel:
    """The configured model (or the one at ``source``), loaded once per configuration."""
    settings = config.active()
    return _loaded(source or model_source(), settings.quantize, settings.torch_threads)


@lru_cache(maxsize=4)
def _loaded(source: str, quantize: bool, threads: int) -> NerModel:
    return NerModel(source, quantize, threads)


def find_model_mentions(article: Article) -> Article:
    """Pipeline stage: ORG, PERSON and LOCATION spans from the NER model, per sentence."""
    return find_model_mentions_in([article])[0]


def find_model_mentions_in(articles: list[Article]) -> list[Article]:
    """The same stage over many articles at once: one model call for all their sentences, which
    on the digest is twice as fast as one call per article."""
    sentences = [(a, s) for a in articles for s in a.sentences]
    tagged = load_model().tag([s.text for _, s in sentences])
    for (article, s), spans in zip(sentences, tagged):
        for label, start, end in spans:
            a, b = s.start + start, s.start + end
            article.mentions.append(Mention(article.id, a, b, article.text[a:b], label, Finder.NER))
    return articles
