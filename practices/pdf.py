"""A practice as a PDF ("Download as PDF"): title, summary, key facts and its sections, with the
addresses of its links written out, labelled in the reader's language.

Drawn with fpdf2 in Debian's DejaVu fonts (fonts-dejavu-core: Latin, Greek, Cyrillic and Arabic;
Bitstream Vera licence, free to embed) and shaped with HarfBuzz (uharfbuzz), so that Arabic is
joined and runs right to left."""

from pathlib import Path

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from wagtail.rich_text import expand_db_html

from bs4 import BeautifulSoup
from fpdf import FPDF

from portal.templatetags.portal_tags import language_name, money

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVu"
BLOCKS = ("p", "h3", "h4", "li", "blockquote")


def _text(element):
    """An element's text with each link's address after it: "report (https://…)"."""
    for link in element.find_all("a", href=True):
        href = link["href"]
        if href.startswith(("http://", "https://", "mailto:")) and href != link.get_text():
            link.append(f" ({href})")
    return " ".join(element.get_text(" ").split())


def rich_text_blocks(html):
    """(kind, text) for each paragraph, heading, list item and quotation of rich text."""
    tree = BeautifulSoup(expand_db_html(html), "html.parser")
    blocks = []
    for element in tree.find_all(BLOCKS):
        if element.find_parent(BLOCKS):
            continue  # a paragraph inside a list item or quotation: read with it
        number = None
        if element.name == "li" and element.parent and element.parent.name == "ol":
            number = element.parent.find_all("li", recursive=False).index(element) + 1
        bullet = f"{number}. " if number else "• " if element.name == "li" else ""
        text = _text(element)
        if text:
            blocks.append((element.name, bullet + text))
    return blocks


def _names(items, separator=", "):
    return separator.join(str(item) for item in items)


def key_facts(page):
    """(label, value) pairs of the practice's key facts, as its page lists them."""
    countries = _names(country.localized_name for country in page.countries.all())
    where = ", ".join(part for part in (page.region_city, countries) if part)
    if page.end_date:
        when = (
            f"{date_format(page.start_date, 'YEAR_MONTH_FORMAT')} – "
            f"{date_format(page.end_date, 'YEAR_MONTH_FORMAT')}"
        )
    elif page.start_date:
        when = _("Since %(start)s") % {"start": date_format(page.start_date, "YEAR_MONTH_FORMAT")}
    else:
        when = ""
    facts = [
        (_("Organisation"), page.organisation.name),
        (_("Partners"), _names(org.name for org in page.partner_organisations.all())),
        (_("Where"), where),
        (_("Level"), page.get_implementation_level_display()),
        (_("When"), f"{when} ({page.get_continuation_display()})" if when else ""),
        (_("Budget"), money(page.budget_amount, page.budget_currency)),
        (_("People reached"), intcomma(page.people_reached) if page.people_reached else ""),
        (_("Action areas"), _names(area.label for area in page.action_areas.all())),
        (_("Sub-themes"), _names(theme.label for theme in page.sub_themes.all())),
        (_("Target groups"), _names(group.label for group in page.target_groups.all())),
        (_("Funding"), _names((fund.label for fund in page.funding_instruments.all()), "; ")),
        (_("Evidence"), page.get_evidence_level_display()),
        (_("Migrant participation"), page.get_migrant_participation_display()),
        (_("Original language"), language_name(page.locale.language_code)),
        (_("Last confirmed"), date_format(page.last_confirmed, "DATE_FORMAT")),
    ]
    return [(label, str(value)) for label, value in facts if value]


class PracticeDocument(FPDF):
    """A4 pages with the practice's address and the page number at the foot of each."""

    def __init__(self, url):
        super().__init__(format="A4")
        self.url = url
        self.align = "R" if get_language_bidi() else "L"
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_text_shaping(True)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)

    def footer(self):
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{self.url} · {self.page_no()}", align="C")

    def write_block(self, text, size=10.5, style="", height=5.6, space=2.2, indent=0):
        self.set_font(FONT, style, size)
        self.set_x(self.l_margin + (0 if self.align == "R" else indent))
        self.multi_cell(self.epw - indent, height, text, align=self.align)
        self.ln(space)

    def heading(self, text, size=13):
        self.ln(2)
        self.set_text_color(11, 61, 145)
        self.write_block(text, size=size, style="B", height=size * 0.5, space=1.5)
        self.set_text_color(27, 27, 31)


def render(page, url):
    """The PDF of `page` (a PracticePage) as bytes; `url` is its address, printed on it."""
    document = PracticeDocument(url)
    document.set_title(page.title)
    document.set_lang(page.locale.language_code)
    document.set_creator("Integra")
    document.add_page()
    document.set_text_color(27, 27, 31)
    document.write_block(page.title, size=19, style="B", height=9, space=3)
    document.write_block(page.summary, size=12, height=6.2, space=4)
    document.heading(_("Key facts"))
    for label, value in key_facts(page):
        document.write_block(label, size=9, style="B", height=4.6, space=0.3)
        document.write_block(value, size=10, height=5, space=1.6)
    for _name, heading, value in page.body_sections:
        document.heading(str(heading))
        for kind, text in rich_text_blocks(value):
            if kind in ("h3", "h4"):
                document.write_block(text, size=11, style="B", space=1)
            else:
                document.write_block(text, indent=6 if kind in ("li", "blockquote") else 0)
    links = list(page.links.all())
    if links:
        document.heading(_("Links"))
        for link in links:
            document.write_block(f"{link.title} ({link.url})")
    return bytes(document.output())
