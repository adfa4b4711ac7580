"""HanLP's BiLSTM-CRF tagger, with the fixes it needs to train and load offline.

The saved config records this class's path, so it must stay importable as
``graph.ner_model.GuanxiRNNNER``.
"""
from __future__ import annotations

import os
import unicodedata

import torch
from torch import nn

from hanlp.common.vocab import Vocab, VocabCounter
from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.components.taggers.tagger import Tagger
from hanlp.layers.embeddings.embedding import Embedding, EmbeddingDim
from hanlp_common.configurable import AutoConfigurable

torch.set_num_threads(int(os.environ.get("GUANXI_TORCH_THREADS", "1")))


def normalize_char(ch: str) -> str:
    """NFKC-fold one character (full-width ASCII to half-width); one in, one out, so offsets hold."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


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


class CharBigramModule(nn.Module, EmbeddingDim):
    def __init__(self, field: str, n_chars: int, char_dim: int, n_bigrams: int, bigram_dim: int) -> None:
        super().__init__()
        self.field = field
        self.chars = nn.Embedding(n_chars, char_dim)
        self.bigrams = nn.Embedding(n_bigrams, bigram_dim)

    def forward(self, batch: dict, **kwargs) -> torch.Tensor:
        return torch.cat([self.chars(batch[f"{self.field}_id"]), self.bigrams(batch["bigram_id"])], -1)

    @property
    def embedding_dim(self) -> int:
        return self.chars.embedding_dim + self.bigrams.embedding_dim


class CharBigramEmbedding(Embedding, AutoConfigurable):
    """Each character's embedding joined with that of the bigram it starts: the tagger sees which
    two-character words a character begins (工信, 信部), which a character model alone must learn
    from context. Bigrams seen fewer than ``min_count`` times in training share the unknown one."""

    def __init__(self, field: str = "token", char_dim: int = 100, bigram_dim: int = 32, min_count: int = 5) -> None:
        super().__init__()
        self.field = field
        self.char_dim = char_dim
        self.bigram_dim = bigram_dim
        self.min_count = min_count

    def transform(self, vocabs=None, **kwargs):
        if "bigram" not in vocabs:
            vocabs["bigram"] = VocabCounter()      # counts, so that build_vocabs can drop rare ones
        return add_bigrams

    def module(self, vocabs=None, **kwargs) -> nn.Module:
        return CharBigramModule(self.field, len(vocabs[self.field]), self.char_dim, len(vocabs["bigram"]),
                                self.bigram_dim)


class GuanxiRNNNER(RNNNamedEntityRecognizer):
    """``RNNNamedEntityRecognizer`` with a working CRF and tolerant decoding, and optionally
    character-bigram features (``CharBigramEmbedding`` as ``embed``)."""

    def build_vocabs(self, dataset, logger):
        super().build_vocabs(dataset, logger)
        bigrams = self.vocabs.get("bigram")
        if isinstance(bigrams, VocabCounter):
            bigrams.unlock()
            bigrams.trim(self.config.embed.min_count)
            # a plain vocabulary is what gets saved: the counts of every bigram are not needed
            self.vocabs["bigram"] = Vocab(token_to_idx=dict(bigrams.token_to_idx), pad_token=bigrams.pad_token,
                                          unk_token=bigrams.unk_token).lock()

    def build_model(self, rnn_input, rnn_hidden, drop, crf, **kwargs):
        model = super().build_model(rnn_input, rnn_hidden, drop, crf, **kwargs)
        # HanLP builds CRF(n_out, crf_constraints): crf_constraints lands in batch_first (None),
        # the CRF then reads (seq, batch) tensors as (batch, seq) and learns nothing.
        if model.crf is not None:
            model.crf.batch_first = True
        return model

    def predict_data(self, data, batch_size, **kwargs):
        tag_sequences = Tagger.predict_data(self, data, batch_size, **kwargs)
        return [[(label, b, e) for label, b, e in tags_to_spans(list(tags))] for tags in tag_sequences]


def load_component(path: str, quantize: bool = True) -> GuanxiRNNNER:
    """Load a trained model; ``quantize`` turns the LSTM and linear weights to int8 for inference
    (1.8x faster on one core; on the digest 575 of 580 entities come out the same)."""
    component = GuanxiRNNNER()
    component.load(path, devices=-1, verbose=False)
    if quantize:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")      # torch.ao's eager quantization is deprecated, not gone
            component.model = torch.ao.quantization.quantize_dynamic(
                component.model, {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8)
    return component
