"""Bulk import of practices from other databases (manage.py import_practices, the admin).

Every row is a record of `practices.records`. Taxonomy is given as codes or as labels in any
of the portal's languages; the organisation is found by name and country, or proposed (hidden
until an editor approves it). Each row is validated by the practice submission form itself and
reported by row and field; a failed row is skipped, the others are imported (or none, with
`all_or_nothing`). Imported practices remember their source, their id there and a hash of
their content: importing again updates what changed, skips the rest and never makes copies.
They become drafts in the library of their language (or are published, by an editor).
"""

import datetime
import decimal
import gc
import hashlib
import json
import unicodedata
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Page

from portal.languages import CONTENT_LANGUAGES
from portal.memberships import unique_slug as organisation_slug
from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    Organisation,
    OrganisationType,
    SubTheme,
    TargetGroup,
)
from portal.models.organisations import OrganisationStatus
from portal.models.taxonomy import localized_country_name
from submissions.saving import unique_slug

from . import drafts
from .import_forms import ImportForms
from .models import ImportedPractice, PracticeIndexPage, PracticePage
from .records import CODE, CODES, DATE, FIELDS_BY_NAME, IMPORTED, INTEGER, NAMES, NUMBER

TERM_MODELS = {
    "action_areas": ActionArea,
    "sub_themes": SubTheme,
    "target_groups": TargetGroup,
    "funding_instruments": FundingInstrument,
    "organisation_type": OrganisationType,
}
COUNTRY_FIELDS = ("countries", "organisation_country")
BATCH = 250  # rows committed together (each row in a savepoint of its own)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _word(text):
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


class Vocabulary:
    """{field: {casefolded code or label in any language: {codes}}}, read once per import."""

    def __init__(self):
        self.words = {}
        for name, model in TERM_MODELS.items():
            for code, label in model.objects.values_list("code", "name"):
                self._add(name, code, code, label)
        countries = list(Country.objects.values_list("code", "name"))
        choice_fields = [f for f in IMPORTED if f.kind == CODE and f.choices]
        model_choices = {
            f.name: PracticePage._meta.get_field(f.name).choices
            for f in choice_fields
            if f.name != "language"
        }
        model_choices["language"] = CONTENT_LANGUAGES
        for language in LANGUAGES:
            with translation.override(language):
                for code, label in countries:
                    for name in COUNTRY_FIELDS:
                        self._add(name, code, code, label, localized_country_name(code, label))
                for name, choices in model_choices.items():
                    for code, label in choices:
                        self._add(name, code, code, label)

    def _add(self, name, code, *words):
        table = self.words.setdefault(name, {})
        for word in words:
            table.setdefault(_word(word), set()).add(code)

    def code(self, name, value):
        """(code, None) or (None, error message) for one code or label."""
        word = _word(value)
        codes = self.words.get(name, {}).get(word, set())
        if word in codes:  # a code is itself
            return word, None
        if len(codes) == 1:
            return next(iter(codes)), None
        if codes:
            return None, _("“%(value)s” could mean %(codes)s: give the code.") % {
                "value": value,
                "codes": ", ".join(sorted(codes)),
            }
        return None, _("Unknown value “%(value)s”: give a code or a label.") % {"value": value}


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _items(value):
    if value in (None, ""):
        return []
    if isinstance(value, list | tuple):
        return [_text(item) for item in value if _text(item)]
    return [item.strip() for item in str(value).split(";") if item.strip()]


def normalise(raw, vocabulary):
    """(record of codes and plain values, {field: [errors]}) of one row's raw values."""
    record, errors = {}, {}
    for spec in IMPORTED:
        value = raw.get(spec.name)
        if spec.kind in (CODES, NAMES):
            items = _items(value)
            if spec.kind == CODES:
                codes = []
                for item in items:
                    code, error = vocabulary.code(spec.name, item)
                    if error:
                        errors.setdefault(spec.name, []).append(error)
                    else:
                        codes.append(code)
                items = sorted(set(codes))
            record[spec.name] = items
        elif spec.kind == CODE:
            text = _text(value)
            record[spec.name] = text
            if text and spec.name in vocabulary.words:
                code, error = vocabulary.code(spec.name, text)
                record[spec.name] = code or text
                if error:
                    errors.setdefault(spec.name, []).append(error)
        elif spec.kind == DATE and isinstance(value, datetime.date):
            record[spec.name] = value.isoformat()
        elif spec.kind in (INTEGER, NUMBER) and isinstance(value, int | float | decimal.Decimal):
            record[spec.name] = _text(value)
        else:
            record[spec.name] = _text(value)
    if not record["id"]:
        errors.setdefault("id", []).append(_("Give every practice its id in your source."))
    return record, errors


