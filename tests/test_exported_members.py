"""The public API is small and explicit; this test pins it."""

from __future__ import annotations

import logging

import pantau


def test_all() -> None:
    assert sorted(pantau.__all__) == sorted(
        [
            "Article",
            "Pipeline",
            "Reader",
            "read",
            "errors",
            "__version__",
        ]
    )
    for name in pantau.__all__:
        assert hasattr(pantau, name)


def test_library_logger_is_silent() -> None:
    handlers = logging.getLogger("pantau").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)
