"""The content types members may submit, as their own apps declare them.

A feature app registers each submittable page type from its `AppConfig.ready()`::

    registry.register(PracticePage, views=PracticeSubmissionViews, kind="practices",
                      label=_("Practices"))

"My submissions", the translation status and the page mixin read this registry; the editorial
app never imports a feature app.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SubmissionType:
    model: type  # the page class
    views: type  # its `submissions.views.SubmissionViews` subclass (URL names, texts)
    kind: str  # a stable code for URLs, e.g. "practices" in ?kind=practices
    label: str  # plural, for editors: "Practices"


_types = {}


def register(model, *, views, kind, label):
    """Declare `model` submittable through `views`; registering the same model again (a test
    re-running `ready()`) replaces its entry."""
    _types[model] = SubmissionType(model=model, views=views, kind=kind, label=label)


def submission_types():
    """Every registered type, in the order their apps are installed."""
    return list(_types.values())


def for_model(model):
    """The entry for a page class (or one of its subclasses)."""
    for registered, entry in _types.items():
        if issubclass(model, registered):
            return entry
    raise LookupError(f"{model.__name__} is not registered in submissions.registry")


def for_kind(kind):
    """The entry with this code, or the first registered type (the default view)."""
    types = submission_types()
    return next((entry for entry in types if entry.kind == kind), types[0] if types else None)
