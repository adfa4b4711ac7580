"""HanLP's BiLSTM-CRF tagger, with the fixes it needs to train and load offline.

The saved config records this class's path, so it must stay importable as
``guanxi.graph.ner_model.GuanxiRNNNER``.
"""

from __future__ import annotations

import functools
import random
import unicodedata

import numpy as np
import torch
from hanlp.common.vocab import Vocab, VocabCounter
from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.layers.embeddings.embedding import Embedding, EmbeddingDim
from hanlp_common.configurable import AutoConfigurable
from torch import nn


def normalize_char(ch: str) -> str:
    """NFKC-fold one character (full-width ASCII to half-width); one in, one out, so offsets hold."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalize_chars(text: str) -> list[str]:
    """``normalize_char`` of each character of ``text``."""
    if unicodedata.is_normalized("NFKC", text):
        return list(text)
    return [normalize_char(c) for c in text]


def tags_to_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) spans from BIO or BMES/IOBES tags; ill-formed runs never raise.

    A stray I-/M-/E- tag opens a span of its own label, a change of label closes the open one.
    """
    spans: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate(tags + ["O"]):
        pos, _, kind = tag.partition("-")
        continues = pos in ("I", "M", "E") and kind == label
        if label is not None and not continues:
            spans.append((label, start, i))
            label = None
        if pos in ("B", "S") or (pos in ("I", "M", "E") and not continues):
            label, start = kind, i
        if pos in ("E", "S") and label is not None:
            spans.append((label, start, i + 1))
            label = None
    return spans


BIGRAM_END = "</s>"


def add_bigrams(sample: dict) -> dict:
    """The bigram each character starts (the last one's with an end mark): 工信部 -> 工信, 信部, 部</s>."""
    chars = sample["token"]
    sample["bigram"] = [a + b for a, b in zip(chars, chars[1:] + [BIGRAM_END])]
    return sample


def add_word_features(sample: dict, dropout: float = 0.0) -> dict:
    """Where each character stands in the dictionary's words (``guanxi.graph.word_lexicon``).

    In training (a sample with tags), each name's features are hidden with probability ``dropout``
    (the same names every epoch: a generator seeded by the sentence): most names of the 1998 news
    the model learns from are in the dictionary, most names of today's news are not, and the
    model must not learn that a name is what the dictionary knows."""
    from guanxi.graph.word_lexicon import word_features

    features = word_features(sample["token"])
    tags = sample.get("tag")
    if dropout and tags:
        draw = random.Random("".join(sample["token"]))
        for _, start, end in tags_to_spans(list(tags)):
            if draw.random() < dropout:
                features[start:end] = ["-"] * (end - start)
    sample["word"] = features
    return sample


def add_bigrams_and_words(sample: dict, dropout: float = 0.0) -> dict:
    return add_word_features(add_bigrams(sample), dropout)


class CharBigramModule(nn.Module, EmbeddingDim):
    def __init__(
        self, field: str, n_chars: int, char_dim: int, n_bigrams: int, bigram_dim: int, n_words=0, word_dim=0
    ) -> None:
        super().__init__()
        self.field = field
        self.chars = nn.Embedding(n_chars, char_dim)
        self.bigrams = nn.Embedding(n_bigrams, bigram_dim)
        self.words = nn.Embedding(n_words, word_dim) if word_dim else None

    def forward(self, batch: dict, **kwargs) -> torch.Tensor:
        parts = [self.chars(batch[f"{self.field}_id"]), self.bigrams(batch["bigram_id"])]
        if self.words is not None:
            parts.append(self.words(batch["word_id"]))
        return torch.cat(parts, -1)

    @property
    def embedding_dim(self) -> int:
        words = self.words.embedding_dim if self.words is not None else 0
        return self.chars.embedding_dim + self.bigrams.embedding_dim + words


class CharBigramEmbedding(Embedding, AutoConfigurable):
    """Each character's embedding joined with that of the bigram it starts: the tagger sees which
    two-character words a character begins (工信, 信部), which a character model alone must learn
    from context. Bigrams seen fewer than ``min_count`` times in training share the unknown one.
    With ``word_dim``, also an embedding of where the character stands in dictionary words
    (``add_word_features``)."""

    def __init__(
        self,
        field: str = "token",
        char_dim: int = 100,
        bigram_dim: int = 32,
        min_count: int = 5,
        word_dim: int = 0,
        word_dropout: float = 0.0,
    ) -> None:
        super().__init__()
        self.field = field
        self.char_dim = char_dim
        self.bigram_dim = bigram_dim
        self.min_count = min_count
        self.word_dim = word_dim
        self.word_dropout = word_dropout

    def transform(self, vocabs=None, **kwargs):
        if "bigram" not in vocabs:
            vocabs["bigram"] = VocabCounter()  # counts, so that build_vocabs can drop rare ones
        if not self.word_dim:
            return add_bigrams
        if "word" not in vocabs:
            vocabs["word"] = VocabCounter()
        return functools.partial(add_bigrams_and_words, dropout=self.word_dropout)

    def module(self, vocabs=None, **kwargs) -> nn.Module:
        words = len(vocabs["word"]) if self.word_dim else 0
        return CharBigramModule(
            self.field,
            len(vocabs[self.field]),
            self.char_dim,
            len(vocabs["bigram"]),
            self.bigram_dim,
            words,
            self.word_dim,
        )


