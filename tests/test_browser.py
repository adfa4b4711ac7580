"""The workbench used as an analyst uses it: Debian's chromium driven by selenium through Debian's
chromium-driver, on a network where nothing but the app can be reached. Each page loads without
a script error or a request to another host; typing in the search box lists matches and opens a
dossier; the dossier lists partners with their evidence; the colours drawn for a view's nodes are
the legend's; the console shows rows and shows a refused write as such.

Every page is saved as a screenshot in ``$GUANXI_SCREENSHOTS`` (default ``build/screenshots``);
``make screenshots`` writes them into ``docs/images``, which the README shows."""

import json
import os
import shutil
import uuid
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pytest

from guanxi.api.app import create_app
from tests.conftest import ROOT
from tests.test_apidocs import LOOPBACK_ONLY, serve_app
from tests.test_view import chromium

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SHOTS = Path(os.environ.get("GUANXI_SCREENSHOTS") or ROOT / "build" / "screenshots")
WAIT_S = 30


def chromedriver() -> str:
    path = shutil.which("chromedriver")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("chromedriver is not installed; `make test` installs Debian's chromium-driver")
        pytest.skip("chromedriver is not installed (make test installs Debian's chromium-driver)")
    return path


@pytest.fixture(scope="module")
def site(falkordb_server, example_graph):
    """The examples' graph in a store of its own, served by the app on 127.0.0.1."""
    from guanxi.cypher.falkordb_store import FalkorDBStore

    store = FalkorDBStore("127.0.0.1", falkordb_server, graph=f"browser_{uuid.uuid4().hex[:8]}")
    store.load(example_graph)
    with serve_app(create_app(store)) as base:
        yield base
    store.graph.delete()
    store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(flag)
    for flag in (*LOOPBACK_ONLY, "--window-size=1200,900", "--disable-background-networking", "--disable-sync"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(chromedriver()))
    driver.set_page_load_timeout(WAIT_S)
    yield driver
    driver.quit()


def hub(graph, rel_type="PARTNERS_WITH") -> dict:
    """The entity with the most relations of ``rel_type``, and its partners' names."""
    partners: dict[str, set] = {}
    for h, t, e in graph.edges(data=True):
        if e["type"] == rel_type:
            partners.setdefault(h, set()).add(graph.nodes[t]["name"])
            partners.setdefault(t, set()).add(graph.nodes[h]["name"])
    best = max(partners, key=lambda n: (len(partners[n]), n))
    return graph.nodes[best] | {"partners": partners[best]}


def most_varied(graph) -> dict:
    """The entity whose neighbours (itself included) are of the most types."""

    def types(n):
        return {graph.nodes[m]["type"] for m in (n, *graph.successors(n), *graph.predecessors(n))}

    return graph.nodes[max(graph, key=lambda n: (len(types(n)), graph.nodes[n]["name"]))]


def requests_and_errors(driver) -> tuple[list[str], list[str]]:
    """The URLs the browser asked for and the console's errors since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return urls, errors


def wait(driver, condition):
    return WebDriverWait(driver, WAIT_S).until(condition)


def shoot(driver, name: str, tallest: int = 1800) -> None:
    """The page as far down as ``tallest`` pixels, saved as ``name``.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1200, max(900, min(height, tallest)))
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    driver.set_window_size(1200, 900)


def pages(graph, site) -> dict[str, str]:
    centre = hub(graph)
    other = sorted(centre["partners"])[0]
    doc_id = sorted(graph.graph["documents"])[0]
    return {
        "home": "/",
        "dossier": f"/entities/{quote(most_varied(graph)['name'])}/dossier",
        "view": f"/entities/{quote(most_varied(graph)['id'])}/view",
        "document": f"/documents/{quote(doc_id, safe='')}/view",
        "paths": f"/paths/view?from={quote(centre['name'])}&to={quote(other)}",
        "console": "/console",
        "api-docs": "/docs",
    }


def test_every_page_loads_without_errors_or_requests_elsewhere(browser, site, example_graph):
    requests_and_errors(browser)  # start from an empty log
    for name, path in pages(example_graph, site).items():
        browser.get(site + path)
        wait(browser, lambda d: d.execute_script("return document.readyState") == "complete")
        if name == "api-docs":
            wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
        if name == "view":
            wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "body[data-stabilized='true']")))
        if name == "dossier":  # its graph is a lazy frame: drawn once scrolled to
            frame = browser.find_element(By.TAG_NAME, "iframe")
            browser.execute_script("arguments[0].scrollIntoView()", frame)
            wait(browser, ready.frame_to_be_available_and_switch_to_it(frame))
            wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "body[data-stabilized='true']")))
            browser.switch_to.default_content()
            browser.execute_script("window.scrollTo(0, 0)")
        shoot(browser, name)
        urls, errors = requests_and_errors(browser)
        assert urls, name
        # the browser's own pages (chrome://, a new tab's icons) are no network requests
        elsewhere = [
            u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:")) and not u.startswith(site)
        ]
        assert not elsewhere, f"{name} asked another host for {elsewhere}"
        assert not errors, f"{name}: {errors}"
        assert browser.title.strip(), f"{name} has no title"


