from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_page() -> tuple[bytes, dict]:
    return (GOLDEN / "seed" / "seed-000.txt").read_bytes(), load_truth(GOLDEN / "seed" / "seed-000.json")


@pytest.fixture(scope="session")
def harness():
    """One temporary Prefect API for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
