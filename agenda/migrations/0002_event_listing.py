"""Create the events listing under the home page, so the portal works without demo content."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _encode(number):
    out = ""
    while number:
        number, remainder = divmod(number, 36)
        out = ALPHABET[remainder] + out
    return out.rjust(4, "0")


def create_listing(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("portal", "HomePage")
    EventIndexPage = apps.get_model("events", "EventIndexPage")

    home = HomePage.objects.order_by("path").first()
    if home is None or EventIndexPage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(app_label="events", model="eventindexpage")
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    last = children.order_by("-path").first()
    position = int(last.path[-4:], 36) + 1 if last else 1
    EventIndexPage.objects.create(
        title="Events",
        draft_title="Events",
        slug="events",
        content_type=content_type,
        path=home.path + _encode(position),
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "events/",
        locale_id=home.locale_id,
        live=True,
        show_in_menus=True,
        introduction=(
            "Study visits, webinars, conferences and training on integration and inclusion. "
            "Add any event to your calendar, or subscribe to a feed that stays current."
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count() + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("portal", "0007_languages"),
        ("practices", "0004_start_date_optional_for_drafts"),
    ]

    operations = [migrations.RunPython(create_listing, migrations.RunPython.noop)]
