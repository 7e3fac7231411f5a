"""The cluster index: analyzers per language, the mapping, and the document of one
translation group, built from a searchable type's declaration (search.declarations).

Each page is indexed in its own language's fields (`title_sv`, `summary_sv`, `body_sv`…,
analysed with that language's analyzer) and in language-neutral `*_std` fields (standard
tokenizer, lower-case, accent folding) used for typo tolerance and cross-language matches.
Every facet of the declaration is a keyword field holding its values (taxonomy codes, choice
values, years). Built lazily: importing this module queries nothing.
"""

from django.conf import settings

from elasticsearch.dsl import (
    Date,
    Index,
    Keyword,
    Mapping,
    Object,
    SearchAsYouType,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from portal.facets import LANGUAGE
from portal.i18n import best_language
from portal.languages import CONTENT_LANGUAGES

# Built-in analyzers of both OpenSearch 2.x and Elasticsearch 8/9.
BUILT_IN = {
    "ar": "arabic",
    "bg": "bulgarian",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "lv": "latvian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}
POLISH_STOPWORDS = (
    "a aby ale bez by być czy dla do gdy i ich jak jako je jego jej jest już lub ma może na nad "
    "nie o od oraz po pod przez przy się są ta tak te tego to tu w we z za że"
).split()

folding = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
polish = analyzer(
    "polish_light",
    tokenizer="standard",
    filter=["lowercase", token_filter("polish_stop", "stop", stopwords=POLISH_STOPWORDS)],
)
sort_folding = normalizer("sort_folding", filter=["lowercase", "asciifolding"])


def language_analyzer(code):
    if code in BUILT_IN:
        return BUILT_IN[code]
    if code == "pl":
        return polish
    return folding


def languages():
    return [code for code, _name in CONTENT_LANGUAGES]


def text_fields(kind):
    """All fields of one kind (title, summary, body), every language plus the neutral one."""
    return [f"{kind}_{code}" for code in languages()] + [f"{kind}_std"]


def build_index(name, declaration):
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    for field in ["translation_key", "locales", "revision", *declaration.facets_by_param]:
        mapping.field(field, Keyword())
    mapping.field("pages", Object(enabled=False))  # {locale: page id}, stored, not searched
    mapping.field("published", Date())
    mapping.field("title_sort", Keyword(normalizer=sort_folding))
    mapping.field("title_suggest", SearchAsYouType(analyzer=folding))
    mapping.field("spell", Text(analyzer=folding))
    mapping.field("tags_std", Text(analyzer=folding))
    for kind in ["title", "summary", "body"]:
        for code in languages():
            mapping.field(f"{kind}_{code}", Text(analyzer=language_analyzer(code)))
        spelling = {"copy_to": "spell"} if kind != "body" else {}
        mapping.field(f"{kind}_std", Text(analyzer=folding, **spelling))
    index = Index(name)
    index.settings(
        number_of_shards=settings.SEARCH_SHARDS, number_of_replicas=settings.SEARCH_REPLICAS
    )
    index.analyzer(folding)
    index.analyzer(polish)
    index.mapping(mapping)
    return index


def index_body(name, declaration):
    return build_index(name, declaration).to_dict()


def document_for(declaration, pages):
    """One document for a translation group: every live, public translation, each in its own
    language's fields; facets and tags from the first (original) version, but a "language"
    facet: the language shown to readers of a language the group lacks (the cluster engine
    answers it with `locales`)."""
    pages = sorted(pages, key=lambda page: page.pk)
    first = pages[0]
    versions = {declaration.language_of(page): page for page in pages}
    published = [page.first_published_at for page in pages if page.first_published_at]
    titles = [declaration.prepare_title(page) for page in pages]
    document = {
        "translation_key": declaration.key_of(first),
        "pages": {locale: page.pk for locale, page in versions.items()},
        "locales": sorted(versions),
        "revision": group_revision(pages),
        "published": max(published) if published else None,
        "title_sort": titles[0],
        "title_suggest": titles,
        "tags_std": " · ".join(declaration.prepare_tags(first)),
        "title_std": titles,
        "summary_std": [],
        "body_std": [],
        **declaration.prepare_facets(first),
    }
    languages = [declaration.language_of(page) for page in pages]
    for facet in declaration.facets:
        if facet.kind == LANGUAGE:
            document[facet.param] = [best_language(languages)]
    for page, title in zip(pages, titles, strict=True):
        language = declaration.language_of(page)
        summary = declaration.prepare_summary(page) or ""
        body = declaration.prepare_body(page) or ""
        document.setdefault(f"title_{language}", []).append(title)
        document.setdefault(f"summary_{language}", []).append(summary)
        document.setdefault(f"body_{language}", []).append(body)
        document["summary_std"].append(summary)
        document["body_std"].append(body)
    return {key: value for key, value in document.items() if value not in (None, [], "")}


def revision_of(page):
    """What changes whenever the public version of a page changes."""
    stamp = page.last_published_at.isoformat() if page.last_published_at else ""
    return f"{page.pk}:{page.live_revision_id or ''}:{stamp}"


def group_revision(pages):
    return "|".join(sorted(revision_of(page) for page in pages))
