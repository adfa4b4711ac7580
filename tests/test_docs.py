"""The README documents every command, setting and route."""
from guanxi.api.cli import cli
from guanxi.api.settings import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_with_help():
    for name, command in cli.commands.items():
        assert f"| `{name}" in README, f"command {name} missing from the README's command table"
        assert command.help, f"command {name} has no help"


def test_every_setting_is_documented():
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in README, setting.name


def test_every_route_is_documented():
    from guanxi.api.app import create_app
    app = create_app(store=object())
    paths = app.openapi()["paths"]
    assert len(paths) >= 8
    for path, methods in paths.items():
        for method in methods:
            assert f"`{method.upper()} {path}" in README, f"{method.upper()} {path} missing from the README"
    assert "`GET /`" in README


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert first_block.strip().splitlines()[0].startswith("make run")
    assert first_block.strip().splitlines()[1].startswith("make test")


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
