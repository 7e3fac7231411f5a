"""The engine index: analyzers per language, the mapping, and the document of one practice.

Each practice is indexed in its own language's fields (`title_sv`, `summary_sv`, `body_sv`…,
analysed with that language's analyzer) and in language-neutral `*_std` fields (standard
tokenizer, lower-case, accent folding) used for typo tolerance and cross-language matches.
Every facet is a keyword field holding the taxonomy's stable codes. Built lazily: importing this
module queries nothing.
"""

from django.utils.html import strip_tags

from elasticsearch.dsl import (
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    SearchAsYouType,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

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

FACET_FIELDS = [
    "area",
    "theme",
    "country",
    "orgtype",
    "target",
    "funding",
    "level",
    "evidence",
    "participation",
    "status",
    "year",
]


def language_analyzer(code):
    if code in BUILT_IN:
        return BUILT_IN[code]
    if code == "pl":
        return polish
    return folding


def languages():
    from portal.languages import CONTENT_LANGUAGES

    return [code for code, _name in CONTENT_LANGUAGES]


def text_fields(kind):
    """All fields of one kind (title, summary, body), every language plus the neutral one."""
    return [f"{kind}_{code}" for code in languages()] + [f"{kind}_std"]


def build_index(name):
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    for field in ["page_id"]:
        mapping.field(field, Integer())
    for field in ["translation_key", "locale", "language", "revision", *FACET_FIELDS]:
        mapping.field(field, Keyword())
    mapping.field("url", Keyword(index=False))
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
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.analyzer(folding)
    index.analyzer(polish)
    index.mapping(mapping)
    return index


def index_body(name):
    return build_index(name).to_dict()


def body_text(page):
    from practices.models import BODY_SECTIONS

    return "\n".join(strip_tags(getattr(page, name) or "") for name, _heading in BODY_SECTIONS)


def document_for(page):
    """The indexed document of one live, public practice (a PracticePage with its relations)."""
    language = page.original_language or page.locale.language_code
    body = body_text(page)
    codes = {
        "area": [t.code for t in page.action_areas.all()],
        "theme": [t.code for t in page.sub_themes.all()],
        "country": [c.code for c in page.countries.all()],
        "target": [t.code for t in page.target_groups.all()],
        "funding": [t.code for t in page.funding_instruments.all()],
    }
    summary = page.summary or ""
    tags = [
        term.name
        for relation in (
            page.action_areas,
            page.sub_themes,
            page.target_groups,
            page.funding_instruments,
        )
        for term in relation.all()
    ] + [country.name for country in page.countries.all()]
    organisation = page.organisation.name if page.organisation_id else ""
    document = {
        "page_id": page.pk,
        "translation_key": str(page.translation_key),
        "locale": page.locale.language_code,
        "language": language,
        "url": page.url,
        "revision": revision_of(page),
        "published": page.first_published_at,
        "title_sort": page.title,
        "title_suggest": page.title,
        "orgtype": page.organisation.organisation_type.code if page.organisation_id else None,
        "level": page.implementation_level,
        "evidence": page.evidence_level,
        "participation": page.migrant_participation,
        "status": "finished" if page.continuation == "finished" else "ongoing",
        "year": str(page.start_date.year) if page.start_date else None,
        f"title_{language}": page.title,
        f"summary_{language}": summary,
        f"body_{language}": f"{organisation}\n{page.region_city}\n{body}",
        "title_std": page.title,
        "summary_std": summary,
        "body_std": f"{organisation}\n{page.region_city}\n{body}",
        "tags_std": " · ".join(tags),
        **codes,
    }
    return {key: value for key, value in document.items() if value not in (None, [])}


def revision_of(page):
    """What changes whenever the public version of a page changes."""
    stamp = page.last_published_at.isoformat() if page.last_published_at else ""
    return f"{page.live_revision_id or ''}:{stamp}"
