from django.shortcuts import render

from lantern.accounts.permissions import requires
from lantern.people.forms import SearchForm
from lantern.people.matching.search import search
from lantern.people.models import Warning
from lantern.people.selectors import people_searchable_by


@requires("person.search")
def search_view(request):
    form = SearchForm(request.GET or None)
    results = None
    if request.GET and form.is_valid():
        d = form.cleaned_data
        results = search(
            name=d["name"],
            dob=d["dob"],
            postcode=d["postcode"],
            nhs_number=d["nhs_number"],
            limit=20,
            queryset=people_searchable_by(user=request.user),
        )
        ids = [m.person.pk for m in results]
        warned = set(
            Warning.objects.filter(person_id__in=ids, ended_on__isnull=True).values_list(
                "person_id", flat=True
            )
        )
        for m in results:
            m.has_warning = m.person.pk in warned
    return render(request, "people/search.html", {"form": form, "results": results})
