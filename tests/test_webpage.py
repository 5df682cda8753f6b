"""Web pages: the main text and metadata, without the page around the article (invented pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.webpage import MAX_HTML_BYTES, extract_page

PAGE = Path(__file__).parent / "data" / "page.html"

BODY = [
    "The council of a small harbor town voted on Tuesday",
    "“We cannot keep asking people to wait two hours for a boat,” said Deputy Mayor",
    "Ticket sales rose 18% last year",
    "“This money will be gone in three years,” said Councillor",
    "The new boat is expected to carry 300 passengers",
]
# navigation, cookie banner, headline and byline, caption, newsletter box, related links,
# comments, footer, scripts and styles
BOILERPLATE = [
    "Subscribe for $1", "cookies", "Home", "Harbor town doubles ferry budget", "By Mara",
    "Photo: 45 Studio", "morning briefing", "25% off", "Related Articles", "Ferry fares to rise",
    "5 new bus routes", "90 minutes", "About time", "All rights reserved", "Privacy", "tracking",
    "font-family",
]


@pytest.fixture(scope="module")
def page():
    return extract_page(PAGE.read_bytes())


def test_main_text_is_the_article_body(page):
    for words in BODY:
        assert words in page.text
    for words in BOILERPLATE:
        assert words not in page.text, words
    assert page.text.count("\n") == len(BODY) - 1  # one paragraph a line


def test_entities_are_decoded(page):
    assert "&ldquo;" not in page.text and "“" in page.text


def test_metadata(page):
    assert page.title == "Harbor town doubles ferry budget"
    assert page.author == "Mara Quillfeather"
    assert page.site == "The Coastal Ledger"
    assert page.url == "https://ledger.example.org/2023/06/14/ferry-budget"
    assert page.published == "2023-06-14"


def test_text_and_str_give_the_same_page():
    assert extract_page(PAGE.read_text(encoding="utf-8")) == extract_page(PAGE.read_bytes())


def test_extraction_is_deterministic(page):
    assert extract_page(PAGE.read_bytes()) == page


def test_a_given_url_wins_over_the_page_s():
    assert extract_page(PAGE.read_bytes(), url="https://example.com/saved").url == "https://example.com/saved"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n",
        "<html><body></body></html>",
        # navigation and a cookie banner only: no article
        "<!DOCTYPE html><html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News 24</a>"
        "</li></ul></nav><div class='cookie-banner'>We use 3 cookies. Accept?</div>"
        "<footer>Subscribe for $1 a week. Terms. Privacy.</footer></body></html>",
    ],
)
def test_pages_without_an_article_give_no_text(html):
    assert extract_page(html).text == ""


def test_a_page_too_large_is_refused():
    with pytest.raises(ValueError, match="too large"):
        extract_page(b" " * (MAX_HTML_BYTES + 1))


def test_no_publication_date_is_guessed_from_a_copyright_line():
    html = (
        "<!DOCTYPE html><html><head><title>Ferry news</title></head><body><article>"
        "<p>The harbor council voted to double the ferry budget after a long debate on the crossing.</p>"
        "<p>Ticket sales rose 18% last year, and the older boat was out of service for 40 days.</p>"
        "</article><footer>Copyright 2019 The Coastal Ledger</footer></body></html>"
    )
    page = extract_page(html)
    assert "ferry budget" in page.text
    assert page.published is None
