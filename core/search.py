"""Full-text search as a plain queryset, ranked the way Wagtail's database backend ranks.

On PostgreSQL Wagtail's `.search()` filters on `(title || body) @@ query`: the
concatenated text vector is computed for every index entry of the model on every
search, so the GIN indexes Wagtail keeps on `title` and on `body` are never used. Here
the same query is written as `title @@ query OR body @@ query`, which PostgreSQL answers
from those indexes (a BitmapOr) when the words are selective, and the result stays a
queryset: it can be filtered, counted, sliced and reduced to the columns needed
instead of loading whole objects. Other databases (SQLite's FTS5 in development and
tests) keep Wagtail's own search.
"""

import re
from collections import Counter

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BooleanField, Case, F, Func, Q, QuerySet, Value, When
from django.utils.translation import get_language

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, MatchAll, Not, Or, PlainText

# Words that carry no meaning of their own in a search ("Hilfe beim Einkaufen"): left
# out, so that the other words need not stand next to them in the text. PostgreSQL's
# German configuration drops them too; SQLite's full-text search does not.
STOP_WORDS = {
    # Written as text for reading; ruff would have one word a line.
    "de": frozenset(
        """aber als am an auch auf aus bei beim bin bis da das dass dem den der des die ein eine
        einem einen einer eines es fuer für gibt hat ich ihr im in ins ist mich mir mit nach
        oder sich sie so über ueber um und uns vom von vor was wer wie wir wo zu zum zur""".split()  # noqa: SIM905
    ),
    "en": frozenset(
        "a an and are as at be by can for from i in is it me my of on or the to we with".split()  # noqa: SIM905
    ),
}
# Umlauts and ß as residents type them on a keyboard without them.
_SPELLED_OUT = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))
_WORD = re.compile(r"\w+")
# Rows of one search ranked by how many words they match; more is too broad to rank.
MAX_RANKED = 500


def _fold(word):
    word = word.lower()
    for spelled, letter in _SPELLED_OUT:
        word = word.replace(letter, spelled)
    return word


def _synonyms(language):
    """{folded word: its group's words} of the editors' synonyms in `language`."""
    from .models import SearchSynonyms

    groups = {}
    for words in SearchSynonyms.objects.filter(language=language).values_list("words", flat=True):
        group = [word.strip() for word in words.split(",") if word.strip()]
        for word in group:
            groups.setdefault(_fold(word), []).extend(group)
    return groups


def _spellings(word, synonyms):
    """The word, its spelling with umlauts when typed without them, and its synonyms."""
    found = {word.lower()}
    with_umlauts = word.lower()
    for spelled, letter in _SPELLED_OUT:
        with_umlauts = with_umlauts.replace(spelled, letter)
    found.add(with_umlauts)
    for synonym in synonyms.get(_fold(word), ()):
        found.add(synonym.lower())
    return sorted(found)


def as_residents_mean(parsed_query, language=None):
    """The query as residents mean it: the meaningless little words left out, umlauts
    found when typed as ae/oe/ue/ss, each word found by its synonyms too, and several
    words ranked by how many match instead of all or nothing."""
    language = (language or get_language() or "de").split("-")[0]
    if isinstance(parsed_query, (And, Or)):
        return type(parsed_query)([as_residents_mean(query, language) for query in parsed_query.subqueries])
    if not isinstance(parsed_query, PlainText) or parsed_query.operator != "and":
        return parsed_query
    stop_words = STOP_WORDS.get(language, frozenset())
    words = [word for word in _WORD.findall(parsed_query.query_string) if word.lower() not in stop_words]
    if not words:
        return parsed_query  # only little words: searched as typed
    synonyms = _synonyms(language)
    per_word = [_any_of(_spellings(word, synonyms)) for word in words]
    # A synonym of several words ("Essen auf Rädern") stands for the whole query.
    whole = synonyms.get(_fold(" ".join(_WORD.findall(parsed_query.query_string))))
    if whole:
        per_word.append(_any_of(sorted({synonym.lower() for synonym in whole})))
    # Any word may match; ranked() puts what matches more of them first.
    return per_word[0] if len(per_word) == 1 else Or(per_word)


