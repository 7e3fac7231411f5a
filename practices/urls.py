from django.urls import path

from . import reminder_views, request_views, views

urlpatterns = [
    *views.PracticeSubmissionViews.urlpatterns(),
    path("contact/practice/<int:pk>/", views.contact, name="practice_contact"),
    path("practice/<int:pk>/pdf/", views.practice_pdf, name="practice_pdf"),
    path("practice/<int:pk>/confirm/", views.confirm_current, name="practice_confirm"),
    path(
        "practice/confirm/<str:token>/",
        reminder_views.confirm_link,
        name="practice_confirm_link",
    ),
    path("monitoring/", views.dashboard, name="dashboard"),
    path("monitoring/<slug:slug>.csv", views.dashboard_csv, name="dashboard_csv"),
    path(
        "contact/practice/<int:pk>/adopt/",
        request_views.request_create,
        name="adoption_request",
    ),
    path("my/requests/", request_views.my_requests, name="my_requests"),
    path("my/requests/<int:pk>/", request_views.request_detail, name="adoption_request_detail"),
    path("my/requests/<int:pk>/step/", request_views.request_step, name="adoption_request_step"),
]
