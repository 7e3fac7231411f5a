"""The database engine (embedded default, and the fallback when the cluster fails): Wagtail's
database search backend (SQLite FTS5, PostgreSQL full text) for matching and ranking, the
declaration's in-memory facet index for filters and counts, simple highlighting and spelling."""

import difflib
import re
import threading
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
from ..lexicon import expanded_terms, expansions
from .base import Hit, Results, parse, required

WORD = re.compile(r"\w{3,}", re.UNICODE)
ANY_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8  # words beyond these are ignored (the "most words" rule expands combinations)
PREFIX_LENGTH = 4  # words this long also match as prefixes ("språkkurs" → "språkkurser")
# The full-text rows' revision (SQLite: bumped by a trigger on every change to them, see
# search/migrations/0002): what a word matches is kept until it changes.
ENTRIES = "search-entries"
MAX_KEPT_WORDS = 500  # per facet index
_vocabulary = {}
_entries = {}
_words = {}
_fts5 = {}
_learning = threading.Lock()  # one thread at a time extends a row-id map


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


def fts5_term(word):
    """An SQLite FTS5 phrase for a query word: long words also match as prefixes."""
    return f'"{word}"*' if len(word) >= PREFIX_LENGTH else f'"{word}"'


def at_least(sets, size):
    """[b0, b1, …]: bk has the bits set in at least k of `sets` (b0 is all of `size`)."""
    levels = [(1 << size) - 1]
    for bits in sets:
        levels.append(0)
        for k in range(len(levels) - 1, 0, -1):
            levels[k] |= levels[k - 1] & bits
    return levels


def exactly(levels):
    """[e0, e1, …]: ek has the bits set in exactly k sets, from `at_least`'s levels."""
    return [bits & ~above for bits, above in zip(levels, [*levels[1:], 0], strict=True)]


def lowest_first(number):
    """The positions of the set bits of `number`, lowest first (each step costs the int's
    length: for the few bits of a page, not for whole sets)."""
    while number:
        low = number & -number
        yield low.bit_length() - 1
        number ^= low


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


class Vocabulary:
    """Words for spelling suggestions, grouped by first letter and length: a misspelling is
    compared only with words that start like it and are at most two letters longer or shorter
    (as the cluster's fuzzy matching keeps the first letter), not with every word."""

    def __init__(self, words):
        self.words = set(words)
        self.groups = {}
        for word in sorted(self.words):
            self.groups.setdefault((word[0], len(word)), []).append(word)

    def candidates(self, word):
        lengths = range(len(word) - 2, len(word) + 3)
        return [known for n in lengths for known in self.groups.get((word[0], n), ())]


