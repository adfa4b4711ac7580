"""A learned classifier over pairs of organizations in a sentence: does the sentence say that they
partner (PARTNERS_WITH)? It reads what rules cannot list one by one: the words between the two
names, with other names as slots and asides taken out, and the words around them.

The model is a logistic regression over hashed features (``features``), trained by
``python -m guanxi.graph.train_pairs`` (``make pairs``) and shipped in ``graph/data/pairs``; see
its MODEL_CARD.md. It is on by default (``GUANXI_PAIR_MODEL=off`` turns it off). Two names at
odds (之争, 纠纷), a regulator and what it acts on (约谈), both objects of one deal (投资A和B) or a
body and what it sets up (X联合A发起成立Y: X and Y) are never asked about. Relation rules keep
precedence: the classifier is asked only about pairs that no rule linked, and what it finds
carries the rule id ``model.pairs`` and its probability as the confidence.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from guanxi.graph import config
from guanxi.graph.errors import ModelError
from guanxi.graph.rules import word_lists

MODEL_DIR = Path(__file__).resolve().parent / "data" / "pairs"
RULE_ID = "model.pairs"
FEATURE_BITS = 18
MAX_GAP = 60  # pairs further apart than this many characters are not asked about
LEFT_CHARS, RIGHT_CHARS = 12, 14
SLOT = "〇"  # another organization between the two
CLAUSE_ENDS = "。；！？!?;"


@dataclass(frozen=True)
class PairText:
    """The text around two names of one sentence, other names written as ``SLOT``."""

    left: str  # before the first name
    between: str
    right: str  # after the second name, to the end of its clause


def pair_text(text: str, first: tuple[int, int], second: tuple[int, int], others: list[tuple[int, int]]) -> PairText:
    """``first`` ends before ``second`` starts; ``others`` are the spans of other names."""
    from guanxi.graph.relations import without_asides

    parts, pos = [], first[1]
    for start, end in sorted(o for o in others if first[1] <= o[0] and o[1] <= second[0]):
        parts += [text[pos:start], SLOT]
        pos = end
    parts.append(text[pos : second[0]])
    right = text[second[1] : second[1] + RIGHT_CHARS]
    cut = min((i for i, c in enumerate(right) if c in CLAUSE_ENDS), default=len(right))
    return PairText(text[max(0, first[0] - LEFT_CHARS) : first[0]], without_asides("".join(parts)), right[:cut])


LENGTHS = ((0, "0"), (1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"), (20, "11-20"), (40, "21-40"))


def length_bucket(n: int) -> str:
    return next((label for limit, label in LENGTHS if n <= limit), "41+")


def features(pair: PairText) -> list[str]:
    """Named features of a pair: characters and character pairs between the names (with the
    edges marked), character pairs around them, the gap's length and how many names stand in it."""
    between = pair.between
    if len(between) > 2 * 20:
        between = between[:20] + "…" + between[-20:]
    marked = "^" + between + "$"
    out = ["bias", "len:" + length_bucket(len(pair.between)), "slots:" + str(min(pair.between.count(SLOT), 3))]
    out += ["b1:" + c for c in between]
    out += ["b2:" + marked[i : i + 2] for i in range(len(marked) - 1)]
    out += ["b3:" + marked[i : i + 3] for i in range(len(marked) - 2)]
    left = pair.left + "^"
    out += ["l2:" + left[i : i + 2] for i in range(len(left) - 1)]
    right = "$" + pair.right
    out += ["r2:" + right[i : i + 2] for i in range(len(right) - 1)]
    out += ["r3:" + right[i : i + 3] for i in range(min(len(right) - 2, 6))]
    if len(pair.between) <= 4:  # a short link reads with what follows (X与Y签约, not X和Y。)
        out += ["br:" + pair.between + "|" + pair.right[:2], "lb:" + pair.left[-2:] + "|" + pair.between]
    return out


def hashed(names: list[str]) -> np.ndarray:
    """Feature indices (crc32, the same in every process, unlike ``hash``)."""
    mask = (1 << FEATURE_BITS) - 1
    return np.fromiter((zlib.crc32(n.encode()) & mask for n in names), dtype=np.int64, count=len(names))


