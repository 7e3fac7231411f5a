"""The front-end forms: practice submission (every field, in sections) and contact."""

from urllib.parse import urlsplit

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal import licences
from portal.languages import CONTENT_LANGUAGES
from portal.sanitize import safe_url
from portal.uploads import CheckedImageField, PDFField
from submissions.forms import ChildFormSet, SubmissionForm

from .choices import AdoptionKind
from .forms import REQUIRED_MESSAGES, date_errors, taxonomy_errors
from .models import BODY_SECTIONS, PracticePage
from .models.adoption import NOTE_MAX_LENGTH
from .models.practice import PEOPLE_REACHED_MAX, validate_people_reached

SUBMISSION_SECTIONS = [
    (_("The practice in short"), ["title", "summary", "language"]),
    (
        _("Who and where"),
        ["partner_organisations", "countries", "region_city", "implementation_level"],
    ),
    (_("Themes and people"), ["action_areas", "sub_themes", "target_groups", "people_reached"]),
    (
        _("Time and money"),
        [
            "start_date",
            "end_date",
            "continuation",
            "budget_amount",
            "budget_currency",
            "funding_instruments",
        ],
    ),
    (_("What you did and what you learned"), [name for name, _heading in BODY_SECTIONS]),
    (_("Evidence and participation"), ["evidence_level", "migrant_participation"]),
    (
        _("Image and documents"),
        [
            "image",
            "image_alt",
            "image_credit",
            "image_licence",
            "remove_image",
            "attachment",
            "attachment_title",
        ],
    ),
]


class PracticeSubmissionForm(SubmissionForm):
    """Every field of a practice, in plain web-form sections, for organisation members."""

    model = PracticePage
    fieldsets = SUBMISSION_SECTIONS
    required_messages = REQUIRED_MESSAGES

    language = forms.ChoiceField(
        label=capfirst(_("original language")),
        choices=CONTENT_LANGUAGES,
        help_text=_("The language this practice was written in."),
    )
    image = CheckedImageField(
        label=_("Main image"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo, at most 10 MB. Only images you may publish."),
    )
    image_credit = forms.CharField(
        label=_("Image credit"),
        max_length=255,
        required=False,
        help_text=_("Who took the photo or made the image, as it should be credited."),
    )
    image_licence = forms.CharField(
        label=_("Image licence"),
        max_length=255,
        required=False,
        help_text=_("The licence others may reuse the image under, e.g. CC BY 4.0."),
    )
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)
    attachment = PDFField(
        label=_("Add a document (PDF)"),
        required=False,
        help_text=_("An evaluation, a report or a leaflet; PDF only, at most 20 MB."),
    )
    attachment_title = forms.CharField(label=_("Document title"), max_length=250, required=False)
    licence_consent = forms.BooleanField(
        label=_("I agree that this practice is published under this licence."),
        required=False,
        error_messages={
            "required": _(
                "To submit the practice for review, agree to publish it under the licence."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.licence = licences.current()
        # Needed to submit for review, not to save a draft.
        self.fields["licence_consent"].required = not self.draft
        self.fields["licence_consent"].widget.attrs["aria-describedby"] = "licence-help"
        people = self.fields["people_reached"]
        people.validators.append(validate_people_reached)
        people.widget.attrs["max"] = PEOPLE_REACHED_MAX
        sub_themes = self.fields["sub_themes"]
        sub_themes.queryset = sub_themes.queryset.select_related("action_area").order_by(
            "action_area__sort_order", "sort_order"
        )

    @classmethod
    def initial_from(cls, page):
        """Consent once given to the current licence stays given (the box is ticked)."""
        initial = super().initial_from(page)
        initial["licence_consent"] = bool(
            page.licence_agreed_at and page.licence == licences.current()["url"]
        )
        return initial

    def copy_to(self, page):
        super().copy_to(page)
        if self.cleaned_data.get("licence_consent"):
            page.agree_to_licence(self.user, self.licence["url"])

    def cross_field_errors(self, cleaned):
        errors = dict(
            taxonomy_errors(cleaned.get("action_areas") or [], cleaned.get("sub_themes") or [])
        )
        if self.draft and not cleaned.get("action_areas"):
            errors.pop("action_areas", None)
        errors.update(
            date_errors(
                cleaned.get("start_date"), cleaned.get("end_date"), cleaned.get("continuation")
            )
        )
        return errors


class LinkForm(forms.Form):
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https")
    title = forms.CharField(label=_("Link text"), max_length=250, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("url") and not cleaned.get("title"):
            self.add_error("title", _("Give the link a short title."))
        if cleaned.get("url") and not safe_url(cleaned["url"]):
            self.add_error("url", _("Only http and https addresses are allowed."))
        return cleaned


class LinkRows(ChildFormSet):
    key_field = "url"
    default_error_messages = {
        "too_many_forms": _("You can add up to %(num)s links. Remove some, then save again."),
    }


LinkFormSet = forms.formset_factory(
    LinkForm, formset=LinkRows, extra=2, max_num=10, validate_max=True
)


class AdoptionLinkForm(forms.Form):
    """One practice the submitted practice took up: its address on the portal, how, and what
    was changed."""

    original = forms.CharField(
        label=_("Address of the practice on this portal"),
        max_length=500,
        required=False,
        help_text=_("Open the practice you learned from and copy its address here."),
    )
    kind = forms.ChoiceField(
        label=_("How you took it up"), choices=AdoptionKind.choices, required=False
    )
    note = forms.CharField(
        label=_("What you changed"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_original(self):
        address = self.cleaned_data["original"].strip()
        if not address:
            return None
        page = practice_at(address)
        if page is None:
            raise forms.ValidationError(
                _("No published practice has this address. Copy it from the practice's page.")
            )
        return page

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("original") and not cleaned.get("kind"):
            cleaned["kind"] = AdoptionKind.ADAPTED_FROM
        return cleaned


class AdoptionLinkRows(ChildFormSet):
    key_field = "original"
    default_error_messages = {
        "too_many_forms": _("You can name up to %(num)s practices. Remove some, then save again."),
    }

    def __init__(self, data=None, *args, **kwargs):
        """A post without these rows (a form from before they existed) names no practice."""
        prefix = kwargs.get("prefix") or self.get_default_prefix()
        if data is not None and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        super().__init__(data, *args, **kwargs)

    @classmethod
    def initial_for(cls, objects):
        return [
            {"original": link.original.full_url or "", "kind": link.kind, "note": link.note}
            for link in objects
        ]


AdoptionLinkFormSet = forms.formset_factory(
    AdoptionLinkForm, formset=AdoptionLinkRows, extra=1, max_num=5, validate_max=True
)


def practice_at(address):
    """The live, public practice at an address of the portal (any host, any language), or
    None: the last part of the path is its slug, the first its language."""
    parts = [part for part in urlsplit(address).path.split("/") if part]
    if not parts:
        return None
    found = PracticePage.objects.listable().filter(slug=parts[-1])
    return found.filter(locale__language_code=parts[0]).first() or found.first()


class ContactForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The organisation will see your name and email address, to reply to you."),
    )
