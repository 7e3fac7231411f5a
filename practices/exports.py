"""Exports of the practice library and of search results (portal.exports does the writing):
the records of `practices.records`, read a chunk at a time."""

from portal import exports
from portal.i18n import current_language

from . import adoptions
from .library import matching_ids
from .models.practice import PracticePage
from .records import COLUMNS, export_queryset, record

KIND = "practices"


def records_of(ids, request):
    """{id: record} of the public practices among `ids`."""
    practices = list(export_queryset().filter(pk__in=ids))
    links = adoptions.links_of(practices, current_language())
    return {
        practice.pk: record(practice, request, links[practice.translation_key])
        for practice in practices
    }


def records_in_order(ids, request):
    """Records of the public practices among `ids`, in that order."""
    return exports.in_chunks(list(ids), lambda chunk: records_of(chunk, request))


def library_export(request, export_format, name):
    """The library's results for this request's filters and sort, every page of them."""
    ids = matching_ids(request, PracticePage)
    return exports.export_response(
        export_format, name, KIND, COLUMNS, records_in_order(ids, request)
    )
