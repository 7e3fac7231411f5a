from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from practices.models import PracticePage


def search(request):
    """Full-text search over published, public practices (database backend)."""
    query = request.GET.get("q", "").strip()
    results = None
    if query:
        practices = PracticePage.objects.listable().for_listing()
        results = Paginator(practices.search(query), 12).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"query": query, "results": results, "page_title": _("Search")},
    )
