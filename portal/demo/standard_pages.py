"""The portal's plain demo pages (standard_pages.json): about, accessibility statement, privacy
notice. Bodies are StreamField data as (block type, value) pairs."""

import json
from pathlib import Path

from portal.models import StandardPage

STANDARD_PAGES = Path(__file__).resolve().parent / "standard_pages.json"


def load_standard_pages():
    return json.loads(STANDARD_PAGES.read_text("utf-8"))


def generate(context):
    """Publish the pages missing under the home page."""
    home = context.home
    created = 0
    for data in load_standard_pages():
        if StandardPage.objects.child_of(home).filter(slug=data["slug"]).exists():
            continue
        page = StandardPage(
            title=data["title"],
            slug=data["slug"],
            show_in_menus=data["show_in_menus"],
            introduction=data["introduction"],
            body=data["body"],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return f"{created} new pages"
