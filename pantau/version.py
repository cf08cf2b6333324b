"""Versions stamped on every record."""

from __future__ import annotations

__version__ = "0.1.0"
PIPELINE_VERSION = __version__
