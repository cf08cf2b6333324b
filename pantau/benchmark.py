"""Throughput and memory of the reader on generated 3 KB articles.

The articles are built from the bundled samples' paragraphs (deterministic for a seed), so the
figures can be re-run anywhere: ``pantau benchmark``. Four samples give a small vocabulary, which
flatters the per-word tables of the entity tagger; ``pantau benchmark --paragraphs PATH`` builds
the articles from other articles' paragraphs instead (e.g. the gold corpora under ``tests/``).
Time is the CPU time of this one process (``time.process_time``: one core), so that other work on
a shared machine disturbs the figure less than wall-clock time would; memory is the process's peak
resident set size.
"""

from __future__ import annotations

import json
import random
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path

from pantau.errors import ConfigurationError
from pantau.pipeline import Pipeline
from pantau.reader import Reader

_DATELINES = (
    "Jakarta (ANTARA) - ",
    "JAKARTA, KOMPAS.com - ",
    "Gaza, 12 Rajab 1445/24 Januari 2024 (MINA) – ",
    "REPUBLIKA.CO.ID, JAKARTA -- ",
    "Jakarta - ",
)
_BOILERPLATE = (
    "Baca juga: Polisi Tangkap Dua Orang Terduga Pelaku Pembakaran",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
)


@dataclass(frozen=True, slots=True)
class BenchmarkResult:
    name: str
    articles: int
    seconds: float
    mean_chars: float
    parts: tuple[tuple[str, float], ...] = ()
    """CPU seconds of each step (the reader, then each component), for the whole pipeline."""

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def sample_paragraphs(sources: Sequence[Path] = ()) -> list[str]:
    """Body paragraphs (without datelines) of the bundled samples' text files, or of the
    articles in ``sources``: ``.txt``/``.html`` files, folders of them, or JSONL files with a
    ``text`` or ``html`` field per line (the form ``pantau ingest`` reads)."""
    reader = Reader()
    documents: list[bytes | str] = []
    if not sources:
        for sample in sorted(files("pantau.samples").iterdir(), key=lambda p: p.name):
            if sample.name.endswith((".txt", ".html")):
                documents.append(sample.read_bytes())
    for source in sources:
        documents.extend(_documents(Path(source)))
    paragraphs: list[str] = []
    for document in documents:
        article = reader.read(document)
        paragraphs.extend(article.text[p.start : p.end] for p in article.paragraphs)
    if not paragraphs:
        raise ConfigurationError(f"no article paragraphs in {', '.join(map(str, sources))}")
    return paragraphs


def _documents(path: Path) -> Iterator[bytes | str]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.suffix in (".txt", ".html", ".jsonl") and child.is_file():
                yield from _documents(child)
    elif path.suffix == ".jsonl":
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                yield record.get("text") or record["html"]
            except (json.JSONDecodeError, KeyError, AttributeError) as e:
                raise ConfigurationError(
                    f"{path}:{number}: not a JSON object with a text or html field ({e})"
                ) from e
    elif path.is_file():
        yield path.read_bytes()
    else:
        raise ConfigurationError(f"{path} does not exist")


def generate(
    count: int, *, size: int = 3000, seed: int = 0, paragraphs: Sequence[str] | None = None
) -> list[str]:
    """``count`` plain-text articles of about ``size`` characters each, made of ``paragraphs``
    (by default the bundled samples')."""
    rng = random.Random(seed)
    pool = list(paragraphs) if paragraphs is not None else sample_paragraphs()
    articles = []
    for _ in range(count):
        parts = [rng.choice(_DATELINES) + rng.choice(pool)]
        length = len(parts[0])
        while length < size:
            paragraph = rng.choice(pool) if rng.random() > 0.1 else rng.choice(_BOILERPLATE)
            parts.append(paragraph)
            length += len(paragraph) + 1
        articles.append("\n".join(parts))
    return articles


def as_html(article: str, number: int) -> str:
    """Wrap a plain-text article in a news page with navigation, ads and a footer."""
    body = "".join(f"<p>{escape(p)}</p>\n" for p in article.split("\n"))
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>Berita nomor {number}</title>"
        "<meta property='og:site_name' content='Contoh News'>"
        "<meta property='article:published_time' content='2024-03-05T14:20:00+07:00'>"
        "</head><body><nav><a href='/'>Beranda</a> <a href='/n'>Nasional</a></nav>"
        f"<article><h1>Berita nomor {number}</h1><div class='content'>{body}</div></article>"
        "<div class='share'>Bagikan</div><footer>Copyright 2024 Contoh News</footer>"
        "</body></html>"
    )


def run(
    *, count: int = 2000, html_count: int = 300, pipeline_count: int = 300, seed: int = 0,
    sources: Sequence[Path] = (), progress: Callable[[str], None] | None = None,
) -> list[BenchmarkResult]:  # fmt: skip
    """Time the reader on text and HTML, then the pipeline's layers, on generated articles
    (made of the paragraphs of ``sources``, by default of the bundled samples)."""
    from pantau.components import default_components

    reader = Reader()
    texts = generate(count, seed=seed, paragraphs=sample_paragraphs(sources))
    pages = [as_html(text, i) for i, text in enumerate(texts[:html_count])]
    components = default_components()
    stages: list[tuple[str, Callable[[str], object], list[str]]] = [
        ("read, plain text", reader.read, texts),
        ("read, HTML", reader.read, pages),
        (
            "read + entities, actors, places, quotes",
            Pipeline(components[:-1], reader=reader).process,
            texts[:pipeline_count],
        ),
    ]
    results = []
    for name, process, inputs in stages:
        if progress:
            progress(f"{name}: {len(inputs)} articles")
        process(inputs[0])  # warm up
        start = time.process_time()
        for item in inputs:
            process(item)
        elapsed = time.process_time() - start
        results.append(BenchmarkResult(name, len(inputs), elapsed, _mean_chars(inputs)))
    inputs = texts[:pipeline_count]
    name = "whole pipeline, read to events"
    if progress:
        progress(f"{name}: {len(inputs)} articles")
    results.append(_timed_steps(name, Pipeline(components, reader=reader), inputs))
    return results


def _timed_steps(name: str, pipeline: Pipeline, inputs: Sequence[str]) -> BenchmarkResult:
    """The pipeline over ``inputs`` with the CPU time of each step taken apart (the clock is
    read between the steps, which costs about a microsecond each)."""
    pipeline.process(inputs[0])  # warm up
    names = ["reader", *pipeline.names]
    spent = [0.0] * len(names)
    clock = time.process_time
    start = clock()
    for item in inputs:
        before = clock()
        article = pipeline.reader.read(item)
        after = clock()
        spent[0] += after - before
        for k, component in enumerate(pipeline.components, 1):
            before = after
            article = component(article)
            after = clock()
            spent[k] += after - before
    elapsed = clock() - start
    parts = tuple(zip(names, spent, strict=True))
    return BenchmarkResult(name, len(inputs), elapsed, _mean_chars(inputs), parts)


def _mean_chars(inputs: Sequence[str]) -> float:
    return sum(len(i) for i in inputs) / len(inputs)


def peak_memory_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
