"""Options of the test suite."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--cpca-wheel",
        default=os.environ.get("POLICYTRACK_CPCA_WHEEL") or None,
        help="the cpca wheel scripts/build_gazetteer.py reads (default: $POLICYTRACK_CPCA_WHEEL); "
        "without it the gazetteer rebuild test skips",
    )
