"""The query subcommands of the CLI (timeline, firsts, compare, history)."""

from __future__ import annotations

import argparse
from typing import Any


def add_query_commands(sub: argparse._SubParsersAction[Any], *helpers: Any) -> None:
    """Register the query subcommands on ``sub`` (filled in by the corpus work)."""
