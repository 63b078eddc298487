"""Free text as residents type it, made safe to store, show and mail."""

import re

# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) turn the text after
# them around: "Rechnung\u202Efdp.exe" shows as "Rechnungexe.pdf" in a mail or the admin.
# The marks U+200E, U+200F and U+061C stay: Arabic and Hebrew writers need them, and
# they reorder nothing beyond a neighbouring character.
DIRECTION_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_direction_overrides(text):
    return DIRECTION_OVERRIDES.sub("", text)


# Quotation marks inside a quoted title become the inner ones of the same language:
# „Seniorenfahrdienst „Lindenmobil““ reads „Seniorenfahrdienst ‚Lindenmobil‘“.
INNER_QUOTES = str.maketrans({"„": "‚", "“": "‘", "”": "’", "«": "‹", "»": "›", '"': "'"})


def as_inner_quote(text):
    return str(text).translate(INNER_QUOTES)
