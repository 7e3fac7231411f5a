"""Seed the shared taxonomy. Codes are stable: URLs, filters and search facets use them."""

import uuid

import pycountry
from django.conf import settings
from django.db import migrations

ACTION_AREAS = [
    (
        "education-and-training",
        "Education and training",
        "From early childhood to adult learning: language, school, recognition of qualifications.",
        [
            ("early-childhood", "Early childhood education and care"),
            ("language-learning", "Language learning"),
            ("school-education", "School education and support"),
            ("recognition-of-qualifications", "Recognition of qualifications"),
            ("adult-and-vocational-learning", "Adult learning and vocational training"),
        ],
    ),
    (
        "employment-and-skills",
        "Employment and skills",
        "Getting into work that matches people's skills, and starting a business.",
        [
            ("labour-market-integration", "Labour market integration"),
            ("skills-assessment", "Skills assessment and validation"),
            ("entrepreneurship", "Migrant entrepreneurship"),
            ("work-based-learning", "Traineeships and work-based learning"),
            ("employment-of-women", "Employment of migrant women"),
        ],
    ),
    (
        "health",
        "Health",
        "Access to health services, mental health and health literacy.",
        [
            ("access-to-healthcare", "Access to healthcare services"),
            ("mental-health", "Mental health and psychosocial support"),
            ("health-literacy", "Health literacy and prevention"),
            ("health-mediation", "Intercultural mediation in health"),
        ],
    ),
    (
        "housing",
        "Housing",
        "Adequate and affordable housing, and fighting segregation and homelessness.",
        [
            ("access-to-housing", "Access to adequate and affordable housing"),
            ("reception-to-housing", "From reception to independent housing"),
            ("homelessness", "Preventing homelessness"),
            ("desegregation", "Fighting segregation"),
        ],
    ),
    (
        "cross-cutting",
        "Cross-cutting",
        "Participation, anti-discrimination, digital tools, partnerships, EU funds and monitoring.",
        [
            ("participation", "Participation and active citizenship"),
            ("anti-discrimination", "Anti-discrimination and fighting racism"),
            ("digital-tools", "Digital tools"),
            ("partnerships", "Local and regional partnerships"),
            ("eu-funds", "Use of EU funds"),
            ("monitoring", "Monitoring and evaluation"),
            ("interaction", "Interaction with the host society"),
        ],
    ),
]

ORGANISATION_TYPES = [
    ("municipality", "Municipality or city"),
    ("regional-authority", "Regional authority"),
    ("national-authority", "National authority"),
    ("ngo", "NGO or civil society organisation"),
    ("migrant-led", "Migrant-led organisation"),
    ("social-partner", "Social partner"),
    ("academia", "Academia or research"),
    ("international-organisation", "International organisation"),
]

TARGET_GROUPS = [
    ("refugees", "Refugees"),
    ("asylum-seekers", "Asylum seekers"),
    ("temporary-protection", "Beneficiaries of temporary protection"),
    ("third-country-nationals", "Third-country nationals"),
    ("eu-citizens-migrant-background", "EU citizens with a migrant background"),
    ("women", "Women"),
    ("children-and-youth", "Children and youth"),
    ("unaccompanied-minors", "Unaccompanied minors"),
    ("older-people", "Older people"),
    ("people-with-disabilities", "People with disabilities"),
    ("lgbtiq", "LGBTIQ people"),
    ("professionals", "Professionals and volunteers"),
]

FUNDING_INSTRUMENTS = [
    ("amif", "Asylum, Migration and Integration Fund (AMIF)"),
    ("esf-plus", "European Social Fund Plus (ESF+)"),
    ("erdf", "European Regional Development Fund (ERDF)"),
    ("eu4health", "EU4Health"),
    ("erasmus-plus", "Erasmus+"),
    ("national", "National funding"),
    ("regional-local", "Regional or local funding"),
    ("private", "Private or foundation funding"),
    ("other", "Other funding"),
]

EU = "at be bg cy cz de dk ee es fi fr gr hr hu ie it lt lu lv mt nl pl pt ro se si sk"
EEA = "is li no ch"
CANDIDATES = "al ba ge md me mk rs tr ua xk"
OTHER = "gb us ca au"
COUNTRY_NAMES = {
    # Short common names where ISO's official name is long or absent.
    "cz": "Czechia",
    "gb": "United Kingdom",
    "md": "Moldova",
    "nl": "Netherlands",
    "us": "United States",
    "xk": "Kosovo",
}


def country_rows():
    groups = [("eu", 10, EU), ("eea", 20, EEA), ("candidate", 30, CANDIDATES), ("other", 40, OTHER)]
    for group, order, codes in groups:
        for code in codes.split():
            country = pycountry.countries.get(alpha_2=code.upper())
            name = COUNTRY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
            yield code, name, group, order


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)

    def term(model_name, code, name, order, **extra):
        model = apps.get_model("portal", model_name)
        obj, _created = model.objects.get_or_create(
            code=code,
            locale=locale,
            defaults={"name": name, "sort_order": order, "translation_key": uuid.uuid4(), **extra},
        )
        return obj

    for order, (code, name, description, themes) in enumerate(ACTION_AREAS, start=1):
        area = term("ActionArea", code, name, order, description=description)
        for theme_order, (theme_code, theme_name) in enumerate(themes, start=1):
            term("SubTheme", theme_code, theme_name, order * 100 + theme_order, action_area=area)
    for model_name, rows in [
        ("OrganisationType", ORGANISATION_TYPES),
        ("TargetGroup", TARGET_GROUPS),
        ("FundingInstrument", FUNDING_INSTRUMENTS),
    ]:
        for order, (code, name) in enumerate(rows, start=1):
            term(model_name, code, name, order)

    Country = apps.get_model("portal", "Country")
    for code, name, group, order in country_rows():
        Country.objects.get_or_create(
            code=code, defaults={"name": name, "group": group, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_taxonomy_organisations_pages_images"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
