from django.urls import path

from practices import views as practice_views

from . import views
from .models import EventPage

urlpatterns = [
    path("my/events/new/", views.submit, name="event_submit"),
    path("my/events/<int:pk>/edit/", views.edit, name="event_edit"),
    path(
        "my/events/<int:pk>/preview/",
        practice_views.preview,
        {"model": EventPage},
        name="event_preview",
    ),
    path(
        "my/events/<int:pk>/delete/",
        practice_views.delete,
        {"model": EventPage},
        name="event_delete",
    ),
]
