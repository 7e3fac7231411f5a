"""Create the practice library under the home page, so the portal works without demo content."""

from django.db import migrations


def create_library(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("portal", "HomePage")
    PracticeIndexPage = apps.get_model("practices", "PracticeIndexPage")

    home = HomePage.objects.order_by("path").first()
    if home is None or PracticeIndexPage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(
        app_label="practices", model="practiceindexpage"
    )
    PracticeIndexPage.objects.create(
        title="Good practices",
        draft_title="Good practices",
        slug="practices",
        content_type=content_type,
        path=home.path + "0001",
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "practices/",
        locale_id=home.locale_id,
        live=True,
        introduction=(
            "Case studies from municipalities, NGOs and authorities across Europe. "
            "Filter by action area, country, target group or funding to find practices "
            "you can learn from."
        ),
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("portal", "0004_home_page"),
    ]

    operations = [migrations.RunPython(create_library, migrations.RunPython.noop)]
