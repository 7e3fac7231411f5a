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
    Keyword,
    Mapping,
    Object,
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
    for field in ["translation_key", "locales", "revision", *FACET_FIELDS]:
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


def document_for(pages):
    """One document per practice: every live, public translation of it, each in its own
    language's fields, so the practice is found in any of its languages and counted once."""
    pages = sorted(pages, key=lambda page: page.pk)
    first = pages[0]
    versions = {page.locale.language_code: page for page in pages}
    codes = {
        "area": [t.code for t in first.action_areas.all()],
        "theme": [t.code for t in first.sub_themes.all()],
        "country": [c.code for c in first.countries.all()],
        "target": [t.code for t in first.target_groups.all()],
        "funding": [t.code for t in first.funding_instruments.all()],
    }
    tags = [
        term.name
        for relation in (
            first.action_areas,
            first.sub_themes,
            first.target_groups,
            first.funding_instruments,
        )
        for term in relation.all()
    ] + [country.name for country in first.countries.all()]
    organisation = first.organisation.name if first.organisation_id else ""
    document = {
        "translation_key": str(first.translation_key),
        "pages": {locale: page.pk for locale, page in versions.items()},
        "locales": sorted(versions),
        "revision": group_revision(pages),
        "published": max(page.first_published_at for page in pages if page.first_published_at)
        if any(page.first_published_at for page in pages)
        else None,
        "title_sort": first.title,
        "title_suggest": [page.title for page in pages],
        "orgtype": first.organisation.organisation_type.code if first.organisation_id else None,
        "level": first.implementation_level,
        "evidence": first.evidence_level,
        "participation": first.migrant_participation,
        "status": "finished" if first.continuation == "finished" else "ongoing",
        "year": str(first.start_date.year) if first.start_date else None,
        "tags_std": " · ".join(tags),
        "title_std": [page.title for page in pages],
        "summary_std": [page.summary or "" for page in pages],
        "body_std": [],
        **codes,
    }
    for page in pages:
        language = page.locale.language_code
        body = f"{organisation}\n{page.region_city}\n{body_text(page)}"
        document.setdefault(f"title_{language}", []).append(page.title)
        document.setdefault(f"summary_{language}", []).append(page.summary or "")
        document.setdefault(f"body_{language}", []).append(body)
        document["body_std"].append(body)
    return {key: value for key, value in document.items() if value not in (None, [])}


def revision_of(page):
    """What changes whenever the public version of a page changes."""
    stamp = page.last_published_at.isoformat() if page.last_published_at else ""
    return f"{page.pk}:{page.live_revision_id or ''}:{stamp}"


def group_revision(pages):
    return "|".join(sorted(revision_of(page) for page in pages))
