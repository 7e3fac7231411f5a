"""Addresses of the practices' open data outside the language prefixes (portal.urls): the import
schema and its templates. (The read API, when mounted at /api/v1/, comes after these.)"""

from django.urls import path

from . import import_views

urlpatterns = [
    path(
        "api/v1/schema/practice-import.json",
        import_views.schema,
        name="practice_import_schema",
    ),
    *[
        path(
            f"api/v1/schema/practice-import-template.{export_format}",
            import_views.template,
            {"export_format": export_format},
            name=f"practice_import_template_{export_format}",
        )
        for export_format in ("csv", "xlsx")
    ],
]
