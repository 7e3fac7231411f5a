"""What every search engine answers, whatever is behind it."""

from dataclasses import dataclass, field

from portal.listing import PAGE_SIZE


@dataclass
class Query:
    text: str = ""
    filters: dict = field(default_factory=dict)  # {facet param: [codes]}
    language: str = "en"
    sort: str = "relevance"  # one of portal.listing.SEARCH_SORTS
    page: int = 1
    per_page: int = PAGE_SIZE

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    page_id: int
    snippet: str = ""  # safe HTML: escaped text with <mark> around matches


@dataclass
class Results:
    hits: list
    total: int
    counts: dict  # {facet param: {code: count}}, each under the *other* filters
    spelling: str = ""  # a corrected query to suggest, if any
    engine: str = "database"


class EngineError(Exception):
    """The cluster could not answer (unreachable, too slow, or an error): use the database."""
