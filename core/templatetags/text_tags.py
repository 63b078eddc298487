from django import template

from core.text import as_inner_quote

register = template.Library()


@register.filter
def inner_quotes(value):
    """For a title the sentence puts in quotation marks (“{{ title }}”)."""
    return as_inner_quote(value)
