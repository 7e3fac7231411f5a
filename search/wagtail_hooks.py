"""What search contributes to the base's hooks: search results can be followed."""

from wagtail import hooks

from portal.following import FOLLOWABLE

from .following import followable_search

hooks.register(FOLLOWABLE, followable_search)
