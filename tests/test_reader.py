"""The input walker (pipeline/reader/): every kind of input, good and bad. No spaCy."""

from __future__ import annotations

import errno
import json
import os
import socket
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.reader import Article, Problem, decode_text, iter_inputs, normalize_date

STORY = (
    "Regional hospitals admitted 312 patients last week, up 8% from the week before.\n\n"
    "\u201cWe are stretched, but we are coping,\u201d said Lena Ortiz, a nurse manager.\n"
)


def run(*paths):
    return list(iter_inputs(paths))


def articles(items):
    return [item for item in items if isinstance(item, Article)]


def problems(items, level=None):
    return [item for item in items if isinstance(item, Problem) and (level is None or item.level == level)]


def documented_read(path) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# --------------------------------------------------------------------------- folders and files


def test_folder_walk_order_ids_and_skips(tmp_path):
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "z.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "deep" / "m.TXT").write_text(STORY, encoding="utf-8")
    (tmp_path / "a-b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    items = run(tmp_path)
    assert [a.id for a in articles(items)] == ["a/deep/m", "a/z", "a-b", "b"]
    assert all(a.text == STORY for a in articles(items))
    assert articles(items)[0].source == os.path.join(str(tmp_path), "a", "deep", "m.TXT")
    skipped = problems(items, "skipped")
    assert [os.path.basename(p.source) for p in skipped] == ["notes.md", "photo.jpg"]
    assert not problems(items, "error") and not problems(items, "warning")
    assert items == run(tmp_path)  # stable order: resume relies on it


def test_txt_given_directly_uses_its_stem(tmp_path):
    path = tmp_path / "sub" / "council-vote.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    (item,) = run(path)
    assert item == Article(id="council-vote", text=STORY, source=str(path))


def test_a_single_path_is_accepted(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(STORY, encoding="utf-8")
    assert [a.id for a in iter_inputs(str(path))] == ["one"]
    assert [a.id for a in iter_inputs(path)] == ["one"]


def test_word_processor_line_breaks_are_text(tmp_path):
    text = "Turnout rose.\x0bResults follow.\x0b" * 50 + "\x0cPage two.\n"
    path = tmp_path / "export.txt"
    path.write_text(text, encoding="utf-8", newline="")
    (item,) = run(path)
    assert item.text == text


def test_other_file_given_directly_is_skipped(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# hi", encoding="utf-8")
    (item,) = run(path)
    assert item.level == "skipped" and item.source == str(path)


def test_missing_input_is_an_error(tmp_path):
    (item,) = run(tmp_path / "nope.txt")
    assert item.level == "error" and "no such file" in item.reason


# --------------------------------------------------------------------------- text decoding


def test_empty_file_is_an_article_with_a_warning(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    items = run(path)
    assert articles(items) == [Article(id="empty", text="", source=str(path))]
    assert "empty" in problems(items, "warning")[0].reason


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  \n")
    items = run(path)
    (art,) = articles(items)
    assert art.text == documented_read(path) == " \n\t\n  \n"
    assert "whitespace-only" in problems(items, "warning")[0].reason


def test_utf8_bom_is_kept_as_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    items = run(path)
    (art,) = articles(items)
    assert art.text == documented_read(path) == "\ufeff" + STORY
    start = art.text.index("Lena Ortiz")
    assert art.text[start : start + 10] == "Lena Ortiz"
    assert "byte-order mark" in problems(items, "warning")[0].reason


def test_crlf_and_lone_cr_become_newlines_like_open(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8") + b"old mac line\rend\r")
    (item,) = run(path)
    assert item.text == documented_read(path)
    assert item.text == STORY + "old mac line\nend\n"
    assert "\r" not in item.text


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    original = "Caf\u00e9 owners said the \u2018new\u2019 levy \u2013 \u20ac5 a day \u2013 was unfair.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(original.encode("cp1252"))
    items = run(path)
    (art,) = articles(items)
    assert art.text == original
    (warning,) = problems(items, "warning")
    assert warning.source == str(path) and "cp1252" in warning.reason


def test_neither_utf8_nor_cp1252_is_an_error(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"caf\xe9 \x81 bar")  # 0x81 is undefined in cp1252
    (item,) = run(path)
    assert item.level == "error" and "neither UTF-8 nor cp1252" in item.reason


def test_utf16_with_bom_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-16"))
    items = run(path)
    assert articles(items)[0].text == STORY
    assert "UTF-16" in problems(items, "warning")[0].reason


@pytest.mark.parametrize(
    "data",
    [
        b"Some text\x00\x00\x01 with NUL bytes",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",  # a PNG renamed .txt
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        bytes(range(1, 32)) * 40,  # control characters only
    ],
    ids=["nul", "png", "pdf", "controls"],
)
def test_binary_file_is_an_error(tmp_path, data):
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    (item,) = run(path)
    assert item == Problem(str(path), item.reason, "error")
    assert item.reason.startswith("binary file")


def test_five_megabyte_article(tmp_path):
    paragraph = "Exports rose 4.2% in March, the trade ministry said on Friday, beating forecasts.\n\n"
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    (item,) = run(path)
    assert time.perf_counter() - started < 2.0
    assert item.text == text and len(item.text) > 5_000_000


def test_two_hundred_thousand_char_line(tmp_path):
    line = ("word " * 40_000).rstrip() + "."
    assert len(line) >= 199_999
    path = tmp_path / "oneline.txt"
    path.write_text("Headline\n" + line + "\n", encoding="utf-8")
    (item,) = run(path)
    assert item.text == documented_read(path)
    assert item.text.split("\n")[1] == line


def test_emoji_and_non_bmp_offsets(tmp_path):
    text = "Fans cheered \U0001F389\U0001F3C6 as the club won 3-1. \U00020BB7 noodles sold out \u2014 \u201cwow\u201d.\n"
    path = tmp_path / "emoji.txt"
    path.write_text(text, encoding="utf-8")
    (item,) = run(path)
    assert item.text == documented_read(path) == text
    start = item.text.index("won 3-1")
    assert item.text[start : start + 7] == "won 3-1"


def test_zero_width_and_rtl_marks_are_kept(tmp_path):
    text = "Price\u200b rose\u200d 5%\u200e, said \u202bAli Hassan\u202c \u2067\u0645\u0631\u062d\u0628\u0627\u2069.\ufeff\n"
    path = tmp_path / "marks.txt"
    path.write_text(text, encoding="utf-8")
    items = run(path)
    assert articles(items)[0].text == text == documented_read(path)
    assert not problems(items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_any_bytes_never_raise(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    items = run(path)
    arts = articles(items)
    assert len(arts) + len(problems(items, "error")) == 1
    try:
        expected = documented_read(path)
    except UnicodeDecodeError:
        return
    if arts and "\x00" not in expected:
        assert arts[0].text == expected


def test_decode_text_contract():
    assert decode_text(b"a\r\nb") == ("a\nb", [], None)
    text, warnings, error = decode_text(b"\x00\x01")
    assert text is None and error.startswith("binary")


# --------------------------------------------------------------------------- JSONL


def write_jsonl(path, *lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
                    encoding="utf-8")


def test_jsonl_articles_and_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(
        path,
        {"id": "wire-1", "text": STORY, "published": "2023-03-14", "title": "Hospitals busy",
         "url": "https://example.org/a", "section": "health", "extra": [1, 2]},
        {"id": 42, "text": "Shares fell 3%.", "published": "2023-03-15T22:30:00-05:00"},
        {"id": "wire-3", "text": "Rain.", "published": "2023-03-16T08:00:00Z"},
        {"id": "wire-4", "text": "Snow.", "published": "last Tuesday"},
    )
    items = run(path)
    arts = articles(items)
    assert [a.id for a in arts] == ["wire-1", "42", "wire-3", "wire-4"]
    assert arts[0] == Article(id="wire-1", text=STORY, source=f"{path}:1", published="2023-03-14",
                              title="Hospitals busy", url="https://example.org/a")
    assert [a.published for a in arts] == ["2023-03-14", "2023-03-15", "2023-03-16", None]
    (warning,) = problems(items)
    assert warning.level == "warning" and warning.source == f"{path}:4" and "published" in warning.reason


def test_jsonl_malformed_line_is_an_error_and_others_are_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, {"id": "a", "text": "One."}, '{"id": "b", "text": "Two.', "", {"id": "c", "text": "Three."})
    items = run(path)
    assert [a.id for a in articles(items)] == ["a", "c"]
    assert articles(items)[1].source == f"{path}:4"
    (error,) = problems(items, "error")
    assert error.source == f"{path}:2" and "not valid JSON" in error.reason


@pytest.mark.parametrize(
    "record, message",
    [
        ({"id": "a", "body": "No text field."}, "no 'text' field"),
        ({"id": "a", "text": None}, "'text' is not a string"),
        ({"id": "a", "text": ["a", "list"]}, "'text' is not a string"),
        ({"id": 1.5, "text": "Float id."}, "'id' must be a string or an integer"),
        ({"id": True, "text": "Bool id."}, "'id' must be a string or an integer"),
        ([1, 2, 3], "expected a JSON object"),
        ('{"id": "a", "text": "bad \\ud800 surrogate"}', "unpaired surrogate"),
        ("[" * 100_000, "not valid JSON"),
    ],
    ids=["no-text", "text-null", "text-list", "id-float", "id-bool", "not-object", "surrogate", "deep-nesting"],
)
def test_jsonl_bad_records_are_errors(tmp_path, record, message):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, record, {"id": "ok", "text": "Fine."})
    items = run(path)
    assert [a.id for a in articles(items)] == ["ok"]
    (error,) = problems(items, "error")
    assert error.source == f"{path}:1" and message in error.reason


def test_jsonl_missing_id_uses_file_stem_and_line(tmp_path):
    path = tmp_path / "batch7.jsonl"
    write_jsonl(path, {"text": "No id here."}, {"id": "", "text": "Empty id."})
    items = run(path)
    assert [a.id for a in articles(items)] == ["batch7:1", "batch7:2"]
    assert [p.level for p in problems(items)] == ["warning", "warning"]


def test_jsonl_bom_crlf_and_empty_text(tmp_path):
    path = tmp_path / "win.jsonl"
    body = json.dumps({"id": "a", "text": "Line one.\r\nLine two."}) + "\r\n" + json.dumps({"id": "b", "text": ""})
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8") + b"\r\n")
    items = run(path)
    arts = articles(items)
    assert arts[0].text == "Line one.\r\nLine two."  # the JSON string as given
    assert arts[1].text == ""
    assert [p.reason for p in problems(items)] == ["empty article: nothing to extract"]


def test_empty_jsonl_file_warns(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (item,) = run(path)
    assert item.level == "warning" and "no articles" in item.reason


def test_binary_jsonl_is_one_error(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 10)
    (item,) = run(path)
    assert item.level == "error" and "binary" in item.reason


def test_duplicate_ids_within_and_across_files(tmp_path):
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    write_jsonl(feed, {"id": "x", "text": "First."}, {"id": "x", "text": "Second."}, {"id": "notes", "text": "J."})
    (tmp_path / "in" / "notes.txt").write_text("From a file.", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("Another folder.", encoding="utf-8")
    items = run(tmp_path / "in", other)
    arts = articles(items)
    assert [(a.id, a.text) for a in arts] == [("x", "First."), ("notes", "J.")]
    errors = problems(items, "error")
    assert [e.reason for e in errors] == [
        f"duplicate id x, first at {feed}:1",
        f"duplicate id notes, first at {feed}:3",
        f"duplicate id notes, first at {feed}:3",
    ]
    assert errors[0].source == f"{feed}:2"
    assert errors[2].source == str(other / "notes.txt")


def test_fifty_megabyte_jsonl_is_streamed(tmp_path):
    path = tmp_path / "big.jsonl"
    text = ("Output grew 2.1% in the quarter, the agency said. " * 1000)[:50_000]
    count = 1_000
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    try:
        stream = iter_inputs([path])
        first = next(stream)
        assert isinstance(first, Article) and first.id == "n0"
        seen = 1 + sum(1 for item in stream if isinstance(item, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < 5_000_000  # a few lines at a time, never the whole 50 MB


# --------------------------------------------------------------------------- awkward folders


def test_symlink_loop_ends(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text(STORY, encoding="utf-8")
    try:
        os.symlink(root, root / "sub" / "loop")
        os.symlink(root / "sub", root / "again")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links not supported here")
    items = run(root)
    assert [a.id for a in articles(items)] == ["sub/story"]
    assert {os.path.basename(p.source) for p in problems(items, "skipped")} == {"again", "loop"}


def test_symlink_to_outside_folder_is_followed_once(tmp_path):
    outside = tmp_path / "archive"
    outside.mkdir()
    (outside / "old.txt").write_text(STORY, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    try:
        os.symlink(outside, root / "a-link")
        os.symlink(outside, root / "b-link")
        os.symlink(root, outside / "back")  # a loop through the outside folder
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links not supported here")
    items = run(root)
    assert [a.id for a in articles(items)] == ["a-link/old"]
    assert {os.path.basename(p.source) for p in problems(items, "skipped")} == {"b-link", "back"}


def test_dangling_symlink_is_an_error(tmp_path):
    try:
        os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links not supported here")
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    items = run(tmp_path)
    assert [a.id for a in articles(items)] == ["ok"]
    (error,) = problems(items, "error")
    assert error.source.endswith("link.txt") and "dangling" in error.reason
    (direct,) = run(tmp_path / "link.txt")
    assert direct.level == "error" and "dangling" in direct.reason


def test_fifo_named_txt_is_an_error_and_does_not_block(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    items = run(tmp_path)
    assert [a.id for a in articles(items)] == ["ok"]
    (error,) = problems(items, "error")
    assert "not a regular file" in error.reason
    (direct,) = run(tmp_path / "pipe.txt")
    assert direct.level == "error"


def test_folder_named_like_a_txt_file_is_walked(tmp_path):
    (tmp_path / "odd.txt").mkdir()
    (tmp_path / "odd.txt" / "inner.txt").write_text(STORY, encoding="utf-8")
    assert [a.id for a in articles(run(tmp_path))] == ["odd.txt/inner"]
    assert [a.id for a in articles(run(tmp_path / "odd.txt"))] == ["inner"]


def test_permission_denied_file_is_an_error(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    try:
        with open(path, "rb"):
            pass
    except PermissionError:
        (item,) = run(path)
        assert item.level == "error" and "permission denied" in item.reason.lower()
    else:
        pytest.skip("running as root: chmod 000 does not stop reads (see the simulated test)")
    finally:
        path.chmod(0o644)


def test_permission_denied_is_reported_simulated(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    real_open = os.open

    def deny_a(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("a.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny_a)
    items = run(tmp_path)
    assert [a.id for a in articles(items)] == ["b"]
    (error,) = problems(items, "error")
    assert error.source.endswith("a.txt") and error.reason == "permission denied"


def test_unlistable_folder_is_reported_simulated(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "z.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def deny(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    items = run(tmp_path)
    assert [a.id for a in articles(items)] == ["z"]
    (error,) = problems(items, "error")
    assert error.source.endswith("locked") and "cannot list folder" in error.reason


def test_non_utf8_file_name(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    try:
        with open(name, "wb") as handle:
            handle.write(b"Prices rose.")
    except (OSError, ValueError):
        pytest.skip("file system refuses undecodable names")
    items = run(tmp_path)
    (art,) = articles(items)
    assert art.id == "caf\ufffd" and art.text == "Prices rose."
    art.source.encode("utf-8")
    assert problems(items, "warning")


@pytest.mark.slow
def test_ten_thousand_small_files(tmp_path):
    for d in range(10):
        folder = tmp_path / f"d{d}"
        folder.mkdir()
        for i in range(1000):
            (folder / f"{i:04d}.txt").write_bytes(b"Turnout was 61% on Tuesday.\n")
    started = time.perf_counter()
    items = run(tmp_path)
    elapsed = time.perf_counter() - started
    assert len(articles(items)) == 10_000 and not problems(items)
    assert articles(items)[0].id == "d0/0000" and articles(items)[-1].id == "d9/0999"
    assert elapsed < 10.0


def test_nothing_is_fetched(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    path = tmp_path / "links.jsonl"
    write_jsonl(path, {"id": "u", "text": "See https://example.org/x.", "url": "https://example.org/x"})
    (art,) = run(path)
    assert art.url == "https://example.org/x"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-11-08", ("2022-11-08", True)),
        ("2022-11-08T23:59:00-08:00", ("2022-11-08", True)),
        ("2022-11-08 06:00:00", ("2022-11-08", True)),
        ("2022-11-08T06:00:00Z", ("2022-11-08", True)),
        ("2022-11-08T06:00:00.123456+00:00", ("2022-11-08", True)),
        (" 2022-11-08 ", ("2022-11-08", True)),
        (None, (None, True)),
        ("", (None, True)),
        ("Nov. 8, 2022", (None, False)),
        ("2022-13-01", (None, False)),
        (20221108, (None, False)),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


# --------------------------------------------------------------------------- web pages and gzip

PAGE = os.path.join(os.path.dirname(__file__), "data", "page.html")


def page_bytes() -> bytes:
    with open(PAGE, "rb") as handle:
        return handle.read()


def test_html_files_are_read_as_their_main_text_and_metadata(tmp_path):
    from pipeline.webpage import extract_page

    page = extract_page(page_bytes())
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ferry.html").write_bytes(page_bytes())
    (tmp_path / "Other.HTM").write_bytes(page_bytes())
    items = run(tmp_path)
    assert not problems(items)
    got = articles(items)
    assert [a.id for a in got] == ["Other", "news/ferry"]
    for article in got:
        assert article.text == page.text and "Subscribe" not in article.text
        assert (article.title, article.author, article.site, article.url, article.published) == (
            page.title, page.author, page.site, page.url, page.published)


@pytest.mark.parametrize("name,kind", [("story.txt.gz", "txt"), ("page.html.gz", "html"), ("batch.jsonl.gz", "jsonl")])
def test_gzip_files_are_read_as_what_they_compress(tmp_path, name, kind):
    import gzip

    data = {"txt": STORY.encode(), "html": page_bytes(),
            "jsonl": (json.dumps({"id": "j", "text": STORY}) + "\n").encode()}[kind]
    (tmp_path / name).write_bytes(gzip.compress(data))
    (plain,) = articles(run(tmp_path / name))
    expected_id = {"txt": "story", "html": "page", "jsonl": "j"}[kind]
    assert plain.id == expected_id
    if kind != "html":
        assert plain.text == STORY
    else:
        assert "ferry budget" in plain.text and plain.site


@pytest.mark.parametrize("data,reason", [
    (b"\x1f\x8b\x08\x00 not really gzip", "not a readable gzip file"),
    (b"plain text, no gzip header", "not a readable gzip file"),
])
def test_a_broken_gzip_file_is_an_error(tmp_path, data, reason):
    for name in ("a.html.gz", "b.jsonl.gz"):
        (tmp_path / name).write_bytes(data)
        (item,) = run(tmp_path / name)
        assert item.level == "error" and reason in item.reason, item


def test_a_truncated_gzip_file_is_an_error(tmp_path):
    import gzip

    data = gzip.compress(STORY.encode() * 50)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (item,) = run(tmp_path / "cut.txt.gz")
    assert item.level == "error" and "ends early" in item.reason


def test_other_gzip_files_are_skipped(tmp_path):
    (tmp_path / "data.csv.gz").write_bytes(b"\x1f\x8b")
    (item,) = run(tmp_path)
    assert item.level == "skipped"


def test_jsonl_html_field_is_extracted_and_its_own_fields_win(tmp_path):
    html = page_bytes().decode("utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(
        json.dumps({"id": "p1", "html": html}) + "\n"
        + json.dumps({"id": "p2", "html": html, "title": "My title", "published": "2020-02-02"}) + "\n"
        + json.dumps({"id": "p3", "html": html, "text": "Given text wins."}) + "\n"
        + json.dumps({"id": "p4", "html": 7}) + "\n",
        encoding="utf-8",
    )
    items = run(path)
    p1, p2, p3 = articles(items)
    assert "ferry budget" in p1.text and p1.title == "Harbor town doubles ferry budget"
    assert p1.published == "2023-06-14" and p1.author == "Mara Quillfeather"
    assert p2.text == p1.text and p2.title == "My title" and p2.published == "2020-02-02"
    assert p2.site == "The Coastal Ledger"
    assert p3.text == "Given text wins." and p3.title is None
    (error,) = problems(items, "error")
    assert error.source.endswith(":4") and "'html' is not a string" in error.reason


def test_jsonl_author_and_site_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": STORY, "author": "A. Writer", "site": "Daily"}) + "\n", encoding="utf-8")
    (article,) = articles(run(path))
    assert (article.author, article.site) == ("A. Writer", "Daily")


def test_a_page_without_an_article_is_an_empty_article_with_one_warning(tmp_path):
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    items = run(tmp_path / "nav.html")
    (warning,) = problems(items)
    assert warning.level == "warning" and "no article text" in warning.reason
    (article,) = articles(items)
    assert article.text == ""


def test_a_txt_file_holding_a_web_page_is_read_as_html(tmp_path):
    (tmp_path / "saved.txt").write_bytes(b"\n  " + page_bytes())
    items = run(tmp_path / "saved.txt")
    (warning,) = problems(items)
    assert "read as HTML" in warning.reason
    (article,) = articles(items)
    assert "<" not in article.text and "ferry budget" in article.text


def test_a_binary_file_named_html_is_an_error(tmp_path):
    (tmp_path / "x.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (item,) = run(tmp_path / "x.html")
    assert item.level == "error" and "binary" in item.reason


def test_the_same_id_from_a_txt_and_an_html_file_is_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.html").write_bytes(page_bytes())
    items = run(tmp_path)
    assert len(articles(items)) == 1
    (error,) = problems(items, "error")
    assert "duplicate id a" in error.reason
