"""Run identifiers: sortable by start time, unique across workers."""

from __future__ import annotations

import secrets
from datetime import datetime, timezone


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
