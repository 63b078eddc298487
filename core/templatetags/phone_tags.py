import re

from django import template

register = template.Library()


@register.filter
def tel(number):
    """A phone number as a tel: URI, so that a tap on a phone dials it: only the digits
    and a leading plus, as dialers expect ("030 / 12 34-5" → "tel:03012345")."""
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}" if digits else ""
