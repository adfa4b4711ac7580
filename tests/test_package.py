"""guanxi installs as one package: `guanxi` is the only name it puts at the top level."""

import subprocess
import sys
import zipfile
from importlib import metadata

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_a_wheel_holds_nothing_but_guanxi_at_top_level(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            str(ROOT),
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("guanxi-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"guanxi"}
    for expected in (
        "guanxi/graph/pipeline.py",
        "guanxi/api/cli.py",
        "guanxi/api/routes/entities.py",
        "guanxi/cypher/store.py",
        "guanxi/cypher/search.cypher",
        "guanxi/viz/templates/view.html",
        "guanxi/graph/data/rules.toml",
        "guanxi/graph/data/ner/model.pt",
    ):
        assert expected in names


def test_the_installed_distribution_names_only_guanxi():
    top_level = metadata.distribution("guanxi").read_text("top_level.txt")
    assert top_level.split() == ["guanxi"]
    (script,) = metadata.entry_points(group="console_scripts", name="guanxi")
    assert script.value == "guanxi.api.cli:main"


def test_the_folders_are_not_importable_on_their_own(tmp_path):
    code = (
        "import importlib.util as u, guanxi.graph, guanxi.api, guanxi.cypher, guanxi.viz; "
        "print([n for n in ('graph', 'api', 'cypher', 'viz') if u.find_spec(n)])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
