from django.urls import path

from .my_submissions import MySubmissionsView

urlpatterns = [
    path("my/submissions/", MySubmissionsView.as_view(), name="my_submissions"),
]