def test_typing_in_the_search_box_lists_matches_and_opens_a_dossier(browser, site, example_graph):
    centre = hub(example_graph)
    browser.get(site + "/")
    box = wait(browser, ready.element_to_be_clickable((By.ID, "q")))
    box.send_keys(centre["name"][:2])  # a prefix, typed as a person types it
    link = wait(
        browser, ready.element_to_be_clickable((By.XPATH, f"//ul[@id='hits']//a[contains(., '{centre['name']}')]"))
    )
    shoot(browser, "search")
    link.click()
    wait(browser, ready.url_contains("/dossier"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(centre["name"])


def test_the_dossier_lists_partners_with_their_evidence(browser, site, example_graph):
    centre = hub(example_graph)
    browser.get(site + f"/entities/{quote(centre['name'])}/dossier")
    section = wait(browser, ready.presence_of_element_located((By.XPATH, "//h2[starts-with(., '合作')]/..")))
    text = section.text
    for partner in centre["partners"]:
        assert partner in text, f"{partner} is not among {centre['name']}'s partners on the page"
    sentences = [
        ev["sentence"]
        for h, t, e in example_graph.edges(data=True)
        if e["type"] == "PARTNERS_WITH" and centre["id"] in (h, t)
        for ev in e["evidence"]
    ]
    assert any(s[:20] in text for s in sentences), "no evidence sentence under the partners"


READ_COLOURS = """
const network = window.guanxiNetwork, canvas = document.querySelector('#graph canvas');
const ctx = canvas.getContext('2d'), scale = canvas.width / canvas.clientWidth, out = {};
for (const [id, p] of Object.entries(network.getPositions())) {
  const dom = network.canvasToDOM(p);
  const px = ctx.getImageData(Math.round(dom.x * scale), Math.round(dom.y * scale), 1, 1).data;
  out[id] = [px[0], px[1], px[2], px[3]];
}
const legend = {};
for (const span of document.querySelectorAll('#legend span')) {
  const swatch = span.querySelector('i:not(.edge)');
  if (swatch) legend[span.textContent.trim()] = getComputedStyle(swatch).backgroundColor;
}
return [out, legend];
"""


def painted_colours(driver):
    drawn, legend = driver.execute_script(READ_COLOURS)
    return (drawn, legend) if drawn and all(px[3] for px in drawn.values()) else False


def test_the_colours_drawn_for_nodes_are_the_legends(browser, site, example_graph):
    centre = most_varied(example_graph)
    browser.get(site + f"/entities/{quote(centre['id'])}/view")
    wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "body[data-stabilized='true']")))
    # the canvas is painted on the next animation frame after the layout settles: wait until every
    # node's pixel is painted (not transparent), then compare what was painted
    try:
        drawn, legend = wait(browser, painted_colours)
    except TimeoutException:
        drawn, legend = browser.execute_script(READ_COLOURS)
    drawn = {node: px[:3] for node, px in drawn.items()}
    legend = {label.split()[-1]: tuple(int(v) for v in colour[4:-1].split(",")) for label, colour in legend.items()}
    types = {n: d["type"] for n, d in example_graph.nodes(data=True) if n in drawn}
    around = {example_graph.nodes[m]["type"] for m in nx.all_neighbors(example_graph, centre["id"])} | {centre["type"]}
    assert len(around) >= 3 and set(types.values()) == around, "the view should show every type around the entity"
    assert set(types.values()) == set(legend), "the legend lists exactly the types drawn"
    for node, rgb in drawn.items():
        assert tuple(rgb) == legend[types[node]], f"{example_graph.nodes[node]['name']} ({types[node]}) drawn {rgb}"


def test_the_console_runs_a_query_and_shows_a_refused_write(browser, site):
    browser.get(site + "/console")

    def run(query: str) -> None:
        box = wait(browser, ready.element_to_be_clickable((By.ID, "query")))
        box.clear()
        box.send_keys(query)
        browser.find_element(By.XPATH, "//form[@id='f']//button[not(@type)]").click()

    run("MATCH (o:ORG) RETURN o.name AS org ORDER BY org LIMIT 3")
    table = wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "#out table")))
    assert table.find_element(By.TAG_NAME, "th").text == "org"
    assert len(table.find_elements(By.TAG_NAME, "tr")) == 4
    shoot(browser, "console")
    run("MATCH (o:ORG) DETACH DELETE o")
    error = wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "#out .error")))
    assert "read-only" in error.text.lower() or "refuse" in error.text.lower(), error.text
    assert not browser.find_elements(By.CSS_SELECTOR, "#out table")
    shoot(browser, "console-refused")


def test_a_view_saved_as_a_file_drops_the_links_to_server_paths(browser, site, example_graph, tmp_path):
    import urllib.request

    path = pages(example_graph, site)["view"]
    with urllib.request.urlopen(site + path) as answer:
        (tmp_path / "view.html").write_bytes(answer.read())
    for url, links in ((site + path, 1), ((tmp_path / "view.html").as_uri(), 0)):
        browser.get(url)
        wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "body[data-stabilized='true']")))
        assert len(browser.find_elements(By.ID, "downloads")) == links, url
