"""Floors only go up, and a score below its floor is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.errors import ResourceError
from pantau.evaluation import Evaluation, check_floors, raise_floors


def test_floors_only_go_up(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    raise_floors(Evaluation("x", {"f1": 0.8}, 3), floors)
    assert json.loads(floors.read_text()) == {"x": {"f1": 0.8}}
    raise_floors(Evaluation("x", {"f1": 0.9}, 3), floors)
    with pytest.raises(ResourceError, match="floors only go up"):
        raise_floors(Evaluation("x", {"f1": 0.85}, 3), floors)
    raise_floors(Evaluation("x", {"f1": 0.85}, 3), floors, allow_lower=True)
    assert json.loads(floors.read_text()) == {"x": {"f1": 0.85}}


def test_check_floors(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"x": {"f1": 0.9, "recall": 0.5}}))
    assert check_floors(Evaluation("x", {"f1": 0.95, "recall": 0.5}, 1), floors) == []
    assert check_floors(Evaluation("x", {"f1": 0.85, "recall": 0.5}, 1), floors) == [
        "x.f1: 0.8500 < 0.9000"
    ]
    assert check_floors(Evaluation("x", {"recall": 0.5}, 1), floors) == ["x.f1: 0.0000 < 0.9000"]
