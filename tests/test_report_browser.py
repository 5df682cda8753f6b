"""The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by .ci/run),
driven through the DevTools protocol over `--remote-debugging-pipe` (no network port, no extra
Python package). Skipped when Chromium is not installed.

Checks: every highlight covers exactly its record's text (articles with emoji, figures nested in
quotes), a real mouse click on a highlight shows its record, the side list jumps to occurrences,
hash navigation, the filter box, and that script in article text or headlines never runs.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.reader import Article
from pipeline.report import build_report
from pipeline.runner import process_chunk
from tests.conftest import assert_offsets

CHROMIUM = next(
    (p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                 shutil.which("google-chrome")) if p),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)"
)

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--window-size=1280,900",
]  # fmt: skip

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"window.pwned=1\">"
ARTICLES = [
    Article(
        id="health/clinic", source="test", published="2024-03-05",
        title="Clinic waits fall 🏥 after hiring drive",
        text="Clinic waits fall 🏥 after hiring drive\n\nThe regional health board said waiting times fell "
        "18% in the first quarter. 🎉 Patients noticed.\n\n“We hired 240 nurses in six months and the "
        "queues are finally shrinking,” said Dana Whitfield, the board’s chief executive.\n\nCritics "
        "were unconvinced. “One good quarter does not fix a broken system,” said Omar Haddad, a "
        "spokesman for the nurses’ union.\n",
    ),
    Article(
        id="wire/markets", source="test", title=f"Shares slide {HOSTILE}", url="https://example.com/m?a=1&b=2",
        text=f"Shares slide {HOSTILE}\n\nShares of the retailer fell 7% on Tuesday after it cut its "
        "forecast, the company said.\n\n“Demand has been weaker than we expected,” said chief "
        "financial officer Lena Morris.\n",
    ),
    Article(
        id="wire/clinic-repost", source="test", title="Clinic waits fall",
        text="Clinic waits fall\n\n“We hired 240 nurses in six months and the queues are finally "
        "shrinking,” said Dana Whitfield, the board’s chief executive.\n",
    ),
]


class DevTools:
    """A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile: Path):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_fds() -> None:  # in the child: the browser reads fd 3 and writes fd 4
            a = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=wire_fds, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.session = None
        target = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]

    def call(self, method: str, timeout: float = 15.0, **params):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._next_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError(f"no reply to {method}")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed the pipe")
            self._buffer += chunk

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str) -> None:
        """Load `url` afresh (through about:blank, so a change of fragment alone is a new load)."""
        self.call("Page.navigate", url="about:blank")
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 10
        while self.js("document.readyState") != "complete" or not self.js("document.documentElement.hasAttribute('data-ready')"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"page did not load: {url}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A real mouse click (pressed, released) at the centre of the first element matching."""
        box = self.js(
            f"(function(){{var e=document.querySelector({json.dumps(selector)});"
            "e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
            "return [r.left+r.width/2, r.top+r.height/2];})()"
        )
        x, y = box
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def close(self) -> None:
        try:
            self.session = None
            self.call("Browser.close", timeout=5)
        except Exception:  # noqa: BLE001 - closing is best effort, the process is ended below
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture(scope="module")
def records(nlp):
    results = process_chunk(nlp, ARTICLES)
    out = []
    for article, result in zip(ARTICLES, results):
        assert result.error is None
        recs = [json.loads(line) for line in result.lines.splitlines()]
        assert_offsets(article.text, recs)
        out.extend(recs)
    return out


@pytest.fixture(scope="module")
def page(records, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    html, notes = build_report(records, ARTICLES, title="Test report")
    assert notes == []
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    browser = DevTools(folder / "profile")
    try:
        browser.url = path.as_uri()
        browser.open(browser.url)
        yield browser
    finally:
        browser.close()


def test_fixture_has_nested_spans_and_emoji(records):
    """The cases this module is about really occur in the pipeline's output."""
    clinic = [r for r in records if r["article"]["id"] == "health/clinic"]
    quotes = [r for r in clinic if r["type"] == "quote"]
    figures = [r for r in clinic if r["type"] == "numeric"]
    assert any(q["span"]["start"] <= f["span"]["start"] and f["span"]["end"] <= q["span"]["end"]
               for q in quotes for f in figures)
    assert any(ord(ch) > 0xFFFF for ch in ARTICLES[0].text[: quotes[0]["span"]["start"]])


def test_every_highlight_covers_exactly_its_record_text(page, records):
    found = page.js(
        "JSON.parse(document.getElementById('claimsift-data').textContent).records.map(function(r, i){"
        "return Array.prototype.map.call(document.querySelectorAll('mark[data-r~=\"'+i+'\"]'),"
        "function(m){return m.textContent}).join('')})"
    )
    assert found == [r["text"] for r in records]
    # and the highlights sit at the record's offsets: the text before the first piece, in the
    # browser, is the article text before span.start (emoji count as one character in Python)
    before = page.js(
        "(function(){var m=document.querySelector('mark[data-r~=\"1\"]'),t=m.closest('.text');"
        "var r=document.createRange();r.setStart(t,0);r.setEndBefore(m);return r.toString()})()"
    )
    text = next(a.text for a in ARTICLES if a.id == records[1]["article"]["id"])
    assert before == text[: records[1]["span"]["start"]]


def test_figure_inside_quote_has_both_colours(page, records):
    inner = next(i for i, r in enumerate(records) if r["type"] == "numeric" and r["text"] == "240")
    classes = page.js(f"document.querySelector('mark[data-r~=\"{inner}\"]').className")
    assert set(classes.split()) >= {"hl", "q", "n"}
    colours = page.js(
        "[getComputedStyle(document.querySelector('mark.q:not(.n)[data-r]')).backgroundColor,"
        "getComputedStyle(document.querySelector('mark.n:not(.q)[data-r]')).backgroundColor]"
    )
    assert colours[0] != colours[1]


def test_clicking_a_highlight_shows_its_record(page, records):
    page.open(page.url + "#a0")
    assert page.js("document.getElementById('index').hidden && !document.getElementById('a0').hidden")
    quote = next(i for i, r in enumerate(records) if r["type"] == "quote" and r["kind"] != "indirect"
                 and r["article"]["id"] == "health/clinic")  # quoted speech: marked q (reported speech is r)
    # a piece of the quote that holds no figure
    page.click(f"mark.q:not(.n)[data-r~=\"{quote}\"]")
    details = page.js(
        "(function(){var d={};document.querySelectorAll('#details-body .rec:first-child dd').forEach("
        "function(e){d[e.getAttribute('data-k')]=e.textContent});"
        "return {hidden: document.getElementById('details').hidden, d: d,"
        " also: (document.querySelector('#details-body .also')||{}).textContent||''}})()"
    )
    r = records[quote]
    assert details["hidden"] is False
    assert details["d"]["speaker"] == r["speaker"]["name"]
    assert details["d"]["title"] == r["speaker"]["title"]
    assert details["d"]["cue"] == r["cue"]
    assert details["d"]["text"] == r["text"]
    assert details["d"]["confidence"] == str(r["confidence"])
    assert "wire/clinic-repost" in details["also"]  # the same claim in the republished article
    assert page.js(f"document.querySelector('mark.sel').getAttribute('data-r').split(' ').indexOf('{quote}') >= 0")


def test_clicking_a_figure_inside_a_quote_shows_the_figure_first(page, records):
    page.open(page.url + "#a0")
    inner = next(i for i, r in enumerate(records) if r["type"] == "numeric" and r["text"] == "240"
                 and r["article"]["id"] == "health/clinic")
    page.click(f"mark[data-r~=\"{inner}\"]")
    shown = page.js("Array.prototype.map.call(document.querySelectorAll('#details-body .rec'),"
                    "function(e){return +e.getAttribute('data-i')})")
    assert shown[0] == inner and len(shown) == 2
    value = page.js("document.querySelector('#details-body .rec dd[data-k=value]').textContent")
    assert value == "240"


def test_side_list_jumps_to_each_occurrence(page, records):
    page.open(page.url + "#a0")
    page.click("#a0 .side .jump")
    first = page.js("+document.querySelector('#details-body .rec').getAttribute('data-i')")
    assert records[first]["article"]["id"] == "health/clinic"
    assert page.js("document.querySelectorAll('#a0 mark.sel').length") >= 1


def test_hash_of_a_record_opens_its_article(page, records):
    last = len(records) - 1
    page.open(page.url + f"#r{last}")
    article = ARTICLES.index(next(a for a in ARTICLES if a.id == records[last]["article"]["id"]))
    assert page.js(f"!document.getElementById('a{article}').hidden")
    assert page.js("document.querySelectorAll('section.article:not([hidden])').length") == 1


def test_filter_box_hides_unrelated_articles(page):
    page.open(page.url + "#")
    page.js("var f=document.getElementById('filter');f.value='Morris';f.dispatchEvent(new Event('input'))")
    visible = page.js(
        "Array.prototype.filter.call(document.querySelectorAll('#articles tbody tr'),"
        "function(tr){return getComputedStyle(tr).display!=='none'}).map(function(tr){return tr.getAttribute('data-a')})"
    )
    assert visible == ["1"]
    page.js("var f=document.getElementById('filter');f.value='';f.dispatchEvent(new Event('input'))")


def test_script_in_article_text_does_not_run(page):
    page.open(page.url + "#a1")
    assert page.js("document.title") == ARTICLES[1].title + " · Test report"  # the headline as text
    assert page.js("window.pwned") is None
    assert page.js("document.querySelectorAll('main script, main img').length") == 0
    assert HOSTILE in page.js("document.querySelector('#a1 .text').textContent")
    assert HOSTILE in page.js("document.querySelector('#a1 h2').textContent")