def content_hash(record):
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


@dataclass
class RowResult:
    row: int
    id: str = ""
    title: str = ""
    action: str = ""  # created, updated, unchanged, failed
    errors: dict = field(default_factory=dict)  # {field name, or "" for the row: [messages]}
    practice: int | None = None


@dataclass
class Report:
    source: str
    dry_run: bool
    all_or_nothing: bool
    rows: list = field(default_factory=list)
    ignored_columns: list = field(default_factory=list)
    rolled_back: bool = False

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def failed(self):
        return [row for row in self.rows if row.action == "failed"]

    def as_dict(self):
        data = asdict(self)
        data["counts"] = {
            action: self.count(action) for action in ("created", "updated", "unchanged", "failed")
        }
        return data


class Importer:
    """One import run: `run(rows)` gives its Report. `progress(done, total)` is called as it
    goes."""

    def __init__(
        self,
        source,
        user=None,
        publish=False,
        dry_run=False,
        all_or_nothing=False,
        progress=None,
    ):
        self.source, self.user, self.publish = source, user, publish
        self.dry_run, self.all_or_nothing = dry_run, all_or_nothing
        self.progress = progress or (lambda done, total: None)
        self.vocabulary = Vocabulary()
        self.terms = {
            name: dict(model.objects.default_locale().values_list("code", "pk"))
            for name, model in TERM_MODELS.items()
        }
        self.countries = dict(Country.objects.values_list("code", "pk"))
        self.organisations = {}
        for organisation in Organisation.objects.default_locale().select_related("country"):
            key = (_word(organisation.name), organisation.country.code)
            self.organisations[key] = organisation
        self.partners = {
            _word(name): pk
            for name, pk in Organisation.objects.approved()
            .default_locale()
            .values_list("name", "pk")
        }
        self.known = {
            record.external_id: record
            for record in ImportedPractice.objects.filter(source=source).select_related("practice")
        }
        self.libraries = {}
        self.slugs = {}  # library pk: its children's slugs
        self.pending = []  # new drafts, created together at the end of a batch
        self.forms = ImportForms(user)
        self._proposed = None  # the organisation the current row proposed

    # -- the run ----------------------------------------------------------------------------

    def run(self, rows, ignored_columns=()):
        # A run makes millions of short-lived objects: without this, the garbage collector
        # walks every long-lived object of the process (models, 26 catalogues, the vocabulary)
        # again and again, a third of the run's time.
        gc.freeze()
        try:
            return self._run(rows, ignored_columns)
        finally:
            gc.unfreeze()

    def _run(self, rows, ignored_columns):
        report = Report(self.source, self.dry_run, self.all_or_nothing)
        report.ignored_columns = list(ignored_columns)
        seen = {}
        total = len(rows)
        if self.all_or_nothing and not self.dry_run:
            with transaction.atomic():
                for done, (number, raw) in enumerate(rows, start=1):
                    report.rows.append(self._row(number, raw, seen))
                    if done % BATCH == 0 or done == total:
                        self._create_pending()
                        self.progress(done, total)
                if report.failed:
                    report.rolled_back = True
                    transaction.set_rollback(True)
            return report
        for start in range(0, total, BATCH):
            with transaction.atomic():
                for number, raw in rows[start : start + BATCH]:
                    report.rows.append(self._row(number, raw, seen))
                self._create_pending()
            self.progress(min(start + BATCH, total), total)
        return report

    def _row(self, number, raw, seen):
        result = RowResult(row=number)
        if raw is None:
            result.action = "failed"
            result.errors[""] = [_("This entry is not an object of fields.")]
            return result
        record, errors = normalise(raw, self.vocabulary)
        result.id, result.title = record["id"], record["title"]
        if record["id"] in seen:
            errors.setdefault("id", []).append(
                _("Row %(row)s has the same id.") % {"row": seen[record["id"]]}
            )
        elif record["id"]:
            seen[record["id"]] = number
        known = self.known.get(record["id"])
        digest = content_hash(record)
        unchanged = known and known.content_hash == digest
        if not errors and unchanged and (known.practice.live or not self.publish):
            result.action, result.practice = "unchanged", known.practice_id
            return result
        self._proposed = None
        try:
            with transaction.atomic():
                self._save(record, errors, known, digest, result)
                if errors:
                    raise _RowFailed
        except _RowFailed:
            pass
        except ValidationError as error:  # the page's own checks when it is saved
            messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for name, texts in messages.items():
                errors.setdefault(name if name in FIELDS_BY_NAME else "", []).extend(texts)
        if errors:
            result.action, result.errors, result.practice = "failed", errors, None
            if self._proposed:  # rolled back with the row
                self.organisations.pop(self._proposed, None)
        return result

    # -- one practice -----------------------------------------------------------------------

    def _organisation(self, record, errors):
        name, country = record["organisation"], record["organisation_country"]
        if not name:
            errors.setdefault("organisation", []).append(
                _("Give the name of the organisation that owns this practice.")
            )
            return None
        if not country or country not in self.countries:
            if "organisation_country" not in errors:
                errors["organisation_country"] = [_("Give the organisation's country.")]
            return None
        found = self.organisations.get((_word(name), country))
        if found is not None:
            if found.status == OrganisationStatus.REJECTED:
                errors.setdefault("organisation", []).append(
                    _("The organisation “%(name)s” was not accepted by the editors.")
                    % {"name": name}
                )
                return None
            return found
        organisation_type = record["organisation_type"]
        type_pk = self.terms["organisation_type"].get(organisation_type)
        if type_pk is None:
            if "organisation_type" not in errors:
                errors["organisation_type"] = [
                    _(
                        "“%(name)s” is not on the portal yet: give its organisation type to "
                        "propose it."
                    )
                    % {"name": name}
                ]
            return None
        proposal = Organisation(
            name=name[:200],
            organisation_type_id=type_pk,
            country_id=self.countries[country],
            status=OrganisationStatus.PROPOSED,
            proposed_by=self.user,
        )
        if not self.dry_run:
            proposal.slug = organisation_slug(name)
            proposal.save()
        self._proposed = (_word(name), country)
        self.organisations[self._proposed] = proposal
        return proposal

    def _form_data(self, record, errors):
        data = {"licence_consent": "on"}
        for spec in IMPORTED:
            value = record[spec.name]
            if spec.name in self.terms and spec.kind == CODES:
                data[spec.name] = [str(self.terms[spec.name][code]) for code in value]
            elif spec.name == "countries":
                data[spec.name] = [str(self.countries[code]) for code in value]
            elif spec.name == "partner_organisations":
                data[spec.name] = []
                for name in value:
                    pk = self.partners.get(_word(name))
                    if pk is None:
                        errors.setdefault(spec.name, []).append(
                            _("No organisation “%(name)s” on the portal.") % {"name": name}
                        )
                    else:
                        data[spec.name].append(str(pk))
            else:
                data[spec.name] = value
        return data

    def _save(self, record, errors, known, digest, result):
        organisation = self._organisation(record, errors)
        data = self._form_data(record, errors)
        existing = known.practice.specific if known else None
        language = existing.locale.language_code if existing else None
        form = self.forms.form(data, organisation or Organisation(), language)
        if not form.is_valid():
            for name, texts in form.errors.items():
                key = name if name in FIELDS_BY_NAME else ""
                errors.setdefault(key, []).extend(texts)
            return
        if errors or organisation is None:
            return
        result.action = "updated" if existing else "created"
        if self.dry_run:
            result.practice = existing.pk if existing else None
            return
        if existing:
            page = existing.get_latest_revision_as_object()
            page.organisation = organisation
        else:
            page = PracticePage(organisation=organisation, owner=self.user, live=False)
        form.copy_to(page)
        if not existing:
            parent = self._library(form.cleaned_data["language"])
            page.slug = unique_slug(parent, page.title, "practice", self._slugs(parent))
            if not self.publish:  # a draft: created with the others of its batch
                self.pending.append((page, parent, record["id"], digest, result))
                return
            parent.add_child(instance=page)
        revision = page.save_revision(user=self.user, log_action=True, clean=True)
        if self.publish:
            revision.publish(user=self.user)
        ImportedPractice.objects.update_or_create(
            source=self.source,
            external_id=record["id"],
            defaults={"practice": page, "content_hash": digest},
        )
        result.practice = page.pk

    def _create_pending(self):
        """The batch's new drafts, and the records of where they came from."""
        pending, self.pending = self.pending, []
        drafts.create([(page, parent) for page, parent, *_rest in pending], self.user)
        ImportedPractice.objects.bulk_create(
            ImportedPractice(
                source=self.source,
                external_id=external_id,
                practice_id=page.pk,
                content_hash=digest,
            )
            for page, _parent, external_id, digest, _result in pending
        )
        for page, *_rest, result in pending:
            result.practice = page.pk

    def _slugs(self, parent):
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(
                Page.objects.child_of(parent).values_list("slug", flat=True)
            )
        return self.slugs[parent.pk]

    def _library(self, language):
        if language not in self.libraries:
            self.libraries[language] = PracticeIndexPage.for_language(language)
        return self.libraries[language]


class _RowFailed(Exception):
    """Undo what a row saved (its organisation proposal) when it turns out to be invalid."""
