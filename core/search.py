"""Full-text search over any queryset, ranked the way Wagtail's database backend ranks:
ranked_values() gives the chosen field of the best matches.

On PostgreSQL Wagtail's `.search()` filters on `(title || body) @@ query`: the
concatenated text vector is computed for every index entry of the model on every
search, so the GIN indexes Wagtail keeps on `title` and on `body` are never used. Here
the same query is written as `title @@ query OR body @@ query`, which PostgreSQL answers
from those indexes (a BitmapOr) when the words are selective, in one statement around
the queryset's own SQL, so that whatever the queryset filters (live, public, the
reader's languages) is searched, and only the column needed is read. On SQLite the
query goes to Wagtail's FTS5 table the same way, as one MATCH parameter, ranked by one
bm25. Queries the database's syntax cannot hold keep Wagtail's own search.

Ranking reads every ranked row's text vectors, so PostgreSQL ranks a bounded set: the
first matches the database finds of each kind (in the title, anywhere, every word;
_found_first), a few hundred rows however common the words are (docs/search.md,
"Performance").
"""

import functools
import operator

from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Case, F, Func, Q, Value, When
from django.utils.translation import get_language

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, MatchAll, Not, Or, Phrase, PlainText
from wagtail.search.utils import parse_query_string

from core import vocabulary
from core.words import WORD, fold, with_umlauts, word_key

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
# Words of one query that count: each is a condition of its own in the ranking, and
# the search box takes 200 characters, a hundred one-letter words.
MAX_WORDS = 8
# The results of one list (the directory's, the clubs', the site search's pages) at
# most: a search that matches more is too broad to be ranked usefully, and nobody reads
# on to the 31st page of results.
MAX_SEARCH_HITS = 300
# On PostgreSQL, the matches of each kind that are ranked (_found_first).
RANKED_AT_MOST = MAX_SEARCH_HITS


def _synonyms(language):
    """{folded word: its group's words} of the editors' synonyms in `language`."""
    from .models import SearchSynonyms, split_words

    groups = {}
    for words in SearchSynonyms.objects.filter(language=language).values_list("words", flat=True):
        group = split_words(words)
        for word in group:
            groups.setdefault(fold(word), []).extend(group)
    return groups


def _spellings(word, synonyms, language, others=()):
    """The word as typed, with umlauts when typed without them, and the keys
    (core/words.py) of these, of its synonyms and of `others` (the compounds and
    corrections the vocabulary adds). The index holds every word's key beside it
    (StemmedSearch), so a key finds every form of its word: the forms themselves would
    only repeat it, and each term of a query is compared with the text of every row a
    search reads. The word as typed is searched as it is too, in case it is of another
    language than its key's; a synonym of several words, as it is written."""
    typed = {word.lower(), with_umlauts(word)}
    added = {synonym.lower() for synonym in synonyms.get(fold(word), ())} | {other.lower() for other in others}
    phrases = {spelling for spelling in added if " " in spelling}
    return sorted(typed | phrases | {word_key(spelling, language) for spelling in typed | (added - phrases)})


class ResidentsWords(Or):
    """The words of a query as residents mean it (as_residents_mean), each with its
    spellings: any may match, and ranked_values() puts what matches more of the words
    first. Read once, it can be searched in as many lists as needed."""

    # The query with its unknown words corrected, when any were ("Did you mean …").
    did_you_mean = None


def read_query(query):
    """The text of a search box as residents mean it: parse_query_string (quotes become
    phrases, never the database's full-text syntax), then as_residents_mean. A query
    read already is returned as it is."""
    if isinstance(query, str):
        _filters, query = parse_query_string(query)
    return as_residents_mean(query)


