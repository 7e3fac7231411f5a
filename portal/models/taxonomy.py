"""The shared taxonomy: action areas and sub-themes, countries, organisation types, target
groups and funding instruments.

Every term has a stable `code` used in URLs, filters and search facets. Labels are translated
per locale (a translated copy of the term shares its `translation_key` and `code`); pages always
link to the default-locale term, so a filter means the same thing in every language.
"""

import gettext as gettext_module

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

import pycountry

from portal.choices import CountryGroup
from portal.collation import collation_key

from .revisions import Revision

code_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lower-case letters, digits and hyphens only, e.g. “employment-and-skills”."),
)


class TermQuerySet(models.QuerySet):
    def default_locale(self):
        """The canonical terms that pages link to."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


_labels = {}


def term_labels(model, language, field="name"):
    """{code: name (or another field) in `language`} for one taxonomy (translated copies share
    the code), cached until the taxonomy changes."""
    key = (model._meta.label, language, field)
    revision = Revision.current(Revision.TAXONOMY)
    cached = _labels.get(key)
    if cached and cached[0] == revision:
        return cached[1]
    names = dict(model.objects.filter(locale__language_code=language).values_list("code", field))
    if len(_labels) > 1000:
        _labels.clear()
    _labels[key] = (revision, names)
    return names


_terms = {}


def terms_by_code(model):
    """{code: term} of one taxonomy's canonical terms (every country), in their order, cached
    until the taxonomy changes. Shared between requests: read them, never change them."""
    key = model._meta.label
    revision = Revision.current(Revision.TAXONOMY)
    cached = _terms.get(key)
    if revision is not None and cached and cached[0] == revision:
        return cached[1]
    rows = model.objects.default_locale() if issubclass(model, Term) else model.objects.all()
    terms = {term.code: term for term in rows}
    _terms[key] = (revision, terms)
    return terms


_locale_codes = {}


def locale_code(locale_id):
    revision = Revision.current(Revision.TAXONOMY)
    if _locale_codes.get("revision") != revision or locale_id not in _locale_codes:
        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("id", "language_code"))
        _locale_codes["revision"] = revision
    return _locale_codes.get(locale_id)


class Term(TranslatableMixin, index.Indexed, models.Model):
    """Abstract base of every taxonomy term."""

    code = models.CharField(
        _("code"),
        max_length=60,
        validators=[code_validator],
        help_text=_(
            "Stable identifier used in web addresses, filters and search. "
            "Changing it breaks saved links."
        ),
    )
    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    objects = TermQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.label

    @classmethod
    def facet_options(cls):
        """[(code, label)] of the canonical terms, in order, in the active language."""
        return [(term.code, term.label) for term in cls.objects.default_locale()]

    @property
    def label(self):
        """The term's name in the reader's language, if translated."""
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if locale_code(self.locale_id) == language:
            return self.name
        return term_labels(type(self), language).get(self.code, self.name)


def _unique(model_name):
    return [
        models.UniqueConstraint(fields=["code", "locale"], name=f"unique_{model_name}_code_locale")
    ]


class DescribedTerm(Term):
    """A term with a public description (action areas, funding instruments), translated like
    its name."""

    description = models.TextField(_("description"), blank=True)

    class Meta(Term.Meta):
        abstract = True

    @property
    def description_label(self):
        """The term's description in the reader's language, if translated."""
        return self._description()[0]

    @property
    def description_language(self):
        """The language `description_label` is in (for its `lang` attribute)."""
        return self._description()[1]

    def _description(self):
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        own = locale_code(self.locale_id)
        if own == language:
            return self.description, own
        translated = term_labels(type(self), language, "description").get(self.code)
        return (translated, language) if translated else (self.description, own)


class ActionArea(DescribedTerm):
    """An action area of the EU Action Plan on Integration and Inclusion 2021–2027.

    Editors use these to tag practices and events; they are the portal's main entry points.
    """

    class Meta(DescribedTerm.Meta):
        verbose_name = _("action area")
        verbose_name_plural = _("action areas")
        constraints = _unique("actionarea")


class SubTheme(Term):
    """A narrower theme within one action area, e.g. “Language learning” under Education."""

    action_area = models.ForeignKey(
        ActionArea,
        on_delete=models.CASCADE,
        related_name="sub_themes",
        verbose_name=_("action area"),
    )

    class Meta(Term.Meta):
        verbose_name = _("sub-theme")
        verbose_name_plural = _("sub-themes")
        constraints = _unique("subtheme")


class OrganisationType(Term):
    """The kind of organisation behind a practice: municipality, NGO, national authority…"""

    class Meta(Term.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")
        constraints = _unique("organisationtype")


class TargetGroup(Term):
    """The people a practice is for: refugees, women, children and youth…"""

    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = _unique("targetgroup")


class FundingInstrument(DescribedTerm):
    """Where the money came from: AMIF, ESF+, ERDF, national or private funding… Each has a
    public page (what it supports, the practices it financed, its open calls for proposals)."""

    class Meta(DescribedTerm.Meta):
        verbose_name = _("funding instrument")
        verbose_name_plural = _("funding instruments")
        constraints = _unique("fundinginstrument")


class Country(index.Indexed, models.Model):
    """A country, identified by its ISO 3166-1 alpha-2 code (lower-case in URLs).

    Country names are translated from the ISO 3166 catalogues shipped with pycountry, so editors
    never need to translate them by hand.
    """

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[a-z]{2}$", _("Use the two-letter ISO code, e.g. “se”."))],
    )
    name = models.CharField(_("name"), max_length=120)
    group = models.CharField(
        pgettext_lazy("country group", "group"),
        max_length=20,
        choices=CountryGroup.choices,
        default=CountryGroup.OTHER,
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.localized_name

    @classmethod
    def facet_options(cls):
        """[(code, name)] in the active language, in its alphabetical order."""
        return [(country.code, country.localized_name) for country in cls.sorted(cls.objects.all())]

    @staticmethod
    def sorted(countries):
        """The countries by their names in the active language, in its alphabetical order
        (Swedish "Österrike" after "Tyskland", Arabic by the Arabic alphabet)."""
        language = get_language() or settings.LANGUAGE_CODE
        return sorted(countries, key=lambda c: collation_key(c.localized_name, language))

    @property
    def localized_name(self):
        """The name in the active language, from pycountry's ISO 3166 translations."""
        return localized_country_name(self.code, self.name)

    @property
    def flag(self):
        return "".join(chr(0x1F1E6 + ord(c) - ord("a")) for c in self.code)


# gettext catalogues shipped with pycountry: they never change while the process runs.
_country_translations = {}


def localized_country_name(code, fallback):
    language = (get_language() or "en").split("-")[0]
    if language == "en":
        return fallback
    translation = _country_translations.get(language)
    if translation is None:
        translation = gettext_module.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        _country_translations[language] = translation
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return fallback
    for source in (getattr(country, "common_name", None), country.name):
        if source:
            translated = translation.gettext(source)
            if translated != source:
                return translated
    return fallback


__all__ = [
    "ActionArea",
    "Country",
    "FundingInstrument",
    "OrganisationType",
    "SubTheme",
    "TargetGroup",
    "Term",
]
