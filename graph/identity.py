"""Which node an entity is: its canonical name, the key its id derives from, and the keys under
which two forms of one entity meet (``FormIndex``), so that articles resolve to the same nodes."""

from __future__ import annotations

from collections.abc import Iterable

from guanxi.graph.aliases import alias_table, strip_legal_suffix


def canonical_name(type_: str, forms: Iterable[str]) -> str:
    """The alias table's canonical name if it knows a form, else the fullest form."""
    forms = sorted(set(forms))
    table = alias_table()
    for f in forms:
        entry = table.lookup(f)
        if entry and entry.type == type_:
            return entry.canonical
    return max(forms, key=lambda f: (len(f), f))


def identity_key(type_: str, name: str) -> str:
    """What a node id is derived from: stable under the aliases and legal suffixes of one name."""
    entry = alias_table().lookup(name)
    if entry and entry.type == type_:
        return entry.canonical
    return strip_legal_suffix(name) if type_ == "ORG" else name


def lookup_keys(type_: str, forms: Iterable[str]) -> list[tuple[str, str]]:
    """Keys two forms of one entity share: the form itself, then its alias-table canonical name
    (a form the table knows keeps its own entry: 三星集团 is not 三星电子 although 三星 is), else
    the form without its legal suffix (长飞公司 ~ 长飞)."""
    table = alias_table()
    keys = []
    for f in sorted(set(forms)):
        keys.append((type_, f))
        if type_ != "ORG":
            continue
        stripped = strip_legal_suffix(f)
        entry = table.lookup(f) or table.lookup(stripped)
        if entry and entry.type == type_:
            keys.append((type_, "=" + entry.canonical))
        else:
            keys.append((type_, "~" + stripped))
    return keys


class FormIndex:
    """(type, form) -> node id, for resolving the entities of new articles to existing nodes. The
    keys of each set of forms are computed once per index: a corpus names the same entities in the
    same forms over and over, and the alias table does not change during one build."""

    def __init__(self):
        self.ids: dict[tuple[str, str], str] = {}
        self._keys: dict[tuple[str, frozenset[str]], list[tuple[str, str]]] = {}

    def keys(self, type_: str, forms: Iterable[str]) -> list[tuple[str, str]]:
        forms = frozenset(forms)
        found = self._keys.get((type_, forms))
        if found is None:
            found = self._keys[type_, forms] = lookup_keys(type_, forms)
        return found

    def resolve(self, type_: str, forms: list[str]) -> str | None:
        for key in self.keys(type_, forms):
            if key in self.ids:
                return self.ids[key]
        return None

    def add(self, node_id: str, type_: str, forms: Iterable[str]) -> None:
        for key in self.keys(type_, forms):
            self.ids.setdefault(key, node_id)
