"""The pipeline checks its components' order and never dies on one bad input."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from pantau.article import Article
from pantau.errors import ConfigurationError
from pantau.pipeline import Failure, Pipeline, Source, check_order
from pantau.reader import Reader


@dataclass
class _Step:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    title: str = ""

    def __call__(self, article: Article) -> Article:
        return replace(article, title=(article.title or "") + self.title)


def step(name: str, requires: set[str], provides: set[str], title: str = "") -> _Step:
    return _Step(name, frozenset(requires), frozenset(provides), title)


def test_order_is_checked() -> None:
    check_order([step("a", {"text"}, {"entities"}), step("b", {"entities"}, {"places"})])
    with pytest.raises(ConfigurationError, match="'b' needs entities"):
        check_order([step("b", {"entities"}, {"places"}), step("a", {"text"}, {"entities"})])
    with pytest.raises(ConfigurationError, match="appears twice"):
        check_order([step("a", {"text"}, set()), step("a", {"text"}, set())])


def test_components_run_in_order(reader: Reader) -> None:
    pipeline = Pipeline(
        [step("a", {"text"}, set(), "A"), step("b", {"text"}, set(), "B")], reader=reader
    )
    article = pipeline.process("Jakarta (ANTARA) - Polisi menangkap dua orang di Poso, Senin.")
    assert article.title == "AB"
    assert pipeline.names == ("a", "b")


def test_pipe_records_failures_and_goes_on(reader: Reader) -> None:
    pipeline = Pipeline(reader=reader)
    results = list(
        pipeline.pipe(
            [
                Source("Jakarta (ANTARA) - Polisi menangkap dua orang di Poso, Senin.", key="1"),
                Source(b"", key="2"),
                Source(b"\x00\x01binary" * 20, key="3"),
                Source("Gaza, MINA - Warga Gaza mengungsi ke Rafah pada Selasa.", key="4"),
            ]
        )
    )
    assert isinstance(results[0], Article)
    assert results[1] == Failure("2", "EmptyInputError", results[1].message)  # type: ignore[union-attr]
    assert isinstance(results[2], Failure) and results[2].error == "BinaryInputError"
    assert isinstance(results[3], Article)
