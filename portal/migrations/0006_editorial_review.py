"""The editor role and the "Editorial review" workflow.

Wagtail starts with "Moderators" (publish) and "Editors" (no publish) groups and a "Moderators
approval" workflow. The portal has one reviewing role, Editors: they publish, unpublish, lock,
manage taxonomy and organisations, and are the group of the "Editorial review" task, which runs
for every page under the root.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
SNIPPETS = ["actionarea", "subtheme", "country", "organisationtype", "targetgroup", "fundinginstrument", "organisation"]


def setup(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    editors, _created = Group.objects.get_or_create(name="Editors")
    root = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="portal",
            content_type__model__in=SNIPPETS,
            codename__regex=r"^(add|change|delete|view)_",
        ),
    )
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators and not moderators.user_set.exists():
        moderators.delete()

    task = GroupApprovalTask.objects.filter(name__in=["Moderators approval", "Editorial review"]).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name="Editorial review", content_type=content_type)
    task.name = "Editorial review"
    task.active = True
    task.save()
    task.groups.set([editors])

    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Editorial review", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.name = "Editorial review"
    workflow.active = True
    workflow.save()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_memberships_and_organisation_status"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
