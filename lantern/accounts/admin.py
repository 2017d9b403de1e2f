from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from lantern.accounts.models import Team, User


@admin.register(User)
class LanternUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Lantern", {"fields": ["role", "team", "job_title", "organisation", "swe_number"]}),
    ]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
