"""Public pages of the funding instruments (AMIF, ESF+, ERDF…): EU funds as a way in. Each
page says what the instrument supports (its translated description); the feature apps add
their sections through `FUNDING_SECTIONS` — the practices it financed, its open calls."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.models import FundingInstrument
from portal.models.taxonomy import terms_by_code
from portal.sections import FUNDING_SECTIONS, render_sections


def funding_list(request):
    instruments = list(terms_by_code(FundingInstrument).values())
    return render(
        request,
        "portal/funding_list.html",
        {"instruments": instruments, "page_title": _("EU funds and other funding")},
    )


def funding_detail(request, code):
    instrument = terms_by_code(FundingInstrument).get(code)
    if instrument is None:
        raise Http404
    return render(
        request,
        "portal/funding_detail.html",
        {
            "instrument": instrument,
            "sections": render_sections(FUNDING_SECTIONS, request, instrument),
        },
    )
