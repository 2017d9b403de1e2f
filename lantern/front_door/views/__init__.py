"""The front door pages, one module per journey; each module declares its own urlpatterns."""
