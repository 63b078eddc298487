from django import template

from core.personal_data import privacy_facts as collect_privacy_facts

register = template.Library()


@register.simple_tag
def privacy_facts():
    return collect_privacy_facts()
