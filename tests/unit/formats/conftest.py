from __future__ import annotations

import pytest
import report_fixtures

from strainscore.models import Report


@pytest.fixture(scope="session")
def golden_report() -> Report:
    return report_fixtures.golden_report()


@pytest.fixture(scope="session")
def hostile_report() -> Report:
    return report_fixtures.hostile_report()