def _any_of(spellings):
    return PlainText(spellings[0]) if len(spellings) == 1 else Or([PlainText(spelling) for spelling in spellings])


def _postgres_backend():
    backend = get_search_backend()
    if connection.vendor != "postgresql" or not hasattr(backend.query_compiler_class, "build_tsquery"):
        return None
    return backend


def ranked(queryset, parsed_query):
    """The rows of `queryset` that match `parsed_query` (from parse_query_string),
    best first. A queryset on PostgreSQL, Wagtail's search results elsewhere."""
    parsed_query = as_residents_mean(parsed_query)
    backend = _postgres_backend()
    if backend is None:
        return _most_words_first(queryset, parsed_query)
    if isinstance(parsed_query, MatchAll):
        return queryset
    if isinstance(parsed_query, Not) and isinstance(parsed_query.subquery, MatchAll):
        return queryset.none()
    compiler = backend.query_compiler_class(queryset, parsed_query)
    config = compiler.get_config(backend)
    try:
        tsquery = compiler.build_tsquery(compiler.query, config=config)
    except NotImplementedError:
        # Odd combinations (a nested "match everything"): Wagtail's search knows them.
        return queryset.search(parsed_query)
    # Wagtail's own rank expression: title weighted by its norm, plus body.
    rank = compiler._build_rank_expression(compiler.get_index_vectors(tsquery), config)
    results = queryset.filter(_matches(tsquery)).annotate(search_rank=rank)
    if not isinstance(parsed_query, Or):
        return results.order_by("-search_rank", "-pk")
    # Of several words, how many each row matches comes first: the rank alone lets a
    # text that repeats one word outrank one that has them all.
    covered = [
        Case(When(_matches(compiler.build_tsquery(word, config=config)), then=Value(1)), default=Value(0))
        for word in parsed_query.subqueries
    ]
    return results.annotate(words_matched=sum(covered[1:], covered[0])).order_by(
        "-words_matched", "-search_rank", "-pk"
    )


def _most_words_first(queryset, parsed_query, limit=MAX_RANKED):
    """Wagtail's search elsewhere (SQLite's FTS5), with what matches more of several
    words first, as on PostgreSQL: one search per word tells which rows match it."""
    results = queryset.search(parsed_query)
    if not isinstance(parsed_query, Or):
        return results
    hits = list(results[:limit])
    covered = Counter()
    for word in parsed_query.subqueries:
        covered.update({hit.pk for hit in queryset.search(word)[:limit]})
    # sorted() is stable: within the same number of words, the full-text rank holds.
    return sorted(hits, key=lambda hit: -covered[hit.pk])


def _matches(tsquery):
    return Q(index_entries__title=tsquery) | Q(index_entries__body=tsquery)


def ranked_values(queryset, parsed_query, field, limit):
    """The `field` of at most `limit` best matches, without loading the objects."""
    results = ranked(queryset, parsed_query)
    if isinstance(results, QuerySet):
        return list(results.values_list(field, flat=True)[:limit])
    return [getattr(hit, field) for hit in results[:limit]]


class _EqualsAny(Func):
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        (field_sql, field_params), (array_sql, array_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        return f"{field_sql} = ANY({array_sql})", (*field_params, *array_params)


def among(field, values, base_field):
    """Q(field__in=values), with the values as one array parameter on PostgreSQL.

    A search's hit list has hundreds of values; as separate parameters each is quoted
    and the statement re-split on every request, which costs more than the lookup.
    `base_field` is a field instance of the values' type (UUIDField(), ...)."""
    if connection.vendor != "postgresql":
        return Q(**{f"{field}__in": values})
    return Q(_EqualsAny(F(field), Value(list(values), output_field=ArrayField(base_field))))
