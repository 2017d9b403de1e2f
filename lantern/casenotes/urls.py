"""Case notes pages; routes and their names are listed in lantern/casenotes/views.py."""

from lantern.casenotes.views import urlpatterns as casenote_urls

app_name = "casenotes"
urlpatterns = [*casenote_urls]
