from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from wagtail import hooks

from portal.demo import DEMO_CONTENT, DemoContext
from portal.models import HomePage

# The packages of the `demo` extra (pyproject.toml) the generators import.
DEMO_PACKAGES = {"factory", "wagtail_factories", "faker"}


def generators():
    """The apps' demo generators (`register_demo_content` hooks), in their order, imported now."""
    registered = [register() for register in hooks.get_hooks(DEMO_CONTENT)]
    try:
        return [import_string(path) for _order, path in sorted(registered, key=lambda r: r[0])]
    except ModuleNotFoundError as exc:
        if exc.name.partition(".")[0] not in DEMO_PACKAGES:
            raise
        raise CommandError(
            f"The demo content needs the demo extra ({exc.name} is missing): "
            'install it with `pip install -e ".[demo]"`.'
        ) from exc


class Command(BaseCommand):
    help = (
        "Load the demo content every app registers (register_demo_content hooks): "
        "organisations, good practices with images and PDF attachments, events, and the "
        "about/accessibility/privacy pages. Deterministic; running it again adds nothing twice. "
        "Needs the demo extra."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        generate_all = generators()
        home = HomePage.objects.order_by("path").first()
        if home is None:
            self.stderr.write("No home page: run `manage.py migrate` first.")
            return
        context = DemoContext(home=home, stdout=self.stdout)
        summaries = [generate(context) for generate in generate_all]
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {', '.join(summaries)}."))