@dataclass
class PairModel:
    weights: np.ndarray  # one per hashed feature
    bias: float
    threshold: float  # a pair with a probability at least this is a partnership

    def probability(self, pair: PairText) -> float:
        score = float(self.weights[hashed(features(pair))].sum()) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def save(self, folder: Path, card: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        nonzero = np.flatnonzero(self.weights)
        np.savez_compressed(
            folder / "model.npz", index=nonzero.astype(np.int32), weight=self.weights[nonzero].astype(np.float32)
        )
        (folder / "config.json").write_text(
            json.dumps({"feature_bits": FEATURE_BITS, "bias": self.bias, "threshold": self.threshold, **card}, indent=2)
            + "\n"
        )


def read_model(folder: Path) -> PairModel:
    try:
        config = json.loads((folder / "config.json").read_text())
        arrays = np.load(folder / "model.npz")
    except (OSError, ValueError) as e:
        raise ModelError(f"Could not read the pair classifier in {folder}: {e}. Run `make pairs` to train it.") from e
    if config.get("feature_bits") != FEATURE_BITS:
        raise ModelError(f"The pair classifier in {folder} was trained with other features; run `make pairs`.")
    weights = np.zeros(1 << FEATURE_BITS, dtype=np.float32)
    weights[arrays["index"]] = arrays["weight"]
    return PairModel(weights, float(config["bias"]), float(config["threshold"]))


@cache
def pair_model(folder: Path = MODEL_DIR) -> PairModel:
    return read_model(Path(folder))


def active_model() -> PairModel | None:
    """The configured classifier (``ExtractionConfig.pair_model``); None where it is off."""
    folder = config.active().pair_model
    return pair_model(Path(folder)) if folder else None


def learned_partners(model: PairModel, text: str, orgs: list[tuple[int, int, str]], linked: set[frozenset]):
    """(first, second, probability) for the pairs of a sentence's ORG mentions (start, end, name;
    in text order) that ``model`` calls partners: two names, not yet ``linked`` by a rule, at most
    ``MAX_GAP`` characters apart; for each two names only their closest mentions."""
    closest: dict[frozenset, tuple[int, int]] = {}
    for i, (_, end, name) in enumerate(orgs):
        for j in range(i + 1, len(orgs)):
            start, _, other = orgs[j]
            if start - end > MAX_GAP:
                break
            names = frozenset((name, other))
            if len(names) == 2 and start >= end and names not in linked:
                if names not in closest or start - end < orgs[closest[names][1]][0] - orgs[closest[names][0]][1]:
                    closest[names] = (i, j)
    out = []
    for i, j in closest.values():
        others = [(s, e) for k, (s, e, _) in enumerate(orgs) if k not in (i, j)]
        pair = pair_text(text, orgs[i][:2], orgs[j][:2], others)
        clause = CLAUSE_END.split(text[orgs[j][1] : orgs[j][1] + DISPUTE_WINDOW], maxsplit=1)[0]
        if not (
            in_a_list(pair)
            or opposed_or_objects(pair, clause)
            or FOR_THE_PARTNERS.match(pair.right)
            or SET_UP.search(pair.between)
        ):
            p = model.probability(pair)
            if p >= model.threshold:
                out.append((i, j, p))
    return out


# X联合A、B共同发起成立Y: Y is what X sets up, not a partner of X
SET_UP = re.compile(r"(?:成立|设立|组建|筹建|组成|创办|创立)了?$")
# X为Y的合作伙伴提供…: X serves Y's partners; whether X partners Y the sentence does not say
FOR_THE_PARTNERS = re.compile(r"^的[^，。；！？,]{0,8}?伙伴")

DISPUTE = re.compile(r"之争|纠纷|诉讼|起诉|仲裁|侵权|争议|对簿公堂|索赔|指控|竞争对手|打官司")
# one acts on the other as its regulator (X已约谈Y, X对Y处以罚款): REGULATES, for the rules
REGULATION = re.compile(r"约谈|处罚|罚款|罚单|立案|调查|问询函|警示函|监管函|警告|责令|通报批评|监管措施")
DEAL_VERB_BEFORE = re.compile(r"(?:投资|收购|入股|参股|并购|控股|增持|减持|起诉|状告)了?[^，。；！？,]{0,12}$")
OBJECTS_GAP = re.compile(r"^[和、及](?:[^，。；！？,]{0,16}?(?:公司|企业|厂商|服务商|提供商|供应商|平台|机构))?$")


DISPUTE_WINDOW = 40  # characters after the second name, to its clause's end, where a dispute is named
CLAUSE_END = re.compile(r"[，。；！？,;]")


def opposed_or_objects(pair: PairText, clause: str) -> bool:
    """Two names that are at odds (之争, 纠纷, 起诉: between them or in the rest of the second
    one's clause), one the other's regulator (X已约谈Y), or both objects of one deal (投资A和…公司B,
    收购A、B): whatever the words around them, not partners."""
    if DISPUTE.search(pair.between) or DISPUTE.search(clause) or REGULATION.search(pair.between):
        return True
    return bool(DEAL_VERB_BEFORE.search(pair.left) and OBJECTS_GAP.match(pair.between))


LIST_GAP = re.compile(r"^(?:[、，,和及与〇“”\"」）)]|以及)+$")
MARKS = re.compile(r"[\s“”\"「」（）()]")


def in_a_list(pair: PairText) -> bool:
    """Two names side by side (a name and its other name: X（Y）), or two members of a list of
    three or more (A、B和C; A、B等) or of a star's list (X分别与A和B): what a list's members do
    together is for the relation rules to read (联合, 分别, 共同), not for the classifier."""
    if not MARKS.sub("", pair.between):
        return True
    if not LIST_GAP.match(member_descriptions().sub("", pair.between)):
        return False
    return (
        "、" in pair.between
        or SLOT in pair.between
        or pair.left.endswith(("、", SLOT))
        or pair.right.startswith(("、", "等"))
        or STAR_LEAD.search(pair.left) is not None
    )


@cache
def member_descriptions() -> re.Pattern:
    """What a list's member may be introduced by after the joiner (A和德国企业B): its country, its kind."""
    words = word_lists()
    countries, kinds = "|".join(words.countries), "|".join(words.member_kinds)
    return re.compile(rf"(?<=[、和及与])(?:{countries})?(?:{kinds})|(?<=[、和及与])(?:{countries})")


# X分别与A和B…: A and B are each X's partner (a star), not each other's
STAR_LEAD = re.compile(r"(?:分别|先后|相继|陆续|各自)(?:与|同|和|跟)$")
