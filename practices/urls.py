from django.urls import path

from . import views

urlpatterns = [
    path("my/submissions/", views.my_submissions, name="my_submissions"),
    path("my/practices/new/", views.submit, name="practice_submit"),
    path("my/practices/<int:pk>/edit/", views.edit, name="practice_edit"),
    path("my/practices/<int:pk>/preview/", views.preview, name="practice_preview"),
    path("my/practices/<int:pk>/delete/", views.delete, name="practice_delete"),
    path("contact/practice/<int:pk>/", views.contact, name="practice_contact"),
]