class DatabaseEngine:
    name = "database"

    def __init__(self, declaration):
        self.declaration = declaration
        self.model = declaration.model

    def _matches(self, index, phrases, words, tagged):
        """(bits of the matching practices in the facet index, and a function giving the ids
        of the matches within a set of bits, best first, [start:stop]). `tagged[i]`: bits of
        the pages tagged with the terms `words[i]` names (search.lexicon), which match it too."""
        if connection.vendor == "sqlite" and fts5_table_exists():
            return self._matches_fts5(index, phrases, words, tagged)
        pages = self.declaration.get_queryset().only("pk")
        found = pages.search(wagtail_query(phrases, words)) if phrases or words else []
        # Matches in any language count for the page; keep the best rank of each.
        position = index.position_of
        order = list(dict.fromkeys(position[page.pk] for page in found if page.pk in position))
        if any(tagged):
            order += self._tagged_only(index, pages, phrases, words, tagged, set(order))

        def best(within, start, stop):
            shown = bit_test(within, len(index.ids))
            kept = (at for at in order if shown(at))
            return [
                index.ids[at] for at in islice(kept, min(start, len(order)), min(stop, len(order)))
            ]

        return bits_at(order, len(index.ids)), best

    def _tagged_only(self, index, pages, phrases, words, tagged, known):
        """Positions of the pages that match only thanks to their terms, newest first (after
        the text matches): each word found in the text or in the terms, as `_matches_fts5`."""
        size, position = len(index.ids), index.position_of

        def bits(query):
            return bits_at((position[p.pk] for p in pages.search(query) if p.pk in position), size)

        matched = at_least(
            [bits(PlainText(word)) | extra for word, extra in zip(words, tagged, strict=True)],
            size,
        )[required(len(words))]
        for phrase in phrases:
            matched &= bits(Phrase(phrase))
        return [at for at in lowest_first(matched) if at not in known]

    def _matches_fts5(self, index, phrases, words, tagged):
        """Query Wagtail's SQLite FTS5 table directly, once per word (and phrase) in any field
        and once in titles, as sets of bits: every phrase and most words must match; pages
        matching more of them rank first, then those with more of them in the title, then
        the newest. (BM25 would score every match: seconds for common words at 100,000
        practices; Wagtail's own SQLite query is slower still.)"""
        size = len(index.ids)
        if not phrases and not words:
            return 0, lambda within, start, stop: []
        positions = self._entry_positions(index)
        kept = self._kept_words(index)

        def bits(expression):
            if expression in kept:
                return kept[expression]
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT rowid FROM wagtailsearch_indexentry_fts "
                    "WHERE wagtailsearch_indexentry_fts MATCH %s",
                    [expression],
                )
                rowids = [row[0] for row in cursor.fetchall()]
            if rowids and max(rowids) >= len(positions):
                self._learn_entries(index, positions)
            # Rows of other pages map to the bit just beyond the index, masked off.
            found = bits_at(map(positions.__getitem__, rowids), size + 1) & index.all
            if len(kept) < MAX_KEPT_WORDS:
                kept[expression] = found
            return found

        terms = [f'"{phrase}"' for phrase in phrases] + [fts5_term(word) for word in words]
        anywhere = [bits(term) for term in terms]
        for at, extra in enumerate(tagged, start=len(phrases)):
            anywhere[at] |= extra
        in_title = [bits(f"title : {term}") for term in terms]
        matched = at_least(anywhere[len(phrases) :], size)[required(len(words))]
        for phrase in anywhere[: len(phrases)]:
            matched &= phrase
        levels = [
            matched & everywhere & title
            for everywhere in reversed(exactly(at_least(anywhere, size)))
            for title in reversed(exactly(at_least(in_title, size)))
        ]
        levels = [level for level in levels if level]

        def best(within, start, stop):
            picked, seen = [], 0
            for level in levels:
                level &= within
                count = level.bit_count()
                if seen + count <= start:
                    seen += count
                    continue
                for at in lowest_first(level):
                    if seen >= stop:
                        return picked
                    if seen >= start:
                        picked.append(index.ids[at])
                    seen += 1
            return picked

        return matched, best

    def _entry_positions(self, index):
        """[position in the facet index of each FTS row id] (the index's size for rows that
        are no listable practice), made once per facet index (that is, per revision and reader
        language). A list, not a dict: row ids are dense, and reading it is what a search
        does for every row a word matches."""
        key = (self.declaration.name, id(index))
        cached = _entries.get(key)
        if cached and cached[0] is index:
            return cached[1]
        positions = []
        self._learn_entries(index, positions)
        if len(_entries) > 60:  # 26 languages of a few revisions
            _entries.clear()
        _entries[key] = (index, positions)
        return positions

    def _kept_words(self, index):
        """{FTS expression: bits of its matches} for this facet index while the full-text rows
        have not changed (a dict that keeps nothing where the rows have no revision)."""
        token = Revision.current(ENTRIES)
        if token is None:
            return {}
        key = (self.declaration.name, id(index))
        cached = _words.get(key)
        if cached and cached[0] is index and cached[1] == token:
            return cached[2]
        if len(_words) > 60:
            _words.clear()
        _words[key] = (index, token, {})
        return _words[key][2]

    def _learn_entries(self, index, positions):
        """Extend the map to the rows indexed since it was made (the worker indexes after
        publication; an updated row keeps its id). Practices published since the facet index
        was made have no position in it. One thread at a time; the map grows by a whole
        filled chunk, so a reader never sees a row id it has not been told about."""
        content_type = ContentType.objects.get_for_model(self.model)
        size = len(index.ids)
        position = index.position_of
        with _learning, connection.cursor() as cursor:
            start = len(positions)
            cursor.execute("SELECT MAX(id) FROM wagtailsearch_indexentry")
            top = cursor.fetchone()[0] or 0
            cursor.execute(
                "SELECT id, object_id FROM wagtailsearch_indexentry "
                "WHERE content_type_id = %s AND id >= %s AND id <= %s",
                [content_type.pk, start, top],
            )
            chunk = [size] * (top + 1 - start)
            for rowid, pk in cursor.fetchall():
                chunk[rowid - start] = position.get(int(pk), size)
            positions.extend(chunk)

    def search(self, query):
        index = self.declaration.facet_index(query.language)
        best = None
        found = {}
        if query.text:
            phrases, words = query_terms(query.text)
            found = expansions(self.declaration, words)
            tagged = [self._tagged(index, found.get(word)) for word in words]
            scope, best = self._matches(index, phrases, words, tagged)
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
        if best is not None and query.sort == "relevance":
            ordered = best(result, start, stop)
        else:
            sort = "title" if query.sort == "title" else "newest"
            ordered = index.ordered_ids(result, sort, start, stop)
        words = terms_of(query.text)  # phrases' words too
        hits = [Hit(page_id=pk, snippet=snippet) for pk, snippet in self._snippets(ordered, words)]
        total = result.bit_count()
        spelling = self._spelling(query.text) if query.text and total < 3 else ""
        return Results(
            hits=hits,
            total=total,
            counts=counts,
            spelling=spelling,
            engine=self.name,
            expanded=expanded_terms(found),
        )

    @staticmethod
    def _tagged(index, codes):
        """Bits of the pages tagged with any of `codes` ({facet param: [term codes]})."""
        bits = 0
        for param, values in (codes or {}).items():
            bits |= index.matching({param: values})
        return bits

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
            if len(lowered) < 4 or lowered in vocabulary.words:
                corrected.append(word)
                continue
            close = difflib.get_close_matches(
                lowered, vocabulary.candidates(lowered), n=1, cutoff=0.78
            )
            corrected.append(close[0] if close else word)
            changed = changed or bool(close)
        return " ".join(corrected) if changed else ""

    def _vocabulary(self):
        """The words of every public page's spelling fields, kept until the declaration's
        revision changes (read from the database: every process sees a change)."""
        revision = self.declaration.revision
        key = (self.declaration.name, Revision.current(revision) if revision else None)
        if key[1] is None or key not in _vocabulary:
            rows = self.declaration.get_queryset().values_list(*self.declaration.spelling_fields)
            vocabulary = Vocabulary(
                word
                for row in rows
                for word in terms_of(" ".join(value or "" for value in row))
                if word.isalpha()
            )
            _vocabulary.clear()
            _vocabulary[key] = vocabulary
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
