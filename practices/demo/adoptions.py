"""The demo's adoptions between places (adoptions.json): typed links between demo practices,
published with the adopting practice as its organisation would enter them, and requests
between demo organisations at different steps. Run after the practices; adds nothing twice."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.models import Membership, Organisation
from practices.models import (
    AdoptionRequest,
    AdoptionRequestEvent,
    PracticeAdoption,
    PracticePage,
)

DATA = json.loads((Path(__file__).resolve().parent / "adoptions.json").read_text("utf-8"))


def _practice(slug):
    return PracticePage.objects.live().filter(slug=slug).order_by("pk").first()


def add_link(data):
    """Publish the adopter with the link (keeping its demo publication dates)."""
    original, adopter = _practice(data["original"]), _practice(data["adopter"])
    if original is None or adopter is None:
        return 0
    if adopter.adapted_from.filter(original=original).exists():
        return 0
    dates = {"first_published_at": adopter.first_published_at}
    dates["last_published_at"] = adopter.last_published_at
    page = adopter.get_latest_revision_as_object()
    page.adapted_from.add(PracticeAdoption(original=original, kind=data["kind"], note=data["note"]))
    page.save_revision().publish()
    PracticePage.objects.filter(pk=adopter.pk).update(**dates)
    return 1


def demo_member(organisation, role):
    """A demo person of the organisation (no password: nobody signs in as them)."""
    email = f"{role}.{organisation.slug}@example.org"
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(
            email=email, first_name=role.title(), last_name=organisation.name[:150]
        )
    Membership.objects.get_or_create(
        user=user,
        organisation=organisation,
        defaults={"role": role, "status": Membership.Status.ACTIVE},
    )
    return user


def add_request(data):
    practice = _practice(data["practice"])
    organisation = Organisation.objects.filter(slug=data["from"]).first()
    if practice is None or organisation is None:
        return 0
    if AdoptionRequest.objects.filter(practice=practice, requester_organisation=organisation):
        return 0
    requester = demo_member(organisation, Membership.Role.MEMBER)
    manager = demo_member(practice.organisation, Membership.Role.MANAGER)
    start = timezone.localdate() + datetime.timedelta(days=data.get("days_ahead", 0))
    request = AdoptionRequest.objects.create(
        practice=practice,
        owner_organisation=practice.organisation,
        requester=requester,
        requester_organisation=organisation,
        kind=data["kind"],
        purpose=data["purpose"],
        people=data.get("people"),
        languages=data.get("languages", ""),
        date_from=start if data["kind"] == "visit" else None,
        date_to=start + datetime.timedelta(days=1) if data["kind"] == "visit" else None,
    )
    AdoptionRequestEvent.objects.create(
        request=request, status="pending", by=requester, by_organisation=organisation
    )
    for status, message in data["steps"]:
        owner_step = status in ("accepted", "declined")
        AdoptionRequestEvent.objects.create(
            request=request,
            status=status,
            message=message,
            by=manager if owner_step else requester,
            by_organisation=practice.organisation if owner_step else organisation,
        )
        request.status = status
    request.save()
    return 1


def generate(context):
    links = sum(add_link(data) for data in DATA["links"])
    requests = sum(add_request(data) for data in DATA["requests"])
    return f"{links} new adoption links, {requests} new requests between organisations"
