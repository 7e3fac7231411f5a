from django.urls import path

from . import views

urlpatterns = [
    *views.PracticeSubmissionViews.urlpatterns(),
    path("contact/practice/<int:pk>/", views.contact, name="practice_contact"),
]
