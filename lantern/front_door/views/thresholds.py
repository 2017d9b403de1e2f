"""thresholds pages (being built)."""

urlpatterns: list = []
