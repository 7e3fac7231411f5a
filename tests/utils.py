"""Read pages the way a person does: titles of cards, counts beside filter options."""

import re

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def facet_counts(response, param):
    """{option value: count shown} for one filter of a listing's filter panel."""
    counts = {}
    page = soup(response)
    for box in page.select(f'.filters input[type=checkbox][name="{param}"]'):
        label = page.find("label", attrs={"for": box["id"]})
        match = re.search(r"\((\d+)\)", label.get_text())
        counts[box["value"]] = int(match.group(1))
    return counts


def checked(response, param):
    return [box["value"] for box in soup(response).select(f'input[name="{param}"][checked]')]


def text(response):
    return " ".join(soup(response).get_text(" ").split())
