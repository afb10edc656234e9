package th.pmqa.studio.query.export;

/**
 * How an export names a piece of evidence a result cites: the hook for the evidence store (issue 16), which knows
 * titles and file names as they were at the exported moment. Until it is wired in, the id is what the export prints.
 */
@FunctionalInterface
public interface EvidenceNames {

    EvidenceNames IDS = id -> id;

    String nameOf(String evidenceId);
}