def as_residents_mean(parsed_query, language=None):
    """The query as residents mean it: the meaningless little words left out, umlauts
    found when typed as ae/oe/ue/ss, each word found by its synonyms too, and several
    words ranked by how many match instead of all or nothing."""
    if isinstance(parsed_query, ResidentsWords):
        return parsed_query  # read already
    language = (language or get_language() or "de").split("-")[0]
    if isinstance(parsed_query, (And, Or)):
        return type(parsed_query)([as_residents_mean(query, language) for query in parsed_query.subqueries])
    if not isinstance(parsed_query, PlainText) or parsed_query.operator != "and":
        return parsed_query
    stop_words = STOP_WORDS.get(language, frozenset())
    words = [word for word in WORD.findall(parsed_query.query_string) if word.lower() not in stop_words][:MAX_WORDS]
    if not words:
        return parsed_query  # only little words: searched as typed
    synonyms = _synonyms(language)
    readings = vocabulary.read(words, language)
    per_word = [_word_query(word, readings[word], synonyms, language) for word in words]
    # A synonym of several words ("Essen auf Rädern") stands for the whole query.
    whole = synonyms.get(fold(" ".join(WORD.findall(parsed_query.query_string))))
    if whole and len(words) > 1:
        per_word.append(_any_of(sorted({synonym.lower() for synonym in whole})))
    query = ResidentsWords(per_word)
    query.did_you_mean = _corrected(parsed_query.query_string, readings)
    return query


def _word_query(word, reading, synonyms, language):
    """One word of a query: any of its spellings, of the compounds it is part of and of
    its corrections, or, for an unknown compound, both of its parts."""
    spellings = _spellings(word, synonyms, language, [*reading.compounds, *reading.corrections])
    alternatives = [PlainText(spelling) for spelling in spellings]
    if reading.parts:
        alternatives.append(And([_any_of(_spellings(part, synonyms, language)) for part in reading.parts]))
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def _corrected(text, readings):
    corrections = {word: reading.corrections[0] for word, reading in readings.items() if reading.corrections}
    if not corrections:
        return None
    return WORD.sub(lambda match: corrections.get(match.group(), match.group()), text)


def _any_of(spellings):
    return PlainText(spellings[0]) if len(spellings) == 1 else Or([PlainText(spelling) for spelling in spellings])


def _several_words(parsed_query):
    return isinstance(parsed_query, ResidentsWords) and len(parsed_query.subqueries) > 1


def ranked_values(queryset, parsed_query, field, limit):
    """The `field` of at most `limit` rows of `queryset` that match `parsed_query` (from
    read_query, or from parse_query_string and read here), best first: of several
    words, those that match more of them, then by the full-text rank. `field` is a name
    or a tuple of names as values_list() takes them; a tuple gives tuples. Wagtail's
    search for a query the database's syntax cannot hold."""
    parsed_query = as_residents_mean(parsed_query)
    fields = (field,) if isinstance(field, str) else tuple(field)
    if isinstance(parsed_query, MatchAll):
        return list(queryset.values_list(*fields, flat=len(fields) == 1)[:limit])
    if isinstance(parsed_query, Not) and isinstance(parsed_query.subquery, MatchAll):
        return []
    full_text = _full_text()
    text = full_text and _query_text(parsed_query, full_text)
    if text is None:
        # Odd combinations (a nested "match everything", an empty quote, a "not" on
        # SQLite): Wagtail's search knows them. It searches the queryset given, so the
        # values, related ones too, come as annotations of the objects it gives.
        values = _named_values(fields)
        hits = queryset.annotate(**values).search(parsed_query)[:limit]
        return [_value([getattr(hit, name) for name in values], fields) for hit in hits]
    # Of several words, each on its own: what matches more of them ranks first.
    word_texts = []
    if _several_words(parsed_query):
        word_texts = [_query_text(word, full_text) for word in parsed_query.subqueries]
    rows = full_text.ranked_rows(queryset, text, word_texts, fields, limit)
    return [_value(row, fields) for row in rows]


def _named_values(fields):
    """The fields' values under names of our own, which no field of a model has."""
    return {f"search_value_{number}": F(field) for number, field in enumerate(fields)}


