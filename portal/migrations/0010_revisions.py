import uuid

from django.core.management import call_command
from django.db import migrations, models


def create_cache_table(apps, schema_editor):
    """The shared database cache lives in its own table: `migrate` alone sets up a database."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0009_locales'),
    ]

    operations = [
        migrations.CreateModel(
            name='Revision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=40, unique=True)),
                ('token', models.UUIDField(default=uuid.uuid4)),
            ],
        ),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
