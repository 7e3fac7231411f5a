"""The practice submission views (the editorial app's view family, named for practices) and
the contact form for a practice's owner."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allauth.core import ratelimit

from portal import emails
from portal.memberships import managers_of
from portal.permissions import editors
from portal.sanitize import clean_text
from submissions.views import SubmissionViews

from .models import PracticeIndexPage, PracticePage
from .submission_forms import (
    AdoptionLinkFormSet,
    ContactForm,
    LinkFormSet,
    PracticeSubmissionForm,
)


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
