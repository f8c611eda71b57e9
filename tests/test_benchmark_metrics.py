"""The benchmark metric and corpus helpers on hand-made inputs: wrong numbers here would mislead every comparison."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fields
import lines
import realworld
import wcxb
from corpus import (
    authors_agree,
    bootstrap_interval,
    date_agrees,
    fold_of,
    site_of,
    title_agrees,
    truth_names,
    word_scores,
)
from wcxb import interval_lines, snippet_rate


def test_word_f1_exact_match_ignores_case_and_punctuation() -> None:
    assert word_scores("The cat, the HAT.", "the cat the hat") == (1.0, 1.0, 1.0)


def test_word_f1_empty_prediction_is_zero() -> None:
    assert word_scores("", "some reference text") == (0.0, 0.0, 0.0)
    assert word_scores("   ", "some reference text") == (0.0, 0.0, 0.0)


def test_word_f1_empty_reference_is_unscored() -> None:
    assert word_scores("anything", "") is None
    assert word_scores("", " ... ") is None


def test_word_f1_partial_overlap_counts_tokens_as_bags() -> None:
    # prediction bag {a:2, b:1, x:1}, reference bag {a:1, b:1, c:1, d:1, e:1}: overlap a + b = 2
    p, r, f1 = word_scores("a a b x", "A b c d e")
    assert p == pytest.approx(2 / 4)
    assert r == pytest.approx(2 / 5)
    assert f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)  # 4/9


def test_snippet_rate() -> None:
    text = "Hello World, this is the body.\nSecond line here."
    assert snippet_rate(text, ["hello world", "SECOND LINE", "not there"]) == pytest.approx(2 / 3)
    assert snippet_rate(text, ["absent"]) == 0.0
    assert snippet_rate("", ["anything"]) == 0.0
    assert snippet_rate(text, []) is None


def test_bootstrap_interval_brackets_the_mean_and_narrows_with_more_pages() -> None:
    assert bootstrap_interval([0.9] * 40) == pytest.approx((0.9, 0.9))
    few, many = [0.0, 1.0] * 10, [0.0, 1.0] * 500
    low, high = bootstrap_interval(few)
    assert low < 0.5 < high
    assert high - low > 2 * (bootstrap_interval(many)[1] - bootstrap_interval(many)[0])
    assert bootstrap_interval(few) == (low, high)  # seeded: the same report each run


def test_bootstrap_interval_of_a_ratio_resamples_whole_pages() -> None:
    # hits over snippets per page: one page of 9 hits in 10 and nine pages of 0 hits in 1
    hits, snippets = [9.0] + [0.0] * 9, [10.0] + [1.0] * 9
    low, high = bootstrap_interval(hits, snippets)
    assert low < 9 / 19 < high
    assert low == 0.0  # a resample without the big page has no hit at all


def test_interval_lines_report_each_source_and_the_lead_over_trafilatura() -> None:
    def page(source: str, page_type: str, ours: float, theirs: float) -> dict:
        systems = {"thresher": {"f1": ours}, "trafilatura": {"f1": theirs}}
        return {"source": source, "page_type": page_type, "systems": systems}

    records = [page("wcxb", "article", 0.9, 0.8)] * 5 + [page("wcxb", "forum", 0.5, 0.7)] * 5
    records += [page("aeb", "article", 1.0, 1.0)] * 3
    lines = interval_lines(records)
    assert any(line.split()[:3] == ["wcxb", "all", "10"] and "0.700" in line for line in lines)
    assert any(line.split()[:3] == ["wcxb", "article", "5"] and "+0.100 [+0.100, +0.100]" in line for line in lines)
    assert any(line.split()[:3] == ["aeb", "all", "3"] and "+0.000" in line for line in lines)


def test_site_of_and_fold_of_group_subdomains() -> None:
    assert site_of("https://news.bbc.co.uk/x") == "bbc.co.uk"
    assert site_of("https://www.example.com/a") == "example.com"
    assert site_of("https://a.b.example.com.au/") == "example.com.au"
    assert fold_of("https://news.bbc.co.uk/1") == fold_of("https://www.bbc.co.uk/2") == fold_of("http://bbc.co.uk/")
    assert fold_of("https://blog.example.com/p") == fold_of("https://shop.example.com/q")
    assert 0 <= fold_of("https://example.org/") < 5


def test_title_agrees() -> None:
    assert title_agrees("It\u2019s  a  Title \u2014 Here", "it's a title - here")
    assert not title_agrees("A Title | Site", "A Title")
    assert not title_agrees(None, "A Title")
    assert not title_agrees("A Title", None)


def test_authors_agree() -> None:
    assert authors_agree(["Jane Doe", "John Roe"], "Jane Doe, John Roe")
    assert authors_agree("jane doe; JOHN ROE", "Jane Doe")
    assert not authors_agree(["Jane Doe"], "Jane Doe, John Roe")
    assert not authors_agree([], "Jane Doe")
    assert not authors_agree(["Jane Doe"], None)


def test_authors_agree_asks_for_the_truths_persons_not_their_jobs_or_outlets() -> None:
    # the issue asks for person names only: a job, an aside or an outlet written beside the name is none
    assert authors_agree(["Tracy Parker"], "Tracy Parker, Dietitian")
    assert authors_agree(["Paul Frew"], "Paul Frew, Home and Digital Security Expert")
    assert authors_agree(["Mayank Gupta"], "Mayank Gupta, CEO of CaseBasix")
    assert authors_agree(["Lance Ryan"], "Lance Ryan (Content Manager)")
    assert authors_agree(["Sergio Martinez"], "Sergio Martinez | The Texas Newsroom")
    assert authors_agree(["Michael Greger"], "Michael Greger, M.D. FACLM")
    assert authors_agree(["Paramita (Guha) Ghosh"], "Paramita (Guha) Ghosh")  # an aside inside a name stays
    # every person still counts, "with" joining two of them as "and" does
    assert not authors_agree(["Dieter Hogen"], "Dieter Hogen with Uta Pippig")
    assert authors_agree(["Dieter Hogen", "Uta Pippig"], "Dieter Hogen with Uta Pippig")
    assert not authors_agree(["Tracy Parker"], "Tracy Parker, Jane Doe")
    # a truth naming no person is compared as written
    assert truth_names("Staff Clinician") == ["Staff Clinician"]
    assert not authors_agree(["Jane Doe"], "Staff Clinician")


def test_date_agrees() -> None:
    assert date_agrees("2025-03-04T10:00:00+00:00", "2025-03-04")
    assert date_agrees("2025-03-04", "2025-03-04")
    assert not date_agrees("2025-03-05T00:00:00Z", "2025-03-04")
    assert not date_agrees(None, "2025-03-04")
    assert not date_agrees("2025-03-04", None)


def _run_record(source: str, page_type: str, ours: float, theirs: float, predicted: str) -> dict:
    """One page of a saved `wcxb.py --json` run, as `run_page` writes it."""

    def system(f1: float, page_type: str | None) -> dict:
        scores = {"p": f1, "r": f1, "f1": f1, "with": None, "without": None, "title": True, "author": None}
        return (
            scores
            | {"date": None, "predicted_type": page_type, "is_article": page_type == "article"}
            | {
                "time": 0.01,
                "error": None,
            }
        )

    record = {"id": "x", "source": source, "fold": 4, "page_type": page_type, "host": "h", "url": "http://h/"}
    return record | {"systems": {"thresher": system(ours, predicted), "trafilatura": system(theirs, None)}}


def test_report_of_a_saved_run_gives_each_source_its_own_figures(tmp_path, capsys) -> None:
    pages = [_run_record("wcxb", "article", 0.9, 0.8, "article")] * 3
    pages += [_run_record("wcxb", "forum", 0.1, 0.9, "article")]  # mistyped and far below trafilatura
    pages += [_run_record("aeb", "article", 1.0, 1.0, "article")] * 4
    header = {"command": "python benchmarks/wcxb.py", "date": "2026-12-04", "trafilatura": "2.3.1", "model": "m"}
    header |= {"jobs": 1, "seconds": 1.0, "pages": {"wcxb": {"4": 4}, "aeb": {"4": 4}}}
    saved = tmp_path / "run.json"
    saved.write_text(json.dumps({"header": header, "pages": pages}), encoding="utf-8")

    assert wcxb.main(["--report", str(saved)]) == 0
    wcxb_part, aeb_part = capsys.readouterr().out.split("=== wcxb (4 pages)")[1].split("=== aeb (4 pages)")
    assert "page-type accuracy 0.750 (3/4)" in wcxb_part  # AEB's four articles are not counted with WCXB's
    assert "page-type accuracy 1.000 (4/4)" in aeb_part
    assert "below trafilatura's: 0.250 (1/4)" in wcxb_part
    assert "=== all sources: thresher F1 >= 0.2 below trafilatura's: 0.125 (1/8)" in aeb_part


def test_report_of_a_file_that_is_no_saved_run_is_a_clear_error(tmp_path) -> None:
    saved = tmp_path / "run.json"
    saved.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"not a saved wcxb\.py --json run"):
        wcxb.main(["--report", str(saved)])
    with pytest.raises(SystemExit, match=r"not a saved wcxb\.py --json run"):
        wcxb.main(["--report", str(tmp_path / "missing.json")])


def test_report_shows_the_byline_beside_the_author() -> None:
    """author: `authors` (persons) only; byline: `authors`, else the `credit` a page naming no person gives."""
    record = _run_record("wcxb", "article", 0.9, 0.8, "article")  # truth "Resy Staff": thresher credits it
    record["systems"]["thresher"] |= {"author": False, "byline": True}
    record["systems"]["trafilatura"] |= {"author": False, "byline": False}
    lines = wcxb.summary_lines([record], jobs=1, worst=0)
    thresher = lines.index(next(line for line in lines if line.startswith("  thresher     title")))
    assert "author 0.000 (0/1)" in lines[thresher] and lines[thresher + 1].split()[:3] == ["byline", "1.000", "(1/1)"]


def test_metadata_report_counts_each_author_source_per_fold(capsys) -> None:
    from collections import Counter

    import metadata

    by_source = Counter({("jsonld", 0, "right"): 3, ("jsonld", 1, "wrong"): 1, ("byline", 1, "extra"): 2})
    by_source[("none", 0, "none")] = 4
    metadata._print_sources(by_source, {0, 1})
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[2:]}
    assert rows["jsonld"] == ["3/0/0", "0/1/0", "3/1/0", "0.750"]  # fold 0, fold 1, all, precision
    assert rows["byline"] == ["0/0/0", "0/0/2", "0/0/2", "-"]  # extras only: no precision
    assert rows["none"] == ["4", "0", "4", "-"]


def test_metadata_report_per_fold_author_and_byline(capsys) -> None:
    from collections import Counter

    import metadata

    per_fold = Counter({(0, "author", "pages"): 10, (0, "author", "thresher"): 7, (0, "author", "trafilatura"): 8})
    per_fold.update({(0, "byline", "pages"): 10, (0, "byline", "thresher"): 9})
    per_fold.update({(1, "author", "pages"): 4, (1, "author", "thresher"): 4, (1, "byline", "thresher"): 4})
    metadata._print_per_fold(per_fold, {0, 1})
    out = capsys.readouterr().out
    assert "fold 0:   10  author 0.700 / 0.800  byline 0.900  credited 0.200" in out
    assert "fold 1:    4  author 1.000 / 0.000  byline 1.000  credited 0.000" in out
    metadata._print_per_fold(per_fold, {0})
    assert capsys.readouterr().out == ""  # one fold: the total says it all


@pytest.mark.parametrize(
    "authors, credit, theirs, truth, kind",
    [
        ([], "Resy Staff", "Resy Staff", "Resy Staff", "credited"),
        ([], None, "Ask the Doctors", "Ask the Doctors", "empty, trafilatura right"),
        ([], "Automateed Team", "Automateed Team", "Stefan", "empty, both wrong"),
        (
            ["Paul Frew"],
            None,
            "Paul Frew; Home; Digital Security Expert",
            "Paul Frew, Home and Digital Security Expert",
            "name, trafilatura right",
        ),
        (["Thao Dinh"], None, "Thao Dinh", "Everfit Team", "name, both wrong"),
    ],
)
def test_metadata_report_kinds_of_author_disagreement(authors, credit, theirs, truth, kind) -> None:
    import metadata

    assert metadata._author_miss(authors, credit, theirs, truth) == kind


_REALWORLD_TESTS = """
MOCK_PAGES = {
'https://a.example/one': 'a.one.html',
'https://b.example/two': 'b.two.html',
}

