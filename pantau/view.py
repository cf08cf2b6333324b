"""A readable text view of an article for the terminal (`pantau read --text`, `pantau demo`)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from pantau.article import Article


def render_article(article: Article, console: Console, *, sentences: bool = True) -> None:
    """Print the article's fields, one per line, then its numbered body sentences."""
    dateline = article.dateline

    def field(name: str, value: object) -> None:
        if value not in (None, "", ()):
            console.print(f"[bold]{name:<18}[/bold]{escape(str(value))}")

    field("id", article.id)
    field("title", article.title)
    field("outlet", article.outlet)
    field("published", f"{article.published} ({article.published_source})")
    if dateline is not None:
        parts = [dateline.place_normalized or dateline.place or "?", dateline.agency or "-"]
        if dateline.date:
            parts.append(str(dateline.date))
        if dateline.hijri:
            h = dateline.hijri
            check = {True: "consistent", False: "INCONSISTENT", None: "unchecked"}
            parts.append(
                f"{h.year}-{h.month:02d}-{h.day:02d} H ({check[dateline.hijri_consistent]})"
            )
        field("dateline", " | ".join(parts))
    field("original outlets", ", ".join(article.original_outlets))
    if article.language:
        field("language", f"{article.language.code} ({article.language.confidence:.2f})")
    field("related headlines", " / ".join(article.related_headlines))
    field("editor codes", ", ".join(article.editor_codes))
    for date in article.dates:
        field("date", f"{date.text!r} -> {date.date} ({date.precision})")
    for warning in article.warnings:
        console.print(f"[yellow]warning[/yellow]           {escape(warning.message)}")
    for entity in article.entities:
        field("entity", f"{entity.label} {entity.text!r}")
    for mention in article.actors:
        actor = mention.actor
        extra = f" ({mention.role} {mention.person or ''})".rstrip() if mention.role else ""
        field(
            "actor",
            f"{mention.text!r} -> {actor.name} [{actor.type}, {actor.country or '-'}]{extra}",
        )
    for place in article.places:
        field(
            "place",
            f"{place.text!r} -> {place.name}, {place.country} "
            f"({place.latitude:.3f}, {place.longitude:.3f}; precision {place.precision})",
        )
    for quote in article.quotes:
        field(
            "quote", f"{quote.kind} by {quote.speaker or '?'} ({quote.verb}): {quote.text[:80]!r}"
        )
    for event in article.events:
        sources = " + ".join(a.name for a in event.sources) or "?"
        targets = " + ".join(a.name for a in event.targets)
        where = f" @ {event.place.name}" if event.place else ""
        field(
            "event",
            f"{event.type}{'/' + event.mode if event.mode else ''}: {sources}"
            f"{' -> ' + targets if targets else ''}{where}, {event.date or '?'} "
            f"({event.date_precision or '-'}), {event.modality}, claimed by {event.claim_source}"
            f"; ACLED {event.acled_type or '-'} / {event.acled_subtype or '-'}",
        )
    if sentences:
        console.print(f"[bold]sentences[/bold]         {len(article.sentences)}")
        for number, sentence in enumerate(article.sentences, 1):
            console.print(f"  {number:>3}  {escape(article.sentence_text(sentence))}")
