"""An optional picture with its description, shared by page types that show one."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class DescribedImageMixin(models.Model):
    """The description is what screen reader users hear instead of the picture, so one is
    required as soon as an image is chosen (WCAG 1.1.1): the page's own words, or else
    the description stored with the image in the library, so that an editor who
    described the image on upload is not asked again."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the description "
            "stored with the image."
        ),
    )

    image_panel = MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image"))

    class Meta:
        abstract = True

    def image_errors(self):
        """For the page's clean(), which reports them together with its own."""
        if self.image_id and not self.image_description:
            return {
                "image_alt": _(
                    "Describe the image for people who cannot see it, here or in the image's own description."
                )
            }
        return {}

    @property
    def image_description(self):
        if self.image_alt.strip():
            return self.image_alt.strip()
        return (self.image.description or "").strip() if self.image_id else ""
