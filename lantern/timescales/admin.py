"""Admin for calendar configuration. Saves and deletes go through the services (and so are
validated and audited); bulk delete is switched off for the same reason."""

from django import forms
from django.contrib import admin

from lantern.timescales import services
from lantern.timescales.models import LocalClosureDay, RuleSetting

ADMIN_REASON = "Changed in the admin site"


class _ServiceAdmin(admin.ModelAdmin):
    actions = None


@admin.register(LocalClosureDay)
class LocalClosureDayAdmin(_ServiceAdmin):
    list_display = ["date", "reason"]
    date_hierarchy = "date"

    def has_change_permission(self, request, obj=None):
        # Remove and add again instead, so each change has its own audit event.
        return False

    def save_model(self, request, obj, form, change):
        saved = services.closure_day_add(by=request.user, date=obj.date, reason=obj.reason)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.closure_day_remove(by=request.user, closure_day=obj, reason=ADMIN_REASON)


class RuleSettingAdminForm(forms.ModelForm):
    class Meta:
        model = RuleSetting
        fields = ["rule_id", "offset", "soon_window", "reason"]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            services.rule_setting_validate(
                rule_id=cleaned["rule_id"],
                offset=cleaned["offset"],
                soon_window=cleaned.get("soon_window"),
            )
        return cleaned


@admin.register(RuleSetting)
class RuleSettingAdmin(_ServiceAdmin):
    form = RuleSettingAdminForm
    list_display = ["rule_id", "offset", "soon_window", "updated_by", "updated_at"]
    readonly_fields = ["updated_by", "updated_at"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = services.rule_setting_set(
            by=request.user,
            rule_id=obj.rule_id,
            offset=obj.offset,
            soon_window=obj.soon_window,
            reason=obj.reason,
        )
        obj.pk = saved.pk
