"""Rendering a Digest into Markdown pages with Jinja2.

Every value a template prints goes through ``finalize``: anything that is not
already ``Markup`` (text this module built and escaped itself) is escaped for
Markdown and HTML, so a template cannot forget to. Article text is only ever
data handed to templates, never template source.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..group.coverage import ABSENT, PARAPHRASED, QUOTED, coverage
from ..group.dates import known
from ..models import Article, DiffOp, Digest, Quote, QuoteCluster, Speaker, Storyline, date_order
from ..settings import Settings
from ..store import Memo, Store, code_hash, content_key
from .collation import collate, merge_agreeing
from .diff import diff_stats, word_diff
from .escape import url_attr
from .finish import mark
from .formatting import (
    Witness,
    attribution_note,
    built_rel,
    collation_html,
    environment,
    newest_first,
    original_link,
    rel,
)
from .lookups import STATEMENT_KINDS, UNKNOWN_OUTLET_PAGE, Site, highlighted_paragraphs, quote_anchor
from .rendered import PageInputs

EDGE = 25
"""How near either end of the timeline (in % of its width) a point's labels run inwards instead of centring."""


AGREEING_RUN = 24
"""Longest run of words (in characters) that every wording shares to show as one place of a collation."""


class Renderer:
    """Turns a Digest into ``{page path: Markdown}``."""

    def __init__(
        self,
        digest: Digest,
        settings: Settings,
        user_templates: Path | None = None,
        *,
        directory_urls: bool = True,
        memo: Memo | None = None,
        rendered: Store | None = None,
    ) -> None:
        self.site = Site(digest, settings, directory_urls)
        self.memo = memo
        """Where each storyline's coverage is kept by content between builds (``None``: computed every time)."""
        own_templates = user_templates is not None and user_templates.is_dir()
        self.rendered = None if own_templates else rendered
        """Where storyline, source and speaker pages are kept under their inputs' key (``digest.publish.rendered``);
        ``None``, and always with a site's own templates, which may read anything: every page is rendered."""
        self.kept: set[str] = set()
        """The pages taken from ``rendered`` in this build."""
        self.env = environment(user_templates)
        self._cards: dict[tuple[str, int], dict[str, Any]] = {}
        """Statement cards built so far, by cluster id and depth of the page that shows them."""
        self._ops: dict[tuple[str, str], tuple[DiffOp, ...]] = {}
        """Word diffs from a canonical quote to another quote of its statement, by both ids."""

    def pages(self) -> dict[str, str]:
        """Every generated page, keyed by its path in the docs tree."""
        pages = {"index.md": self._home()}
        wanted = set(self.site.settings.pages)
        if "storylines" in wanted:
            pages["storylines/index.md"] = self._render("storylines.md.j2", "storylines/index.md")
            for storyline in self.site.digest.storylines:
                path = self.site.storyline_path(storyline.id)
                pages[path] = self._kept(path, "storyline", storyline, partial(self._storyline, storyline, path))
        if "sources" in wanted:
            pages["sources/index.md"] = self._render(
                "sources.md.j2", "sources/index.md", rows=self._source_rows("sources/index.md")
            )
            for article in self.site.digest.articles:
                path = self.site.source_path(article.id)
                pages[path] = self._kept(path, "source", article.id, partial(self._source, article, path))
        if "speakers" in wanted:
            pages.update(self._speakers())
        if "outlets" in wanted:
            pages.update(self._outlets())
        return pages

    def _kept(self, page: str, kind: str, subject: Any, make: Callable[[], str]) -> str:
        """A page from the store of rendered pages when its inputs' key is there, else ``make()`` it and keep it.

        The key is ``PageInputs``' for a page of ``kind`` (``storyline``, ``source``, ``speaker``) about ``subject``.
        """
        if self.rendered is None:
            return make()
        found = getattr(self._inputs, kind)(page, subject)
        data = self.rendered.read(found)
        if data is not None:
            self.kept.add(page)
            return data.decode("utf-8")
        text = make()
        self.rendered.write(found, text.encode("utf-8"))
        return text

    @cached_property
    def _inputs(self) -> PageInputs:
        return PageInputs(self.site, self._search_text)

    def _render(self, template: str, page: str, **context: Any) -> str:
        """Render one template with the common context, its content between the finishing markers."""
        site = self.site
        return mark(
            self.env.get_template(template).render(
                site=site,
                page=page,
                link=lambda to: Markup(rel(page, to)),
                href=lambda to: self._href(page, to),
                **context,
            )
        )

    def _href(self, page: str, to: str) -> Markup:
        """A link from ``page`` to the generated page ``to`` for raw HTML: the built page's URL, escaped."""
        return Markup(url_attr(built_rel(page, to, self.site.directory_urls)))

    # ------------------------------------------------------------ home and lists

    def _home(self) -> str:
        rows = [self._storyline_summary(s, "index.md") for s in self.site.digest.storylines]
        return self._render("home.md.j2", "index.md", storylines=rows, sources=self._source_rows("index.md"))

    def _storyline_summary(self, storyline: Storyline, page: str) -> dict[str, Any]:
        """Counts and dates of one storyline, for lists."""
        articles = [self.site.articles[s] for s in storyline.sources]
        dates = sorted(p.day for a in articles if (p := known(a.published)))
        statements = [c for c in storyline.clusters if self._is_statement(self.site.clusters[c])]
        return {
            "storyline": storyline,
            "link": Markup(rel(page, self.site.storyline_path(storyline.id))),
            "href": self._href(page, self.site.storyline_path(storyline.id)),
            "sources": len(articles),
            "outlets": len({self.site.outlet(a) for a in articles}),
            "statements": len(statements),
            "first": dates[0].isoformat() if dates else None,
            "last": dates[-1].isoformat() if dates else None,
        }

    def _source_rows(self, page: str) -> list[dict[str, Any]]:
        """Every source, newest first, for lists."""
        articles = newest_first(self.site.digest.articles)
        return [self._source_row(a, page) for a in articles]

    def _source_row(self, article: Article, page: str) -> dict[str, Any]:
        return {
            "article": article,
            "outlet": self.site.outlet(article),
            "link": Markup(rel(page, self.site.source_path(article.id))),
            "href": self._href(page, self.site.source_path(article.id)),
            "outlet_link": Markup(rel(page, self.site.outlet_page(article))),
            "outlet_href": self._href(page, self.site.outlet_page(article)),
            "quotes": sum(1 for q in self.site.quotes_by_source.get(article.id, []) if q.kind in STATEMENT_KINDS),
        }

    def _is_statement(self, cluster: QuoteCluster) -> bool:
        return self.site.quotes[cluster.canonical].kind in STATEMENT_KINDS

    # ------------------------------------------------------------ storyline

    def _storyline(self, storyline: Storyline, page: str) -> str:
        site = self.site
        articles = sorted((site.articles[s] for s in storyline.sources), key=lambda a: date_order(a.published, a.id))
        cards = [self._card(site.clusters[c], page) for c in storyline.clusters if self._is_statement(site.clusters[c])]
        cards.sort(key=lambda card: (date_order(card["first"], ""), -card["count"], card["cluster"].id))
        outlets = sorted({site.outlet(a) for a in articles})
        return self._render(
            "storyline.md.j2",
            page,
            storyline=storyline,
            summary=self._storyline_summary(storyline, page),
            lead=self._lead(storyline),
            articles=[self._source_row(a, page) for a in articles],
            timeline=self._timeline(articles, page),
            cards=cards,
            outlets=outlets,
            matrix=self._matrix(cards, outlets, articles),
            people=self._people(cards, page),
        )

    def _lead(self, storyline: Storyline) -> str:
        """The first paragraph of the storyline's title article: what happened."""
        central = next(
            (self.site.articles[s] for s in storyline.sources if self.site.articles[s].title == storyline.title), None
        )
        article = central or self.site.articles[storyline.sources[0]]
        first = article.paragraphs()[0] if article.body else ""
        return first[:600]

    def _timeline(self, articles: Sequence[Article], page: str) -> dict[str, Any]:
        """One point per publication day on a line from the first to the last date (0-100 %).

        A point near either end has its labels run inwards from it (``side``), so they stay on the page.
        """
        from datetime import date

        days: dict[date, list[Article]] = defaultdict(list)
        for article in articles:
            if published := known(article.published):
                days[published.day].append(article)
        undated = [a for a in articles if not known(a.published)]
        if not days:
            return {"points": [], "first": None, "last": None, "undated": undated}
        first, last = min(days), max(days)
        span = max((last - first).days, 1)
        points = []
        for row, day in enumerate(sorted(days)):
            entries = [
                {"outlet": self.site.outlet(a), "href": self._href(page, self.site.source_path(a.id))}
                for a in days[day]
            ]
            left = round(4 + 92 * (day - first).days / span, 1)
            side = "start" if left < EDGE else "end" if left > 100 - EDGE else "middle"
            points.append(
                {
                    "left": Markup(str(left)),
                    "side": Markup(side),
                    "day": day.isoformat(),
                    "row": Markup(str(row % 2)),
                    "entries": entries,
                }
            )
        return {"points": points, "first": first.isoformat(), "last": last.isoformat(), "undated": undated}

    def _card(self, cluster: QuoteCluster, page: str) -> dict[str, Any]:
        """Everything a statement card shows, built once for all the pages as deep as ``page``.

        A card's links are relative, and a relative link depends only on how deep
        the page is, so the storyline page and every speaker page share one card.
        """
        key = (cluster.id, page.count("/"))
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = self._build_card(cluster, page)
        return card

    def _diff(self, quote: Quote, canonical: Quote) -> tuple[DiffOp, ...]:
        """The word diff from a statement's canonical wording to one quote of it, computed once."""
        key = (canonical.id, quote.id)
        ops = self._ops.get(key)
        if ops is None:
            ops = self._ops[key] = word_diff(canonical.text, quote.text)
        return ops

    def _anchor(self, quote: Quote) -> str:
        """The id of the highlighted quotation that shows ``quote`` on its source page."""
        shown = [q for q in self.site.quotes_by_source.get(quote.source, []) if q.kind in STATEMENT_KINDS]
        return quote_anchor(quote, shown)

    def _collation(self, canonical: Quote, variants: list[dict[str, Any]]) -> Markup | None:
        """Every wording of a statement aligned word by word, canonical first; none for a single wording."""
        aligned = [v for v in variants if not v["quote"].translated]  # another language: no word alignment
        if len(aligned) < 2:
            return None
        others = [(v["quote"].text, self._diff(v["quote"], canonical)) for v in aligned[1:]]
        witnesses = [Witness(v["outlet"], v["href"], v["canonical"]) for v in aligned]
        return collation_html(merge_agreeing(collate(canonical.text, others), AGREEING_RUN), witnesses)

    def _build_card(self, cluster: QuoteCluster, page: str) -> dict[str, Any]:
        """Everything a statement card shows."""
        site = self.site
        canonical = site.quotes[cluster.canonical]
        members = sorted(
            (site.quotes[q] for q in cluster.quotes),
            key=lambda q: (q.id != canonical.id, site.outlet(site.articles[q.source]), q.start),
        )
        variants = []
        for quote in members:
            article = site.articles[quote.source]
            anchor = self._anchor(quote)
            variants.append(
                {
                    "quote": quote,
                    "outlet": site.outlet(article),
                    "article": article,
                    "canonical": quote.id == canonical.id,
                    "stats": diff_stats(self._diff(quote, canonical)),
                    "speaker": quote.speaker_as_written,
                    "attribution": attribution_note(quote),
                    "link": Markup(rel(page, site.source_path(article.id)) + "#" + anchor),
                    "href": Markup(self._href(page, site.source_path(article.id)) + "#" + anchor),
                }
            )
        speaker = site.speakers.get(cluster.speaker or "")
        return {
            "cluster": cluster,
            "canonical": canonical,
            "speaker": speaker,
            # The heading links to the statement's speaker, so it shows that speaker's name even
            # where the canonical wording's outlet named nobody.
            "speaker_name": speaker.name if speaker else site.speaker_name(canonical),
            "speaker_link": Markup(rel(page, site.speaker_path(speaker.id))) if speaker else None,
            "speaker_href": self._href(page, site.speaker_path(speaker.id)) if speaker else None,
            "role": canonical.speaker_role or (speaker.roles[0] if speaker and speaker.roles else None),
            "variants": variants,
            "collation": self._collation(canonical, variants),
            "count": len({v["outlet"] for v in variants}),
            "first": cluster.first_reported,
            "disagreements": self._disagreements(variants),
        }

    def _disagreements(self, variants: list[dict[str, Any]]) -> list[str]:
        """Plain-language notes where outlets disagree about one statement."""
        notes = []
        speakers = {v["quote"].speaker for v in variants if v["quote"].speaker}
        if len(speakers) > 1:  # two resolved entities; an outlet naming nobody does not disagree
            named = sorted(
                {f"{v['outlet']}: {self.site.speaker_name(v['quote'])}" for v in variants if v["quote"].speaker}
            )
            notes.append("Outlets name different speakers for these words (" + "; ".join(named) + ").")
        numbers = {v["outlet"]: _numbers(v["quote"].text) for v in variants}
        distinct = {n for n in numbers.values() if n}
        if len(distinct) > 1:
            shown = "; ".join(f"{o}: {', '.join(sorted(n))}" for o, n in sorted(numbers.items()) if n)
            notes.append("Outlets give different numbers or dates (" + shown + ").")
        return notes

    def _matrix(
        self, cards: list[dict[str, Any]], outlets: list[str], articles: Sequence[Article]
    ) -> list[dict[str, Any]]:
        """Statements × outlets: quoted, only paraphrased, or left out."""
        found = self._coverage([card["cluster"] for card in cards], articles)
        rank = {ABSENT: 0, PARAPHRASED: 1, QUOTED: 2}
        rows = []
        for card in cards:
            cells = dict.fromkeys(outlets, ABSENT)
            for article in articles:
                state, outlet = found[(card["cluster"].id, article.id)], self.site.outlet(article)
                cells[outlet] = max(cells[outlet], state, key=rank.__getitem__)
            rows.append({"card": card, "cells": [cells[o] for o in outlets]})
        return rows

    def _coverage(self, clusters: list[QuoteCluster], articles: Sequence[Article]) -> dict[tuple[str, str], str]:
        """``group.coverage`` of one storyline's statements, from the memo when its inputs are as before."""
        if self.memo is None:
            return coverage(clusters, self.site.quotes, articles)
        quotes = [self.site.quotes[q] for c in clusters for q in (c.canonical, *c.quotes)]
        key = content_key("coverage", code_hash("group", "text", "models.py"), clusters, quotes, list(articles))
        stored = self.memo.get(key)
        if isinstance(stored, list) and len(stored) == len(clusters) * len(articles):
            pairs = ((c.id, a.id) for c in clusters for a in articles)
            return dict(zip(pairs, map(str, stored), strict=True))
        found = coverage(clusters, self.site.quotes, articles)
        self.memo.put(key, [found[(c.id, a.id)] for c in clusters for a in articles])
        return found

    def _people(self, cards: list[dict[str, Any]], page: str) -> list[dict[str, Any]]:
        """The people quoted in the storyline, most statements first."""
        counts = Counter(card["speaker"].id for card in cards if card["speaker"])
        people = []
        for speaker_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            speaker = self.site.speakers[speaker_id]
            people.append(
                {
                    "speaker": speaker,
                    "count": count,
                    "link": Markup(rel(page, self.site.speaker_path(speaker_id))),
                    "href": self._href(page, self.site.speaker_path(speaker_id)),
                }
            )
        return people

    # ------------------------------------------------------------ source pages

    def _source(self, article: Article, page: str) -> str:
        site = self.site
        storyline = site.storyline_of.get(article.id)
        quotes = [q for q in site.quotes_by_source.get(article.id, []) if q.kind in STATEMENT_KINDS]
        return self._render(
            "source.md.j2",
            page,
            article=article,
            outlet=site.outlet(article),
            outlet_link=Markup(rel(page, site.outlet_page(article))),
            original=original_link(article),
            storyline=storyline,
            storyline_link=Markup(rel(page, site.storyline_path(storyline.id))) if storyline else None,
            paragraphs=highlighted_paragraphs(site, article, page),
            quotes=[{"quote": q, "speaker": site.speaker_name(q), "anchor": quote_anchor(q, quotes)} for q in quotes],
            search_text=self._search_text,
        )

    @cached_property
    def _search_text(self) -> bool:
        """Whether source pages' article text goes into the search index."""
        return self.site.settings.indexes_article_text(len(self.site.digest.articles))

    # ------------------------------------------------------------ speakers and outlets

    def _speakers(self) -> dict[str, str]:
        site = self.site
        by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for quote in site.digest.quotes:
            if quote.speaker and quote.kind in STATEMENT_KINDS:
                by_speaker[quote.speaker].append(quote)
        pages = {}
        rows: list[dict[str, Any]] = []
        for speaker in site.digest.speakers:
            path = site.speaker_path(speaker.id)
            quotes = by_speaker.get(speaker.id, [])
            spellings = speaker.spellings or tuple((q.source, q.speaker_as_written or "") for q in quotes)
            clusters = sorted({q.cluster for q in quotes if q.cluster})
            make = partial(self._speaker, speaker, path, spellings, clusters)
            pages[path] = self._kept(path, "speaker", speaker, make)
            rows.append(
                {
                    "speaker": speaker,
                    "link": Markup(rel("speakers/index.md", path)),
                    "href": self._href("speakers/index.md", path),
                    "statements": len(clusters),
                    "quotes": len(quotes),
                }
            )
        rows.sort(key=lambda r: (-r["statements"], r["speaker"].name))
        pages["speakers/index.md"] = self._render("speakers.md.j2", "speakers/index.md", rows=rows)
        return pages

    def _speaker(self, speaker: Speaker, path: str, written: Sequence[tuple[str, str]], clusters: Sequence[str]) -> str:
        """One speaker's page: how each outlet spelled the name, and the speaker's statements."""
        cards = [self._card(self.site.clusters[c], path) for c in clusters]
        cards.sort(key=lambda card: date_order(card["first"], card["cluster"].id))
        spellings = _spellings_by_outlet(self.site, written)
        return self._render("speaker.md.j2", path, speaker=speaker, spellings=spellings, cards=cards)

    def _outlets(self) -> dict[str, str]:
        """One page per known outlet, one for the sources whose outlet is unknown, and the outlets' index."""
        site = self.site
        pages, rows = {}, []
        by_outlet: dict[str, list[Article]] = defaultdict(list)
        for article in site.digest.articles:
            if article.outlet:
                by_outlet[article.outlet].append(article)
        fidelities = self._fidelity()
        for outlet, articles in sorted(by_outlet.items()):
            path = site.outlet_path(outlet)
            fidelity = fidelities.get(outlet, {"score": None, "count": 0})
            info = site.settings.outlets.get(outlet, {})
            sources = [self._source_row(a, path) for a in newest_first(articles)]
            pages[path] = self._render(
                "outlet.md.j2", path, outlet=outlet, country=info.get("country"), sources=sources, fidelity=fidelity
            )
            rows.append(self._outlet_row(outlet, path, len(articles), fidelity))
        unknown = [a for a in site.digest.articles if not a.outlet]
        if unknown:
            sources = [self._source_row(a, UNKNOWN_OUTLET_PAGE) for a in newest_first(unknown)]
            pages[UNKNOWN_OUTLET_PAGE] = self._render("unknown_outlet.md.j2", UNKNOWN_OUTLET_PAGE, sources=sources)
        pages["outlets/index.md"] = self._render("outlets.md.j2", "outlets/index.md", rows=rows, unknown=len(unknown))
        return pages

    def _outlet_row(self, outlet: str, path: str, sources: int, fidelity: dict[str, Any]) -> dict[str, Any]:
        """One outlet's row in the outlets' index."""
        return {
            "outlet": outlet,
            "link": Markup(rel("outlets/index.md", path)),
            "href": self._href("outlets/index.md", path),
            "sources": sources,
            "fidelity": fidelity,
        }

    def _fidelity(self) -> dict[str, dict[str, Any]]:
        """How closely each outlet's wording follows what other outlets carried of the same statements.

        Each quotation is compared with the canonical wording when another outlet carried it,
        else with the most complete wording of another outlet (the canonical that would be
        chosen without this outlet): no outlet is ever compared with itself. Statements no
        other outlet carried are left out, and so are outlets without one.
        """
        site = self.site
        ratios: dict[str, list[float]] = defaultdict(list)
        for quote in site.digest.quotes:
            cluster = site.clusters.get(quote.cluster or "")
            article = site.articles.get(quote.source)
            if article is None or cluster is None or quote.kind not in STATEMENT_KINDS:
                continue
            reference = self._other_outlets_wording(cluster, site.outlet(article))
            if reference is not None:
                ratios[site.outlet(article)].append(diff_stats(self._diff(quote, reference))["similarity"])
        return {
            outlet: {"score": round(100 * statistics.fmean(values)), "count": len(values)}
            for outlet, values in ratios.items()
        }

    def _other_outlets_wording(self, cluster: QuoteCluster, outlet: str) -> Quote | None:
        """The wording of a statement to compare ``outlet``'s with: the canonical, or the fullest other outlet's."""
        site = self.site
        canonical = site.quotes[cluster.canonical]
        if site.outlet(site.articles[canonical.source]) != outlet:
            return canonical
        others = [site.quotes[q] for q in cluster.quotes if site.outlet(site.articles[site.quotes[q].source]) != outlet]
        return max(others, key=lambda q: (len(q.text.split()), -q.start, q.id), default=None)


def _spellings_by_outlet(site: Site, written: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(outlet, every spelling it used joined) for a speaker, outlets in name order."""
    by_outlet: dict[str, set[str]] = defaultdict(set)
    for source, name in written:
        if source in site.articles and name:
            by_outlet[site.outlet(site.articles[source])].add(name)
    return [(outlet, ", ".join(sorted(names))) for outlet, names in sorted(by_outlet.items())]


def _numbers(text: str) -> frozenset[str]:
    """Numbers and years written in a statement."""

    return frozenset(re.findall(r"\b\d[\d,.]*\d\b|\b\d\b", text))
