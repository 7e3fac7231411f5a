"""Cross-language discovery: the query words that name a taxonomy term, in any language.

A declaration names the facets whose terms expand a query (`PageSearch.expand_facets`) and
gives their labels in every language the database holds (`PageSearch.label_forms()`). Each
label word is lower-cased, stemmed with its language's Snowball stemmer and stripped of
accents; a query word is stemmed the same way for each language and matches a label word
when the stems are equal, when it begins the label word ("wohnung" → "wohnungslosigkeit",
"bostad" → "bostäder"), or when the label word begins it with at most
`MAX_EXTRA` more letters. Words that many terms of one language share ("and", "access to")
name no term. Both engines then also find the pages tagged with the matched terms.

The lexicon is rebuilt whenever the declaration's `labels_revision` changes, which every
process reads from the database (portal.models.Revision).
"""

import bisect
import re
import unicodedata

import snowballstemmer

from portal.models import Revision

# Snowball stemmers for the portal's languages; the others are only folded.
STEMMERS = {
    "ar": "arabic",
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
    "hr": "serbian",  # Snowball's Serbian stemmer reads Latin-script Serbo-Croatian
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}
MIN_WORD = 4  # shorter query words ("and", "för", "med") name nothing
MIN_STEM = 3  # shorter label stems ("de", "i", "la") name nothing
MIN_PREFIX = 4  # stems this long match longer words they begin
MAX_EXTRA = 3  # letters a query word may have beyond a label word that begins it
MAX_TERMS = 4  # a stem in more terms than this, in one language, is too common to name one
WORD = re.compile(r"\w+", re.UNICODE)
_stemmers = {}
_lexicons = {}


def fold(text):
    """Lower-case, without accents ("Bostäder" → "bostader")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(language, word):
    """The folded stem of one lower-case word in `language`."""
    name = STEMMERS.get(language)
    if name is None:
        return fold(word)
    if name not in _stemmers:
        _stemmers[name] = snowballstemmer.stemmer(name)
    return fold(_stemmers[name].stemWord(word))


def words_of(text):
    return WORD.findall(text.lower())


class Lexicon:
    """{language: {label stem: {(facet param, term code)}}}, with each language's stems in
    order for prefix look-ups."""

    def __init__(self, forms):
        stems = {}
        for language, label, param, code in forms:
            known = stems.setdefault(language, {})
            for word in words_of(label):
                key = stem(language, word)
                if len(key) >= MIN_STEM:
                    known.setdefault(key, set()).add((param, code))
        self.stems = {
            language: {key: terms for key, terms in known.items() if len(terms) <= MAX_TERMS}
            for language, known in stems.items()
        }
        self.ordered = {language: sorted(known) for language, known in self.stems.items()}
        self.seen = {}  # {query word: terms}, as long as this lexicon lives

    def terms_for(self, word):
        """{(facet param, term code)} that one query word names, in any language."""
        word = word.lower()
        if len(word) < MIN_WORD:
            return set()
        if word not in self.seen:
            if len(self.seen) > 5000:
                self.seen.clear()
            self.seen[word] = self._look_up(word)
        return self.seen[word]

    def _look_up(self, word):
        found = set()
        for language, known in self.stems.items():
            key = stem(language, word)
            if len(key) < MIN_STEM:
                continue
            found |= known.get(key, set())
            for extra in range(1, MAX_EXTRA + 1):
                if len(key) - extra >= MIN_PREFIX:
                    found |= known.get(key[:-extra], set())
            if len(key) >= MIN_PREFIX:
                ordered = self.ordered[language]
                at = bisect.bisect_right(ordered, key)
                while at < len(ordered) and ordered[at].startswith(key):
                    found |= known[ordered[at]]
                    at += 1
        return found


def lexicon(declaration):
    """The declaration's lexicon, built again when its labels' revision has changed."""
    token = Revision.current(declaration.labels_revision) if declaration.labels_revision else None
    key = (declaration.name, token)
    if token is None or key not in _lexicons:
        built = Lexicon(declaration.label_forms())
        if token is None:
            return built
        if len(_lexicons) > 20:
            _lexicons.clear()
        _lexicons[key] = built
    return _lexicons[key]


def expansions(declaration, words):
    """{query word: {facet param: [term codes]}} for the words that name terms; {} when the
    declaration expands nothing."""
    if not declaration.expand_facets or not words:
        return {}
    known = lexicon(declaration)
    found = {}
    for word in words:
        terms = known.terms_for(word)
        if terms:
            codes = {}
            for param, code in sorted(terms):
                codes.setdefault(param, []).append(code)
            found[word] = codes
    return found


def expanded_terms(found):
    """[(facet param, term code)] named by any word of `expansions()`, each once, in order."""
    return list(
        dict.fromkeys(
            (param, code) for codes in found.values() for param in codes for code in codes[param]
        )
    )
