"""strategy pages (being built)."""

urlpatterns: list = []