def _value(row, fields):
    return row[0] if len(fields) == 1 else tuple(row)


def _sql(*pieces):
    """One statement from pieces of SQL text and (SQL, parameters) pairs, in order."""
    texts, params = [], []
    for piece in pieces:
        text, piece_params = (piece, ()) if isinstance(piece, str) else piece
        texts.append(text)
        params.extend(piece_params)
    return "".join(texts), params


def _columns(table, names):
    """The named columns of `table`, for a SELECT: names of our own, never a user's."""
    return ", ".join(f"{table}.{name}" for name in names)


def _joined(separator, pieces):
    """(SQL, parameters) pairs as one, their SQL joined by `separator`."""
    return separator.join(text for text, _params in pieces), [param for _text, params in pieces for param in params]


class _PostgresFullText:
    """PostgreSQL's text search on Wagtail's index entries: the query as one tsquery
    parameter, a bounded set of the matches ranked, in one statement written around the
    SQL of the queryset searched. Built by Django, the same statement (three sets of
    matches found first, the rank, a condition per word, each joining the index entries
    through modelsearch's generic relation again) took as long to build as PostgreSQL
    took to answer it: 3 ms of each of a site search's three searches."""

    AND, OR, NOT = " & ", " | ", "!"

    def __init__(self, config):
        self.config = config

    @staticmethod
    def quoted(text):
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"

    def ranked_rows(self, queryset, text, word_texts, fields, limit):
        values = _named_values(fields)
        try:
            searched = queryset.order_by().values(search_pk=F("pk"), **values).query.sql_with_params()
        except EmptyResultSet:  # empty by its filters (pk__in=[]): Django asks nothing
            return []
        entry_model = queryset.model._meta.get_field("index_entries").related_model
        entries = connection.ops.quote_name(entry_model._meta.db_table)
        # The model's entries, each looking its row up by the row's primary key (a
        # LATERAL subquery with LIMIT 1, which PostgreSQL runs per entry and cannot turn
        # into a join): a part needs only the first few hundred matches. Joined on the
        # key as text, as modelsearch joins them, PostgreSQL could not tell how many
        # entries find a row and hashed every row searched for each part (7,255 pages
        # three times a search). Each part adds its condition to this WHERE.
        key_type = queryset.model._meta.pk.cast_db_type(connection)
        entries_with_rows = _sql(
            # The table's name and the key's type come from the models, not the query.
            f"{entries} AS entry CROSS JOIN LATERAL (SELECT * FROM (",  # noqa: S608
            searched,
            f") AS candidate WHERE candidate.search_pk = CAST(entry.object_id AS {key_type}) LIMIT 1) AS searched",
            (" WHERE entry.content_type_id = ANY(%s)", [get_descendants_content_types_pks(queryset.model)]),
        )
        # Each part returns what the ranking needs of a row: the value asked for, the key
        # that breaks ties, and its index entry, which the ranking reads again by the
        # entry's primary key (by the row's key it would descend modelsearch's unique
        # index once for each of the model's content types, fifteen for pages).
        first = [
            _sql(
                "(SELECT searched.search_pk, ",
                _columns("searched", values),
                ", entry.id AS entry_id FROM ",
                entries_with_rows,
                " AND ",
                condition,
                (" LIMIT %s)", [RANKED_AT_MOST]),
            )
            for condition in self._found_first(text, word_texts)
        ]
        order = [self._words_matched(word_texts), self._rank(text)] if word_texts else [self._rank(text)]
        statement, params = _sql(
            "SELECT ",
            _columns("found", values),
            " FROM (",
            _joined(" UNION ", first),
            f") AS found JOIN {entries} AS entry ON entry.id = found.entry_id ORDER BY ",
            _joined(", ", [_sql(expression, " DESC") for expression in order]),
            (", found.search_pk DESC LIMIT %s", [limit]),
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()

    def _found_first(self, text, word_texts):
        """The conditions of the rows ranked: at most RANKED_AT_MOST of those that match
        all of several words, of those whose title matches, and of those that match at
        all, each the first the database finds. Ranking reads each row's text vectors; a
        common word matches a third of 100,000 offers, and ranking them all took half a
        second. The best matches of a narrow search are all among them; of a broad one,
        those that match in the title or match every word."""
        conditions = [_sql("entry.title @@ ", self._tsquery(text)), self._matches(text)]
        if word_texts:
            conditions.append(self._matches(self.AND.join(f"({word_text})" for word_text in word_texts)))
        return conditions

    def _tsquery(self, text):
        return "to_tsquery(%s::regconfig, %s)", [self.config, text]

    def _matches(self, text):
        tsquery = self._tsquery(text)
        return _sql("(entry.title @@ ", tsquery, " OR entry.body @@ ", tsquery, ")")

    def _rank(self, text):
        """Wagtail's rank (the title's rank weighted by its norm, plus the body's) with
        the whole query at once. Wagtail ranks each spelling of each word on its own, two
        dozen ts_rank calls a row for a query of two words, each reading the body's
        vector again: for a common word, most of the search's time."""
        weights, tsquery = ("%s::float4[]", [get_sql_weights()]), self._tsquery(text)
        title = _sql("ts_rank(", weights, ", entry.title, ", tsquery, ") * entry.title_norm")
        return _sql(title, " + ts_rank(", weights, ", entry.body, ", tsquery, ")")

    def _words_matched(self, word_texts):
        """Of several words, how many a row matches (see _count_words_matched)."""
        covered = [_sql("(CASE WHEN ", self._matches(word_text), " THEN 1 ELSE 0 END)") for word_text in word_texts]
        return _joined(" + ", covered)


class _SQLiteFullText:
    """SQLite's FTS5 table of Wagtail's index entries, joined to the rows searched and
    ranked by bm25 as Wagtail ranks it there (the title's rank weighted by its norm, plus
    the body's, which FTS5 gives as one). Wagtail's own query builds the rank as a tree
    of a bm25 call per spelling and reads it in a subquery per row: searching the demo's
    offers for "Hilfe beim Einkaufen" took 28 ms that way, 1.2 ms this way."""

    # FTS5 has no "not" of its own, only "a NOT b": such queries go to Wagtail's search.
    AND, OR, NOT = " AND ", " OR ", None
    COLUMNS = ["title", "body"]

    @staticmethod
    def quoted(text):
        return '"' + text.replace('"', '""') + '"'

    def ranked_rows(self, queryset, text, word_texts, fields, limit):
        # Imported here: the module defines its FTS model only on SQLite.
        from modelsearch.backends.database.sqlite.query import BM25, MatchExpression

        # One filter() call, so that the match and the join share the entry.
        results = queryset.filter(
            MatchExpression(self.COLUMNS, Value(text)), index_entries__sqliteftsindexentry__isnull=False
        )
        # bm25 is lower for a better match.
        results = results.annotate(search_rank=-BM25() * (F("index_entries__title_norm") + 1))
        if word_texts:
            matches = [self._word_matches(queryset.model, word_text) for word_text in word_texts]
            results = _count_words_matched(results, matches).order_by("-words_matched", "-search_rank", "-pk")
        else:
            results = results.order_by("-search_rank", "-pk")
        return list(results.values_list(*fields)[:limit])

    def _word_matches(self, model, text):
        from modelsearch.backends.database.sqlite.query import MatchExpression, SQLiteFTSIndexEntry

        entries = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.COLUMNS, Value(text)),
            index_entry__content_type_id__in=get_descendants_content_types_pks(model),
        )
        return Q(pk__in=entries.values("index_entry__object_id"))


