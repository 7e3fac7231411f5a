"""The searchable types, as their apps declare them (see search.declarations).

Like Wagtail's hooks: each installed app may have a `search` module that calls `register()`;
`autodiscover()` imports them when the search app is ready, so `search/` names no feature.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

_declarations = {}


def register(declaration):
    """Add a searchable type (a `PageSearch` instance); returns it. Registering a name again
    replaces the earlier declaration (tests do so)."""
    declaration.check()
    _declarations[declaration.name] = declaration
    return declaration


def unregister(name):
    _declarations.pop(name, None)


def declarations():
    return list(_declarations.values())


def get(name=None):
    """The declaration called `name`, or the default one."""
    if name is not None:
        return _declarations[name]
    for declaration in _declarations.values():
        if declaration.default:
            return declaration
    raise ImproperlyConfigured("No default searchable type is registered (PageSearch.default).")


def for_model(model):
    """The declarations indexing `model` (or a parent class of it)."""
    return [d for d in _declarations.values() if issubclass(model, d.model)]


def autodiscover():
    autodiscover_modules("search")
