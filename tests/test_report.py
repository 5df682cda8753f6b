"""Views of a run's records (pipeline/report/) and the inspect, report and export commands.

Records come from the real pipeline on news-style articles written for these tests (a wire story
republished by a second outlet, so its claims share clusters); the segmenting of overlapping
spans is also tested as a pure function on tables and with hypothesis.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from models import parse_record
from pipeline.cli import app
from pipeline.reader import Article
from pipeline.report import (
    CSV_COLUMNS,
    GROUP_COLUMNS,
    build_report,
    claimreview_drafts,
    csv_text,
    escape_text,
    filter_records,
    group_records,
    jsonl_text,
    load_records,
    render_marked_text,
    segment_spans,
    table_text,
    value_text,
    who,
)
from pipeline.runner import process_chunk
from tests.conftest import assert_offsets

runner = CliRunner()

WIRE = (
    "“Inflation is coming down, but the job is not done,” said Marta Olsen, the central bank’s "
    "deputy governor.\n\nThe bank raised its benchmark rate by 0.25 percentage points to 4.5% on Thursday.\n"
)
ARTICLES = [
    Article(
        id="wire/rates", source="test", title="Central bank lifts rates again", published="2024-02-01",
        url="https://news.example/rates", text="Central bank lifts rates again\n\n" + WIRE,
    ),
    Article(
        id="local/rates-repost", source="test", title="Rates rise again 📈", published="2024-02-02",
        text="Rates rise again 📈\n\n" + WIRE + "\nLocal lenders said mortgage approvals fell 9% in January.\n",
    ),
    Article(
        id="sport/final", source="test", title="Late goal settles final",
        text="Late goal settles final\n\nThe club sold 52,000 tickets for the final, the organisers said.\n\n"
        "“We never stopped believing,” coach Ivan Petrov told reporters after the match.\n",
    ),
]
TEXTS = {a.id: a.text for a in ARTICLES}


@pytest.fixture(scope="module")
def records(nlp):
    out = []
    for article, result in zip(ARTICLES, process_chunk(nlp, ARTICLES)):
        assert result.error is None
        recs = [json.loads(line) for line in result.lines.splitlines()]
        assert_offsets(article.text, recs)
        out.extend(recs)
    return out


@pytest.fixture()
def files(records, tmp_path):
    """The run's records and its input articles on disk, as `claimsift run` would leave them."""
    out = tmp_path / "claims.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    inputs = tmp_path / "articles.jsonl"
    inputs.write_text(
        "".join(
            json.dumps({"id": a.id, "text": a.text, "title": a.title, "published": a.published, "url": a.url})
            + "\n" for a in ARTICLES
        ),
        encoding="utf-8",
    )
    return out, inputs


def _quote(records, article_id):
    return next(r for r in records if r["type"] == "quote" and r["article"]["id"] == article_id)


# --------------------------------------------------------------------------- segments


@pytest.mark.parametrize(
    "length, spans, expected",
    [
        (10, [], [(0, 10, ())]),
        (10, [(2, 5, "a")], [(0, 2, ()), (2, 5, ("a",)), (5, 10, ())]),
        # a figure inside a quote
        (12, [(1, 11, "q"), (4, 6, "n")], [(0, 1, ()), (1, 4, ("q",)), (4, 6, ("q", "n")), (6, 11, ("q",)), (11, 12, ())]),
        # crossing spans
        (8, [(0, 5, "a"), (3, 8, "b")], [(0, 3, ("a",)), (3, 5, ("a", "b")), (5, 8, ("b",))]),
        # the same span twice, and touching spans
        (6, [(0, 3, "a"), (0, 3, "b"), (3, 6, "c")], [(0, 3, ("a", "b")), (3, 6, ("c",))]),
        # a figure at the very start and end of a quote
        (5, [(0, 5, "q"), (0, 2, "n"), (3, 5, "m")], [(0, 2, ("q", "n")), (2, 3, ("q",)), (3, 5, ("q", "m"))]),
        # empty and out-of-range spans cover nothing / are clipped
        (4, [(2, 2, "e"), (3, 9, "x"), (-3, 1, "y")], [(0, 1, ("y",)), (1, 3, ()), (3, 4, ("x",))]),
        (0, [(0, 0, "e")], []),
    ],
)
def test_segment_spans(length, spans, expected):
    assert segment_spans(length, spans) == expected


