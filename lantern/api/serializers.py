from rest_framework import serializers


class SearchResultSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Lantern's internal id, used in other API paths")
    person_id = serializers.CharField(help_text="The stable local person ID used in returns")
    name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    score = serializers.FloatField(help_text="0 to 1; higher is more likely the same person")
    band = serializers.ChoiceField(choices=["strong", "possible", "weak"])
    reasons = serializers.ListField(child=serializers.CharField())
    restricted = serializers.BooleanField()


class SearchResponseSerializer(serializers.Serializer):
    results = SearchResultSerializer(many=True)


class WarningSerializer(serializers.Serializer):
    kind = serializers.CharField()
    detail = serializers.CharField()
    review_date = serializers.DateField()


class CheckFlagSerializer(serializers.Serializer):
    check = serializers.CharField(help_text="Check id")
    finding = serializers.CharField()
    title = serializers.CharField()
    detail = serializers.CharField()
    since = serializers.DateField(allow_null=True)


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person_id = serializers.CharField()
    first_name = serializers.CharField()
    middle_names = serializers.CharField()
    last_name = serializers.CharField()
    known_as = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    expected_date_of_birth = serializers.DateField(allow_null=True)
    date_of_death = serializers.DateField(allow_null=True)
    sex = serializers.CharField()
    ethnicity = serializers.CharField()
    first_language = serializers.CharField()
    religion = serializers.CharField()
    disabilities = serializers.ListField(child=serializers.CharField())
    nhs_number = serializers.CharField()
    upn = serializers.CharField()
    uasc = serializers.BooleanField()
    warnings = WarningSerializer(many=True)
    checks = CheckFlagSerializer(many=True)


class ChronologyEntrySerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.CharField()
    label = serializers.CharField()
    summary = serializers.CharField()
    recorded_by = serializers.CharField(allow_null=True)
    significant = serializers.BooleanField()
    link = serializers.CharField(allow_null=True)


class CheckSerializer(serializers.Serializer):
    id = serializers.CharField()
    finding = serializers.CharField()
    title = serializers.CharField()
    explanation = serializers.CharField()
    flagged = serializers.IntegerField(help_text="How many records the check flags now")


class FlaggedRecordSerializer(serializers.Serializer):
    person_id = serializers.CharField()
    id = serializers.IntegerField()
    name = serializers.CharField()
    detail = serializers.CharField()
    since = serializers.DateField(allow_null=True)


class CheckDetailSerializer(CheckSerializer):
    records = FlaggedRecordSerializer(many=True)
