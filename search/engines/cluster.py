"""The cluster engine: OpenSearch 2.x/3.x or Elasticsearch 8/9, requests built with
elasticsearch-dsl and sent by opensearch-py or elasticsearch-py (see transport.py). Fields and
facets come from the searchable type's declaration (see search.documents)."""

import logging

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from elasticsearch.dsl import A, Q, Search
from elasticsearch.dsl.response import Response

from portal.facets import LANGUAGE, UNTIL
from portal.i18n import best_language
from search.documents import text_fields
from search.lexicon import expanded_terms, expansions

from .base import MINIMUM_SHOULD_MATCH, EngineError, Hit, Results, parse
from .transport import make_client, transport_errors

logger = logging.getLogger(__name__)

HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fragment_size": 200,
    "number_of_fragments": 1,
    "no_match_size": 0,
}


def version(hit, language):
    """The page to show for a hit, as the library shows it: the reader's language if
    translated, else the default language, else the original."""
    pages = hit.pages.to_dict()
    return pages[best_language(sorted(pages, key=pages.get), language)]


def weighted(kind, weight, language):
    """The field of one kind stemmed for the reader's language and for English, and the
    language-neutral field holding every translation (exact words, accents folded): a query
    in any language finds its words; stemming all 26 languages' fields per query cost
    ~10 ms of p95 at 100k practices."""
    stemmed = {f"{kind}_{language}", f"{kind}_en"} & set(text_fields(kind))
    return [f"{name}^{weight}" for name in [*sorted(stemmed), f"{kind}_std"]]