@given(
    st.integers(min_value=0, max_value=40).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted), max_size=8),
        )
    )
)
def test_segments_tile_the_text_and_cover_each_span_exactly(case):
    length, raw = case
    spans = [(s, e, i) for i, (s, e) in enumerate(raw)]
    pieces = segment_spans(length, spans)
    assert [p[0] for p in pieces[1:]] == [p[1] for p in pieces[:-1]]  # contiguous
    assert (pieces[0][0], pieces[-1][1]) == (0, length) if length else pieces == []
    for s, e, i in spans:
        covered = [(a, b) for a, b, keys in pieces if i in keys]
        if e > s:
            assert covered[0][0] == s and covered[-1][1] == e
            assert sum(b - a for a, b in covered) == e - s
        else:
            assert covered == []


def _marked(fragment: str):
    """(record index -> text of its marks, plain text) of rendered HTML."""
    by_record = {}
    for ids, inner in re.findall(r'<mark class="[^"]*" data-r="([^"]*)" tabindex="0">(.*?)</mark>', fragment, re.S):
        for i in ids.split():
            by_record[int(i)] = by_record.get(int(i), "") + html.unescape(inner)
    return by_record, html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_render_keeps_exact_text_of_every_record(records):
    for article in ARTICLES:
        recs = [(i, r) for i, r in enumerate(records) if r["article"]["id"] == article.id]
        spans = [(r["span"]["start"], r["span"]["end"], i, r["type"]) for i, r in recs]
        by_record, plain = _marked(render_marked_text(article.text, spans))
        assert plain == article.text
        assert by_record == {i: r["text"] for i, r in recs}


def test_render_nests_a_figure_inside_a_quote_and_escapes():
    text = "Shares <b>fell</b> \U0001F4C9 “we lost 12% & more”\r\n"
    quote = (text.index("we"), text.index("”"), 0, "quote")
    figure = (text.index("12%"), text.index("12%") + 3, 1, "numeric")
    out = render_marked_text(text, [quote, figure])
    assert '<mark class="hl n q" data-r="0 1" tabindex="0">12%</mark>' in out
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp; more" in out and "&#13;" in out
    by_record, plain = _marked(out)
    assert plain == text
    assert by_record == {0: "we lost 12% & more", 1: "12%"}


def test_render_colours_reported_speech_apart_from_quoted_speech():
    text = "The mayor said the plan was “a mess” again."
    clause = (text.index("the plan"), text.index(" again."), 0, "indirect")
    fragment = (text.index("a mess"), text.index("”"), 1, "quote")
    out = render_marked_text(text, [clause, fragment])
    pieces = re.findall(r'<mark class="hl ([^"]*)" data-r="[^"]*" tabindex="0">(.*?)</mark>', out)
    assert pieces == [("r", "the plan was “"), ("q r", "a mess"), ("r", "”")]
    by_record, plain = _marked(out)
    assert plain == text and by_record == {0: "the plan was “a mess”", 1: "a mess"}


def test_escape_text():
    assert escape_text("<script>alert('x')</script>&\r\x00") == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;&#13;\ufffd"
    )


# --------------------------------------------------------------------------- selecting


def test_filters(records):
    assert {r["type"] for r in filter_records(records, types=["quote"])} == {"quote"}
    olsen = filter_records(records, speakers=["olsen"])
    assert olsen and all("Olsen" in " ".join(filter(None, [who(r), str(r.get("subject"))])) for r in olsen)
    assert {r["article"]["id"] for r in filter_records(records, articles=["wire/*"])} == {"wire/rates"}
    assert {r["article"]["id"] for r in filter_records(records, articles=["sport/final"])} == {"sport/final"}
    assert all(r["confidence"] >= 0.9 for r in filter_records(records, min_confidence=0.9))
    assert len(filter_records(records, min_confidence=0.0)) == len(records)
    percent = filter_records(records, kinds=["percent"])
    assert percent and all(r["quantity"]["kind"] == "percent" for r in percent)
    assert all(r["kind"] == "direct" for r in filter_records(records, kinds=["direct"]))
    assert filter_records(records, types=["quote"], speakers=["nobody such"]) == []
    both = filter_records(records, types=["numeric"], articles=["local/*"], kinds=["percent"])
    assert {r["text"] for r in both} >= {"9%"}


