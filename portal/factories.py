"""Factories for the portal's shared models; they drive tests, the demo data and benchmarks."""

from django.conf import settings

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from portal.models import Country, CustomImage, Organisation, OrganisationType, User


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def term(model, code):
    """A seeded default-locale taxonomy term by its code."""
    return model.objects.default_locale().get(code=code)


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = User
        django_get_or_create = ["email"]


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Welcome Office {n}")
    slug = factory.Sequence(lambda n: f"welcome-office-{n}")
    organisation_type = factory.LazyFunction(lambda: term(OrganisationType, "municipality"))
    country = factory.LazyFunction(lambda: Country.objects.get(code="se"))
    region_city = "Malmö"
    description = "A municipal service that welcomes newcomers."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Organisation
        django_get_or_create = ["slug", "locale"]
