"""Replace Wagtail's welcome page with the portal's home page and point the default site at it."""

from django.conf import settings
from django.db import migrations


def create_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("portal", "HomePage")

    if HomePage.objects.exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2, slug="home"
    ).delete()
    root = Page.objects.get(depth=1)
    content_type, _created = ContentType.objects.get_or_create(app_label="portal", model="homepage")
    last = Page.objects.filter(depth=2).order_by("-path").first()
    position = int(last.path[-4:], 36) + 1 if last else 1
    path = root.path + _encode(position)
    home = HomePage.objects.create(
        title="Integra",
        draft_title="Integra",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        heading="Learn from what works in integration and inclusion",
        intro=(
            "<p>Integra is where municipalities, NGOs and national authorities across Europe "
            "share what worked in <b>education, employment, health and housing</b> for "
            "migrants and people with a migrant background, so that others can adapt it.</p>"
        ),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page_id = home.pk
        site.site_name = "Integra"
        site.save()
    else:
        Site.objects.create(
            hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
            site_name="Integra",
        )


def _encode(number):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, remainder = divmod(number, 36)
        out = alphabet[remainder] + out
    return out.rjust(4, "0")


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_seed_taxonomy")]

    operations = [migrations.RunPython(create_home, migrations.RunPython.noop)]
