"""The one place where user-supplied HTML is cleaned (bleach, one allow-list).

Used by every path where HTML can enter without Wagtail's editor: the front-end submission
forms, the contact form, anything imported.
"""

import html
import re
from urllib.parse import urlsplit

import bleach
from bs4 import BeautifulSoup

ALLOWED_TAGS = [
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "b",
    "strong",
    "i",
    "em",
    "h3",
    "h4",
    "blockquote",
]
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def safe_url(url):
    """True if `url` is an absolute http(s) or mailto address once decoded and stripped.

    Checked after bleach too: bleach's protocol check can be passed by addresses that
    browsers still read as scripts (entities, control characters, "javascript:123"-style
    values without a recognisable scheme).
    """
    decoded = html.unescape(html.unescape(url or ""))
    compact = _CONTROL.sub("", decoded).lower()
    scheme = urlsplit(compact).scheme
    if scheme not in ALLOWED_PROTOCOLS:
        return False
    if scheme == "mailto":
        return "@" in compact
    return bool(urlsplit(compact).netloc)


_EMBEDDED = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*data:""", re.IGNORECASE)


def has_embedded_data(value):
    """True if the HTML embeds data: addresses, such as an image pasted into the text."""
    return bool(_EMBEDDED.search(html.unescape(value or "")))


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


# What only the second pass changes: links, tags renamed, entities and line breaks re-written,
# and whitespace-only text between tags other than one space or newline (reduced to one).
_SECOND_PASS = ("<a", "<strong", "<em", "<br", "&")
_LOOSE_WHITESPACE = re.compile(r">(?![ \n]<)\s+<")


def clean_html(value):
    """Sanitised rich text: the allow-listed tags only, links only to http(s)/mailto."""
    if not (value or "").strip():
        return ""
    cleaned = _cleaner.clean(value)
    if not any(mark in cleaned for mark in _SECOND_PASS) and not _LOOSE_WHITESPACE.search(
        cleaned
    ):  # the second pass would give it back unchanged (and it costs as much as the first)
        return _paragraphs(cleaned.strip())
    soup = BeautifulSoup(cleaned, "html.parser")
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if safe_url(href):
            link["href"] = href.strip()
        else:
            link.unwrap()
    for tag, replacement in (("strong", "b"), ("em", "i")):
        for element in soup.find_all(tag):
            element.name = replacement
    result = str(soup).strip()
    return _paragraphs(result)


def _paragraphs(value):
    """Wrap loose text (typed without any markup) in paragraphs, one per blank-line block."""
    if not value or value.lstrip().startswith(("<p", "<ul", "<ol", "<h3", "<h4", "<blockquote")):
        return value
    blocks = [block.strip() for block in re.split(r"\n\s*\n", value) if block.strip()]
    return "".join(f"<p>{block.replace(chr(10), '<br/>')}</p>" for block in blocks)


def clean_text(value):
    """Plain text: every tag removed, entities left escaped-safe for email bodies."""
    return html.unescape(
        bleach.clean(value or "", tags=[], strip=True, strip_comments=True)
    ).strip()
