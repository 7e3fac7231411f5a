import datetime

import factory
import wagtail_factories

from portal.factories import OrganisationFactory, term
from portal.models import ActionArea, Country
from practices.models import PracticeIndexPage, PracticePage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Good practices"
    slug = "practices"

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    """A live practice. Many-to-many fields take lists of terms, e.g. `terms(ActionArea, ...)`."""

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "Newcomers learn the language while they work, with a mentor from the team."
    organisation = factory.SubFactory(OrganisationFactory)
    start_date = datetime.date(2020, 1, 1)
    approach = "<p>Weekly sessions run by trained volunteers.</p>"
    action_areas = factory.LazyFunction(lambda: [term(ActionArea, "education-and-training")])
    countries = factory.LazyFunction(lambda: [Country.objects.get(code="se")])

    class Meta:
        model = PracticePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        # Wagtail indexes on post_save, before the many-to-many rows are written; the admin
        # saves again when publishing, and so do we, so that terms are searchable.
        page.save()
        return page
