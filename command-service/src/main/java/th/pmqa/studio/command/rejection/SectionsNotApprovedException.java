package th.pmqa.studio.command.rejection;

import th.pmqa.studio.report.Section;

import java.util.List;

/** Submitting with sections not yet approved, and no override reason. */
public class SectionsNotApprovedException extends RejectedCommandException {

    private final List<Section> unapproved;

    public SectionsNotApprovedException(List<Section> unapproved) {
        super(RejectionKind.CONFLICT, "sections-not-approved", "overrideReason",
                unapproved.size() + " section(s) are not approved yet (" + unapproved.get(0)
                + (unapproved.size() > 1 ? ", …" : "") + "); approve them, or submit with an overrideReason, which is recorded");
        this.unapproved = List.copyOf(unapproved);
    }

    public List<Section> unapproved() {
        return unapproved;
    }
}
