"""The club index's public views: the club list with category filter and search, and
"Ehrenamt finden". Each costs the same queries for 5 or 500 clubs."""

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.locales import reader_url
from core.search import MAX_SEARCH_HITS, ranked_values, read_query
from core.snippets import query_terms
from directory.views.queries import categories_for_filters

from .models import CLUBS_PER_PAGE, ClubPage, open_roles


class ClubFilterForm(forms.Form):
    q = forms.CharField(label=_("Search clubs"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("All categories"))] + [(c.slug, c.name) for c in categories]


def _page_number(request):
    number = request.GET.get("page", "1")
    return number if number.isdigit() and len(number) < 6 else "1"


def club_list(request, index_page):
    categories = categories_for_filters(request)
    form = ClubFilterForm(request.GET or None, categories=categories)
    clubs = index_page.clubs(request)
    filters = form.cleaned_data if form.is_valid() else {}
    selected = None
    terms = did_you_mean = None
    if slug := filters.get("category"):
        selected = next((c for c in categories if c.slug == slug), None)
        clubs = clubs.filter(categories__translation_key=selected.translation_key).distinct()
    if query := filters.get("q", "").strip():
        parsed_query = read_query(query)
        terms = query_terms(parsed_query)
        did_you_mean = getattr(parsed_query, "did_you_mean", None)
        hits = ranked_values(ClubPage.objects.child_of(index_page).live(), parsed_query, "pk", MAX_SEARCH_HITS)
        clubs = clubs.filter(pk__in=hits)
    items = Paginator(clubs, CLUBS_PER_PAGE).get_page(_page_number(request))
    context = index_page.get_context(request)
    context.update(
        {
            "form": form,
            "items": items,
            "clubs": items,
            "query": query if filters else "",
            # The cards show why a club matched ({% search_snippet %}).
            "search_terms": terms,
            "did_you_mean": did_you_mean,
            "selected_category": selected,
            "volunteering_url": reader_url(index_page, request, "volunteering"),
        }
    )
    return TemplateResponse(request, "clubs/club_index_page.html", context)


def volunteering(request, index_page):
    paginator = Paginator(open_roles(index_page, request), 50)
    items = paginator.get_page(_page_number(request))
    context = index_page.get_context(request)
    roles = list(items)
    for role in roles:
        role.interest_url = reader_url(index_page, request, "role_interest", role.pk)
    context.update(
        {
            "items": items,
            "roles": roles,
            "list_url": reader_url(index_page, request),
            "general_interest_url": reader_url(index_page, request, "general_interest"),
        }
    )
    return TemplateResponse(request, "clubs/volunteering.html", context)
