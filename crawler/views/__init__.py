"""Views that show what thresher did, as self-contained HTML files (no server, no network).

- `explain`: one page's content blocks in reading order, tinted by label, beside its record.
- `report`: a dataset (or one run) at a glance: outcomes, drops, domains, word counts,
  boilerplate per label, field coverage, the largest pages.

Both write one file with inline CSS and inline SVG and no scripts, so it opens anywhere
(a browser on an offline machine, a CI artifact, an e-mail attachment).
"""
