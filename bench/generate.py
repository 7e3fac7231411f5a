"""Shared by the benchmarks: a throw-away database and many generated, multilingual practices
inserted in bulk (Wagtail pages, their many-to-many rows), deterministic for a seed."""

import os
import random
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)
from django.utils import timezone  # noqa: E402

# A few words per language, so that generated practices share searchable vocabulary.
WORDS = {
    "en": "language housing mentor health school work women youth welcome digital "
    "refugees newcomers training employment clinic library volunteers tenancy".split(),
    "sv": "språkkurs bostad mentor hälsa skola arbete kvinnor unga välkomst digital "
    "nyanlända flyktingar utbildning anställning vårdcentral bibliotek volontärer".split(),
    "de": "Sprachkurs Wohnung Mentoring Gesundheit Schule Arbeit Frauen Jugend Willkommen "
    "digital Geflüchtete Ausbildung Beschäftigung Praxis Bibliothek Ehrenamtliche".split(),
    "fr": "langue logement mentorat santé école travail femmes jeunes accueil numérique "
    "réfugiés formation emploi bibliothèque bénévoles colocation".split(),
    "it": "lingua alloggio tutoraggio salute scuola lavoro donne giovani accoglienza "
    "digitale rifugiati formazione occupazione biblioteca volontari".split(),
    "es": "idioma vivienda mentoría salud escuela trabajo mujeres jóvenes acogida digital "
    "refugiados formación empleo biblioteca voluntarios".split(),
    "pl": "język mieszkanie mentoring zdrowie szkoła praca kobiety młodzież powitanie "
    "cyfrowy uchodźcy szkolenia zatrudnienie biblioteka wolontariusze".split(),
    "nl": "taal huisvesting mentor gezondheid school werk vrouwen jongeren welkom digitaal "
    "vluchtelingen opleiding werkgelegenheid bibliotheek vrijwilligers".split(),
}
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def throwaway_database(name):
    """Create and migrate a fresh database; returns what `drop_database` needs."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        path = ROOT / "var" / f"bench-{name}.sqlite3"
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
        database["TEST"]["NAME"] = str(path)
    setup_test_environment()
    return setup_databases(verbosity=0, interactive=False, keepdb=False)


def drop_database(state):
    teardown_databases(state, verbosity=0)
    teardown_test_environment()


def _path(number):
    out = ""
    while number:
        number, remainder = divmod(number, 36)
        out = ALPHABET[remainder] + out
    return out.rjust(4, "0")


def generate(count, seed=2026):
    """Insert `count` live practices under the library, in bulk. Returns the seconds taken."""
    import time

    from wagtail.models import Page

    from portal.factories import OrganisationFactory
    from portal.models import (
        ActionArea,
        Country,
        FundingInstrument,
        OrganisationType,
        Revision,
        SubTheme,
        TargetGroup,
    )
    from practices.choices import (
        Continuation,
        EvidenceLevel,
        ImplementationLevel,
        MigrantParticipation,
    )
    from practices.models import PracticeIndexPage, PracticePage

    started = time.perf_counter()
    rng = random.Random(seed)
    # Each practice lives in the library of the language it is written in.
    libraries = {language: PracticeIndexPage.for_language(language) for language in WORDS}
    content_type = ContentType.objects.get_for_model(PracticePage)
    countries = list(Country.objects.filter(group="eu"))
    org_types = list(OrganisationType.objects.default_locale())
    organisations = [
        OrganisationFactory(
            organisation_type=rng.choice(org_types),
            country=rng.choice(countries),
            name=f"Organisation {n}",
            slug=f"organisation-{n}",
        )
        for n in range(300)
    ]
    terms = {
        "action_areas": list(ActionArea.objects.default_locale()),
        "sub_themes": list(SubTheme.objects.default_locale()),
        "target_groups": list(TargetGroup.objects.default_locale()),
        "funding_instruments": list(FundingInstrument.objects.default_locale()),
    }
    languages = list(WORDS)
    now = timezone.now()
    pages, details, children = [], [], dict.fromkeys(WORDS, 0)
    for n in range(1, count + 1):
        language = rng.choice(languages)
        words = WORDS[language]
        library = libraries[language]
        children[language] += 1
        title = " ".join(rng.sample(words, 3)).capitalize() + f" {n}"
        published = now - timezone.timedelta(minutes=n)
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=f"practice-{n}",
                path=library.path + _path(children[language]),
                depth=library.depth + 1,
                numchild=0,
                url_path=f"{library.url_path}practice-{n}/",
                content_type=content_type,
                locale_id=library.locale_id,
                live=True,
                first_published_at=published,
                last_published_at=published,
                translation_key=uuid.uuid4(),
            )
        )
        details.append(
            (language, " ".join(rng.choices(words, k=25)), " ".join(rng.choices(words, k=60)))
        )
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=1000)
        for language, library in libraries.items():
            Page.objects.filter(pk=library.pk).update(numchild=children[language])
        by_slug = dict(Page.objects.filter(slug__startswith="practice-").values_list("slug", "pk"))
        rows = {name: [] for name in [*terms, "countries"]}
        for page, (_language, summary, body) in zip(pages, details, strict=True):
            page.pk = page.id = by_slug[page.slug]
            year = rng.randint(2012, 2025)
            finished = rng.random() < 0.3
            start = timezone.datetime(year, rng.randint(1, 12), 1).date()
            practice = PracticePage(
                page_ptr_id=page.pk,
                summary=summary.capitalize() + ".",
                organisation=rng.choice(organisations),
                implementation_level=rng.choice(ImplementationLevel.values),
                start_date=start,
                end_date=start.replace(year=min(year + 2, 2026)) if finished else None,
                continuation=Continuation.FINISHED
                if finished
                else rng.choice([Continuation.ONGOING, Continuation.REGULAR_SERVICE]),
                approach=f"<p>{body}</p>",
                evidence_level=rng.choice(EvidenceLevel.values),
                migrant_participation=rng.choice(MigrantParticipation.values),
                last_confirmed=now.date(),
            )
            practice.__dict__.update(
                {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
            )
            practice.save_base(raw=True)
            areas = rng.sample(terms["action_areas"], rng.randint(1, 2))
            area_ids = {area.pk for area in areas}
            chosen = {
                "action_areas": areas,
                "sub_themes": [
                    t
                    for t in terms["sub_themes"]
                    if t.action_area_id in area_ids and rng.random() < 0.3
                ],
                "target_groups": rng.sample(terms["target_groups"], rng.randint(1, 3)),
                "funding_instruments": rng.sample(terms["funding_instruments"], rng.randint(0, 2)),
                "countries": rng.sample(countries, rng.choice([1, 1, 1, 2, 3])),
            }
            for name, values in chosen.items():
                relation = getattr(PracticePage, name)
                column = relation.field.m2m_reverse_field_name()
                rows[name] += [
                    relation.through(practicepage_id=page.pk, **{f"{column}_id": v.pk})
                    for v in values
                ]
        for name, objects in rows.items():
            getattr(PracticePage, name).through.objects.bulk_create(objects, batch_size=5000)
        Revision.bump(Revision.PRACTICES)  # bulk inserts send no signals
    return time.perf_counter() - started
