"""The dashboard's charts of exchange and follow-up: practices by evidence level and expert
validation per action area, and adoptions between countries.

Both count from the library's facet index under the dashboard's filters (see
`practices.dashboard`), so a cell that links into the library shows the library's count for
that link: "validated" is the library's `validated` filter, "adopted elsewhere" its
`adoption` filter. Expired validations and adoption links come from their tables, mapped onto
the index's positions (every public version of a practice counts for the version shown)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.charts import Cell, Matrix

from .choices import Adoption, EvidenceLevel, Validated
from .facets import FACETS_BY_PARAM
from .models import PracticeAdoption, PracticePage, PracticeValidation


def _expired(board):
    """The bits of practices whose (latest) expert validation is past its re-check date."""
    pks = PracticeValidation.objects.filter(recheck_on__lt=timezone.localdate()).values_list(
        "practice_id", flat=True
    )
    validated = board.index.mask("validated", [Validated.YES])
    return board.index.mask_of(pks) & ~validated & board.index.all


def validation_chart(board):
    """Per action area: practices by evidence level, and validated / expired / not validated
    by experts; the summary names the areas where most practices are neither evaluated nor
    validated (never validated, or expired)."""
    index = board.index
    by_evidence = board.within("area", "evidence")
    by_validation = board.within("area", "validated")
    validated = index.mask("validated", [Validated.YES])
    expired = _expired(board)
    unevaluated = index.mask("evidence", [EvidenceLevel.NONE])
    levels = list(EvidenceLevel.choices)
    columns = [str(label) for _value, label in levels]
    columns += [_("Validated by experts"), _("Validation expired"), _("Not validated")]
    areas = board.options("area", index.counts("area", by_evidence | by_validation))
    rows, flagged = [], []
    for value, label in areas:
        area = index.mask("area", [value])
        cells = [
            Cell(
                (area & by_evidence & index.mask("evidence", [level])).bit_count(),
                board.link(area=value, evidence=level),
            )
            for level, _label in levels
        ]
        in_area = area & by_validation
        cells += [
            Cell(
                (in_area & validated).bit_count(), board.link(area=value, validated=Validated.YES)
            ),
            Cell((in_area & expired).bit_count()),
            Cell((in_area & ~validated & ~expired).bit_count()),
        ]
        both = area & by_evidence & by_validation
        if 2 * (both & unevaluated & ~validated).bit_count() > both.bit_count():
            flagged.append(label)
        rows.append((label, board.link(area=value), cells))
    if flagged:
        summary = _(
            "Action areas where most practices are neither evaluated nor validated by experts "
            "(%(count)s of %(areas)s): %(names)s."
        ) % {"count": len(flagged), "areas": len(rows), "names": ", ".join(flagged)}
    else:
        summary = _(
            "In every action area, most practices have been evaluated or validated by experts."
        )
    return Matrix(
        "validation",
        _("Practices by evidence level and expert validation"),
        summary,
        str(FACETS_BY_PARAM["area"].label),
        columns,
        rows,
        legend=False,
    )


def _links(board):
    """{(original's position, adopter's position)} of the public adoption links between two
    practices (each counted once, whatever versions the link joins)."""
    position = board.index.position_of
    links = PracticeAdoption.objects.filter(
        adopter__in=PracticePage.objects.listable(), original__in=PracticePage.objects.listable()
    ).values_list("original_id", "adopter_id")
    pairs = {(position.get(original), position.get(adopter)) for original, adopter in links}
    return {(o, a) for o, a in pairs if o is not None and a is not None and o != a}


def adoption_chart(board):
    """Country of the original × country of the adopter: how many of a country's practices
    were taken up in another; each row first gives the library's "adopted elsewhere" count."""
    index = board.index
    adopted = index.mask("adoption", [Adoption.ADOPTED]) & board.within("country", "adoption")
    countries = board.options("country", index.counts("country", index.all), every=True)
    bits = {code: index.mask("country", [code]) for code, _label in countries}

    def of(position):
        return [code for code, _label in countries if bits[code] >> position & 1]

    taken_up = {}  # (original's country, adopter's country): {original's position}
    for original, adopter in _links(board):
        if adopted >> original & 1:
            for origin in of(original):
                for destination in of(adopter):
                    taken_up.setdefault((origin, destination), set()).add(original)
    destinations = {destination for _origin, destination in taken_up}
    to_columns = [(code, label) for code, label in countries if code in destinations]
    rows = []
    for code, label in countries:
        total = (bits[code] & adopted).bit_count()
        if not total:
            continue
        url = board.link(adoption=Adoption.ADOPTED, country=code)
        cells = [Cell(total, url)]
        cells += [Cell(len(taken_up.get((code, other), ())), url) for other, _l in to_columns]
        rows.append((label, url, cells))
    names = dict(countries)
    if taken_up:
        origin, destination = max(taken_up, key=lambda pair: len(taken_up[pair]))
        summary = _(
            "Rows: the country of the original practice; columns: the country where it was "
            "taken up. Practices taken up elsewhere: %(count)s. Most frequent: from %(origin)s "
            "to %(destination)s."
        ) % {
            "count": adopted.bit_count(),
            "origin": names[origin],
            "destination": names[destination],
        }
    else:
        summary = _("No practice matching these filters has been taken up elsewhere yet.")
    return Matrix(
        "adoption",
        _("Adoptions between countries"),
        summary,
        _("Country of the original practice"),
        [_("Adopted elsewhere"), *(label for _code, label in to_columns)],
        rows,
        legend=False,
    )
