"""pantau: Indonesian news in, verifiable political and conflict event data out.

>>> import pantau
>>> article = pantau.read("Jakarta (ANTARA) - Polisi menangkap dua orang di Poso, Senin (20/2).")
>>> article.dateline.agency
'ANTARA'
"""

from __future__ import annotations

import logging

from pantau import errors
from pantau.article import Article
from pantau.pipeline import Pipeline
from pantau.reader import Reader, read
from pantau.version import __version__

__all__ = ["Article", "Pipeline", "Reader", "__version__", "errors", "read"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
