"""Word keys (core/words.py): snowballstemmer hands out the compiled Snowball stemmers of
PyStemmer when it is installed. They must give the keys the pure-Python ones gave: an
index built by either is then searched alike by the other. Both databases run this
module."""

import pytest
from snowballstemmer.arabic_stemmer import ArabicStemmer
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.german_stemmer import GermanStemmer
from snowballstemmer.turkish_stemmer import TurkishStemmer

from core.models import SearchWord
from core.words import STEMMERS, _stemmer, fold, word_key

PURE_PYTHON = {"de": GermanStemmer, "en": EnglishStemmer, "tr": TurkishStemmer, "ar": ArabicStemmer}
# Words of the other languages, each with endings their stemmers take off.
WORDS = {
    "en": ["neighbours", "shopping", "gardening", "helpers", "computers", "cycling"],
    "tr": ["komşular", "alışverişi", "bahçede", "yardımcılar", "bilgisayarlar", "kitaplığı"],
    "ar": ["الجيران", "التسوق", "الحدائق", "المساعدون", "الحواسيب", "والمكتبات"],
}


def test_the_site_languages_are_stemmed_by_the_compiled_stemmers():
    # In pure Python a word takes 0.1 ms, and a search stems dozens (its compounds'
    # and typos' readings, the snippets' words).
    assert {type(_stemmer(language)).__module__ for language in STEMMERS} == {"Stemmer"}


@pytest.mark.django_db
def test_the_compiled_stemmers_give_the_keys_the_pure_python_ones_give():
    german = list(SearchWord.objects.filter(language="de").values_list("spelling", flat=True))
    assert len(german) > 500  # the demo's vocabulary
    for language, words in {"de": german, **WORDS}.items():
        pure = PURE_PYTHON[language]()
        word_key.cache_clear()
        assert [word_key(word, language) for word in words] == [fold(pure.stemWord(word.lower())) for word in words]
