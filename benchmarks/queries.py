"""Searches nobody asked before, for the benchmarks (issue 25): distinct queries made
from the site's own vocabulary (core.models.SearchWord, the public words of what
residents can find), of the kinds residents type. Every query differs from every other,
so that each request is one nobody asked before: no cache of any kind has it.

Kinds: a single word; another form of a word (an ending added or taken off); a typo of
one letter (left out, doubled, swapped with the next or replaced, never the first);
a compound written as two words, or two words written as one; two or three words with
little words between them ("Hilfe beim Umzug").
"""

import random
from urllib.parse import quote_plus

ENDINGS = ("e", "en", "n", "s", "er")
LITTLE_WORDS = ("für", "beim", "mit", "zum", "in der", "und", "bei", "am")
LETTERS = "abcdefghiklmnoprstuvwäöü"


def _typo(word, generator):
    position = generator.randrange(1, len(word) - 1)
    kind = generator.randrange(4)
    if kind == 0:
        return word[:position] + word[position + 1 :]
    if kind == 1:
        return word[:position] + word[position] + word[position:]
    if kind == 2:
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    return word[:position] + generator.choice(LETTERS) + word[position + 1 :]


def _word_form(word, generator):
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word + generator.choice(ENDINGS)


def _split_compounds(words):
    """(compound, head, tail) for compounds of the vocabulary made of two of its words."""
    known = {word.lower(): word for word in words}
    found = []
    for word in words:
        lower = word.lower()
        for cut in range(4, len(lower) - 3):
            head, tail = lower[:cut], lower[cut:]
            head = head if head in known else head[:-1] if head.endswith("s") and head[:-1] in known else None
            if head and tail in known:
                found.append((word, known[head], known[tail]))
                break
    return found


def unasked_queries(words, count, seed=25):
    """`count` distinct queries (as typed, not encoded) from `words`, the vocabulary's
    spellings, commonest first. Fewer when the vocabulary is too small for them."""
    generator = random.Random(seed)  # noqa: S311 -- the same queries on every run
    words = [word for word in words if word.isalpha() and len(word) >= 3]
    nouns = [word for word in words if word[0].isupper()] or words
    compounds = _split_compounds(words[:5000])
    long_words = [word for word in words if len(word) >= 6]

    def pick(candidates):
        # Common and rare words alike: a third from the commonest hundred.
        if generator.random() < 0.33:
            return generator.choice(candidates[:100])
        return generator.choice(candidates)

    def make():
        kind = generator.randrange(7)
        if kind == 0:
            return pick(words)
        if kind == 1:
            return _word_form(pick(words), generator)
        if kind == 2:
            return _typo(pick(long_words), generator)
        if kind == 3 and compounds:
            _compound, head, tail = pick(compounds)
            return f"{head} {tail}"
        if kind == 4:
            return pick(nouns) + pick(nouns).lower()
        if kind == 5:
            return f"{pick(nouns)} {generator.choice(LITTLE_WORDS)} {pick(nouns)}"
        return f"{pick(words)} {pick(nouns)} {generator.choice(LITTLE_WORDS)} {pick(nouns)}"

    queries = {}
    for _ in range(count * 20):
        if len(queries) == count:
            break
        query = make()
        queries.setdefault(query.lower(), query)
    return list(queries.values())


def vocabulary(language="de"):
    """The spellings of the site's vocabulary, commonest first."""
    from core.models import SearchWord

    return list(
        SearchWord.objects.filter(language=language).order_by("-documents", "folded").values_list("spelling", flat=True)
    )


def encoded(query):
    return quote_plus(query)
