"""intake pages (being built)."""

urlpatterns: list = []
