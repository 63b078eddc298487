"""Words as the site search compares them: one key per word, the same for the index
and for what residents type, on every database.

A word's key is its Snowball stem (snowballstemmer, the stemmers PostgreSQL's own text
search configurations are made from, compiled by PyStemmer), written in lower case and
without umlauts: the German stemmer reads "Flohmärkte", "Flohmaerkte" and "Flohmarkt"
all as "flohmarkt".
Languages without a Snowball stemmer (Ukrainian) keep the lower-case word.
"""

import functools
import re

import snowballstemmer
from modelsearch import index

WORD = re.compile(r"\w+")
# Umlauts and ß as residents type them on a keyboard without them.
SPELLED_OUT = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))
# The languages of the site (settings.WAGTAIL_CONTENT_LANGUAGES) and Snowball's names.
STEMMERS = {"de": "german", "en": "english", "tr": "turkish", "ar": "arabic"}
# Longer words are no words of a text but addresses, numbers or pasted noise.
LONGEST_WORD = 60


def fold(word):
    """Lower case, umlauts and ß written out: how a keyboard without them types it."""
    word = word.lower()
    for spelled, letter in SPELLED_OUT:
        word = word.replace(letter, spelled)
    return word


def with_umlauts(word):
    word = word.lower()
    for spelled, letter in SPELLED_OUT:
        word = word.replace(spelled, letter)
    return word


@functools.cache
def _stemmer(language):
    # One stemmer object a language and process: they hold no data, only the algorithm.
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


# modelsearch asks an object's search fields five times when it indexes it, and a text
# repeats its vocabulary: keys are remembered (a key takes 0.54 us to make with the
# compiled stemmer, 0.09 us to look up here; in pure Python the stem alone took 107 us).
@functools.lru_cache(maxsize=2**16)
def word_key(word, language):
    """The key of one word in `language` (see the module's description)."""
    word = word.lower()
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word) if stemmer else word)


def words_of(text):
    return [word for word in WORD.findall(text) if len(word) <= LONGEST_WORD and not word.isdigit()]


def searchable_text(obj, fields):
    """The text of `obj` that `fields` (search fields, as Model.search_fields) index."""
    texts = []
    for field in fields:
        if isinstance(field, index.SearchField):
            texts.append(_as_text(field.get_value(obj)))
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if hasattr(related, "all"):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            texts.extend(searchable_text(item, field.fields) for item in related)
    return " ".join(text for text in texts if text)


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


class StemmedSearch:
    """For indexed models (before Page or index.Indexed in the bases): one more search
    field, `search_stems`, that holds the keys of the object's words where they differ
    from the words. Both databases' full-text indexes then hold "fahrdien" beside
    "Fahrdienste", and the query's keys find it: word forms match alike on SQLite, whose
    full-text search has no stemming, and on PostgreSQL."""

    @classmethod
    def get_search_fields(cls):
        fields = super().get_search_fields()
        return [*fields, index.SearchField("search_stems")]

    def search_language(self):
        locale = getattr(self, "locale", None)
        return locale.language_code.split("-")[0] if locale else "de"

    def search_text(self):
        """The text the object's own search fields index (without the keys)."""
        return searchable_text(self, super().get_search_fields())

    def search_stems(self):
        language = self.search_language()
        keys = set()
        for word in words_of(self.search_text()):
            key = word_key(word, language)
            if key != word.lower():
                keys.add(key)
        return " ".join(sorted(keys))
