# The home page's picture uses the fields of home.images.DescribedImageMixin, like
# news articles and events: renamed, so that stored images and descriptions stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_stored_data_block"),
    ]

    operations = [
        migrations.RenameField(model_name="homepage", old_name="hero_image", new_name="image"),
        migrations.RenameField(model_name="homepage", old_name="hero_image_alt", new_name="image_alt"),
    ]
