"""Fixtures shared by the test suite."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pantau.pipeline import Pipeline
    from pantau.reader import Reader

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_42d4d4312e1c6563.txt"


@pytest.fixture(scope="session")
def reader() -> Reader:
    from pantau.reader import Reader

    return Reader()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from pantau.pipeline import Pipeline

    return Pipeline.default()


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    if not SEED.is_file():
        pytest.fail(
            f"the reference article is missing: expected {SEED} "
            "(../shared beside the repository root, as CI lays it out)"
        )
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes: bytes) -> str:
    return seed_bytes.decode("utf-8")