def load_mock_page(url, xml_flag=False):
    return ''

@pytest.mark.parametrize("xmloutput", [False, True])
def test_extract(xmloutput):
    result = load_mock_page('https://a.example/one', xmloutput)
    assert 'Impressum' not in result and 'Der Text' in result
    result = load_mock_page('https://b.example/two', xmloutput)
    if xmloutput is False:
        assert 'Zweiter Absatz' in result and len(result) > 10 and 'Kommentare' not in result
    assert 'Zweiter Absatz' in result

def test_other():
    assert 'unrelated' in 'unrelated text'
"""


def test_realworld_checks_are_the_snippet_asserts_of_the_page_last_loaded() -> None:
    files, checks = realworld.parse_checks(_REALWORLD_TESTS)
    assert files == {"https://a.example/one": "a.one.html", "https://b.example/two": "b.two.html"}
    assert checks == {
        "https://a.example/one": (["Der Text"], ["Impressum"]),
        "https://b.example/two": (["Zweiter Absatz"], ["Kommentare"]),
    }


def test_realworld_score_counts_snippets_with_white_space_made_one_space() -> None:
    page = realworld.SnippetPage("https://a.example/one", b"", ["Der  Text", "fehlt"], ["Impressum", "Menü"])
    counts, missed, leaked = realworld.score("Der\nText steht hier. Impressum", page)
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 1, 1, 1)
    assert missed == ["fehlt"] and leaked == ["Impressum"]
    assert counts.precision == 0.5 and counts.recall == 0.5 and counts.f1 == 0.5
    total = realworld.SnippetCounts()
    total.add(counts)
    total.add(realworld.score("Der Text fehlt", page)[0])
    assert (total.tp, total.fn, total.fp, total.tn) == (3, 1, 1, 3)
    assert total.f1 == 0.75


def test_realworld_names_the_label_of_the_block_holding_a_missed_snippet() -> None:
    from pipelines.extraction import extract

    html = (
        "<html><body><article><h1>Der Stadtrat tagt</h1>"
        + "<p>Der Stadtrat hat am Montag lange über den neuen Haushalt beraten und ihn beschlossen.</p>" * 4
        + "</article><div class='comments'><p>Leserkommentar: endlich eine gute  Nachricht für die Stadt.</p>"
        "</div></body></html>"
    )
    record = extract(html, "https://news.example.de/stadtrat")
    assert realworld._holder("Leserkommentar: endlich eine gute Nachricht", record)[0] == "comments"
    assert realworld._holder("nirgends zu finden", record) == ("none", "")


def test_lines_keeps_short_body_lines_with_whether_their_words_stand_in_the_truth() -> None:
    truth = "The council voted. Read more about the budget here."
    found = lines.lines_of(
        ["Read more", "READ MORE »", "Back to top", "A line of nine words that is far too long"],
        truth,
        "article",
        "a.example",
        max_words=8,
    )
    assert [(line.text, line.in_truth) for line in found] == [
        ("Read more", True),
        ("READ MORE »", True),
        ("Back to top", False),
    ]
    assert not lines.lines_of(["more about"], "furthermore aboutness", "article", "a.example", 8)[0].in_truth


def test_lines_counts_a_patterns_matches_per_page_type_and_host() -> None:
    import re

    found = [
        lines.BodyLine("article", "a.example", "Read more", False),
        lines.BodyLine("article", "b.example", "Read more", False),
        lines.BodyLine("article", "b.example", "Read more", True),
        lines.BodyLine("service", "c.example", "Learn more", True),
        lines.BodyLine("article", "a.example", "The vote", False),
    ]
    table = lines.count_matches(found, re.compile(r"^(read|learn) more$", re.I))
    assert {k: (v["in"], v["out"], len(v["hosts"])) for k, v in table.items()} == {
        "article": (1, 2, 2),
        "service": (1, 0, 1),
    }
    assert lines.frequent_off_truth(found, min_hosts=2) == [("read more", 2, 2, 1)]


def _run(pages: list[tuple[str, str, str, float | None, float | None]]) -> dict:
    """A `wcxb.py --json` run of (source, id, page type, thresher F1, trafilatura F1) pages of fold 0."""
    return {
        "header": {},
        "pages": [
            {
                "id": page_id,
                "source": source,
                "page_type": page_type,
                "fold": 0,
                "url": f"https://{page_id}.example/",
                "systems": {"thresher": {"f1": ours}, "trafilatura": {"f1": theirs}},
            }
            for source, page_id, page_type, ours, theirs in pages
        ],
    }


def test_compare_reports_the_means_the_pages_far_below_and_the_pages_moved(tmp_path: Path, capsys) -> None:
    import compare

    before = _run(
        [
            ("wcxb", "1", "article", 0.9, 0.9),
            ("wcxb", "2", "article", 0.5, 0.8),  # far below trafilatura, then not
            ("wcxb", "3", "product", 0.6, 0.6),
            ("wcxb", "4", "product", None, None),  # an empty reference: no F1
            ("aeb", "1", "article", 1.0, 0.9),  # the same id in another source is another page
            ("wcxb", "5", "forum", 0.7, 0.7),  # in one run only
        ]
    )
    after = _run(
        [
            ("wcxb", "1", "article", 0.85, 0.9),
            ("wcxb", "2", "article", 0.7, 0.8),
            ("wcxb", "3", "product", 0.6, 0.6),
            ("wcxb", "4", "product", None, None),
            ("aeb", "1", "article", 1.0, 0.9),
        ]
    )
    # metadata and page type: page 1's author comes right, page 2's title goes wrong, page 3 is typed right
    for run, author, title, typed in ((before, False, True, "collection"), (after, True, False, "product")):
        ours = {(page["source"], page["id"]): page["systems"]["thresher"] for page in run["pages"]}
        ours["wcxb", "1"].update(author=author, title=True, date=None)
        ours["wcxb", "2"].update(author=None, title=title)
        ours["wcxb", "3"]["predicted_type"] = typed
    paths = [tmp_path / "before.json", tmp_path / "after.json"]
    for path, run in zip(paths, (before, after), strict=True):
        path.write_text(json.dumps(run), encoding="utf-8")
    assert compare.main([str(paths[0]), str(paths[1])]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "author     right 0 -> 1 of 1 (gained 1, lost 0)" in out
    assert "title      right 2 -> 1 of 2 (gained 0, lost 1)" in out
    assert "page type  right 0 -> 1 of 1 (gained 1, lost 0)" in out
    assert not any(line.startswith("date") for line in out)  # no truth, no agreement
    assert out[0] == "5 pages in both runs; only before 1, only after 0"
    rows = {line.split()[0]: line.split()[1:] for line in out[1:] if line.startswith(("wcxb", "aeb"))}
    assert rows["wcxb:article"][:4] == ["2", "0.7000", "->", "0.7750"]
    assert rows["wcxb"][:4] == ["3", "0.6667", "->", "0.7167"]
    assert rows["aeb"][:4] == ["1", "1.0000", "->", "1.0000"]
    assert "pages 0.2 or more below trafilatura: 1 -> 0" in out
    assert "pages moved by more than 0.1: 1 (up 1, down 0)" in out
    assert out[-1].split()[:2] == ["+0.2000", "wcxb"] and out[-1].endswith("https://2.example/")
    assert compare.main([str(paths[0]), str(paths[1]), "--moved", "0"]) == 0
    assert "pages moved by more than 0.0: 2 (up 1, down 1)" in capsys.readouterr().out
    # the held-back fold's pages are counted, not listed
    for path, run in zip(paths, (before, after), strict=True):
        for page in run["pages"]:
            page["fold"] = 4
        path.write_text(json.dumps(run), encoding="utf-8")
    assert compare.main([str(paths[0]), str(paths[1])]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "pages moved by more than 0.1: 1 (up 1, down 0); 1 of the held-back fold 4, not listed"


def test_compare_refuses_what_is_no_saved_run(tmp_path: Path) -> None:
    import compare

    bad = tmp_path / "bad.json"
    bad.write_text('{"pages": [{"id": 1}]}', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"no `wcxb\.py --json` run"):
        compare.main([str(bad), str(bad)])
    with pytest.raises(SystemExit, match=r"no `wcxb\.py --json` run"):
        compare.main([str(tmp_path / "missing.json"), str(bad)])
    with pytest.raises(SystemExit):
        compare.main([str(bad), str(bad), "--moved", "-1"])


def test_a_fields_block_is_counted_by_its_reasons_cue() -> None:
    """fields.py groups "About Us" and "About us" headings, and every probability of one learned reading."""
    assert fields.reason_key("heading:About Us,as-other") == fields.reason_key("heading:about us") == "heading:about us"
    assert fields.reason_key("promo-finder:p=0.46") == fields.reason_key("promo-finder:p=0.9") == "promo-finder"
    assert fields.reason_key("attr:post-author") == "attr:post-author"
    assert fields.reason_key("") == "-"


def test_a_fields_block_is_in_the_truth_when_its_words_run_unbroken_there() -> None:
    padded = " the council voted on the new budget after a long debate "
    assert fields.in_truth("The council voted, on the new budget!", padded)
    assert not fields.in_truth("The council voted after a long debate", padded)  # words of it, not a run
    assert not fields.in_truth("***", padded)


def test_a_missed_label_snippet_is_counted_where_it_went() -> None:
    """The label benchmark tells a leak (the snippet in the body) from a snippet out of the body under another
    label, and from one no block holds whole: on the held-back fold only such counts can be read."""
    import aeb_labels

    fields = {
        "body": "The article says things.",
        "blocks": [
            {"label": "body", "text": "The article says things."},
            {"label": "form", "text": "Sign up for our newsletter"},
            {"label": "promo", "text": "Get 20% off the course"},
        ],
    }
    assert aeb_labels._went("The article  says", "promo", fields) == "body"
    assert aeb_labels._went("Sign up for our  newsletter", "promo", fields) == "form"
    assert aeb_labels._went("Get 20% off the course", "promo", fields) == "-"  # its own label holds it: no miss
    assert aeb_labels._went("Follow us", "share", fields) == "-"


def _tiny_aeb(tmp_path: Path, monkeypatch) -> None:
    """Two article pages in the AEB layout, which `corpus.load(("aeb",))` reads from $THRESHER_AEB_DIR."""
    import gzip

    (tmp_path / "html").mkdir()
    truth = {}
    for n in range(2):
        page_id = f"page{n}"
        html = f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
        html += "<p>" + "A sentence of the article. " * 40 + "</p></article></body></html>"
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"url": f"http://127.0.0.1/{page_id}", "articleBody": "A sentence of the article."}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    monkeypatch.setenv("THRESHER_AEB_DIR", str(tmp_path))


def test_stages_times_trafilatura_with_its_metadata_only_when_asked(tmp_path: Path, monkeypatch, capsys) -> None:
    """`extract` reads title, author and date on every page; `--with-metadata` times trafilatura doing so too,
    beside the baseline run as every benchmark runs it, and without the flag the table is the baseline's alone."""
    import stages

    _tiny_aeb(tmp_path, monkeypatch)
    assert stages.main(["--source", "aeb", "--every", "1", "--with-metadata"]) == 0
    both = capsys.readouterr().out
    assert "--with-metadata: 2 pages" in both
    assert "ratio extract / trafilatura: " in both
    assert "trafilatura.extract, with_metadata=True" in both
    assert "ratio extract / trafilatura with its metadata: " in both

    assert stages.main(["--source", "aeb", "--every", "1"]) == 0
    baseline = capsys.readouterr().out
    assert "ratio extract / trafilatura: " in baseline
    assert "with_metadata" not in baseline


