"""The files of a trained entity model and how they are read.

A model is two files side by side:

``ner-id.crfsuite``
    the CRF weights (python-crfsuite's format);
``ner-id.json``
    what tagging must reproduce from training: the feature configuration and the lexicon version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pantau.errors import ResourceError
from pantau.ner.features import FeatureConfig

__all__ = ["DEFAULT_MODEL", "MODEL_FORMAT", "REBUILD_COMMAND", "ModelInfo", "sidecar_path"]

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "ner-id.crfsuite"
MODEL_FORMAT = 1
REBUILD_COMMAND = "python -m pantau.ner.train --shared ../shared"


def sidecar_path(model_path: Path) -> Path:
    """The metadata file beside a model file (``ner-id.crfsuite`` → ``ner-id.json``)."""
    return Path(model_path).with_suffix(".json")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The metadata of a trained model (``ner-id.json``)."""

    features: FeatureConfig
    lexicon_version: int
    labels: tuple[str, ...]
    trained: str = ""
    """ISO date of training."""

    def to_json(self) -> str:
        data = {
            "format": MODEL_FORMAT,
            "features": self.features.to_dict(),
            "lexicon_version": self.lexicon_version,
            "labels": list(self.labels),
            "trained": self.trained,
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def read(cls, model_path: Path) -> ModelInfo:
        """Read the metadata of ``model_path``; :class:`ResourceError` if missing or corrupt."""
        path = sidecar_path(model_path)
        hint = f"rebuild the model with `{REBUILD_COMMAND}`"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise ResourceError(f"NER model metadata {path} not found; {hint}") from e
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ResourceError(f"NER model metadata {path} is corrupt ({e}); {hint}") from e
        try:
            if data["format"] != MODEL_FORMAT:
                raise ResourceError(
                    f"NER model metadata {path} has format {data['format']!r}, this pantau reads "
                    f"{MODEL_FORMAT}; {hint}"
                )
            return cls(
                features=FeatureConfig.from_dict(data["features"]),
                lexicon_version=int(data["lexicon_version"]),
                labels=tuple(str(x) for x in data["labels"]),
                trained=str(data.get("trained", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ResourceError(f"NER model metadata {path} is incomplete ({e!r}); {hint}") from e