def _full_text():
    """The database's own full-text search over Wagtail's index, or None where Wagtail's
    search backend is not its database's (another backend configured)."""
    backend = get_search_backend()
    if connection.vendor == "postgresql" and hasattr(backend.query_compiler_class, "build_tsquery"):
        return _PostgresFullText(backend.config)
    if connection.vendor == "sqlite" and hasattr(backend.query_compiler_class, "FTS_TABLE_FIELDS"):
        return _SQLiteFullText()
    return None


def _query_text(query, full_text):
    """`query` in the database's full-text syntax, or None if a part of it has no place
    there ("match everything", an empty word: an empty quote is a syntax error). Each
    word or phrase is quoted, so that nothing a resident types is read as an operator;
    the database stems the quoted words and reads a quoted phrase as words that follow
    each other."""
    if isinstance(query, (PlainText, Phrase)) and not query.query_string.strip():
        return None
    if isinstance(query, PlainText):
        joined_by = full_text.AND if query.operator == "and" else full_text.OR
        return joined_by.join(full_text.quoted(word) for word in query.query_string.split())
    if isinstance(query, Phrase):
        return full_text.quoted(query.query_string)
    if isinstance(query, Not):
        negated = _query_text(query.subquery, full_text)
        return None if negated is None or full_text.NOT is None else f"{full_text.NOT}({negated})"
    if isinstance(query, (And, Or)):
        parts = [_query_text(subquery, full_text) for subquery in query.subqueries]
        if None in parts:
            return None
        joined_by = full_text.AND if isinstance(query, And) else full_text.OR
        return joined_by.join(f"({part})" for part in parts)
    return None


