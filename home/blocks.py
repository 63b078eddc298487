"""StreamField blocks shared by every page type that has a body.

Raw HTML is deliberately absent: editors get structure, not markup.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        help_text=_("Use section headings first; subheadings only below one."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Unser Quartier im Überblick", "level": "h2"}
        description = _("A heading that structures the page for readers and screen readers.")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure_block.html"
        description = _("An image with alt text for people who cannot see it, an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "text": "Hier kennt man sich, und wer Hilfe braucht, bekommt sie.",
            "attribution": "Erika M., seit 40 Jahren im Viertel",
        }
        description = _("A short quote from a person, with their name.")


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page of this site or to another website; the page wins when both are set."""

    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or another website"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        form_classname = "link-target-block"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a web address."))}
            )
        return cleaned


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkTargetBlock(label=_("Link"))
    button_label = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Sie brauchen Hilfe im Alltag?",
            "text": "Rufen Sie uns an oder kommen Sie in die Sprechstunde.",
            "link": {"url": "https://example.org/"},
            "button_label": "So erreichen Sie uns",
        }
        description = _("A highlighted box that invites readers to do one thing.")


class TeaserBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Leave empty to use the page title.")
    )
    text = blocks.TextBlock(label=_("Short text"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Teaser")


class SectionBlock(blocks.StructBlock):
    """A home page section: a heading and teasers that lead into the site's areas."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    teasers = blocks.ListBlock(TeaserBlock(), label=_("Teasers"), min_num=1, max_num=12)

    class Meta:
        icon = "table"
        label = _("Section with teasers")
        template = "home/blocks/section_block.html"
        description = _("A heading with cards that link to pages of the site.")


class StoredDataBlock(blocks.StaticBlock):
    """The table of what the site stores about people, generated from the code's own
    register of personal data (core/personal_data.py), for the privacy statement."""

    class Meta:
        icon = "lock"
        label = _("What this site stores (generated)")
        admin_text = _("Shows the current list of stored personal data, purposes and deletion periods.")
        template = "home/blocks/stored_data_block.html"


class BodyBlock(blocks.StreamBlock):
    """The text of news articles and events, and the base of the pages' own blocks."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="home/blocks/paragraph_block.html",
        preview_value="<p>Das Nachbarschaftscafé ist dienstags und donnerstags geöffnet.</p>",
        description=_("Running text with links and lists."),
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class PageBodyBlock(BodyBlock):
    # Only a page (the privacy statement) lists what the site stores; an article's or
    # an event's form does not offer it.
    stored_data = StoredDataBlock()


class HomePageBlock(PageBodyBlock):
    section = SectionBlock()


class OfficeHoursBlock(blocks.StructBlock):
    days = blocks.CharBlock(label=_("Days"), max_length=60, help_text=_("For example: Tuesday and Thursday"))
    opens = blocks.TimeBlock(label=_("From"))
    closes = blocks.TimeBlock(label=_("Until"))
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=120)

    class Meta:
        icon = "time"
        label = _("Office hours")
        template = "home/blocks/office_hours_block.html"


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Name"), max_length=40)
    url = blocks.URLBlock(label=_("Web address"))

    class Meta:
        icon = "site"
        label = _("Link")
