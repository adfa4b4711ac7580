"""Train the pair classifier (graph/pairs.py) on what is at hand: FinRE's labelled pairs and the
news-train gold, each sentence read by guanxi's own mention finders so that the classifier sees
pairs as it will at run time.

    python -m guanxi.graph.train_pairs --finre ../shared/datasets/finre/train.txt \\
        --news ../shared/corpus/news-train.txt ../shared/gold/news-train.jsonl

FinRE's 合作, 签约 and 合资 are partnerships and every other label is not; a news-train pair is a
partnership where the gold has one between the two and names this sentence as its evidence.
Pairs in a list (``pairs.in_a_list``) are left out, as at run time. The threshold is where
five-fold out-of-fold probabilities reach ``PRECISION``; then the model is trained on
everything. Deterministic for a given input.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from guanxi.graph import pairs
from guanxi.graph.pairs import MAX_GAP, PairModel, PairText, features, hashed, in_a_list, pair_text

PARTNERSHIP_LABELS = {"合作", "签约", "合资"}
EPOCHS = 8
RATE = 0.2
L2 = 1e-6
SEED = 1


@dataclass(frozen=True)
class Example:
    pair: PairText
    partners: bool
    source: str  # "finre" or "news"


def mentions_of(texts: list[str]):
    """Each text's ORG mentions (start, end, name) as the pipeline finds them, up to grouping."""
    from guanxi.graph.pipeline import PIPELINE, process_all
    from guanxi.graph.records import Article

    articles = process_all([Article(str(i), "", t) for i, t in enumerate(texts)], PIPELINE[:-1])
    for a in articles:
        names = {m: e.name for e in a.entities for m in e.mentions}
        yield a, [(m.start, m.end, names.get(m, m.text)) for m in a.mentions if m.label == "ORG"]


