"""screening pages (being built)."""

urlpatterns: list = []
