"""Why a search result matched: a short piece of its text with the words of the query
marked, read from text the result list has loaded anyway (no query of its own).

A word of the text counts as the query's when it is written the same (folded: case and
umlauts as typed on any keyboard), when it has the same key (core/words.py: "Fahrdienst"
for "Fahrdienste"), or when a query word of four letters or more is part of it, as in a
compound ("Sperrmüll" for "Müll"). The full-text index decides what is found; this only
shows it, so it may mark a little more or less than the index matched.
"""

import html
import re

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe

from wagtail.search.query import And, Fuzzy, Not, Or, Phrase, PlainText

from core.search import STOP_WORDS
from core.text import without_direction_overrides
from core.words import LONGEST_WORD, WORD, fold, word_key

ELLIPSIS = "…"
# A shorter query word inside a longer text word is chance, not a compound part ("ei"
# in "Verein").
SHORTEST_MARKED_PART = 4
# Control characters would reach the page as they are (escape() leaves them alone).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Rich text runs its paragraphs together once the tags are gone ("Hilfe</p><p>Wir").
BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|div|blockquote)\b", re.IGNORECASE)
LITTLE_WORDS = frozenset().union(*STOP_WORDS.values())


def query_terms(parsed_query):
    """The lower-case words of a parsed query (core.search.read_query) with all their
    spellings, first seen first; words the query excludes (Not) are no reason to match.
    Little words ("auf" of a synonym "Essen auf Rädern") only count when the query has
    nothing else."""
    terms = list(dict.fromkeys(_words(parsed_query)))
    meaningful = [term for term in terms if term not in LITTLE_WORDS]
    return meaningful or terms


def _words(query):
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        yield from (word.lower() for word in WORD.findall(query.query_string))
    elif isinstance(query, (And, Or)):
        for subquery in query.subqueries:
            yield from _words(subquery)
    elif not isinstance(query, Not) and hasattr(query, "subquery"):
        yield from _words(query.subquery)  # Boost


def plain_text(text):
    """What a reader sees of `text`, which may be rich text: without tags and entities."""
    return _clean(html.unescape(strip_tags(BLOCK_TAG.sub(r" \g<0>", str(text or "")))))


def _clean(text):
    # A direction override cut off with the rest of the text would turn the text after
    # the snippet around too.
    return " ".join(without_direction_overrides(CONTROL_CHARACTERS.sub("", text)).split())


class Matcher:
    """Which words of a text are the query's, for the terms of query_terms()."""

    def __init__(self, terms, language):
        self.language = language
        self.folded = {fold(term) for term in terms}
        # A query searches the words the vocabulary adds by their keys: a term may be
        # one ("fahrdien"), which is not always its own key.
        self.keys = {word_key(term, language) for term in terms} | self.folded
        self.parts = {term for term in self.folded if len(term) >= SHORTEST_MARKED_PART}

    def key(self, word):
        """The key of `word` when it matches, else None: matches with the same key are
        one word of the query, several of them do not make a text more relevant."""
        if len(word) > LONGEST_WORD or not self.folded:
            return None
        folded = fold(word)
        key = word_key(word, self.language)
        if folded in self.folded or key in self.keys or any(part in folded for part in self.parts):
            return key
        return None


def snippet(text, terms, language, words=30):
    """About `words` words of `text` around its best match (the most different query
    words, the first of equals), every matching word in <mark>, "…" where the text is
    cut; the start of the text without marks when nothing matches. Safe HTML: all of
    the text is escaped."""
    return _marked(plain_text(text), Matcher(terms, language), words)


def marked(text, terms, language):
    """All of `text` (a title: plain text), every matching word in <mark>; safe HTML."""
    return _marked(_clean(str(text or "")), Matcher(terms, language), None)


def _marked(text, matcher, words):
    spans = [match.span() for match in WORD.finditer(text)]
    keys = [matcher.key(text[start:end]) for start, end in spans]
    first, last = (0, len(spans)) if words is None else _window(keys, words)
    cut_before, cut_after = first > 0, last < len(spans)
    position = spans[first][0] if cut_before else 0
    pieces = [ELLIPSIS] if cut_before else []
    # Escaped in runs between the marked words, not word by word: a snippet has a few
    # marks among dozens of words, and rendering ten results' snippets word by word was
    # half the time a search page took to render.
    for index in range(first, last):
        if keys[index]:
            start, end = spans[index]
            pieces.append(escape(text[position:start]))
            pieces.append(format_html("<mark>{}</mark>", text[start:end]))
            position = end
    # Up to the last word shown; uncut, what follows it too: ".", "!", an emoji.
    pieces.append(escape(text[position : spans[last - 1][1] if cut_after else len(text)]))
    if cut_after:
        pieces.append(ELLIPSIS)
    return mark_safe("".join(pieces))  # noqa: S308 -- every piece is escaped above


def _window(keys, words):
    """(first, last + 1) word index of the window to show."""
    words = max(1, words)
    if len(keys) <= words:
        return 0, len(keys)
    # A few words before the match, so that it reads as part of a sentence.
    lead = words // 4
    best, best_count = 0, 0
    for index, key in enumerate(keys):
        if not key:
            continue
        first = max(0, min(index - lead, len(keys) - words))
        count = len({other for other in keys[first : first + words] if other})
        if count > best_count:
            best, best_count = first, count
    return best, best + words


def best_snippet(texts, terms, language, words=30):
    """The snippet of whichever of `texts` (a result's description, its introduction,
    ...) matches the most query words; of the first text that has any when none does."""
    texts = [text for text in (plain_text(text) for text in texts) if text]
    if not texts:
        return ""
    matcher = Matcher(terms, language)

    def matched(text):
        return len({key for key in map(matcher.key, WORD.findall(text)) if key})

    return _marked(max(texts, key=matched), matcher, words)
