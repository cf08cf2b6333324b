"""HTML pages: main text and metadata through trafilatura.

Only the article's own text is kept (navigation, comments, footers and most related-link boxes
are dropped by trafilatura); what boilerplate remains inside the article body is removed later by
:mod:`pantau.boilerplate`, with the rest of the reader. Metadata: title, author, site name,
canonical URL and publication time (``article:published_time`` and its kin keep the time and the
time zone; trafilatura's own date, a day, is the fallback).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document

from pantau.errors import EmptyInputError, MarkupError

logger = logging.getLogger(__name__)

_LINK_CUE = re.compile(r"\s*(?:baca|lihat|simak)\s+(?:juga|pula)\b", re.IGNORECASE)
_LINK_CUE_MAX = 30
"""Longest text of a related-links heading (``Baca Juga:``) that has no headline of its own."""
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "content_PublishedDate",
    "dc.date.issued",
    "DC.date.issued",
)


@dataclass(frozen=True, slots=True)
class Page:
    """The main text of an HTML page and its metadata."""

    text: str
    title: str | None
    author: str | None
    site_name: str | None
    url: str | None
    published: dt.datetime | dt.date | None


def extract(html: str, *, url: str | None = None) -> Page:
    """Extract the article from ``html``; raise :class:`MarkupError` or :class:`EmptyInputError`."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as e:
        raise MarkupError(f"HTML cannot be parsed ({e}): give the page's HTML or its text") from e
    published = _published_from_meta(tree)
    _flatten_link_blocks(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except RecursionError as e:
        raise MarkupError("HTML is nested too deeply to read: give the article's text") from e
    text = doc.text if isinstance(doc, Document) and doc.text else ""
    if not text.strip():
        text = _fallback_text(tree)
    if not text.strip():
        raise EmptyInputError(
            "no article text found in the HTML (the page may be empty, nested too deeply, "
            "or rendered by JavaScript): give the article's text instead"
        )
    meta = doc if isinstance(doc, Document) else None
    if published is None and meta is not None and meta.date:
        published = _parse_iso(meta.date)
    return Page(
        text=text,
        title=_clean(meta.title) if meta else _title(tree),
        author=_clean(meta.author) if meta else None,
        site_name=_clean(meta.sitename) if meta else None,
        url=url or (meta.url if meta else None),
        published=published,
    )


def _flatten_link_blocks(tree: lxml.html.HtmlElement) -> None:
    """Turn a related-links box inside the page into one ``Baca juga: …`` paragraph per link.

    A box such as ``<div><p>Baca Juga</p><ul><li><a>Headline</a></li>…</ul></div>`` is a list
    of links, which trafilatura drops; as paragraphs, the headlines reach the reader, which keeps
    them as related headlines (never as body text).
    """
    headings = [
        el
        for el in tree.iter("p", "strong", "b", "span", "div", "h2", "h3", "h4", "h5")
        if el.text and _LINK_CUE.match(el.text) and len(el.text_content()) <= _LINK_CUE_MAX
    ]
    for heading in headings:
        box = heading
        for _ in range(3):
            parent = box.getparent()
            if parent is None or parent.tag in ("body", "article"):
                break
            box = parent
            links = [
                " ".join(a.text_content().split())
                for a in box.iter("a")
                if not _is_inside(a, heading)
            ]
            links = [link for link in links if link]
            if links:
                cue = heading.text.strip().rstrip(":").strip()
                replacement = [lxml.html.Element("p") for _ in links]
                for paragraph, link in zip(replacement, links, strict=True):
                    paragraph.text = f"{cue}: {link}"
                holder = box.getparent()
                if holder is not None:
                    index = holder.index(box)
                    holder.remove(box)
                    for offset, paragraph in enumerate(replacement):
                        holder.insert(index + offset, paragraph)
                break


def _is_inside(node: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Paragraph text when trafilatura finds no main content (short or odd pages)."""
    try:
        paragraphs = [p.text_content().strip() for p in tree.iter("p")]
    except RecursionError:
        return ""
    return "\n".join(p for p in paragraphs if p)


def _published_from_meta(tree: lxml.html.HtmlElement) -> dt.datetime | dt.date | None:
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key in _PUBLISHED_META:
            value = _parse_iso(meta.get("content") or "")
            if value is not None:
                return value
    for node in tree.iter("time"):
        value = _parse_iso(node.get("datetime") or "")
        if value is not None:
            return value
    return None


def _parse_iso(value: str) -> dt.datetime | dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        logger.debug("unreadable date in page metadata: %r", value)
        return None


def _title(tree: lxml.html.HtmlElement) -> str | None:
    node = tree.find(".//title")
    return _clean(node.text_content()) if node is not None else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