class GuanxiRNNNER(RNNNamedEntityRecognizer):
    """``RNNNamedEntityRecognizer`` with a working CRF and tolerant decoding, and optionally
    character-bigram features (``CharBigramEmbedding`` as ``embed``)."""

    def build_vocabs(self, dataset, logger):
        super().build_vocabs(dataset, logger)
        for field in ("bigram", "word"):
            counts = self.vocabs.get(field)
            if isinstance(counts, VocabCounter):
                counts.unlock()
                counts.trim(self.config.embed.min_count)
                # a plain vocabulary is what gets saved: the counts are not needed
                self.vocabs[field] = Vocab(
                    token_to_idx=dict(counts.token_to_idx), pad_token=counts.pad_token, unk_token=counts.unk_token
                ).lock()

    def build_model(self, rnn_input, rnn_hidden, drop, crf, **kwargs):
        model = super().build_model(rnn_input, rnn_hidden, drop, crf, **kwargs)
        # HanLP builds CRF(n_out, crf_constraints): crf_constraints lands in batch_first (None),
        # the CRF then reads (seq, batch) tensors as (batch, seq) and learns nothing.
        if model.crf is not None:
            model.crf.batch_first = True
        return model

    def predict_data(self, data, batch_size, **kwargs):
        """(label, start, end) spans for each list of characters, in input order.

        The same model and decoding as HanLP's ``Tagger.predict_data``, without its per-sample
        transform pipeline (which runs every sample through it twice and looks characters up one
        call at a time): on the digest a third of tagging time went there and to a CRF decode that
        traces each sample back one tensor element at a time."""
        size = batch_size or 64
        # longest first, as packing wants; an empty piece has no spans
        order = sorted((i for i, sample in enumerate(data) if len(sample)), key=lambda i: -len(data[i]))
        outputs: list = [[] for _ in data]
        tags = self.vocabs["tag"].idx_to_token
        with torch.inference_mode():
            for k in range(0, len(order), size):
                ids = order[k : k + size]
                paths = self.tag_ids([data[i] for i in ids])
                for i, path in zip(ids, paths):
                    outputs[i] = tags_to_spans([tags[t] for t in path])
        return outputs

    def tag_ids(self, samples: list[list[str]]) -> list[list[int]]:
        """Best tag ids for a batch of non-empty character lists."""
        batch = {f"{self.config.token_key}_id": self.padded_ids(self.config.token_key, samples)}
        if "bigram" in self.vocabs:
            batch["bigram_id"] = self.padded_ids("bigram", [add_bigrams({"token": s})["bigram"] for s in samples])
        if "word" in self.vocabs:
            batch["word_id"] = self.padded_ids("word", [add_word_features({"token": s})["word"] for s in samples])
        emissions, mask = self.model(batch[f"{self.config.token_key}_id"], batch=batch)
        crf = self.model.crf
        if crf is None:
            best = emissions.argmax(-1).tolist()
        else:
            best = viterbi(
                emissions.float().numpy(),
                mask.numpy(),
                crf.start_transitions.detach().numpy(),
                crf.transitions.detach().numpy(),
                crf.end_transitions.detach().numpy(),
            ).tolist()
        return [row[: len(s)] for row, s in zip(best, samples)]

    def padded_ids(self, field: str, samples: list[list[str]]) -> torch.Tensor:
        vocab = self.vocabs[field]
        index, unk, pad = vocab.token_to_idx, vocab.unk_idx, vocab.pad_idx
        width = max(map(len, samples))
        return torch.tensor([[index.get(t, unk) for t in sample] + [pad] * (width - len(sample)) for sample in samples])


def viterbi(
    emissions: np.ndarray, mask: np.ndarray, start: np.ndarray, transitions: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Best tag paths (batch, length) of a linear-chain CRF, all samples traced back together.

    ``emissions`` is (batch, length, tags), ``mask`` (batch, length) with each row's valid
    steps first. After a row's end its scores stay and its back-pointers point to the same tag,
    so the shared trace-back passes through the padding unchanged."""
    n, length, n_tags = emissions.shape
    score = start + emissions[:, 0]
    back = np.empty((length, n, n_tags), dtype=np.int64)
    back[0] = np.arange(n_tags)
    for t in range(1, length):
        candidates = score[:, :, None] + transitions + emissions[:, t, None, :]
        step = mask[:, t, None]
        back[t] = np.where(step, candidates.argmax(1), np.arange(n_tags))
        score = np.where(step, candidates.max(1), score)
    best = np.empty((n, length), dtype=np.int64)
    best[:, -1] = (score + end).argmax(1)
    rows = np.arange(n)
    for t in range(length - 1, 0, -1):
        best[:, t - 1] = back[t, rows, best[:, t]]
    return best


def load_component(path: str, quantize: bool = True, threads: int = 1) -> GuanxiRNNNER:
    """Load a trained model; ``quantize`` turns the LSTM and linear weights to int8 for inference
    (1.8x faster on one core; on the digest 575 of 580 entities come out the same). Torch runs on
    ``threads`` threads (one is fastest on small machines)."""
    torch.set_num_threads(threads)
    component = GuanxiRNNNER()
    component.load(path, devices=-1, verbose=False)
    if quantize:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.ao's eager quantization is deprecated, not gone
            component.model = torch.ao.quantization.quantize_dynamic(
                component.model, {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8
            )
    return component
