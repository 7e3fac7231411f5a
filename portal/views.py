from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from portal.models import Organisation
from practices.models import PracticePage


def organisation_detail(request, slug):
    """An organisation's public profile with its published practices (owned or as partner)."""
    organisation = get_object_or_404(
        Organisation.objects.with_related().default_locale(), slug=slug
    )
    practices = (
        PracticePage.objects.listable()
        .by_organisation(organisation)
        .for_listing()
        .order_by("-first_published_at", "-pk")
    )
    page = Paginator(practices, 12).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/organisation_detail.html",
        {"organisation": organisation, "practices": page},
    )
