import json
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


def describe(apps, schema_editor):
    """The EU funds' descriptions in the default language (their translations come with the
    other taxonomy translations, through `sync_locales`)."""
    FundingInstrument = apps.get_model("portal", "FundingInstrument")
    terms = json.loads((TRANSLATIONS / f"{settings.LANGUAGE_CODE}.json").read_text("utf-8"))
    prefix = "fundinginstrument-description:"
    for key, text in terms["terms"].items():
        if key.startswith(prefix):
            FundingInstrument.objects.filter(
                code=key.removeprefix(prefix),
                locale__language_code=settings.LANGUAGE_CODE,
                description="",
            ).update(description=text)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0012_image_licence"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundinginstrument",
            name="description",
            field=models.TextField(blank=True, verbose_name="description"),
        ),
        migrations.RunPython(describe, migrations.RunPython.noop),
    ]