def _count_words_matched(results, matches):
    """`words_matched` on each row: of several words, how many it matches. It ranks
    first, because the full-text rank alone lets a text that repeats one word outrank
    one that has them all. `matches` holds the condition of each word."""
    covered = [Case(When(condition, then=Value(1)), default=Value(0)) for condition in matches]
    return results.annotate(words_matched=sum(covered[1:], covered[0]))


def ranked_by_contained_words(queryset, parsed_query, fields):
    """For text kept out of the search index (residents' posts: their words must not
    become corrections offered to others): the rows of `queryset` with any word of the
    query, as read for every search (its spellings, keys, synonyms, compounds and
    corrections), contained in one of `fields`, those with more of the words first.
    Ordered by `words_matched`; callers add their own order after it."""
    parsed_query = read_query(parsed_query)
    words = parsed_query.subqueries if isinstance(parsed_query, ResidentsWords) else [parsed_query]
    conditions = [condition for condition in (_contained(word, fields) for word in words) if condition]
    if not conditions:  # nothing to look for ("a:b" is a filter, and no word)
        return queryset.annotate(words_matched=Value(0))
    results = queryset.filter(functools.reduce(operator.or_, conditions))
    return _count_words_matched(results, conditions).order_by("-words_matched")


def _contained(query, fields):
    """The condition that `query` (read by as_residents_mean) is contained in a field."""
    if isinstance(query, PlainText):
        every = query.operator == "and"
        conditions = [_in_a_field(term, fields) for term in query.query_string.split()]
        return functools.reduce(operator.and_ if every else operator.or_, conditions, Q())
    if isinstance(query, Phrase):
        return _in_a_field(query.query_string, fields)
    if isinstance(query, Not):
        return ~_contained(query.subquery, fields)
    if isinstance(query, (And, Or)):
        conditions = [_contained(subquery, fields) for subquery in query.subqueries]
        return functools.reduce(operator.and_ if isinstance(query, And) else operator.or_, conditions)
    return Q()  # match everything


def _in_a_field(text, fields):
    # SQLite compares letters beyond ASCII with their case: "Ärzte" is not "ärzte".
    # PostgreSQL's icontains compares upper case, and ASCII is compared without case
    # on both, so there one spelling does.
    spellings = {text}
    if connection.vendor == "sqlite" and not text.isascii():
        spellings |= {text.lower(), text.capitalize()}
    conditions = [Q(**{f"{field}__icontains": spelling}) for field in fields for spelling in sorted(spellings)]
    return functools.reduce(operator.or_, conditions)


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
