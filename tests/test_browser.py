"""In a real browser: the article view, and the service's page with an article pasted into it.

Checks in the DOM that quotes carry their speakers and that choosing an actor highlights
its mentions and quotes, by mouse and by keyboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from browser_support import driver_fixture, screenshot
from conftest import ROOT, SAMPLES
from service_support import cli_server

pytestmark = pytest.mark.slow
ARTICLE = SAMPLES / "rate_decision.txt"


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    yield from driver_fixture(tmp_path_factory)


@pytest.fixture(scope="module")
def view_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.view import write_views

    out = tmp_path_factory.mktemp("view") / "rate_decision.html"
    write_views(str(ARTICLE), str(out))
    return out


def _by(css: str):
    from selenium.webdriver.common.by import By

    return By.CSS_SELECTOR, css


def _wait(driver, test, seconds: float = 60.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(lambda d: test(d))


def check_quotes_carry_speakers(driver) -> None:
    quotes = driver.find_elements(*_by("#body-text q[data-quote]"))
    assert quotes, "no quote is marked"
    for q in quotes:
        assert q.get_attribute("data-speaker-name"), q.get_attribute("outerHTML")
        assert q.get_attribute("data-kind") in ("direct", "partial", "indirect")
    labels = driver.find_elements(*_by("#body-text .quote-label"))
    assert {q.get_attribute("data-quote") for q in quotes} == {lab.get_attribute("data-label-of") for lab in labels}
    for label in labels:
        key = label.get_attribute("data-label-of")
        name = driver.find_element(*_by(f'q[data-quote="{key}"]')).get_attribute("data-speaker-name")
        assert name in label.text


def check_actor_highlight(driver, by_keyboard: bool = False) -> None:
    from selenium.webdriver.common.keys import Keys

    # The actor quoted most: the panel lists the most present first.
    button = next(
        b
        for b in driver.find_elements(*_by("[data-actor-button]"))
        if driver.find_elements(*_by(f'#body-text q[data-speaker="{b.get_attribute("data-actor-button")}"]'))
    )
    key = button.get_attribute("data-actor-button")
    if by_keyboard:
        driver.execute_script("arguments[0].focus()", button)
        button.send_keys(Keys.ENTER)
    else:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button)
        button.click()
    assert button.get_attribute("aria-pressed") == "true"
    mentions = driver.find_elements(*_by(f'#body-text [data-actor="{key}"]'))
    quotes = driver.find_elements(*_by(f'#body-text q[data-speaker="{key}"]'))
    assert mentions and quotes
    for el in mentions + quotes:
        assert "selected" in el.get_attribute("class").split(), el.get_attribute("outerHTML")
    others = driver.find_elements(*_by(f'#body-text [data-actor]:not([data-actor="{key}"])'))
    assert not [el for el in others if "selected" in el.get_attribute("class").split()]
    status = driver.find_element(*_by("#selection-status")).text
    assert f"{len(mentions)} mention" in status and "highlighted" in status
    # The same control again (or Escape) clears it.
    if by_keyboard:
        button.send_keys(Keys.ESCAPE)
    else:
        button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert not driver.find_elements(*_by("#body-text .selected"))


CONTRAST_JS = """
function lum(c) {
  var v = c.match(/[\\d.]+/g).slice(0, 3).map(function (x) {
    x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function background(el) {
  for (; el; el = el.parentElement) {
    var bg = getComputedStyle(el).backgroundColor;
    var parts = bg.match(/[\\d.]+/g);
    if (parts && (parts.length < 4 || parseFloat(parts[3]) > 0)) { return bg; }
  }
  return "rgb(255, 255, 255)";
}
var out = [];
document.querySelectorAll(arguments[0]).forEach(function (el) {
  var a = lum(getComputedStyle(el).color), b = lum(background(el));
  out.push([el.className || el.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
});
return out;
"""
TEXT_ELEMENTS = (
    "#body-text .m, #body-text q, .quote-label, .actor-toggle .name, .actor-toggle .kind, "
    ".actor-toggle .counts, .hint, dl.meta, .kicker, .standfirst, .legend .m, .legend q, a, .badge"
)


SERVICE_TEXT = "label, button, .top p, .downloads p, .foot, a, h1, h2, option"
SITE_TEXT = "a, .hint, p, th, td, .network-legend li, summary, h1, h2, time"


def check_contrast(driver, elements: str = TEXT_ELEMENTS, least: int = 20) -> None:
    """WCAG AA: at least 4.5:1 between every kind of highlighted text and its background."""
    ratios = driver.execute_script(CONTRAST_JS, elements)
    assert len(ratios) > least and all(r >= 1 for _, r in ratios), ratios  # NaN would pass anything below
    low = [(name, round(r, 2)) for name, r in ratios if r < 4.5]
    assert not low, low


def check_labels(driver) -> None:
    """Every control has a name a screen reader can say."""
    for control in driver.find_elements(*_by("input, select, textarea")):
        ident = control.get_attribute("id")
        assert ident and driver.find_elements(*_by(f'label[for="{ident}"]')), control.get_attribute("outerHTML")
    for button in driver.find_elements(*_by("button")):
        assert button.get_attribute("textContent").strip() or button.get_attribute("aria-label")
    for frame in driver.find_elements(*_by("iframe")):
        assert frame.get_attribute("title")


def test_article_view(driver, view_page: Path, tmp_path: Path) -> None:
    driver.get(view_page.as_uri())
    assert driver.find_element(*_by("h1")).text
    check_quotes_carry_speakers(driver)
    check_contrast(driver)
    check_labels(driver)
    check_actor_highlight(driver)
    check_actor_highlight(driver, by_keyboard=True)
    # Keyboard: the skip link is the first stop, and it leads to the text.
    from selenium.webdriver.common.keys import Keys

    driver.get(view_page.as_uri())
    driver.find_element(*_by("body")).send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("class") == "skip"
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "body-text"
    # Clicking a mention in the text chooses its actor too; then a picture for the docs.
    mention = driver.find_element(*_by("#body-text .m.actor.kind-person"))
    mention.click()
    key = mention.get_attribute("data-actor")
    assert driver.find_element(*_by(f'[data-actor-button="{key}"]')).get_attribute("aria-pressed") == "true"
    driver.execute_script("window.scrollTo(0, 0)")
    screenshot(driver, "view.png", tmp_path)


def test_service_page(driver, tmp_path: Path) -> None:
    with cli_server("-j", "1", root=ROOT) as base:
        driver.get(f"{base}/")
        check_labels(driver)
        check_contrast(driver, SERVICE_TEXT, 10)
        area = driver.find_element(*_by("#article-text"))
        area.send_keys(ARTICLE.read_text(encoding="utf-8"))
        driver.find_element(*_by("#show")).click()
        _wait(
            driver,
            lambda d: (
                d.find_element(*_by("#view")).get_attribute("data-loaded") == "true"
                or d.find_element(*_by("#error")).is_displayed()
            ),
        )
        assert not driver.find_element(*_by("#error")).is_displayed(), driver.find_element(*_by("#error")).text
        screenshot(driver, "serve.png", tmp_path)
        frame = driver.find_element(*_by("#view"))
        driver.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", frame)
        driver.switch_to.frame(frame)
        try:
            _wait(driver, lambda d: d.find_elements(*_by("#body-text")))
            check_quotes_carry_speakers(driver)
            check_actor_highlight(driver)
        finally:
            driver.switch_to.default_content()
        # A download is the service's export of the same article.
        driver.find_element(*_by('button.download[data-to="json"]')).click()
        saved = driver.downloads / "article.json"
        _wait(driver, lambda d: saved.exists() and saved.stat().st_size > 0)
        assert '"quotes"' in saved.read_text(encoding="utf-8")
        # Bad input: a clear message on the page, and the service goes on.
        area.clear()
        area.send_keys("<not an article")
        driver.find_element(*_by("#show")).click()
        _wait(driver, lambda d: d.find_element(*_by("#error")).is_displayed())
        assert "format" in driver.find_element(*_by("#error")).text
        # Hostile text, named as text: shown as the characters it is, never run.
        from selenium.webdriver.support.ui import Select

        Select(driver.find_element(*_by("#from-format"))).select_by_value("text")
        area.clear()
        area.send_keys(HOSTILE_HEADLINE + "\n\nThe minister said \u201c" + "\u201c" * 50 + " it was fine.")
        show_and_wait(driver)
        driver.switch_to.frame(driver.find_element(*_by("#view")))
        try:
            assert driver.find_element(*_by("h1")).text == HOSTILE_HEADLINE
            assert len(driver.find_elements(*_by("script"))) == 1 and not driver.find_elements(*_by("img"))
        finally:
            driver.switch_to.default_content()
        assert not driver.execute_script("return window.hostileRan === true")
        # A file instead of the text: the kitchen sink, a structured article, taken as it is.
        Select(driver.find_element(*_by("#from-format"))).select_by_value("")
        driver.find_element(*_by("#article-file")).send_keys(str(SAMPLES / "kitchen_sink.json"))
        show_and_wait(driver)
        driver.switch_to.frame(driver.find_element(*_by("#view")))
        try:
            assert driver.find_element(*_by("h1")).text.startswith("Canada and Mexico")
            check_quotes_carry_speakers(driver)
        finally:
            driver.switch_to.default_content()


def test_api_docs_offline(driver) -> None:
    """/docs renders its operations with no network: Swagger UI comes from the service itself."""
    with cli_server("-j", "1", root=ROOT) as base:
        driver.get(f"{base}/docs")
        _wait(driver, lambda d: len(d.find_elements(*_by(".opblock"))) >= 5)
        paths = {e.text for e in driver.find_elements(*_by(".opblock-summary-path"))}
        assert {"/v1/convert", "/v1/extract", "/v1/view", "/v1/formats", "/v1/health"} <= paths, paths
        # Opening an operation shows its parameters, drawn from /openapi.json.
        driver.find_element(*_by("#operations-default-convert_v1_convert_post .opblock-summary")).click()
        _wait(driver, lambda d: d.find_elements(*_by(".parameters [data-param-name='to']")))
        loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert loaded and all(url.startswith(base + "/") for url in loaded), loaded


HOSTILE_HEADLINE = '<script>window.parent.hostileRan = true</script><img src=x onerror="alert(1)">'


def show_and_wait(driver) -> None:
    frame = driver.find_element(*_by("#view"))
    driver.execute_script("arguments[0].removeAttribute('data-loaded')", frame)
    driver.find_element(*_by("#show")).click()
    _wait(
        driver, lambda d: frame.get_attribute("data-loaded") == "true" or d.find_element(*_by("#error")).is_displayed()
    )
    assert not driver.find_element(*_by("#error")).is_displayed(), driver.find_element(*_by("#error")).text


def check_quoted_about(driver) -> None:
    """The samples' 'Castillo will meet President Jose Mercado', said the communications office: two arrows."""
    arrows = driver.find_elements(*_by("svg.network path.edge-quoted-about"))
    titles = {a.find_element(*_by("title")).get_attribute("textContent") for a in arrows}
    assert "Presidential Communications Office quoted about Ramon Castillo ×1" in titles, titles
    for arrow in arrows:
        box = driver.execute_script("return arguments[0].getBBox()", arrow)
        assert box["width"] + box["height"] > 10 and arrow.get_attribute("marker-end") == "url(#arrowhead)"
    style = "return getComputedStyle(arguments[0]).strokeDasharray"
    line = driver.find_element(*_by("svg.network line.edge"))
    assert driver.execute_script(style, arrows[0]) not in ("none", driver.execute_script(style, line))
    legend = driver.find_element(*_by("ul.network-legend"))
    entry = next(li for li in legend.find_elements(*_by("li")) if li.text.startswith("quoted about"))
    sample = entry.find_element(*_by("path.edge-quoted-about"))
    assert driver.execute_script(style, sample) == driver.execute_script(style, arrows[0])


def check_screen_reader_names(driver, group: str, least: int) -> None:
    """What a screen reader is given (Chromium's accessibility tree): the drawing, and its links by name."""
    nodes = [n for n in driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"] if not n.get("ignored")]
    named = [(n.get("role", {}).get("value"), n.get("name", {}).get("value", "")) for n in nodes]
    assert ("group", group) in named, named
    titles = [e.get_attribute("aria-label") for e in driver.find_elements(*_by("svg a"))]
    assert len(titles) >= least and all(titles)
    assert set(titles) <= {name for role, name in named if role == "link"}


def check_network_keyboard(driver) -> None:
    """Tab reaches the speakers in the drawing, each named for a screen reader; Enter opens one."""
    from selenium.webdriver.common.keys import Keys

    driver.refresh()  # focus from the top of the page
    for _ in range(20):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.execute_script("return !!document.activeElement.closest('svg.network')"):
            break
    link = driver.switch_to.active_element
    assert driver.execute_script("return !!document.activeElement.closest('svg.network a')"), link.tag_name
    name = link.find_element(*_by("text")).get_attribute("textContent")
    outline = driver.execute_script(
        "return getComputedStyle(document.activeElement.querySelector('circle')).strokeWidth"
    )
    assert outline == "4px"  # a visible focus
    link.send_keys(Keys.ENTER)
    _wait(driver, lambda d: d.find_element(*_by("h1")).text.startswith(name))


def test_corpus_view(driver, tmp_path: Path) -> None:
    from newsgraph.corpus import Corpus
    from newsgraph.view.corpus_site import write_site

    with Corpus(tmp_path / "corpus.sqlite") as corpus:
        assert corpus.add(sorted(str(p) for p in SAMPLES.glob("*.txt"))).ok
    write_site(tmp_path / "corpus.sqlite", tmp_path / "site")
    driver.get((tmp_path / "site" / "index.html").as_uri())
    assert driver.find_elements(*_by("svg.network circle"))
    screenshot(driver, "corpus.png", tmp_path)
    check_quoted_about(driver)
    check_contrast(driver, SITE_TEXT, 20)
    check_screen_reader_names(driver, "Actor network", 3)
    check_network_keyboard(driver)
    driver.get((tmp_path / "site" / "index.html").as_uri())
    # A speaker in the network leads to their quotes, and a quote to its place in its article.
    node = driver.find_element(*_by("svg.network a"))
    name = node.find_element(*_by("text")).text
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", node)
    node.click()
    _wait(driver, lambda d: d.find_element(*_by("h1")).text.startswith(name))
    link = driver.find_element(*_by(".speaker-quotes a"))
    quote_text = driver.find_element(*_by(".speaker-quotes blockquote")).text
    link.click()
    _wait(driver, lambda d: d.find_elements(*_by("#body-text")))
    anchor = driver.execute_script("return location.hash").lstrip("#")
    target = driver.find_element(*_by(f'[id="{anchor}"]'))
    assert target.tag_name == "q" and target.get_attribute("data-speaker-name") == name
    assert quote_text.startswith(target.text.strip("\u201c\u201d\"' ")[:20])
    check_actor_highlight(driver)
    # The timeline lists events, each linked to an article's page.
    driver.get((tmp_path / "site" / "timeline.html").as_uri())
    assert driver.find_elements(*_by("svg.timeline circle")) and driver.find_elements(*_by(".sources a"))
    check_screen_reader_names(driver, driver.find_element(*_by("#timeline-title")).get_attribute("textContent"), 3)
