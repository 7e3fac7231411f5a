"""What every search engine answers, whatever is behind it, and how both read a query."""

import re
from dataclasses import dataclass, field

from portal.listing import PAGE_SIZE

WORD = re.compile(r"\w+", re.UNICODE)
QUOTED = re.compile(r'"([^"]*)"')
# More words narrow: up to two words all must match, beyond that three in four (rounded
# down); pages matching more of them rank higher. The same rule on both engines.
MINIMUM_SHOULD_MATCH = "2<75%"


def required(count):
    """How many of `count` query words a page must contain (MINIMUM_SHOULD_MATCH)."""
    return count if count <= 2 else count * 3 // 4


def parse(text):
    """(phrases, words): the quoted phrases of a query, each as its words joined by spaces,
    and the words outside quotes. Operators and brackets are no syntax here."""
    phrases = [" ".join(WORD.findall(quoted)) for quoted in QUOTED.findall(text or "")]
    return [phrase for phrase in phrases if phrase], WORD.findall(QUOTED.sub(" ", text or ""))


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
    # (facet param, term code) named by query words: pages tagged with them were found too.
    expanded: list = field(default_factory=list)


class EngineError(Exception):
    """The cluster could not answer (unreachable, too slow, or an error): use the database."""
