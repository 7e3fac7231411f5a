"""The practice submission views (the editorial app's view family, named for practices),
the contact form for a practice's owner, and the monitoring dashboard."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from allauth.core import ratelimit

from portal import emails
from portal import facets as facet_module
from portal.charts import csv_response
from portal.i18n import title_and_url
from portal.memberships import managers_of
from portal.permissions import editors
from portal.sanitize import clean_text
from portal.site_tree import site_tree
from submissions.views import SubmissionViews

from . import pdf
from .confirmation import can_confirm
from .confirmation import confirm_current as record_confirmation
from .dashboard import Dashboard
from .models import PracticeIndexPage, PracticePage
from .submission_forms import (
    AdoptionLinkFormSet,
    ContactForm,
    LinkFormSet,
    PracticeSubmissionForm,
)

logger = logging.getLogger(__name__)


class PracticeSubmissionViews(SubmissionViews):
    model = PracticePage
    form_class = PracticeSubmissionForm
    formsets = {"links": LinkFormSet, "adapted_from": AdoptionLinkFormSet}
    template_name = "practices/submission_form.html"
    context_object_name = "practice"
    name = "practice"
    route = "my/practices/"
    submit_title = gettext_lazy("Submit a practice")
    join_message = gettext_lazy(
        "To submit a practice, first join your organisation (or propose it if it is new)."
    )
    in_review_message = gettext_lazy(
        "An editor is reviewing this practice; you can edit it again afterwards."
    )
    incomplete_message = gettext_lazy(
        "Before it can be reviewed, the practice needs the fields marked below. "
        "Your changes have not been saved yet: correct them, or save a draft."
    )

    def get_parent(self, data):
        """A new practice lives in the library of the language it is written in."""
        return PracticeIndexPage.for_language(data["language"] or self.request.LANGUAGE_CODE)


@login_required
def contact(request, pk):
    """Relay a message to the owning organisation's managers without showing their addresses;
    to the editors, as an enquiry for them to pass on, when the organisation has no manager.
    Only practices anyone may read can be contacted: the others do not exist here."""
    page = get_object_or_404(PracticePage.objects.listable().select_related("organisation"), pk=pk)
    managers = managers_of(page.organisation)
    form = ContactForm(request.POST or None)
    if not managers:
        form.fields["message"].help_text = _(
            "The portal's editors will see your name and email address, to reply to you or "
            "pass your message on."
        )
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action="contact_owner", user=request.user):
            messages.error(
                request,
                _("You have sent several messages recently. Please try again in an hour."),
            )
            return redirect(page.url + "#contact")
        emails.send(
            "contact_owner" if managers else "contact_relay",
            managers or list(editors()),
            {
                "practice": page,
                "sender": request.user,
                "subject": clean_text(form.cleaned_data["subject"]),
                "message": clean_text(form.cleaned_data["message"]),
                "practice_url": emails.absolute(page.url),
            },
            reply_to=[request.user.email],
        )
        if managers:
            sent = _(
                "Your message has been sent to %(organisation)s. They will reply to you by email."
            )
        else:
            sent = _(
                "%(organisation)s has no manager on the portal yet, so your message has been "
                "sent to the portal's editors. They will pass it on if they can, or reply to you "
                "by email."
            )
        messages.success(request, sent % {"organisation": page.organisation.name})
        return redirect(page.url)
    return render(
        request,
        "practices/contact.html",
        {
            "form": form,
            "practice": page,
            "has_managers": bool(managers),
            "page_title": _("Contact the organisation"),
        },
    )


@require_POST
@login_required
def confirm_current(request, pk):
    """A member of the owning organisation confirms that the practice is still current."""
    page = get_object_or_404(PracticePage.objects.live().select_related("organisation"), pk=pk)
    if not can_confirm(request.user, page):
        raise PermissionDenied
    today = record_confirmation(page, request.user)
    messages.success(
        request,
        _("Thank you: the practice is marked as confirmed on %(date)s.")
        % {"date": date_format(today, "DATE_FORMAT")},
    )
    return redirect(page.url)


def practice_pdf(request, pk):
    """ "Download as PDF": a practice anyone may read, labelled in the reader's language."""
    page = get_object_or_404(PracticePage.objects.listable(), pk=pk)
    page.read_shown_relations()
    try:
        content = pdf.render(page, page.get_full_url(request))
    except OSError:  # the fonts are missing (fonts-dejavu-core)
        logger.exception("Could not draw the PDF of practice %s", page.pk)
        messages.error(request, _("The PDF cannot be made at the moment. Please print the page."))
        return redirect(page.url)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{page.slug}.pdf")
    return response


def _listing_url(request, model):
    """The reader's address of the home page's first child of `model` (a library), or ""."""
    tree = site_tree(request)
    site = tree.site_for(request)
    page = tree.first_child(site.root_page, model) if site else None
    return title_and_url(page, request)[1] if page else ""


def dashboard(request):
    """The public monitoring dashboard, under the library's filters."""
    board = Dashboard(request, PracticePage, _listing_url(request, PracticeIndexPage))
    facets = board.facets()
    return render(
        request,
        "practices/dashboard.html",
        {
            "page_title": _("Monitoring dashboard"),
            "charts": board.charts(),
            "total": board.total,
            "facets": facets,
            "active_filters": facet_module.active_filters(request.GET, facets),
            "library_url": board.link(),
            "filter_query": request.GET.urlencode(),
        },
    )


def dashboard_csv(request, slug):
    """One chart's data table as CSV (the same filters as the page)."""
    board = Dashboard(request, PracticePage, _listing_url(request, PracticeIndexPage))
    chart = next((chart for chart in board.charts() if chart.slug == slug), None)
    if chart is None:
        raise Http404(_("There is no such chart."))
    header, rows = chart.table()
    return csv_response(header, rows, chart.title)
