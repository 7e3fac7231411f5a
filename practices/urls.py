from django.urls import path

from . import views

urlpatterns = [
    *views.PracticeSubmissionViews.urlpatterns(),
    path("contact/practice/<int:pk>/", views.contact, name="practice_contact"),
    path("practice/<int:pk>/pdf/", views.practice_pdf, name="practice_pdf"),
    path("practice/<int:pk>/confirm/", views.confirm_current, name="practice_confirm"),
    path("monitoring/", views.dashboard, name="dashboard"),
    path("monitoring/<slug:slug>.csv", views.dashboard_csv, name="dashboard_csv"),
]
