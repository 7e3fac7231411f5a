"""Sharing metadata (OpenGraph and Twitter cards) for practices, events and organisations: what
a link shows when it is pasted into social media or a chat — title, summary, an image
rendition by absolute URL, the language and the other languages the content is in."""

from django.conf import settings
from django.utils.text import Truncator

from babel.core import get_global

from portal import i18n

PHOTO = "fill-1200x630"  # OpenGraph's recommended 1.91:1 card
LOGO = "max-600x600"


def og_locale(code):
    """OpenGraph's language_TERRITORY form of a language code: "sv" → "sv_SE" (CLDR)."""
    likely = get_global("likely_subtags").get(code.replace("-", "_"), code)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def absolute(request, url):
    """Renditions on a CDN are absolute already; local ones are made absolute."""
    return url if url.startswith(("http://", "https://")) else request.build_absolute_uri(url)


def metadata(request, *, kind, title, summary, url, language, alternates, image=None, logo=False):
    """The values of the sharing tags. `image` is a Wagtail image or None; `logo` marks an
    organisation's logo (shown whole, as a small card) rather than a photo."""
    data = {
        "type": kind,
        "title": title,
        "description": Truncator(" ".join((summary or "").split())).chars(200),
        "url": url,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "locale": og_locale(language),
        "alternate_locales": [og_locale(code) for code in alternates if code != language],
        "card": "summary",
        "image": None,
    }
    if image is not None:
        rendition = image.get_rendition(LOGO if logo else PHOTO)
        data.update(
            image={
                "url": absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": getattr(image, "default_alt_text", "") or image.title,
            },
            card="summary" if logo else "summary_large_image",
        )
    return data


def for_page(request, page, *, kind="article"):
    """A practice's or an event's card: in the page's language, its translations as
    alternates."""
    return metadata(
        request,
        kind=kind,
        title=page.seo_title or page.title,
        summary=page.search_description or getattr(page, "summary", ""),
        url=absolute(request, page.get_url(request)),
        language=page.locale.language_code,
        alternates=sorted(i18n.versions(page, request)),
        image=getattr(page, "image", None),
    )


def for_organisation(request, organisation):
    """An organisation's profile: served in every interface language, so all are alternates."""
    language = i18n.current_language()
    return metadata(
        request,
        kind="profile",
        title=organisation.name,
        summary=organisation.description,
        url=request.build_absolute_uri(request.path),
        language=language,
        alternates=[code for code, _name in settings.LANGUAGES],
        image=organisation.logo,
        logo=True,
    )
