"""On SQLite, a revision that changes with every change to the full-text rows (whoever writes
them: the worker's index updates, `update_index`, deletions), so that the database engine can
keep what a word matches until the rows change — in every process."""

import uuid

from django.db import migrations

NAME = "search-entries"  # search.engines.database.ENTRIES
TRIGGER = """
CREATE TRIGGER IF NOT EXISTS {name}_revision AFTER {event} ON wagtailsearch_indexentry
BEGIN
  UPDATE portal_revision SET token = lower(hex(randomblob(16))) WHERE name = '{revision}';
END
"""
EVENTS = ("INSERT", "UPDATE", "DELETE")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    Revision = apps.get_model("portal", "Revision")
    Revision.objects.get_or_create(name=NAME, defaults={"token": uuid.uuid4()})
    for event in EVENTS:
        schema_editor.execute(
            TRIGGER.format(name=f"entries_{event.lower()}", event=event, revision=NAME)
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for event in EVENTS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS entries_{event.lower()}_revision")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_pending_index_updates"),
        ("portal", "0011_revision_changed_at"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
