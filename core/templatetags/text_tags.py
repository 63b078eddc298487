from django import template
from django.utils.translation import get_language

from core.snippets import best_snippet, marked
from core.text import as_inner_quote

register = template.Library()


@register.filter
def inner_quotes(value):
    """For a title the sentence puts in quotation marks (“{{ title }}”)."""
    return as_inner_quote(value)


@register.simple_tag(takes_context=True)
def search_snippet(context, *texts, words=30):
    """Why a search result matched: the text of the first of `texts` that has one
    (of those matching the most query words), cut around the match, the matching words
    marked. It reads `search_terms` (core.snippets.query_terms) from the context; a
    list that is no search result (no `search_terms`) shows the first text as it is.
    Reads no database: only the texts the list has loaded. `texts` may also be given as
    one list."""
    if len(texts) == 1 and isinstance(texts[0], (list, tuple)):
        texts = texts[0]
    terms = context.get("search_terms")
    if terms is None:
        return next((text for text in texts if text), "")
    return best_snippet(texts, terms, _language(), words)


@register.simple_tag(takes_context=True)
def search_marks(context, text):
    """A search result's title with the words that matched it marked, uncut; as it is
    where the list is no search result (no `search_terms` in the context)."""
    terms = context.get("search_terms")
    if terms is None:
        return text
    return marked(text, terms, _language())


def _language():
    return (get_language() or "de").split("-")[0]
