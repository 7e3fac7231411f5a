"""The database engine (embedded default, and the fallback when the cluster fails): Wagtail's
database search backend (SQLite FTS5, PostgreSQL full text) for matching and ranking, the
declaration's in-memory facet index for filters and counts, simple highlighting and spelling."""

import difflib
import re
from itertools import combinations, islice

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Q
from django.utils.html import escape

from wagtail.search.query import And, Or, Phrase, PlainText

from portal.facets import bit_test, bits_at
from portal.i18n import best_versions
from portal.models import Revision

from ..declarations import html_to_text
from .base import Hit, Results, parse, required

WORD = re.compile(r"\w{3,}", re.UNICODE)
ANY_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8  # words beyond these are ignored (the "most words" rule expands combinations)
PREFIX_LENGTH = 4  # words this long also match as prefixes ("språkkurs" → "språkkurser")
_vocabulary = {}
_fts5 = {}


def fts5_table_exists():
    if "exists" not in _fts5:
        _fts5["exists"] = "wagtailsearch_indexentry_fts" in connection.introspection.table_names()
    return _fts5["exists"]


def terms_of(text):
    return [word.lower() for word in WORD.findall(text or "")]


def plain_words(text):
    """`text` as bare words: quotes, operators and brackets mean nothing to the full-text
    parsers (SQLite FTS5, PostgreSQL's tsquery) that would otherwise reject them."""
    return " ".join(ANY_WORD.findall(text or ""))


def query_terms(text):
    """(phrases, words) of a query for matching: words of three letters or more, each once."""
    phrases, words = parse(text)
    words = list(dict.fromkeys(word.lower() for word in words if len(word) >= 3))
    return [phrase.lower() for phrase in phrases], words[:MAX_WORDS]


def word_groups(words):
    """The groups of words of which one must match in full (MINIMUM_SHOULD_MATCH); none
    without words (a query of phrases only)."""
    return list(combinations(words, required(len(words)))) if words else []


def fts5_expression(phrases, words):
    """An SQLite FTS5 query: every phrase, and all words of at least one group."""

    def term(word):
        return f'"{word}"*' if len(word) >= PREFIX_LENGTH else f'"{word}"'

    clauses = [f'"{phrase}"' for phrase in phrases]
    groups = word_groups(words)
    if len(groups) == 1:
        clauses += [term(word) for word in groups[0]]
    elif groups:
        alternatives = (" AND ".join(term(word) for word in group) for group in groups)
        clauses.append("(" + " OR ".join(f"({alternative})" for alternative in alternatives) + ")")
    return " AND ".join(clauses)


def wagtail_query(phrases, words):
    """The same query for Wagtail's other database backends (PostgreSQL, MySQL)."""
    parts = [Phrase(phrase) for phrase in phrases]
    groups = word_groups(words)
    if groups:
        alternatives = [PlainText(" ".join(group), operator="and") for group in groups]
        parts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    return parts[0] if len(parts) == 1 else And(parts)


