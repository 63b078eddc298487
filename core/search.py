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

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, QuerySet, Value

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MatchAll, Not


def _postgres_backend():
    backend = get_search_backend()
    if connection.vendor != "postgresql" or not hasattr(backend.query_compiler_class, "build_tsquery"):
        return None
    return backend


def ranked(queryset, parsed_query):
    """The rows of `queryset` that match `parsed_query` (from parse_query_string),
    best first. A queryset on PostgreSQL, Wagtail's search results elsewhere."""
    backend = _postgres_backend()
    if backend is None:
        return queryset.search(parsed_query)
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
    return (
        queryset.filter(Q(index_entries__title=tsquery) | Q(index_entries__body=tsquery))
        .annotate(search_rank=rank)
        .order_by("-search_rank", "-pk")
    )


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
