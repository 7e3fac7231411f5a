"""StreamField blocks shared by the portal's pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        form_classname = "title"
        description = _("A section heading (level 2).")
        preview_value = "Approach and activities"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = _("Formatted text: paragraphs, lists, links.")
        preview_value = "<p>Newcomers learn the language <b>while</b> they work.</p>"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        description = _("An image with alternative text and an optional caption.")
        preview_value = {"caption": "Language café in the city library"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation, e.g. from a participant.")
        preview_value = {
            "text": "For the first time I felt the city was also mine.",
            "attribution": "Participant, 2023",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
