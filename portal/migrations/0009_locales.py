"""A Wagtail locale for every language of the portal (LANGUAGES)."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_user_language")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