def test_repeated_claims_share_a_cluster_and_group_once(records):
    groups = group_records(records)
    assert sum(len(g.records) for g in groups) == len(records)
    quote = next(g for g in groups if g.first["type"] == "quote" and "Inflation" in g.first["text"])
    assert quote.article_ids == ["wire/rates", "local/rates-repost"]
    assert len({g.cluster for g in groups}) == len(groups)
    sport = [g for g in groups if g.article_ids == ["sport/final"]]
    assert sport and all(len(g.records) == 1 for g in sport)


@pytest.mark.parametrize(
    "quantity, expected",
    [
        ({"value": 100000000.0, "unit": "USD", "kind": "money"}, "100,000,000 USD"),
        ({"value": 4.5, "unit": "percent", "kind": "percent"}, "4.5%"),
        ({"value": 0.25, "unit": "points", "kind": "percentage_points"}, "0.25 points"),
        ({"value": 52000.0, "unit": None, "kind": "count"}, "52,000"),
        ({"value": -3.0, "unit": "times", "kind": "multiplier"}, "-3 times"),
    ],
)
def test_value_text(quantity, expected):
    assert value_text({"type": "numeric", "quantity": quantity}) == expected


# --------------------------------------------------------------------------- table, CSV, JSONL


def test_csv_columns_are_stable(records):
    # Spreadsheets and scripts rely on these names and this order: only ever append.
    assert CSV_COLUMNS == (
        "id", "type", "kind", "confidence", "cluster",
        "article_id", "article_title", "article_published", "article_url",
        "start", "end", "text", "who",
        "speaker_name", "speaker_mention", "speaker_title", "cue",
        "statement", "subject", "predicate", "value", "unit", "approx",
        "time_text", "time_date", "attributed_to", "sentence",
    )  # fmt: skip
    assert GROUP_COLUMNS == CSV_COLUMNS + ("appearances", "articles")
    rows = list(csv.reader(io.StringIO(csv_text(records), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(records) + 1 and all(len(row) == len(CSV_COLUMNS) for row in rows)
    by_id = {row[0]: dict(zip(CSV_COLUMNS, row)) for row in rows[1:]}
    for r in records:
        row = by_id[r["id"]]
        assert row["text"] == r["text"] and row["article_id"] == r["article"]["id"]
        assert int(row["start"]) == r["span"]["start"] and float(row["confidence"]) == r["confidence"]
        if r["type"] == "numeric":
            assert float(row["value"]) == r["quantity"]["value"]
    title_row = next(row for row in rows[1:] if row[CSV_COLUMNS.index("article_id")] == "local/rates-repost")
    assert title_row[CSV_COLUMNS.index("article_title")] == "Rates rise again 📈"


def test_grouped_csv_counts_appearances(records):
    rows = list(csv.DictReader(io.StringIO(csv_text(group_records(records), grouped=True), newline="")))
    quote = next(row for row in rows if row["type"] == "quote" and row["text"].startswith("Inflation"))
    assert quote["appearances"] == "2" and quote["articles"] == "wire/rates|local/rates-repost"


def test_jsonl_passes_records_through_and_groups(records):
    lines = jsonl_text(records).splitlines()
    assert [json.loads(line) for line in lines] == records
    for line in lines:
        parse_record(line)
    grouped = [json.loads(line) for line in jsonl_text(group_records(records), grouped=True).splitlines()]
    repeated = next(g for g in grouped if g["appearances"] == 2 and g["record"]["type"] == "quote")
    assert [a["id"] for a in repeated["articles"]] == ["wire/rates", "local/rates-repost"]
    for a in repeated["articles"]:
        assert TEXTS[a["id"]][a["span"]["start"] : a["span"]["end"]] == repeated["record"]["text"]


def test_table_fits_width_and_shows_the_columns(records):
    text = table_text(records, width=100)
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["TYPE", "WHO", "QUOTE"]
    assert all(len(line) <= 100 for line in lines)
    assert "Marta Olsen" in text and "4.5%" in text and "sport/final" in text
    assert lines[-1] == f"{len(records)} records"
    assert "…" in table_text(records, width=60)
    grouped = table_text(group_records(records), width=140, grouped=True)
    assert "wire/rates +1" in grouped and grouped.splitlines()[-1].endswith(f"({len(records)} records)")


# --------------------------------------------------------------------------- HTML report (static)


def test_report_structure_and_escaping(records):
    hostile = Article(id="x/hostile", source="test", title="<script>document.title='pwned'</script>",
                      text="<script>document.title='pwned'</script> Profits rose 4%.\n")
    page, notes = build_report(records, ARTICLES + [hostile], title="Rates & <goals>")
    assert notes == []
    assert page.count("<script") == 2  # the data block and the page's own script, nothing else
    assert "&lt;script&gt;document.title" in page
    assert "<title>Rates &amp; &lt;goals&gt;</title>" in page
    assert set(re.findall(r"(?i)(?:https?:)?//[^\s\"'<>]+", page)) == {"https://news.example/rates"}  # its own link
    assert re.search(r"(?i)<link|<img|@import|url\(", page) is None  # nothing to fetch
    assert len(re.findall(r'<section class="article" id="a\d+" hidden>', page)) == 4
    data = json.loads(re.search(r'<script type="application/json" id="claimsift-data">(.*?)</script>', page, re.S)[1])
    assert [r["x"] for r in data["records"]] == [r["text"] for r in records]
    assert [a["id"] for a in data["articles"]] == [a.id for a in ARTICLES] + ["x/hostile"]
    assert "Claims in several articles" in page


def test_report_data_block_cannot_end_the_script(records):
    rec = dict(_quote(records, "sport/final"))
    rec["text"] = "</script><script>alert(1)</script><!--"
    page, _ = build_report([rec], [], title="t")
    block = re.search(r'id="claimsift-data">(.*?)</script>', page, re.S)[1]
    assert "<" not in block and ">" not in block
    assert json.loads(block)["records"][0]["x"] == rec["text"]


def test_report_lists_records_it_cannot_place(records):
    moved = Article(id="wire/rates", source="test", title="edited", text="Text changed after the run.\n")
    page, notes = build_report(records, [moved])
    assert any(n.startswith("wire/rates:") and "do not match" in n for n in notes)
    assert any(n.startswith("sport/final:") and "not given" in n for n in notes)
    section = re.search(r'<section class="article" id="a0".*?</section>', page, re.S)[0]
    assert "<mark" not in section and "Not highlighted" in section
    assert section.count('class="rec-link"') == sum(r["article"]["id"] == "wire/rates" for r in records)


# --------------------------------------------------------------------------- ClaimReview


def test_claimreview_drafts(records):
    drafts = claimreview_drafts(records)
    assert len(drafts) == len({r["cluster"] for r in records})
    for d in drafts:
        assert d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview"
        assert d["claimReviewed"] and len(d["claimReviewed"]) <= 280
        claim = d["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["@type"] in ("Person", "Organization") and "name" in claim["author"]
        assert claim["appearance"] and all(
            set(a) >= {"@type", "identifier", "url", "headline", "datePublished"} for a in claim["appearance"]
        )
        assert d["reviewRating"] == {
            "@type": "Rating", "ratingValue": "", "bestRating": "", "worstRating": "", "alternateName": "",
        }
        assert d["author"]["name"] == "" and d["datePublished"] == "" and d["url"] == ""
    wire = next(d for d in drafts if d["claimReviewed"].startswith("Inflation is coming down"))
    assert wire["itemReviewed"]["author"] == {"@type": "Person", "name": "Marta Olsen",
                                              "jobTitle": _quote(records, "wire/rates")["speaker"]["title"]}
    assert wire["itemReviewed"]["datePublished"] == "2024-02-01"  # the first appearance
    assert [(a["identifier"], a["headline"], a["url"], a["datePublished"]) for a in wire["itemReviewed"]["appearance"]] == [
        ("wire/rates", "Central bank lifts rates again", "https://news.example/rates", "2024-02-01"),
        ("local/rates-repost", "Rates rise again 📈", "", "2024-02-02"),
    ]
    json.dumps(drafts)


@pytest.mark.parametrize(
    "speaker, expected_type",
    [("Ana Ruiz", "Person"), ("the Finance Ministry", "Organization"), ("Acme Holdings Inc.", "Organization"),
     ("NATO", "Organization"), ("Okafor", "Person")],
)
def test_claimreview_author_type(records, speaker, expected_type):
    rec = json.loads(json.dumps(_quote(records, "sport/final")))
    rec["speaker"]["name"] = speaker
    assert claimreview_drafts([rec])[0]["itemReviewed"]["author"]["@type"] == expected_type


def test_claimreview_names_the_kind(records):
    rec = dict(next(r for r in records if r["type"] == "quote"), kind="indirect")
    assert claimreview_drafts([rec])[0]["itemReviewed"]["disambiguatingDescription"] == "quote indirect"


def test_claimreview_unnamed_source_and_long_quote(records):
    rec = json.loads(json.dumps(_quote(records, "sport/final")))
    rec["speaker"] = {"name": None, "mention": "a club official", "mention_span": None, "title": None}
    rec["text"] = "We never stopped believing " * 20
    draft = claimreview_drafts([rec])[0]
    assert draft["itemReviewed"]["author"]["name"] == ""
    assert "a club official" in draft["itemReviewed"]["author"]["description"]
    assert len(draft["claimReviewed"]) <= 280 and draft["claimReviewed"].endswith("…")


# --------------------------------------------------------------------------- loading and CLI


def test_load_records_skips_bad_lines(files):
    out, _ = files
    good = out.read_text(encoding="utf-8")
    out.write_text(good + "\n{not json\n" + '{"type": "quote"}\n', encoding="utf-8")
    records, problems = load_records(out)
    assert len(records) == len(good.splitlines())
    assert len(problems) == 2 and all(str(out) in p for p in problems)


def test_inspect_table_csv_jsonl(files, records):
    out, _ = files
    result = runner.invoke(app, ["inspect", str(out)])
    assert result.exit_code == 0, result.output
    assert "Marta Olsen" in result.output and f"{len(records)} records" in result.output

    result = runner.invoke(app, ["inspect", str(out), "--format", "csv", "--type", "quote"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {row["type"] for row in rows} == {"quote"}

    result = runner.invoke(app, ["inspect", str(out), "-f", "jsonl", "--speaker", "petrov", "--min-confidence", "0.5"])
    assert [json.loads(line)["speaker"]["name"] for line in result.stdout.splitlines()] == ["Ivan Petrov"]


def test_inspect_group_and_output_file(files, tmp_path):
    out, _ = files
    target = tmp_path / "claims.csv"
    result = runner.invoke(app, ["inspect", str(out), "--group", "-f", "csv", "-o", str(target), "--kind", "direct"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert sorted(row["appearances"] for row in rows) == ["1", "2"]
    result = runner.invoke(app, ["inspect", str(out), "--group", "--article", "*/rates*"])
    assert "wire/rates +1" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["inspect", "{out}", "--type", "quotes"], "--type must be quote or numeric"),
        (["inspect", "{out}", "--format", "xlsx"], "--format must be"),
        (["inspect", "{missing}"], "records not found"),
        (["inspect", "{out}", "-o", "{out}"], "refusing to overwrite"),
        (["export", "{out}", "--format", "xlsx"], "--format must be claimreview"),
        (["report", "{out}", "--articles", "{missing}", "-o", "{html}"], "articles not found"),
    ],
)
def test_usage_errors(files, tmp_path, args, message):
    out, _ = files
    before = out.read_bytes()
    values = {"out": str(out), "missing": str(tmp_path / "nope.jsonl"), "html": str(tmp_path / "r.html")}
    result = runner.invoke(app, [a.format(**values) for a in args])
    assert result.exit_code == 2
    assert message in result.output
    assert out.read_bytes() == before


def test_inspect_exit_1_on_bad_lines(files):
    out, _ = files
    with out.open("a", encoding="utf-8") as handle:
        handle.write("truncated {\n")
    result = runner.invoke(app, ["inspect", str(out), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "not a claimsift record" in result.output


def test_report_command(files, tmp_path):
    out, inputs = files
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(out), "--articles", str(inputs), "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Rates rise again 📈" in page
    assert len(re.findall(r'<section class="article"', page)) == len(ARTICLES)
    assert "note:" not in result.output

    # without the texts: listed with a note; with a filter: only the articles it keeps
    result = runner.invoke(app, ["report", str(out), "-o", str(target), "--speaker", "Petrov"])
    assert result.exit_code == 0
    assert "not given" in result.output
    assert len(re.findall(r'<section class="article"', target.read_text(encoding="utf-8"))) == 1


def test_export_claimreview_command(files, records, tmp_path):
    out, _ = files
    result = runner.invoke(app, ["export", str(out), "--format", "claimreview"])
    assert result.exit_code == 0, result.output
    drafts = json.loads(result.stdout)
    assert drafts == claimreview_drafts(records)
    target = tmp_path / "drafts.json"
    result = runner.invoke(app, ["export", str(out), "-f", "claimreview", "-t", "quote", "-o", str(target)])
    assert result.exit_code == 0
    assert {d["identifier"][0] for d in json.loads(target.read_text(encoding="utf-8"))} == {"q"}


def test_commands_have_help():
    for command in ("inspect", "report", "export"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "--type" in result.output and "--min-confidence" in result.output


def test_report_hints_when_articles_do_not_match_the_run(files, tmp_path):
    out, _ = files
    other = tmp_path / "other"
    other.mkdir()
    (other / "unrelated.txt").write_text("Factory output rose 3% in May, the statistics office said.\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(out), "--articles", str(other), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "no article id of RECORDS is in --articles" in result.output
    assert result.output.count("article text not given") == len(ARTICLES)


# --------------------------------------------------------------------------- hostile record data (issue 17)

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\tstarts with a tab", "\rstarts with a return", "\uff1d1+1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_never_start_a_formula(records, formula):
    """OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading quote."""
    hostile = json.loads(json.dumps(records[0]))
    hostile["text"] = hostile["article"]["title"] = hostile["sentence"]["text"] = formula
    hostile["article"]["id"] = formula
    rows = list(csv.DictReader(io.StringIO(csv_text([hostile]), newline="")))
    for column in ("text", "article_title", "article_id", "sentence"):
        assert rows[0][column] == "'" + formula
    grouped = list(csv.DictReader(io.StringIO(csv_text(group_records([hostile]), grouped=True), newline="")))
    assert grouped[0]["articles"] == "'" + formula


@pytest.mark.parametrize("number", ["-4.5", "+12", "-3e5", "0.25"])
def test_csv_plain_numbers_stay_numbers(number):
    from pipeline.report import csv_safe

    assert csv_safe(number) == number


@pytest.mark.parametrize("url, kept", [
    ("javascript:alert(1)", ""), ("data:text/html;base64,PHNjcmlwdD4=", ""), ("JaVaScRiPt:void(0)", ""),
    (" javascript:alert(1)", ""), ("ftp://files.example/a", ""), ("https://news.example/a?b=1", "https://news.example/a?b=1"),
    ("HTTP://news.example/", "HTTP://news.example/"),
])
def test_claimreview_copies_only_http_urls(records, url, kept):
    hostile = json.loads(json.dumps(records[0]))
    hostile["article"]["url"] = url
    (draft,) = claimreview_drafts([hostile])
    assert [a["url"] for a in draft["itemReviewed"]["appearance"]] == [kept]


def test_claimreview_json_is_safe_inside_a_script_element(files, records, tmp_path):
    out, _ = files
    hostile = json.loads(json.dumps(records[0]))
    hostile["text"] = "</script><script>alert(1)</script><!-- \u2028 & done"
    hostile["span"]["end"] = hostile["span"]["start"] + len(hostile["text"])
    hostile["article"]["title"] = "</SCRIPT>"
    out.write_text(json.dumps(hostile) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(out), "--format", "claimreview"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    (draft,) = json.loads(text)
    assert draft["claimReviewed"].startswith("</script><script>")
    assert draft["itemReviewed"]["appearance"][0]["headline"] == "</SCRIPT>"
