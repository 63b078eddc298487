"""The site's vocabulary (core.models.SearchWord): the words of what residents can find,
per language, with their keys (core/words.py). The site search reads each word of a
query against it (read()), in one query:

- the compounds the word is part of ("Müll" is part of "Sperrmüll", "Hitze" of
  "Hitzewarnung"), searched with the word;
- a word the text does not have, split into two words it has ("Arztbegleitung" into
  "Arzt" and "Begleitung"), both of which must match;
- a word the text does not have, and no part of a word it has, corrected to the nearest
  words it has (one typo in words of five letters, two from nine), shown as "Did you
  mean …".

The vocabulary holds only public text: a word of a draft must never be offered as a
correction. It learns the words of an object when the object is saved and public
(learn_words, a task beside the search index's own), and is made anew from what is
public every night (rebuild()), which also forgets the words of what was unpublished.
"""

from collections import Counter
from dataclasses import dataclass, field

from modelsearch import index
from rapidfuzz.distance import OSA

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Length

from wagtail.models import Page

from .models import SearchWord
from .words import StemmedSearch, fold, word_key, words_of

# Shorter words are not worth correcting or splitting against ("an", "zu").
SHORTEST_WORD = 3
# A part of a compound ("Arzt", "Müll"), and the rest of a word that contains a key:
# with three letters, chance splits abound ("Lindencor" is no "Linden" and "core").
SHORTEST_PART = 4
# Keys shorter than this are part of too many words to stand for a compound's part.
SHORTEST_CONTAINED = 4
MOST_COMPOUNDS = 10
# Languages that write every noun with a capital (_contains).
CAPITALISED_NOUNS = {"de"}
# Longer words are not split (nor corrected): each cut is a key to look up, and no
# word residents type is that long.
LONGEST_COMPOUND = 30
MOST_CORRECTIONS = 3
# A typo is tolerated in words of this length, two typos from the second.
TYPO_LENGTHS = (5, 9)


def vocabulary_models():
    return [model for model in index.get_indexed_models() if issubclass(model, StemmedSearch)]


def public_objects(model):
    """What residents can find of `model`: live and public pages, published snippets."""
    if issubclass(model, Page):
        objects = model.objects.live().public()
    elif hasattr(model.objects, "public"):
        objects = model.objects.public()
    else:
        objects = model.objects.all()
    return objects.select_related("locale") if hasattr(model, "locale") else objects


def _words(obj):
    """(language, {folded: (spelling, key)}) of one object's text."""
    language = obj.search_language()
    found = {}
    for word in words_of(obj.search_text()):
        if len(word) >= SHORTEST_WORD:
            found.setdefault(fold(word), (word, word_key(word, language)))
    return language, found


def _row(language, folded, spelling, key, documents=1):
    return SearchWord(
        language=language,
        folded=folded,
        spelling=spelling,
        key=key,
        key_backwards=key[::-1],
        documents=documents,
    )


def learn(obj):
    """Add the words of `obj` that the vocabulary does not have yet, if it is public."""
    if not public_objects(type(obj)).filter(pk=obj.pk).exists():
        return 0
    language, found = _words(obj)
    rows = [_row(language, folded, spelling, key) for folded, (spelling, key) in found.items()]
    SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


def rebuild():
    """Make the vocabulary anew from everything public now; returns its size."""
    documents = Counter()
    first_seen = {}
    for model in vocabulary_models():
        for obj in public_objects(model).iterator(chunk_size=500):
            language, found = _words(obj)
            for folded, spelling_and_key in found.items():
                documents[language, folded] += 1
                first_seen.setdefault((language, folded), spelling_and_key)
    rows = [
        _row(language, folded, *first_seen[language, folded], documents=count)
        for (language, folded), count in documents.items()
    ]
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@dataclass
class Reading:
    """What the vocabulary knows of one word of a query."""

    # The word is a key of the vocabulary.
    known: bool = False
    # Words that contain it as a part, the commonest first.
    compounds: list = field(default_factory=list)
    # An unknown word as two known words (their spellings), both of which must match.
    parts: tuple = ()
    # An unknown word's nearest known words, the nearest and commonest first.
    corrections: list = field(default_factory=list)


