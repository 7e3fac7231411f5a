import re

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import views as wagtail_views

from portal import memberships as membership_service
from portal import site_tree
from portal.forms import (
    DeleteAccountForm,
    JoinForm,
    MembershipDecisionForm,
    ProposeOrganisationForm,
)
from portal.i18n import current_language
from portal.listing import DIRECTORY_PAGE_SIZE, paginate
from portal.models import Country, Membership, Organisation
from portal.permissions import can_manage_members, can_see_members, can_see_proposal, is_editor
from portal.sections import ORGANISATION_SECTIONS, render_sections

LEGACY_SLUG = re.compile(r"^[ab]-(?P<slug>[-\w]+)$")  # demo slugs were "a-…"/"b-…" once


def _organisation(slug):
    return get_object_or_404(
        Organisation.objects.with_related().default_locale().approved(),
        slug=slug,
    )


def _localized(organisation):
    """The organisation's version in the reader's language, else itself (as Wagtail's
    `.localized`, without a query in the organisation's own language)."""
    language = current_language()
    if organisation.locale.language_code == language:
        return organisation
    translation = (
        Organisation.objects.with_related()
        .filter(translation_key=organisation.translation_key, locale__language_code=language)
        .first()
    )
    return translation or organisation


def _public_practice_count():
    """Per organisation, its live and public practices, each translation group once (a
    restricted page or a translation is not another practice)."""
    model = Organisation._meta.get_field("practices").related_model
    counted = (
        model.objects.live()
        .public()
        .filter(organisation=OuterRef("pk"))
        .order_by()
        .values("organisation")
        .annotate(count=Count("translation_key", distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


def organisation_list(request):
    """The directory of approved organisations, searchable by name and country."""
    query = request.GET.get("q", "").strip()
    country = request.GET.get("country", "")
    organisations = Organisation.objects.directory(query, country).annotate(
        practice_count=_public_practice_count()
    )
    page = paginate(organisations, request.GET.get("page"), DIRECTORY_PAGE_SIZE)
    countries = Country.sorted(Country.objects.filter(organisations__status="approved").distinct())
    return render(
        request,
        "portal/organisation_list.html",
        {
            "organisations": page,
            "query": query,
            "country": country,
            "countries": countries,
            "page_title": _("Organisations"),
        },
    )


def sitemap_page(request):
    """The footer's "Sitemap": the portal's sections and pages for people (the XML sitemap at
    /sitemap.xml is for search engines)."""
    return render(request, "portal/sitemap.html", {"page_title": _("Sitemap")})


def legacy_slug_target(slug):
    """The current slug of an organisation whose old address began with "a-" or "b-"."""
    match = LEGACY_SLUG.match(slug)
    if match and Organisation.objects.default_locale().filter(slug=match["slug"]).exists():
        return match["slug"]
    return None


def organisation_detail(request, slug):
    """An organisation's public profile; the feature apps contribute its sections (its
    practices, owned or as partner, and its events)."""
    organisation = Organisation.objects.with_related().default_locale().filter(slug=slug).first()
    if organisation is None:
        renamed = legacy_slug_target(slug)
        if renamed:  # an address from before the demo slugs lost their "a-"/"b-" prefix
            return redirect("organisation_detail", slug=renamed, permanent=True)
        raise Http404
    if not organisation.is_approved and not can_see_proposal(request.user, organisation):
        raise Http404
    members = None
    if can_see_members(request.user, organisation):
        members = (
            organisation.memberships.active()
            .select_related("user")
            .order_by("-role", "user__last_name")
        )
    own = None
    if request.user.is_authenticated:
        own = organisation.memberships.filter(user=request.user).first()
    return render(
        request,
        "portal/organisation_detail.html",
        {
            "organisation": _localized(organisation),
            "sections": render_sections(ORGANISATION_SECTIONS, request, organisation),
            "members": members,
            "membership": own,
            "can_manage": can_manage_members(request.user, organisation),
            "join_form": JoinForm(),
            "proposal_review_url": reverse(
                "wagtailsnippets_portal_organisation:edit", args=[organisation.pk]
            )
            if not organisation.is_approved and is_editor(request.user)
            else "",
        },
    )


@login_required
@require_POST
def organisation_join(request, slug):
    organisation = _organisation(slug)
    form = JoinForm(request.POST)
    if form.is_valid():
        membership = membership_service.request_membership(
            request.user, organisation, form.cleaned_data["message"]
        )
        if membership.is_active:
            messages.info(
                request, _("You are already a member of %(name)s.") % {"name": organisation.name}
            )
        else:
            messages.success(
                request,
                _(
                    "Your request to join %(name)s has been sent. "
                    "You will get an email when it is answered."
                )
                % {"name": organisation.name},
            )
    return redirect(organisation.get_absolute_url())


@login_required
def organisation_propose(request):
    form = ProposeOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save(commit=False)
        membership_service.propose_organisation(request.user, organisation)
        messages.success(
            request,
            _(
                "Thank you. An editor will check “%(name)s”; you will get an email and become "
                "its manager when it is approved."
            )
            % {"name": organisation.name},
        )
        return redirect("my_submissions")
    return render(
        request,
        "portal/organisation_propose.html",
        {"form": form, "page_title": _("Propose a new organisation")},
    )


@login_required
def organisation_members(request, slug):
    """Managers and editors accept or refuse requests, and change roles."""
    organisation = _organisation(slug)
    if not can_manage_members(request.user, organisation):
        raise PermissionDenied
    if request.method == "POST":
        form = MembershipDecisionForm(request.POST, organisation=organisation)
        back = _safe_next(request)
        if form.is_valid():
            action = form.cleaned_data["action"]
            _apply_decision(request, form.cleaned_data["membership"], action)
            if back and action in {"accept", "refuse"}:
                return redirect(back)  # e.g. the editor's review queue they came from
        members_url = reverse("organisation_members", args=[slug])
        return redirect(members_url + ("?" + urlencode({"next": back}) if back else ""))
    all_members = organisation.memberships.select_related("user").order_by(
        "status", "-role", "user__email"
    )
    return render(
        request,
        "portal/organisation_members.html",
        {
            "organisation": organisation,
            "pending": [m for m in all_members if m.status == Membership.Status.PENDING],
            "active": [m for m in all_members if m.status == Membership.Status.ACTIVE],
            "page_title": _("Members of %(name)s") % {"name": organisation.name},
            "back": _safe_next(request),
        },
    )


def _safe_next(request):
    """The `next` address a decision returns to, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


def _apply_decision(request, membership, action):
    name = membership.user.get_full_name() or membership.user.email
    if membership.user_id == request.user.pk and action in {"member", "remove"}:
        messages.error(request, _("You cannot remove your own manager role; ask an editor."))
        return
    if action in {"accept", "refuse"}:
        membership_service.decide_membership(membership, request.user, accept=action == "accept")
        message = (
            _("%(name)s is now a member.")
            if action == "accept"
            else _("The request of %(name)s was refused.")
        )
    elif action in {"manager", "member"}:
        membership.role = Membership.Role.MANAGER if action == "manager" else Membership.Role.MEMBER
        membership.save(update_fields=["role"])
        message = _("%(name)s's role was changed.")
    else:
        membership.delete()
        message = _("%(name)s was removed from the organisation.")
    messages.success(request, message % {"name": name})


@login_required
def delete_account(request):
    """GDPR erasure: the person's account and personal data go; their organisation's work stays."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("/")
    return render(
        request,
        "account/delete.html",
        {"form": form, "page_title": _("Delete your account")},
    )


def serve(request, path):
    """Wagtail's page view, routed from the site tree (see portal.site_tree)."""
    site_tree.route(request, path)
    return wagtail_views.serve(request, path)
