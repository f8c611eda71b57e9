"""One extraction, stage by stage: parse, segment, score, type the page, decide the body, fill the record."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from . import cues
from .body import decide_body
from .dates import htmldate_published
from .metadata import to_utc_iso
from .page import StageHook, analyse_page, ignore_stage
from .pagefeatures import page_features
from .pagetype import PageTypeClassifier, declared_type, default_page_classifier
from .promos import PromoFinder, default_promo_finder
from .record import Article, composed
from .render import body_markdown, body_text
from .scorer import BlockScorer, default_scorer
from .segment import review_units
from .units import fields_from_units
from .whitespace import collapse_whitespace, unspaced_words

_WORD = re.compile(r"\w+")


def content_hash(body: str) -> str:
    return hashlib.sha256(collapse_whitespace(body).encode("utf-8")).hexdigest()


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    fetched_at: str | None = None,
    http_status: int | None = None,
    run_id: str | None = None,
    scorer: BlockScorer | None = None,
    page_classifier: PageTypeClassifier | None = None,
    promo_finder: PromoFinder | None = None,
    explain: bool = False,
    on_stage: StageHook = ignore_stage,
) -> Article:
    """Extract one page into an `Article`.

    `html` as bytes is decoded from its BOM, `content_type` header, `<meta charset>` or
    by detection. Raises `ExtractionError` when the input is not an HTML page at all.
    `scorer`, `page_classifier` and `promo_finder` replace the shipped models (benchmarks pass
    ones trained without the page's fold). `explain` adds to each body block's `reason` the three features
    that moved the scorer most (their SHAP values), as the explain view shows them. `on_stage` is
    called with each stage's name as it ends (`page.StageHook`).
    """
    page = analyse_page(html, url, content_type, on_stage)
    meta = page.meta
    scorer = scorer or default_scorer()
    probability = scorer.body_probability(page)
    on_stage("scorer (2 stages)")
    finder = promo_finder or default_promo_finder()
    segmentation = page.segmentation.with_units(finder.find(page.segmentation, page.features, probability, url))
    on_stage("promo finder")
    classifier = page_classifier or default_page_classifier()
    page_type, reason = classifier.classify(lambda: page_features(page, probability), declared_type(page))
    published = meta.published
    if published is None and page_type in cues.DATED_PAGE_TYPES:
        published = htmldate_published(page.tree, url, meta.modified)
    if page_type in cues.REVIEWS_PAGE_TYPES:
        segmentation = segmentation.with_units(review_units(segmentation))
    decision = decide_body(segmentation, probability, page_type, meta.title, meta.description)
    if explain:
        decision.why = scorer.explain(page)
    body_blocks = [block for block, keep in zip(segmentation.blocks, decision.body, strict=True) if keep]
    body = body_text(body_blocks)
    # a page written in decomposed form ("u" and a combining diaeresis for "ü") reads the same; the
    # record holds the composed form (NFC), which search, word counts and hashes of text expect
    decomposed = not unicodedata.is_normalized("NFC", body)
    if decomposed:
        body = unicodedata.normalize("NFC", body)
    on_stage("page type + body")
    words = len(_WORD.findall(body)) + unspaced_words(body)
    fields = fields_from_units(segmentation, decision, meta.title, url, meta.authors)
    article = Article(
        url=meta.url or "",
        canonical_url=meta.canonical_url,
        domain=meta.domain,
        title=meta.title,
        authors=meta.authors,
        credit=meta.credit,
        published=published,
        modified=meta.modified,
        language=meta.language,
        site_name=meta.site_name,
        description=meta.description,
        tags=meta.tags,
        image=meta.image,
        body=body,
        body_markdown=body_markdown(body_blocks),
        word_count=words,
        page_type=page_type,
        is_article=page_type == "article",
        page_type_reason=reason,
        content_hash=content_hash(body),
        **fields,
        fetched_at=to_utc_iso(fetched_at),
        http_status=http_status,
        run_id=run_id,
    )
    if decomposed:
        article = composed(article)
    on_stage("record fields")
    return article
