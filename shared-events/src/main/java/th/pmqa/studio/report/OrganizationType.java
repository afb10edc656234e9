package th.pmqa.studio.report;

public enum OrganizationType {
    PROVINCE, AGENCY
}
