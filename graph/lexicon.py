"""The organization lexicon: ORG names harvested from labelled training data, never from the
text being analysed.

    python -m guanxi.graph.lexicon          (``make lexicon``) rewrites graph/data/org_lexicon.txt

Sources (the same ones the NER model trains on, with the same held-out rows kept out):
MSRA train ORG spans, CLUENER2020 train company/government spans and organization spans that
end like an organization (its organization label also covers sports clubs and countries), and
the organizations of FinRE train. A name is kept when it is not a generic kind of organization
(named so in the rule table, or the head of three or more other names: 出版社, 派出所), is not
labelled a place unless it ends like an organization, and is labelled an organization in at
least a third of the places it occurs in those texts (half, and at least twice, for two-character
names): 宝钢 and 雀巢 are kept, 平安 and 理想 are ordinary words.

At extraction time a lexicon name counts only where it ends at a word boundary (punctuation, a
function word, an organization suffix), because Chinese has no spaces: 上海汽车 should not be
found inside 上海汽车产业.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from functools import cache
from pathlib import Path

from guanxi.graph.gazetteer import Gazetteer
from guanxi.graph.records import Article, Finder, Mention
from guanxi.graph.rules import patterns, word_lists

LEXICON_FILE = Path(__file__).parent / "data" / "org_lexicon.txt"
RIGHT_BOUNDARY_MARKS = set("，。、；：！？）)」》”’\"' \n\t,.;:!?")  # ASCII too; with rules.toml's name_end_words


def harvest_msra(path: Path) -> tuple[Counter, Counter, list[str]]:
    from guanxi.graph.train_ner import read_bmes

    orgs, places, texts = Counter(), Counter(), []
    for chars, tags in read_bmes(path):
        texts.append("".join(chars))
        for name, kind in spans(chars, tags):
            (orgs if kind == "ORG" else places if kind == "LOC" else Counter())[name] += 1
    return orgs, places, texts


def spans(chars: list[str], tags: list[str]):
    name, kind = "", None
    for c, t in zip(chars, tags):
        if t.startswith("I-") and t[2:] == kind:
            name += c
            continue
        if name:
            yield name, kind
        name, kind = (c, t[2:]) if t.startswith("B-") else ("", None)
    if name:
        yield name, kind


def harvest_cluener(path: Path) -> tuple[Counter, Counter, list[str]]:
    from guanxi.graph.train_ner import HELD_OUT_EVERY

    org_endings = word_lists().lexicon_org_endings
    orgs, places, texts = Counter(), Counter(), []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or i % HELD_OUT_EVERY == 0:  # the rows held out for scoring
            continue
        row = json.loads(line)
        texts.append(row["text"])
        labels = row.get("label", {})
        for kind in ("company", "government"):
            orgs.update({n: len(s) for n, s in labels.get(kind, {}).items()})
        orgs.update({n: len(s) for n, s in labels.get("organization", {}).items() if n.endswith(org_endings)})
        places.update({n: len(s) for n, s in labels.get("address", {}).items()})
    return orgs, places, texts


def harvest_finre(path: Path) -> Counter:
    """FinRE lists each sentence once per ordered pair; each sentence and name is counted once."""
    orgs, seen = Counter(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            for name in parts[:2]:
                if (name, parts[3]) not in seen:
                    seen.add((name, parts[3]))
                    orgs[name] += 1
    return orgs


def occurrences(names: list[str], texts: list[str]) -> Counter:
    """How often each name would be found in the texts (leftmost-longest, as at extraction time)."""
    gazetteer, counts = Gazetteer(names), Counter()
    for text in texts:
        counts.update(text[s:e] for s, e in gazetteer.find(text))
    return counts


def select(orgs: Counter, places: Counter, texts: list[str] = (), pair_names: Counter | None = None) -> list[str]:
    """The names worth matching. ``orgs`` and ``texts`` come from fully labelled data (every
    organization in a text is labelled), ``pair_names`` from FinRE, which labels only the pair a
    sentence is about: a FinRE name counts where the labelled data never uses it as a word."""
    words = word_lists()
    generic = words.generic_orgs | words.generic_kinds
    pair_names = pair_names or Counter()
    candidates = orgs + pair_names
    heads = Counter(name[i:] for name in candidates for i in range(1, len(name) - 2))
    keep = []
    for name in candidates:
        if not patterns().lexicon_name.match(name) or name[0].isdigit() or name.isascii() and name.islower():
            continue
        if name.endswith(words.not_lexicon_name_endings) or name in generic or heads[name] >= 3:
            continue
        if places[name] and not name.endswith(words.lexicon_org_endings):
            continue
        keep.append(name)
    seen = occurrences(keep, texts) if texts else Counter()
    return sorted(n for n in keep if labelled_often_enough(orgs[n], seen[n], pair_names[n], len(n)))


def labelled_often_enough(labelled: int, seen: int, pairs: int, length: int) -> bool:
    if labelled + pairs < (2 if length == 2 and not pairs else 1):
        return False
    if seen <= labelled:
        return True
    return labelled >= seen / (2 if length == 2 else 3)


def write_lexicon(names: list[str], sources: dict[str, int], path: Path = LEXICON_FILE) -> None:
    header = [
        "# ORG names harvested by `python -m guanxi.graph.lexicon` (make lexicon); do not edit by hand.",
        "# " + ", ".join(f"{k}: {v} names" for k, v in sources.items()) + f"; kept: {len(names)}",
    ]
    path.write_text("\n".join(header + names) + "\n", encoding="utf-8")


@cache
def lexicon(path: Path = LEXICON_FILE) -> Gazetteer:
    names = []
    if path.exists():
        names = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return Gazetteer(names, boundary=ends_at_word_boundary)


def ends_at_word_boundary(text: str, start: int, end: int) -> bool:
    from guanxi.graph.aliases import table_boundary  # the table's traps too: 英国央行 is not 央行

    if not table_boundary(text, start, end):
        return False
    words = word_lists()
    return (
        end == len(text)
        or text[end] in RIGHT_BOUNDARY_MARKS
        or text[end] in words.name_end_words
        or text.startswith(words.org_suffixes, end)
        or text.startswith(words.after_name_words, end)
    )


def find_lexicon_mentions(article: Article) -> Article:
    """Pipeline stage: harvested organization names found in the text."""
    for start, end in lexicon().find(article.text):
        article.mentions.append(Mention(article.id, start, end, article.text[start:end], "ORG", Finder.LEXICON))
    return article


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", default="build/ner", help="where `python -m guanxi.graph.train_ner` put MSRA")
    ap.add_argument("--cluener", default="../shared/datasets/cluener/train.json")
    ap.add_argument("--finre", default="../shared/datasets/finre/train.txt")
    ap.add_argument("--out", default=str(LEXICON_FILE))
    args = ap.parse_args(argv)
    from guanxi.graph.train_ner import fetch_msra

    msra_orgs, msra_places, msra_texts = harvest_msra(fetch_msra(Path(args.workdir)) / "msra_train.txt")
    cluener_orgs, cluener_places, cluener_texts = harvest_cluener(Path(args.cluener))
    finre_orgs = harvest_finre(Path(args.finre))
    names = select(msra_orgs + cluener_orgs, msra_places + cluener_places, msra_texts + cluener_texts, finre_orgs)
    write_lexicon(
        names,
        {"MSRA train": len(msra_orgs), "CLUENER train": len(cluener_orgs), "FinRE train": len(finre_orgs)},
        Path(args.out),
    )
    print(f"{len(names)} names written to {args.out}")


if __name__ == "__main__":
    main()
