"""docs/schema.md and the Arrow schema are one fact: the doc must list exactly the code's fields."""

import re
from pathlib import Path

import pyarrow as pa

from pipelines.extraction import Article
from pipelines.extraction.record import ARTICLE_SCHEMA, SCHEMA_VERSION, schema_markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def _doc_table() -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- schema:start -->\n(.*?)<!-- schema:end -->", text, re.S)
    assert match, "docs/schema.md lost its schema markers"
    return match.group(1)


def test_doc_table_is_generated_from_the_schema():
    assert _doc_table() == schema_markdown()


def test_doc_names_every_field_with_its_arrow_type():
    rows = [line for line in _doc_table().splitlines() if line.startswith("| `")]
    documented = {re.match(r"\| `([^`]+)` \| `([^`]+)`", row).groups() for row in rows}
    assert documented == {(f.name, str(f.type)) for f in ARTICLE_SCHEMA}


def test_doc_states_the_schema_version():
    assert f"schema version {SCHEMA_VERSION}" in DOC.read_text(encoding="utf-8")


def test_article_dict_matches_schema_and_converts_to_arrow():
    record = Article(url="https://example.org/a", body="Hello world.", published="2026-01-02T03:04:05+00:00").to_dict()
    assert list(record) == ARTICLE_SCHEMA.names
    record["published"] = None  # timestamps are converted by the exporter; the rest must fit as is
    record["fetched_at"] = None
    table = pa.Table.from_pylist([record], schema=ARTICLE_SCHEMA)
    assert table.schema.metadata[b"thresher.schema_version"] == SCHEMA_VERSION.encode()
