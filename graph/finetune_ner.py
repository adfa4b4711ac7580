"""Fine-tune the NER model on today's business news: news-train's hand-labelled articles, mixed
with a sample of the MSRA/CLUENER sentences it was trained on so that it keeps what it knew.

Run as ``python -m guanxi.graph.finetune_ner`` (``make finetune``) after ``make model``'s data
preparation (``build/ner/train.tsv`` and ``dev.tsv``). Reproducible: fixed seed, fixed split.

news-train's gold lists each article's entities by name (no offsets). A sentence's characters are
labelled where a gold ORG or PERSON name or alias occurs in it (longest first); the gold has no
places, so a place is labelled where the model being fine-tuned finds one the gold does not cover,
and everything else is outside. Every ``HELD_OUT_EVERY``-th article is kept out of training and
joins the development set that picks the epoch; news-dev and the digest gold are never read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from guanxi.graph.ner_model import normalize_char
from guanxi.graph.train_ner import write_tsv

GOLD_LABELS = {"ORG": "ORG", "PERSON": "PER"}
HELD_OUT_EVERY = 5  # articles: one in five picks the epoch instead of training
SENTENCE_END = re.compile(r"(?<=[。！？；])|\n")

Tagged = tuple[list[str], list[str]]


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) > 1]


def gold_names(article: dict) -> list[tuple[str, str]]:
    """(surface form, BIO label) of the article's ORG and PERSON entities, longest first."""
    names = {}
    for e in article["entities"]:
        label = GOLD_LABELS.get(e["type"])
        if label:
            for form in (e["name"], *e.get("aliases", [])):
                if len(form) > 1:
                    names.setdefault(form, label)
    return sorted(names.items(), key=lambda item: -len(item[0]))


def label_sentence(sentence: str, names: list[tuple[str, str]], places: list[tuple[int, int]]) -> Tagged:
    """BIO tags of ``sentence``: gold names where they occur (longest first, never overlapping),
    then ``places`` (start, end) that touch no gold name."""
    tags = ["O"] * len(sentence)
    for form, label in names:
        for m in re.finditer(re.escape(form), sentence):
            if all(t == "O" for t in tags[m.start() : m.end()]):
                tags[m.start()] = "B-" + label
                tags[m.start() + 1 : m.end()] = ["I-" + label] * (m.end() - m.start() - 1)
    for start, end in places:
        if all(t == "O" for t in tags[start:end]):
            tags[start] = "B-LOC"
            tags[start + 1 : end] = ["I-LOC"] * (end - start - 1)
    return list(sentence), tags


def news_sentences(corpus: Path, gold: Path, tagger) -> tuple[list[Tagged], list[Tagged]]:
    """(training, held-out) sentences of the gold articles, labelled."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    train, held_out = [], []
    for k, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        article = json.loads(line)
        text = "\n".join(lines[article["first_line"] - 1 : article["last_line"]])
        sentences = sentences_of(text)
        predicted = tagger.predict_data([[normalize_char(c) for c in s] for s in sentences], 64)
        names = gold_names(article)
        tagged = [
            label_sentence(s, names, [(start, end) for label, start, end in spans if label == "LOC"])
            for s, spans in zip(sentences, predicted)
        ]
        (held_out if k % HELD_OUT_EVERY == 0 else train).extend(tagged)
    return train, held_out


def read_tsv(path: Path) -> list[Tagged]:
    sentences, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if chars:
                sentences.append((chars, tags))
            chars, tags = [], []
            continue
        char, tag = line.split("\t")
        chars.append(char)
        tags.append(tag)
    if chars:
        sentences.append((chars, tags))
    return sentences


def finetune(model: Path, train_tsv: Path, dev_tsv: Path, out: Path, epochs: int, lr: float, seed: int) -> None:
    import torch

    from guanxi.graph.ner_model import load_component

    torch.manual_seed(seed)
    random.seed(seed)
    tagger = load_component(str(model), quantize=False, threads=1)
    logger = tagger.build_logger("finetune", str(out))
    tagger.config.update(lr=lr, epochs=epochs, finetune=str(model))
    trn = tagger.build_dataloader(str(train_tsv), batch_size=64, shuffle=True, device=-1, logger=logger)
    dev = tagger.build_dataloader(str(dev_tsv), batch_size=64, shuffle=False, device=-1, logger=logger)
    optimizer = tagger.build_optimizer(optimizer="adam", lr=lr)
    tagger.save_config(str(out))
    tagger.save_vocabs(str(out))
    tagger.execute_training_loop(trn, dev, epochs, None, optimizer, tagger.build_metric(), str(out), logger, patience=2)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=Path("graph/data/ner"), help="the model to start from")
    ap.add_argument("--out", type=Path, default=Path("graph/data/ner"), help="where the fine-tuned model is saved")
    ap.add_argument("--workdir", type=Path, default=Path("build/ner"), help="make model's prepared data")
    ap.add_argument("--news", type=Path, nargs=2, metavar=("CORPUS", "GOLD"), required=True)
    ap.add_argument("--repeat", type=int, default=8, help="times each news sentence is seen per epoch")
    ap.add_argument("--general", type=int, default=12_000, help="MSRA/CLUENER sentences mixed in per epoch")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=0.0005)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    for name in ("train.tsv", "dev.tsv"):
        if not (args.workdir / name).exists():
            sys.exit(f"{args.workdir / name} not found: run `python -m guanxi.graph.train_ner --prepare-only` first")
    from guanxi.graph.ner_model import load_component

    news_train, news_dev = news_sentences(*args.news, load_component(str(args.model), quantize=False))
    draw = random.Random(args.seed)
    general = draw.sample(read_tsv(args.workdir / "train.tsv"), args.general)
    train = news_train * args.repeat + general
    draw.shuffle(train)
    dev = news_dev + read_tsv(args.workdir / "dev.tsv")[:1000]
    work = args.workdir / "finetune"
    work.mkdir(parents=True, exist_ok=True)
    write_tsv(train, work / "train.tsv")
    write_tsv(dev, work / "dev.tsv")
    print(f"{len(news_train)} news sentences x {args.repeat}, {len(general)} general; dev {len(news_dev)} + 1000")
    args.out.mkdir(parents=True, exist_ok=True)
    finetune(args.model, work / "train.tsv", work / "dev.tsv", args.out, args.epochs, args.lr, args.seed)


if __name__ == "__main__":
    main()