def highlight(text, words, size=200, html=False):
    """An escaped excerpt of `text` around the first match, matches wrapped in <mark>; the
    excerpt starts and ends on a word boundary. Words match as the queries do: those of
    PREFIX_LENGTH letters or more as word prefixes, shorter ones as whole words."""
    plain = html_to_text(text) if html else " ".join((text or "").split())
    if not words:
        return ""
    pattern = re.compile(
        "|".join(
            rf"\b{re.escape(word)}\w*" if len(word) >= PREFIX_LENGTH else rf"\b{re.escape(word)}\b"
            for word in sorted(words, key=len, reverse=True)
        ),
        re.IGNORECASE,
    )
    first = pattern.search(plain)
    if not first:
        return ""
    start = max(0, first.start() - size // 3)
    start = plain.rfind(" ", 0, start + 1) + 1  # back to the start of a word
    stop = start + size
    if stop < len(plain) and not plain[stop].isspace():
        space = plain.rfind(" ", first.end(), stop)  # back to the end of a word
        stop = space if space != -1 else len(plain)
    excerpt = plain[start:stop].rstrip()
    marked, last = [], 0
    for match in pattern.finditer(excerpt):
        marked.append(escape(excerpt[last : match.start()]))
        marked.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    marked.append(escape(excerpt[last:]))
    prefix = "…" if start else ""
    suffix = "…" if stop < len(plain) else ""
    return prefix + "".join(marked) + suffix


class DatabaseEngine:
    name = "database"

    def __init__(self, declaration):
        self.declaration = declaration
        self.model = declaration.model

    def _matches(self, phrases, words):
        """Ids of pages with every phrase and most words, best first (only public ones are
        used later)."""
        if not phrases and not words:
            return []
        if connection.vendor == "sqlite" and fts5_table_exists():
            return self._matches_fts5(phrases, words)
        pages = self.declaration.get_queryset().only("pk")
        return [page.pk for page in pages.search(wagtail_query(phrases, words))]

    def _matches_fts5(self, phrases, words):
        """Query Wagtail's SQLite FTS5 index directly, ranked by BM25 with titles weighted.

        Wagtail's own SQLite query scores every row in a correlated subquery (seconds at 10k
        practices); one MATCH over the FTS table answers in milliseconds.
        """
        content_type = ContentType.objects.get_for_model(self.model)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.object_id FROM wagtailsearch_indexentry_fts f "
                "JOIN wagtailsearch_indexentry e ON e.id = f.rowid "
                "WHERE wagtailsearch_indexentry_fts MATCH %s AND e.content_type_id = %s "
                "ORDER BY bm25(wagtailsearch_indexentry_fts, 1.0, 1.0, 6.0)",
                [fts5_expression(phrases, words), content_type.pk],
            )
            return [int(row[0]) for row in cursor.fetchall()]

    def search(self, query):
        index = self.declaration.facet_index(query.language)
        position = index.position_of  # any public version -> the version shown to this reader
        matches = None
        if query.text:
            # Matches in any language count for the page; keep the best rank of each.
            phrases, words = query_terms(query.text)
            matches = list(
                dict.fromkeys(
                    index.ids[position[pk]]
                    for pk in self._matches(phrases, words)
                    if pk in position
                )
            )
            scope = bits_at((position[pk] for pk in matches), len(index.ids))
        else:
            scope = index.all
        params = list(self.declaration.facets_by_param)
        selected = {p: v for p, v in query.filters.items() if p in params and v}
        result = scope & index.matching(selected)
        counts = {
            param: index.counts(param, scope & index.matching(selected, skip=param))
            for param in params
        }
        start, stop = query.offset, query.offset + query.per_page
        if matches is not None and query.sort == "relevance":
            shown = bit_test(result, len(index.ids))
            kept = (pk for pk in matches if shown(position[pk]))
            ordered = list(islice(kept, min(start, len(matches)), min(stop, len(matches))))
        else:
            sort = "title" if query.sort == "title" else "newest"
            ordered = index.ordered_ids(result, sort, start, stop)
        words = terms_of(query.text)  # phrases' words too
        hits = [Hit(page_id=pk, snippet=snippet) for pk, snippet in self._snippets(ordered, words)]
        total = result.bit_count()
        spelling = self._spelling(query.text) if query.text and total < 3 else ""
        return Results(hits=hits, total=total, counts=counts, spelling=spelling, engine=self.name)

    def _snippets(self, ids, words):
        if not words:
            return [(pk, "") for pk in ids]
        fields = self.declaration.snippet_fields
        rows = self.model.objects.filter(pk__in=ids).values_list(
            "pk", *[name for name, _html in fields]
        )
        texts = {row[0]: row[1:] for row in rows}
        snippets = []
        for pk in ids:
            candidates = (
                highlight(text, words, html=html)
                for text, (_name, html) in zip(texts.get(pk, ()), fields, strict=False)
            )
            snippets.append((pk, next((s for s in candidates if s), "")))
        return snippets

    def _spelling(self, text):
        vocabulary = self._vocabulary()
        corrected, changed = [], False
        for word in text.split():
            lowered = word.lower()
            if len(lowered) < 4 or lowered in vocabulary:
                corrected.append(word)
                continue
            close = difflib.get_close_matches(lowered, vocabulary, n=1, cutoff=0.78)
            corrected.append(close[0] if close else word)
            changed = changed or bool(close)
        return " ".join(corrected) if changed else ""

    def _vocabulary(self):
        """The words of every public page's spelling fields, kept until the declaration's
        revision changes (read from the database: every process sees a change)."""
        revision = self.declaration.revision
        key = (self.declaration.name, Revision.current(revision) if revision else None)
        if key[1] is None or key not in _vocabulary:
            words = set()
            rows = self.declaration.get_queryset().values_list(*self.declaration.spelling_fields)
            for row in rows:
                words.update(terms_of(" ".join(value or "" for value in row)))
            _vocabulary.clear()
            _vocabulary[key] = sorted(words)
        return _vocabulary[key]

    def suggest(self, prefix, language, limit=8):
        # Match in any language, then suggest each match's version for the reader. (PostgreSQL's
        # backend cannot filter a search by locale__language_code, so no best_versions here.)
        prefix = plain_words(prefix)
        if not prefix:
            return []
        public = self.declaration.get_queryset()
        matches = public.only("pk", "translation_key").autocomplete(prefix)
        keys = list(dict.fromkeys(page.translation_key for page in matches[: limit * 4]))
        best = dict(
            best_versions(public, language)
            .filter(translation_key__in=keys)
            .values_list("translation_key", "pk")
        )
        return [best[key] for key in keys if key in best][:limit]

    def related(self, page, limit=3):
        """Pages sharing the most values of the declaration's related facets, most important
        facet first; sharing only facets that are not enough alone does not count."""
        facets = self.declaration.facets_by_param
        annotations, enough = {}, []
        for param, _boost, alone in sorted(
            self.declaration.related_facets, key=lambda item: -item[1]
        ):
            facet = facets[param]
            codes = facet.values_of(page)
            if not codes:  # an empty IN () would empty the whole query
                continue
            name = f"shared_{param}"
            annotations[name] = Count(
                facet.source, filter=Q(**{f"{facet.column}__in": codes}), distinct=True
            )
            if alone:
                enough.append(name)
        if not enough:
            return []
        relevant = Q()
        for name in enough:
            relevant |= Q(**{f"{name}__gt": 0})
        candidates = (
            best_versions(self.declaration.get_queryset(), self.declaration.language_of(page))
            .exclude(translation_key=page.translation_key)
            .annotate(**annotations)
            .filter(relevant)
        )
        order = [f"-{name}" for name in annotations]
        return list(
            candidates.order_by(*order, "-first_published_at").values_list("pk", flat=True)[:limit]
        )

    def health(self):
        return {"status": "ok", "documents": self.declaration.get_queryset().count()}
