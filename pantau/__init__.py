"""pantau: Indonesian news in, verifiable political and conflict event data out."""

from __future__ import annotations

import logging

from pantau.article import Article

__version__ = "0.1.0"
__all__ = ["Article", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
