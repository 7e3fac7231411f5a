import datetime

import factory
import wagtail_factories

from portal.factories import OrganisationFactory

from .models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A live event, by default an online webinar in two weeks' time."""

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "Practitioners compare how they welcome newcomers."
    organisation = factory.SubFactory(OrganisationFactory)
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(12, 0)
    timezone = "Europe/Brussels"
    event_format = "online"
    online_url = "https://meet.example.org/integra"

    class Meta:
        model = EventPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.save()  # index the many-to-many relations too (see PracticePageFactory)
        return page
