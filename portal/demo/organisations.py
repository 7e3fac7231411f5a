"""The portal's demo organisations (organisations.json), each with a generated logo. All of them
are fictional; links use reserved example domains only."""

import json
from pathlib import Path

from django.core.files.base import ContentFile

from portal.factories import default_locale, term
from portal.models import Country, CustomImage, Organisation, OrganisationType

from . import artwork

ORGANISATIONS = Path(__file__).resolve().parent / "organisations.json"


def load_organisations():
    return json.loads(ORGANISATIONS.read_text("utf-8"))


def generate(context):
    """Create the organisations missing and share all of them with the other generators."""
    locale = default_locale()
    rows = load_organisations()
    for index, data in enumerate(rows):
        organisation = Organisation.objects.filter(slug=data["slug"], locale=locale).first()
        if organisation is None:
            organisation = _renamed(data["slug"])
        if organisation is None:
            logo = CustomImage.objects.create(
                title=f"Logo of {data['name']}",
                description="",
                file=ContentFile(artwork.logo(index, data["name"]), name=f"{data['slug']}.png"),
            )
            organisation = Organisation.objects.create(
                locale=locale,
                slug=data["slug"],
                name=data["name"],
                acronym=data.get("acronym", ""),
                organisation_type=term(OrganisationType, data["type"]),
                country=Country.objects.get(code=data["country"]),
                region_city=data.get("region_city", ""),
                website=data.get("website", ""),
                description=data.get("description", ""),
                logo=logo,
            )
        context.organisations[data["slug"]] = organisation
    return f"{len(context.organisations)} organisations"


def _renamed(slug):
    """Demo organisations once had slugs starting "a-"/"b-": give them (and their
    translations) the current slug instead of creating them twice. Old addresses redirect."""
    old = Organisation.objects.filter(slug__in=[f"a-{slug}", f"b-{slug}"])
    if not old.exists():
        return None
    old.update(slug=slug)
    return Organisation.objects.filter(slug=slug, locale=default_locale()).first()