def span_of(text: str, name: str, orgs: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Where the sentence names ``name``: a mention with that text, else its first occurrence."""
    found = next(((s, e) for s, e, _ in orgs if text[s:e] == name), None)
    if found is None and name in text:
        start = text.index(name)
        found = (start, start + len(name))
    return found


def finre_examples(path: Path) -> list[Example]:
    rows: dict[tuple[str, frozenset], bool] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[0] != parts[1]:
            key = (parts[3], frozenset(parts[:2]))
            rows[key] = rows.get(key, False) or parts[2] in PARTNERSHIP_LABELS
    keys = list(rows)
    out = []
    for (text, names), (_, orgs) in zip(keys, mentions_of([t for t, _ in keys])):
        spans = [span_of(text, n, orgs) for n in sorted(names)]
        if None in spans:
            continue
        first, second = sorted(spans)
        if first[1] > second[0]:
            continue
        others = [(s, e) for s, e, _ in orgs if (s, e) not in (first, second)]
        out.append(Example(pair_text(text, first, second, others), rows[(text, names)], "finre"))
    return out


def gold_partners(article: dict) -> list[tuple[set[str], set[str], str]]:
    forms = {e["name"]: {e["name"], *e.get("aliases", [])} for e in article["entities"]}
    return [
        (forms.get(r["head"], {r["head"]}), forms.get(r["tail"], {r["tail"]}), r.get("evidence", ""))
        for r in article["relations"]
        if r["type"] == "PARTNERS_WITH"
    ]


def news_examples(corpus: Path, gold: Path) -> list[Example]:
    lines = corpus.read_text(encoding="utf-8").split("\n")
    labelled = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = ["\n".join(lines[a["first_line"] - 1 : a["last_line"]]) for a in labelled]
    out = []
    for gold_article, (article, _) in zip(labelled, mentions_of(texts)):
        partners = gold_partners(gold_article)
        for sentence, pairs_ in sentence_pairs(article):
            for first, second, others, names in pairs_:
                said = any(same_pair(names, h, t) and overlaps_evidence(sentence.text, ev) for h, t, ev in partners)
                out.append(Example(pair_text(sentence.text, first, second, others), said, "news"))
    return out


def same_pair(forms: tuple[set[str], set[str]], head: set[str], tail: set[str]) -> bool:
    a, b = forms
    return bool((a & head and b & tail) or (b & head and a & tail))


def overlaps_evidence(sentence: str, evidence: str) -> bool:
    strip = re.compile(r"\s")
    s, ev = strip.sub("", sentence), strip.sub("", evidence)
    return bool(ev) and (ev in s or s in ev)


def sentence_pairs(article) -> Iterator:
    """For each sentence, its pairs of ORG mentions of two names at most ``MAX_GAP`` apart, in
    sentence offsets: (first, second, other spans, (first's forms, second's forms))."""
    entity_of = {m: e for e in article.entities for m in e.mentions}
    for sentence in article.sentences:
        ms = [m for m in article.mentions if m.label == "ORG" and sentence.start <= m.start and m.end <= sentence.end]
        spans = [(m.start - sentence.start, m.end - sentence.start) for m in ms]
        found = []
        for i, a in enumerate(ms):
            for j in range(i + 1, len(ms)):
                b = ms[j]
                if b.start - a.end > MAX_GAP:
                    break
                ea, eb = entity_of.get(a), entity_of.get(b)
                if ea is None or eb is None or ea.name == eb.name or a.end > b.start:
                    continue
                others = [s for k, s in enumerate(spans) if k not in (i, j)]
                found.append((spans[i], spans[j], others, pair_forms(ea, eb)))
        yield sentence, found


def pair_forms(a, b) -> tuple[set[str], set[str]]:
    return {a.name, *a.aliases}, {b.name, *b.aliases}


def train(examples: list[Example], epochs: int = EPOCHS) -> PairModel:
    """Logistic regression by AdaGrad over hashed features; positives weighted up to balance."""
    rows = [hashed(features(e.pair)) for e in examples]
    labels = np.array([e.partners for e in examples], dtype=np.float64)
    positive_weight = max(1.0, (len(labels) - labels.sum()) / max(1.0, labels.sum())) ** 0.5
    weights = np.zeros(1 << pairs.FEATURE_BITS)
    squares = np.full(weights.shape, 1e-8)
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            idx, y = rows[k], labels[k]
            p = 1.0 / (1.0 + np.exp(-np.clip(weights[idx].sum() + bias, -30, 30)))
            g = (p - y) * (positive_weight if y else 1.0)
            grad = g + L2 * weights[idx]
            np.add.at(squares, idx, grad * grad)
            np.add.at(weights, idx, -RATE * grad / np.sqrt(squares[idx]))
            bias_square += g * g
            bias -= RATE * g / np.sqrt(bias_square)
    return PairModel(weights.astype(np.float32), float(bias), 0.5)


PRECISION = 0.7  # the classifier adds an edge only where out-of-fold pairs were right this often
FOLDS = 5


def out_of_fold(examples: list[Example]) -> list[tuple[float, bool]]:
    """(probability, label) of each example from a model trained without its fold."""
    fold = [random.Random(SEED + k).randrange(FOLDS) for k in range(len(examples))]
    scored = []
    for f in range(FOLDS):
        model = train([e for e, k in zip(examples, fold) if k != f])
        scored += [(model.probability(e.pair), e.partners) for e, k in zip(examples, fold) if k == f]
    return scored


def threshold_for_precision(scored: list[tuple[float, bool]], precision: float = PRECISION) -> tuple[float, dict]:
    """The lowest probability at which the pairs scored at least that high are ``precision``
    right, with the precision, recall and F1 there."""
    ranked = sorted(scored, reverse=True)
    total = max(1, sum(y for _, y in ranked))
    best: tuple[float, dict] = (1.0, {"p": 0.0, "r": 0.0, "f1": 0.0})
    tp = 0
    for k, (p, y) in enumerate(ranked, 1):
        tp += y
        if y and tp / k >= precision:
            r = tp / total
            best = (p, {"p": round(tp / k, 4), "r": round(r, 4), "f1": round(2 * tp / k * r / (tp / k + r), 4)})
    return best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--finre", type=Path, required=True, help="FinRE train.txt")
    ap.add_argument("--news", type=Path, nargs=2, metavar=("CORPUS", "GOLD"), help="a corpus and its gold")
    ap.add_argument("--out", type=Path, default=pairs.MODEL_DIR)
    args = ap.parse_args(argv)
    examples = finre_examples(args.finre) + (news_examples(*args.news) if args.news else [])
    examples = [e for e in examples if not in_a_list(e.pair)]  # the classifier is not asked about these
    threshold, figures = threshold_for_precision(out_of_fold(examples))
    model = train(examples)
    model.threshold = float(threshold)
    counts = {
        source: {"pairs": len(part), "partners": sum(e.partners for e in part)}
        for source in ("finre", "news")
        for part in [[e for e in examples if e.source == source]]
    }
    card = {"examples": counts, "out_of_fold": figures, "epochs": EPOCHS, "precision_target": PRECISION}
    model.save(args.out, card)
    print(json.dumps({**card, "threshold": round(threshold, 4)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