def read(words, language):
    """{word: Reading} for the words of one query in `language`."""
    keys = {word: word_key(word, language) for word in words}
    splits = {word: _splits(fold(word), language) for word in words}
    wanted = {*keys.values(), *(key for options in splits.values() for _, _, *pair in options for key in pair)}
    condition = Q(key__in=wanted)
    for key in keys.values():
        if len(key) >= SHORTEST_CONTAINED:
            condition |= _starting_with("key", key) | _starting_with("key_backwards", key[::-1])
    # Whenever a word is long enough for a typo, not only when it is unknown, so that a
    # search costs the same one query whatever the site holds. Every check below is a
    # fact about the rows it reads, so rows one condition brings serve the others too.
    condition |= _typo_candidates(words)
    rows = list(
        SearchWord.objects.filter(language=language)
        .annotate(length=Length("folded"))
        .filter(condition)
        .values_list("spelling", "folded", "key", "documents")
    )
    # The commonest spelling of each key.
    by_key = {}
    for spelling, _folded, key, _documents in sorted(rows, key=lambda row: -row[3]):
        by_key.setdefault(key, spelling)
    readings = {}
    for word in words:
        key = keys[word]
        reading = Reading(known=key in by_key)
        if len(key) >= SHORTEST_CONTAINED:
            containing = [row for row in rows if row[2] != key and _contains(row[2], key, row[0], language)]
            containing.sort(key=lambda row: (-row[3], row[0]))
            reading.compounds = [row[0] for row in containing[:MOST_COMPOUNDS]]
        if not reading.known:
            known_splits = [option for option in splits[word] if option[2] in by_key and option[3] in by_key]
            if known_splits:
                # The most even split: "Fahrrad|reparatur" rather than "Fahr|radreparatur".
                _head, _tail, head_key, tail_key = max(known_splits, key=lambda option: min(map(len, option[:2])))
                reading.parts = (by_key[head_key], by_key[tail_key])
        readings[word] = reading
    for word, reading in readings.items():
        # A typo may split by chance into two known parts, so parts do not rule it out.
        if not (reading.known or reading.compounds):
            reading.corrections = _nearest(fold(word), rows)
    return readings


def _splits(folded, language):
    """Each way to cut a word into two parts of at least SHORTEST_PART letters, with the
    parts' keys; a head ending in the linking s ("Nachbarschafts|hilfe") also without it."""
    options = []
    if len(folded) > LONGEST_COMPOUND:
        return options
    for cut in range(SHORTEST_PART, len(folded) - SHORTEST_PART + 1):
        head, tail = folded[:cut], folded[cut:]
        heads = {head, head[:-1]} if head.endswith("s") and len(head) > SHORTEST_PART else {head}
        options.extend((head, tail, word_key(head, language), word_key(tail, language)) for head in heads)
    return options


def _contains(key, part, spelling, language):
    """Whether the word (`key`, as written: `spelling`) is a compound with `part` as its
    first or last part. A German compound is of the kind of its last part: one that ends
    in a noun is a noun and written with a capital, so "praktisch" does not end in the
    noun "Tisch" as "Holztisch" does."""
    if len(key) - len(part) < SHORTEST_PART:
        return False
    if key.startswith(part):
        return True
    return key.endswith(part) and (language not in CAPITALISED_NOUNS or spelling[:1].isupper())


def _starting_with(column, prefix):
    """A prefix search as a range, which an index on the column answers on every
    database (LIKE would need an operator class on PostgreSQL and be case-blind on
    SQLite); read() checks the rows it returns."""
    return Q(**{f"{column}__gte": prefix, f"{column}__lt": prefix[:-1] + chr(ord(prefix[-1]) + 1)})


def _typos_allowed(folded):
    if len(folded) > LONGEST_COMPOUND:
        return 0
    return sum(len(folded) >= length for length in TYPO_LENGTHS)


def _typo_candidates(words):
    """The condition for the vocabulary's words near enough in length to a word of the
    query, and beginning with its first letter: people rarely get that one wrong, and it
    narrows the candidates to one range of the vocabulary's index."""
    condition = Q()
    for folded in {fold(word) for word in words}:
        allowed = _typos_allowed(folded)
        if allowed:
            condition |= _starting_with("folded", folded[0]) & Q(
                length__gte=len(folded) - allowed, length__lte=len(folded) + allowed
            )
    return condition


def _nearest(folded, candidates):
    """The candidates within the typos a word of its length allows, nearest and
    commonest first."""
    allowed = _typos_allowed(folded)
    if not allowed:
        return []
    near = []
    for spelling, candidate, _key, documents in candidates:
        distance = OSA.distance(folded, candidate, score_cutoff=allowed)
        if distance <= allowed:
            near.append((distance, -documents, spelling))
    return [spelling for *_order, spelling in sorted(near)[:MOST_CORRECTIONS]]
