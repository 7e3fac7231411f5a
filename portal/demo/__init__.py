"""Demo content, contributed per app through the `register_demo_content` hook.

A hook function returns `(order, "dotted.path.to.generate")`; `manage.py seed_demo` imports every
generator only then (they need the `demo` extra: factory-boy, wagtail-factories…, which a production
install leaves out) and runs every `generate(context)` in ascending order inside one transaction.
`context` is a `DemoContext`; `generate` adds only what is missing (running it again adds nothing
twice) and returns a short summary such as "44 practices (0 new, 0 new translations)". Each app
keeps its data in files named for what they hold, beside its generator:
portal/demo/organisations.json, practices/demo/practices.json, agenda/demo/events.json.
artwork.py draws the images and PDFs all of them use.

This module is imported when the portal starts (by the apps' wagtail_hooks): it imports nothing
from the demo extra."""

from dataclasses import dataclass, field
from typing import Any

DEMO_CONTENT = "register_demo_content"


@dataclass
class DemoContext:
    """What the generators share: the default-language home page, the demo organisations by
    slug (filled by the portal's generator, which runs first) and the command's output."""

    home: Any
    stdout: Any
    organisations: dict = field(default_factory=dict)
