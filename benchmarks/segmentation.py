"""Score block segmentation on the labelled fixtures in tests/fixtures/segmentation/.

Each fixture NAME.html has NAME.json with verbatim snippets per label (body, bio, promo, form,
share, related, comments). For every label the predicted text is: body -> ``art.body``;
bio -> ``art.bio``; promo -> promos joined; form -> form texts joined; share/comments -> texts of
blocks with that label; related -> related titles plus texts of related blocks.

A snippet matches a text if it is a whitespace-folded substring of it (fallback: both with all
whitespace removed). Per label, summed over fixtures:

* recall    = matched expected snippets / expected snippets
* precision = matched / (matched + snippets of OTHER labels, incl. body, found in this label's text)

Also reported: form-kind accuracy (expected form snippet found in a predicted form of the same
kind) and the number of exact ``body_exact`` matches (whitespace-folded).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "segmentation"
LABELS = ("body", "bio", "promo", "form", "share", "related", "comments")


def fold(s: str) -> str:
    return " ".join(s.split())


def found(snippet: str, text: str) -> bool:
    return fold(snippet) in fold(text) or "".join(snippet.split()) in "".join(text.split())


def predict_thresher(html: bytes, url: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    from pipelines.extraction import extract

    art = extract(html, url)

    def blocks(label: str) -> list[str]:
        return [b["text"] for b in (art.blocks or []) if b.get("label") == label]

    forms = [{"kind": f.get("kind", ""), "text": f.get("text", "")} for f in art.forms or []]
    pred = {
        "body": art.body or "",
        "bio": art.bio or "",
        "promo": "\n".join(art.promos or []),
        "form": "\n".join(f["text"] for f in forms),
        "share": "\n".join(blocks("share")),
        "comments": "\n".join(blocks("comments")),
        "related": "\n".join([r.get("title") or "" for r in art.related or []] + blocks("related")),
    }
    return pred, forms


def predict_trafilatura(html: bytes, url: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    import trafilatura

    body = trafilatura.extract(html.decode("utf-8", "replace"), url=url) or ""
    return {lab: (body if lab == "body" else "") for lab in LABELS}, []


def score(system: str, verbose: bool) -> dict[str, Any]:
    predict = predict_trafilatura if system == "trafilatura" else predict_thresher
    st = {lab: {"expected": 0, "matched": 0, "foreign": 0} for lab in LABELS}
    kinds = [0, 0]
    exact = [0, 0]
    for jpath in sorted(FIXTURES.glob("*.json")):
        fx = json.loads(jpath.read_text(encoding="utf-8"))
        pred, forms = predict(jpath.with_suffix(".html").read_bytes(), fx["url"])
        gold = {"body": fx["body"], **fx.get("expect", {})}
        for lab in LABELS:
            for sn in gold.get(lab, []):
                st[lab]["expected"] += 1
                if found(sn, pred[lab]):
                    st[lab]["matched"] += 1
                elif verbose:
                    print(f"MISS {jpath.stem} [{lab}] {sn}")
            for other, sns in gold.items():
                for sn in sns if other != lab else []:
                    if pred[lab] and found(sn, pred[lab]):
                        st[lab]["foreign"] += 1
                        if verbose:
                            print(f"FP   {jpath.stem} [{lab}] contains {other}: {sn}")
        for f in fx.get("forms", []):
            kinds[1] += 1
            ok = any(found(f["snippet"], pf["text"]) and pf["kind"] == f["kind"] for pf in forms)
            kinds[0] += ok
            if verbose and not ok:
                print(f"KIND {jpath.stem} expected {f['kind']}: {f['snippet']}")
        if "body_exact" in fx:
            exact[1] += 1
            exact[0] += fold(fx["body_exact"]) == fold(pred["body"])
    out: dict[str, Any] = {"system": system, "labels": {}}
    for lab, s in st.items():
        m, e, f = s["matched"], s["expected"], s["foreign"]
        out["labels"][lab] = {**s, "recall": m / e if e else None, "precision": m / (m + f) if m + f else None}
    out["form_kind_accuracy"] = kinds[0] / kinds[1] if kinds[1] else None
    out["body_exact"] = f"{exact[0]}/{exact[1]}"
    return out


def pct(x: float | None) -> str:
    return "   -" if x is None else f"{100 * x:5.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", choices=["trafilatura"], help="score a baseline instead of thresher")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives per fixture")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    res = score(args.baseline or "thresher", args.verbose)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"system: {res['system']}  fixtures: {len(list(FIXTURES.glob('*.json')))}")
    print(f"{'label':<10}{'expected':>9}{'matched':>9}{'foreign':>9}{'recall':>8}{'prec':>8}")
    for lab, s in res["labels"].items():
        print(
            f"{lab:<10}{s['expected']:>9}{s['matched']:>9}{s['foreign']:>9}{pct(s['recall']):>8}{pct(s['precision']):>8}"
        )
    print(f"form kind accuracy: {pct(res['form_kind_accuracy'])}   body_exact: {res['body_exact']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
