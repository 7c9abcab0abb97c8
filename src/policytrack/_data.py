"""Read the vocabulary files shipped in ``policytrack/data/`` (one loader for every module)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["load_json"]


def load_json(name: str) -> Any:
    """The parsed contents of ``policytrack/data/<name>`` (a JSON file shipped as package data)."""
    text = resources.files("policytrack").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)
