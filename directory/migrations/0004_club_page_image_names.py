# Club pages use the fields of home.images.DescribedImageMixin, like news articles,
# events and the home page: renamed, so that stored logos and descriptions stay.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_offer_title_index"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameField(model_name="clubpage", old_name="logo", new_name="image"),
        migrations.RenameField(model_name="clubpage", old_name="logo_alt", new_name="image_alt"),
        # The mixin's label: "image" instead of "logo or photo".
        migrations.AlterField(
            model_name="clubpage",
            name="image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="image",
            ),
        ),
    ]
