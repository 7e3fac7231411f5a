from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail import hooks

from portal.demo import DEMO_CONTENT, DemoContext
from portal.models import HomePage


def generators():
    """The apps' demo generators (`register_demo_content` hooks), in their order."""
    registered = [register() for register in hooks.get_hooks(DEMO_CONTENT)]
    return [generate for _order, generate in sorted(registered, key=lambda pair: pair[0])]


class Command(BaseCommand):
    help = (
        "Load the demo content every app registers (register_demo_content hooks): "
        "organisations, good practices with images and PDF attachments, events, and the "
        "about/accessibility/privacy pages. Deterministic; running it again adds nothing twice."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        home = HomePage.objects.order_by("path").first()
        if home is None:
            self.stderr.write("No home page: run `manage.py migrate` first.")
            return
        context = DemoContext(home=home, stdout=self.stdout)
        summaries = [generate(context) for generate in generators()]
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {', '.join(summaries)}."))
