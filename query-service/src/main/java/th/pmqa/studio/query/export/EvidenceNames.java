package th.pmqa.studio.query.export;

import th.pmqa.studio.query.view.EvidenceView;
import th.pmqa.studio.query.view.ReportView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an export names evidence: a file of the report's evidence by its title and file name, as the exported moment
 * lists it (so an export of a moment before an upload names nothing of it), and a result's own references (free
 * text such as a link) as written.
 */
final class EvidenceNames {

    private final Map<String, EvidenceView> files = new LinkedHashMap<>();

    private EvidenceNames(ReportView report) {
        List<EvidenceView> evidence = report.evidence() == null ? List.of() : report.evidence();
        evidence.forEach(file -> files.put(file.evidenceId(), file));
    }

    static EvidenceNames of(ReportView report) {
        return new EvidenceNames(report);
    }

    /** A file's name (with its title), or the reference itself when it names no file of the report. */
    String nameOf(String idOrReference) {
        EvidenceView file = files.get(idOrReference);
        if (file == null) {
            return idOrReference;
        }
        return file.title() == null || file.title().isBlank() ? file.fileName()
                : file.title() + " (" + file.fileName() + ")";
    }

    /** The names of the files uploaded in support of one result, in upload order. */
    List<String> ofResult(String resultId) {
        return files.values().stream().filter(file -> resultId != null && resultId.equals(file.resultId()))
                    .map(file -> nameOf(file.evidenceId())).toList();
    }
}
