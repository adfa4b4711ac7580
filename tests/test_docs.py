"""The docs cover every command, setting, route and stored property, their links lead somewhere,
and the README stays a short guide that starts with the two commands."""

import json
import re

import click
import pytest

from guanxi.api.cli import cli
from guanxi.api.settings import SETTINGS
from guanxi.graph import schema
from tests.conftest import ROOT

DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under a markdown heading, up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.index(heading + "\n")
    end = re.search(rf"^#{{1,{level}}} ", text[start + len(heading) :], re.MULTILINE)
    return text[start : start + len(heading) + end.start()] if end else text[start:]


# --- the README ---------------------------------------------------------------------------------
def test_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert first_block[0].startswith("make run")
    assert first_block[1].startswith("make test")


def test_readme_is_a_short_guide():
    words = len(README.split())
    assert words <= 1300, f"README.md has {words} words: move detail into docs/"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


# --- links ----------------------------------------------------------------------------------------
LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path) -> set[str]:
    return {
        slug(line.lstrip("#")) for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"#{1,6} ", line)
    }


MARKDOWN = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_point_to_existing_files(path):
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # http:, https:, mailto:
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{path.name}: link to {target}, which does not exist"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{path.name}: link to {target}, a heading {linked.name} lacks"


def test_the_readme_links_every_page_of_the_docs():
    for page in DOCS.glob("*.md"):
        assert f"(docs/{page.name})" in README, f"README.md does not link docs/{page.name}"


# --- the command line, settings and routes -------------------------------------------------------
def commands(group: click.Group = cli, prefix: str = "") -> dict[str, click.Command]:
    """Every command by its full name, the subcommands of groups (``store start``) included."""
    out = {}
    for name, command in group.commands.items():
        out[prefix + name] = command
        if isinstance(command, click.Group):
            out.update(commands(command, f"{prefix}{name} "))
    return out


def test_every_command_and_option_is_documented():
    usage = doc("usage.md")
    for name, command in commands().items():
        assert command.help, f"command {name} has no help"
        assert f"`guanxi {name}" in usage, f"command {name} missing from docs/usage.md"
        assert f"\n## guanxi {name}\n" in usage, f"docs/usage.md has no section for {name}"
        for param in command.params:
            if isinstance(param, click.Option):
                long = max(param.opts, key=len)
                if long != "--help":
                    assert re.search(rf"`(-\w, )?{long}\b", usage), (
                        f"option {long} of {name} missing from docs/usage.md"
                    )


def test_every_setting_is_documented():
    configuration = doc("configuration.md")
    for setting in SETTINGS:
        row = next((line for line in configuration.splitlines() if line.startswith(f"| `{setting.name}` |")), None)
        assert row, f"{setting.name} missing from docs/configuration.md"
        default = setting.describe_default()
        shown = "empty" if default == "empty" else f"`{default.split(' (')[0]}`"
        assert shown in row, f"docs/configuration.md gives {setting.name} another default than {default}"


def test_every_route_is_documented():
    from guanxi.api.app import create_app

    api = doc("api.md")
    paths = create_app(store=object()).openapi()["paths"]
    assert len(paths) >= 8
    for path, methods in paths.items():
        for method in methods:
            assert f"| `{method.upper()} {path}" in api, f"{method.upper()} {path} missing from docs/api.md"
    assert "| `GET /` |" in api


# --- the Cypher cookbook ------------------------------------------------------------------------
COOKBOOK = doc("cypher.md")


@pytest.mark.parametrize(
    "heading, properties",
    [
        ("### Entity properties", schema.ENTITY),
        ("### Relationship properties", schema.EDGE),
        ("### Document properties", schema.DOCUMENT),
    ],
)
def test_the_cookbook_lists_the_schema_properties(heading, properties):
    table = [line for line in section(COOKBOOK, heading).splitlines() if line.startswith("| `")]
    assert [line.split("`")[1] for line in table] == [p.name for p in properties], (
        f"{heading} of docs/cypher.md does not list graph/schema.py's properties in order"
    )
    for line, p in zip(table, properties):
        assert line.startswith(f"| `{p.name}` | {p.type} | {p.help}"), f"{heading}: {p.name} differs from the schema"
        assert ("may be null" in line) == p.optional, f"{heading}: {p.name} (optional={p.optional})"
        assert ("not in API answers" in line) == (not p.public), f"{heading}: {p.name} (public={p.public})"


def test_the_cookbook_lists_the_labels_and_relationship_types():
    types = section(COOKBOOK, "### Relationship types")
    for r in schema.RELATIONS:
        row = next(line for line in types.splitlines() if line.startswith(f"| `{r.name}` |"))
        assert f"| {'yes' if r.directed else 'no'} | {r.help} |" in row, r.name
    for name in schema.BOOKKEEPING:
        assert f"| `{name}` |" in COOKBOOK, name
    labels = section(COOKBOOK, "### Labels")
    for label in ("Entity", "Document", *schema.ENTITY_TYPES):
        assert f"`{label}`" in labels, label


def cookbook_queries() -> list[tuple[str, dict]]:
    out = []
    for block in re.findall(r"```cypher\n(.*?)```", COOKBOOK, re.DOTALL):
        lines = block.strip().splitlines()
        params = json.loads(lines.pop(0).split(":", 1)[1]) if lines[0].startswith("// params:") else {}
        out.append(("\n".join(lines), params))
    return out


def test_the_cookbook_has_queries():
    assert len(cookbook_queries()) >= 8


@pytest.mark.slow
def test_every_cookbook_query_runs_on_the_examples(store, example_graph):
    store.load(example_graph)
    for query, params in cookbook_queries():
        answer = store.query(query, params)
        assert answer["rows"], f"no rows from the cookbook query:\n{query}"
