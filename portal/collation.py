"""Alphabetical order as readers of each language expect it, for short labels (country names in
filters and lists).

No collation library is installed (PyICU, pyuca), and `locale.strxfrm` depends on the
process-wide C locale and on which locales the machine has, so this is a small collation of
its own for the Latin, Greek, Cyrillic and Arabic alphabets of the portal's 26 languages:
case and accents are ignored at first (German "Ä" sorts with "A"), except where a language's
alphabet has letters of its own, placed where its dictionaries put them (Swedish å ä ö after
z, Polish ł after l, Czech ch after h, Ukrainian ґ after г…). Ties are broken by accents,
then by the text itself, so the order is total and stable.

    sorted(names, key=lambda name: collation_key(name, "sv"))
"""

import functools
import unicodedata

# Letters of their own, per language: {base letter: letters placed right after it, in order}.
# A base letter written "<x" places them right before x instead.
_AFTER = {
    "cs": {"c": "č", "h": ["ch"], "r": "ř", "s": "š", "z": "ž"},
    "da": {"z": "æøå"},
    "et": {"s": "šzž", "w": "õäöü"},
    "fi": {"z": "åäö"},
    "hr": {"c": "čć", "d": ["dž", "đ"], "l": ["lj"], "n": ["nj"], "s": "š", "z": "ž"},
    "hu": {
        "c": ["cs"],
        "d": ["dz", "dzs"],
        "g": ["gy"],
        "l": ["ly"],
        "n": ["ny"],
        "o": "ö",
        "s": ["sz"],
        "t": ["ty"],
        "u": "ü",
        "z": ["zs"],
    },
    "lt": {"c": "č", "s": "š", "z": "ž"},
    "lv": {"c": "č", "g": "ģ", "k": "ķ", "l": "ļ", "n": "ņ", "s": "š", "z": "ž"},
    "mt": {"c": "ċ", "<g": "ġ", "g": ["għ"], "h": "ħ", "i": ["ie"], "<z": "ż"},
    "pl": {"a": "ą", "c": "ć", "e": "ę", "l": "ł", "n": "ń", "o": "ó", "s": "ś", "z": "źż"},
    "ro": {"a": "ăâ", "i": "î", "s": "șş", "t": "țţ"},
    "sk": {"a": "ä", "c": "č", "h": ["ch"], "o": "ô", "s": "š", "z": "ž"},
    "sl": {"c": "č", "s": "š", "z": "ž"},
    "es": {"n": "ñ"},
    "sv": {"z": "åäö"},
    "uk": {"г": "ґ", "е": "є", "и": "іїй"},
}
# Letters that sort as other letters, per language ("" = every language).
_SAME = {
    "": {
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "þ": "th",
        "ة": "ه",  # teh marbuta with heh
        "ى": "ي",  # alef maksura with yeh
    },
    "da": {"ä": "æ", "ö": "ø", "ü": "y"},
    "fi": {"æ": "ä", "ø": "ö", "ü": "y"},
    "hu": {"ő": "ö", "ű": "ü"},
    "lt": {"y": "i"},
    "sv": {"æ": "ä", "ø": "ö", "ü": "y"},
}
# Cyrillic й is a letter of its own (after и) in Bulgarian and Ukrainian, not и with a breve.
_EVERY_LANGUAGE_AFTER = {"и": "й"}
_IGNORED = {"\u0640"}  # the Arabic tatweel (a stretch of the line, not a letter)


def _weight(letter):
    """A letter's place without tailoring: its base letter's code point (letters ten apart,
    so that tailored letters fit in between); other characters (spaces, digits, hyphens)
    before every letter."""
    return ord(letter) * 10 if letter.isalpha() else ord(letter)


@functools.cache
def _tailoring(language):
    """{text: weights or the text it sorts as} for one language, and the longest such text."""
    units = {}
    placed = dict(_EVERY_LANGUAGE_AFTER)
    placed.update(_AFTER.get(language, {}))
    for anchor, letters in placed.items():
        before = anchor.startswith("<")
        base = _weight(anchor.lstrip("<"))
        for position, letter in enumerate(letters, start=1):
            # Right after the anchor (x+1, x+2…) or right before it (…x-2, x-1).
            offset = position - len(letters) - 1 if before else position
            units[letter] = (base + offset,)
    for letter, target in {**_SAME[""], **_SAME.get(language, {})}.items():
        units.setdefault(letter, target)
    return units, max(len(unit) for unit in units)


def collation_key(text, language):
    """A sort key for `text` in `language` (a code such as "sv"; unknown ones get the
    default order)."""
    units, longest = _tailoring((language or "").split("-")[0])
    folded = unicodedata.normalize("NFC", text.casefold())
    return (_primary(folded, units, longest), unicodedata.normalize("NFD", folded), text)


def _primary(folded, units, longest):
    weights = []
    position = 0
    while position < len(folded):
        for length in range(min(longest, len(folded) - position), 0, -1):
            unit = folded[position : position + length]
            if unit in units:
                found = units[unit]
                if isinstance(found, str):  # sorts as another letter
                    weights.extend(_primary(found, units, longest))
                else:
                    weights.extend(found)
                position += length
                break
        else:
            character = folded[position]
            position += 1
            base = unicodedata.normalize("NFD", character)[0]  # without its accents
            if base in _IGNORED or unicodedata.category(base) == "Mn":
                continue
            found = units.get(base, (_weight(base),))
            if isinstance(found, str):
                weights.extend(_primary(found, units, longest))
            else:
                weights.extend(found)
    return tuple(weights)