def test_stages_times_the_models_inference_in_the_stage_timed_calls(tmp_path: Path, monkeypatch, capsys) -> None:
    """The issue bounds the models' inference (about 1 ms a page): the table shows it apart, over every booster call
    of the stage-timed extractions (the scorer's two stages of three seeds at least, on each of the two pages), and
    leaves `TreeModel` as it found it."""
    import re

    import stages

    from pipelines.extraction.predict import TreeModel

    def inference(argv: list[str]) -> tuple[int, float]:
        assert stages.main(["--source", "aeb", "--every", "1", *argv]) == 0
        line = next(line for line in capsys.readouterr().out.splitlines() if "of which model inference" in line)
        calls, ms = re.search(r"\((\d+) calls\)\s+([\d.]+)$", line).groups()
        return int(calls), float(ms)

    before = TreeModel.__call__
    _tiny_aeb(tmp_path, monkeypatch)
    calls, ms = inference([])
    assert calls >= 2 * 6 and ms > 0
    assert inference(["--repeat", "2"])[0] == calls  # the pages again are timed apart, not here
    assert TreeModel.__call__ is before


def test_stages_apart_times_each_system_alone_in_a_fresh_process(tmp_path: Path, monkeypatch, capsys) -> None:
    """Interleaved in one process trafilatura runs slower than alone; `--apart` times each system in its own
    process, round after round, and gives the ratio of their medians instead of the stage table."""
    import stages

    _tiny_aeb(tmp_path, monkeypatch)
    assert stages.main(["--source", "aeb", "--every", "1", "--apart", "2"]) == 0
    out = capsys.readouterr().out
    assert "each system alone in a fresh process" in out
    rows = {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line.split()[:1] in (["trafilatura"], ["thresher"])
    }
    assert set(rows) == {"trafilatura", "thresher"}
    for row in rows.values():
        assert len(row) == 5 and row[3] == "median"  # two rounds, then the median
        assert all(float(ms) > 0 for ms in row[1:3])
    assert "ratio extract / trafilatura, each alone: " in out
    assert "block index" not in out  # no stage table: the stages are timed interleaved

    assert stages.time_alone("trafilatura", "aeb", None, 1, None) > 0  # what each child runs, here in-process
    assert "trafilatura+metadata" not in out

    # the alternative baseline: trafilatura reading the title, author and date `extract` always reads, alone too
    assert stages.main(["--source", "aeb", "--every", "1", "--apart", "1", "--with-metadata"]) == 0
    out = capsys.readouterr().out
    assert "--apart 1 --with-metadata: CPU ms per page" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith(("trafilatura", "thresher"))}
    assert set(rows) == {"trafilatura", "thresher", "trafilatura+metadata"}
    assert all(len(row) == 4 and float(row[1]) > 0 for row in rows.values())  # one round, then the median
    assert "ratio extract / trafilatura, each alone: " in out
    assert "ratio extract / trafilatura+metadata, each alone: " in out


def test_stages_refuses_a_bad_folds_argument_with_a_usage_error(capsys) -> None:
    """`--folds x` is a usage error naming the folds, not a ValueError traceback from deep in the page loading."""
    import stages

    with pytest.raises(SystemExit) as stop:
        stages.main(["--folds", "x"])
    assert stop.value.code == 2
    assert "folds are 0-4" in capsys.readouterr().err
