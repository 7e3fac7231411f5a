from .views import EventSubmissionViews

urlpatterns = EventSubmissionViews.urlpatterns()