class ClusterEngine:
    name = "cluster"

    def __init__(self, declaration, url=None, alias=None, timeout=None):
        self.declaration = declaration
        self.url = url or settings.SEARCH_URL
        self.alias = alias or declaration.alias
        self.client = make_client(self.url, timeout=timeout)
        self.errors = transport_errors()

    # -- requests ---------------------------------------------------------------------------

    def _send(self, search):
        try:
            # Partial results (a shard copy lost mid-way) are an error: the database answers whole.
            raw = self.client.search(
                index=self.alias, body=search.to_dict(), allow_partial_search_results=False
            )
        except self.errors as error:
            logger.warning("Search cluster did not answer: %s", error)
            raise EngineError(str(error)) from error
        return Response(search, raw if isinstance(raw, dict) else raw.body)

    def _text_query(self, text, language, found):
        """Most words must match (MINIMUM_SHOULD_MATCH, in any of the fields: cross_fields),
        exactly or, in titles and summaries, with a typo; each quoted phrase must match as a
        phrase. A word naming taxonomy terms (`found`, search.lexicon) also matches the pages
        tagged with them. The reader's language only lifts a page among the matches."""
        phrases, words = parse(text)
        fields = (
            weighted("title", 4, language)
            + weighted("summary", 2, language)
            + weighted("body", 1, language)
            + ["tags_std"]
        )
        required = [
            Q("multi_match", query=phrase, fields=fields, type="phrase") for phrase in phrases
        ]
        if words:
            exact = Q(
                "multi_match",
                query=" ".join(words),
                fields=fields,
                type="cross_fields",
                minimum_should_match=MINIMUM_SHOULD_MATCH,
            )
            if found:
                exact = self._expanded(words, fields, found)
            fuzzy = Q(
                "multi_match",
                query=" ".join(words),
                fields=["title_std^3", "summary_std^1.5"],  # fuzzy over bodies costs ~10 ms at 100k
                fuzziness="AUTO",
                prefix_length=1,
                minimum_should_match=MINIMUM_SHOULD_MATCH,
            )
            required.append(Q("bool", should=[exact, fuzzy], minimum_should_match=1))
        return Q(
            "bool",
            must=required or [Q("match_none")],
            should=[Q("term", locales={"value": language, "boost": 0.5})],
        )

    @staticmethod
    def _expanded(words, fields, found):
        """The exact clause word by word: each in the text, or a term it names."""
        clauses = []
        for word in words:
            text = Q("multi_match", query=word, fields=fields, type="cross_fields")
            tags = [
                Q("constant_score", filter=Q("terms", **{param: codes}), boost=1)
                for param, codes in found.get(word, {}).items()
            ]
            clauses.append(Q("bool", should=[text, *tags], minimum_should_match=1))
        return Q("bool", should=clauses, minimum_should_match=MINIMUM_SHOULD_MATCH)

    def _filter(self, filters, language, skip=None):
        return [
            self._clause(param, values, language)
            for param, values in filters.items()
            if param != skip
        ]

    def _clause(self, param, values, language):
        facet = self.declaration.facets_by_param[param]
        if facet.kind == UNTIL:
            return _current(param) if facet.choices[0][0] in values else Q("match_none")
        if facet.kind != LANGUAGE:
            return Q("terms", **{param: values})
        # The language shown: the reader's where the group has it, else the document's value.
        clauses = [Q("term", locales=language)] if language in values else []
        others = [value for value in values if value != language]
        if others:
            clauses.append(
                Q(
                    "bool",
                    must_not=[Q("term", locales=language)],
                    filter=[Q("terms", **{param: others})],
                )
            )
        return Q("bool", should=clauses, minimum_should_match=1)

    def _counts(self, aggregations, param, language):
        found = getattr(aggregations, param)
        facet = self.declaration.facets_by_param[param]
        if facet.kind == UNTIL:
            return {facet.choices[0][0]: found.current.doc_count} if found.current.doc_count else {}
        if facet.kind != LANGUAGE:
            return {bucket.key: bucket.doc_count for bucket in found.codes.buckets}
        counts = {bucket.key: bucket.doc_count for bucket in found.others.codes.buckets}
        if found.mine.doc_count:
            counts[language] = found.mine.doc_count
        return counts

    def search(self, query):
        search = Search()
        found = expansions(self.declaration, parse(query.text)[1]) if query.text else {}
        if query.text:
            search = search.query(self._text_query(query.text, query.language, found))
        else:
            search = search.query(
                Q("term", locales={"value": query.language, "boost": 0.5}) | Q("match_all")
            )
        params = list(self.declaration.facets_by_param)
        selected = {p: v for p, v in query.filters.items() if p in params and v}
        language = query.language
        if selected:
            search = search.post_filter(Q("bool", filter=self._filter(selected, language)))
        # One document per translation group: counts are document counts.
        for param in params:
            facet = A(
                "filter", filter=Q("bool", filter=self._filter(selected, language, skip=param))
            )
            if self.declaration.facets_by_param[param].kind == LANGUAGE:
                mine = Q("term", locales=language)
                facet.bucket("mine", "filter", filter=mine)
                others = facet.bucket("others", "filter", filter=~mine)
                others.bucket("codes", "terms", field=param, size=200)
            elif self.declaration.facets_by_param[param].kind == UNTIL:
                facet.bucket("current", "filter", filter=_current(param))
            else:
                facet.bucket("codes", "terms", field=param, size=200)
            search.aggs.bucket(param, facet)
        if query.sort == "newest" or (query.sort == "relevance" and not query.text):
            search = search.sort("-published", "translation_key")
        elif query.sort == "title":
            search = search.sort("title_sort", "translation_key")
        search = search.extra(from_=query.offset, size=query.per_page, track_total_hits=True)
        search = search.source(["pages"])
        if query.text:
            search = search.highlight_options(**HIGHLIGHT).highlight("summary_std", "body_std")
            search = search.suggest(
                "spelling", query.text, term={"field": "spell", "suggest_mode": "missing"}
            )
        response = self._send(search)
        hits = [
            Hit(page_id=version(hit, query.language), snippet=self._snippet(hit))
            for hit in response
        ]
        counts = {param: self._counts(response.aggregations, param, language) for param in params}
        return Results(
            hits=hits,
            total=response.hits.total.value,
            counts=counts,
            spelling=self._spelling(response, query.text),
            engine=self.name,
            expanded=expanded_terms(found),
        )

    @staticmethod
    def _snippet(hit):
        highlight = getattr(hit.meta, "highlight", None)
        if not highlight:
            return ""
        fragments = highlight.to_dict()
        for name in ("summary_std", "body_std"):
            if fragments.get(name):
                return fragments[name][0]
        return ""

    @staticmethod
    def _spelling(response, text):
        suggest = getattr(response, "suggest", None)
        if not text or not suggest or "spelling" not in suggest:
            return ""
        corrected, changed = text, False
        for entry in suggest.spelling:
            if entry.options:
                corrected = corrected.replace(entry.text, entry.options[0].text, 1)
                changed = True
        return corrected if changed and corrected.lower() != text.lower() else ""

    def suggest(self, prefix, language, limit=8):
        search = (
            Search()
            .query(
                Q(
                    "multi_match",
                    query=prefix,
                    type="bool_prefix",
                    fields=["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
                )
                | Q("term", locales={"value": language, "boost": 0.1})
            )
            .filter(
                Q(
                    "multi_match",
                    query=prefix,
                    type="bool_prefix",
                    fields=["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
                )
            )
            .extra(size=limit)
            .source(["pages"])
        )
        return [version(hit, language) for hit in self._send(search)]

    def related(self, page, limit=3):
        """Pages sharing the declaration's related facets, and similar in wording."""
        facets = self.declaration.facets_by_param
        key = self.declaration.key_of(page)
        shared = [
            Q("terms", **{param: facets[param].values_of(page)}, boost=boost)
            for param, boost, _alone in self.declaration.related_facets
        ]
        wording = Q(
            "more_like_this",
            fields=["title_std", "summary_std", "body_std", "tags_std"],
            like=[{"_index": self.alias, "_id": key}],
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=40,
            minimum_should_match="10%",
        )
        search = (
            Search()
            .query(Q("bool", should=[*shared, wording], minimum_should_match=1))
            .exclude("ids", values=[key])
            .extra(size=limit)
            .source(["pages"])
        )
        return [version(hit, self.declaration.language_of(page)) for hit in self._send(search)]

    # -- index ------------------------------------------------------------------------------

    def health(self):
        try:
            count = self.client.count(index=self.alias)["count"]
        except self.errors as error:
            return {"status": "down", "error": escape(str(error))[:200]}
        return {"status": "ok", "documents": count}


def _current(param):
    """Documents whose date in `param` (an "until" facet, ISO text) is today or later."""
    return Q("range", **{param: {"gte": timezone.localdate().isoformat()}})
