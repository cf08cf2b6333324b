"""Pinned floors: scores may not fall below them, and they only go up.

Floors live in a JSON file (``tests/eval_baseline.json``): ``{"reader": {"dateline_exact": 1.0,
…}, "places": {…}}``. :func:`check_floors` lists every score below its floor; :func:`raise_floors`
writes new floors and refuses to lower one unless told to.
"""

from __future__ import annotations

import json
from pathlib import Path

from pantau.errors import ResourceError
from pantau.evaluation.records import Evaluation


def check_floors(evaluation: Evaluation, floors_file: Path) -> list[str]:
    """Every score of ``evaluation`` below its floor, as ``name: score < floor`` lines."""
    floors = _load_floors(floors_file).get(evaluation.name, {})
    return [
        f"{evaluation.name}.{metric}: {evaluation.scores.get(metric, 0.0):.4f} < {floor:.4f}"
        for metric, floor in sorted(floors.items())
        if evaluation.scores.get(metric, 0.0) < floor
    ]


def raise_floors(evaluation: Evaluation, floors_file: Path, *, allow_lower: bool = False) -> None:
    """Pin the evaluation's scores as floors; a lower floor needs ``allow_lower``."""
    floors = _load_floors(floors_file) if floors_file.exists() else {}
    current = floors.get(evaluation.name, {})
    if not allow_lower:
        lowered = [m for m, f in current.items() if evaluation.scores.get(m, 0.0) < f]
        if lowered:
            raise ResourceError(
                f"would lower the floors of {', '.join(sorted(lowered))}: "
                "floors only go up (pass allow_lower to force)"
            )
    floors[evaluation.name] = dict(sorted(evaluation.scores.items()))
    floors_file.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _load_floors(path: Path) -> dict[str, dict[str, float]]:
    try:
        data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ResourceError(f"no floors file at {path}") from e
    except json.JSONDecodeError as e:
        raise ResourceError(f"{path} is not valid JSON: {e}") from e
    return data
